#include "training/training_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>
#include <cmath>

#include "document/graph_document.h"
#include "forms/settings_form.h"
#include "preferences/preferences.h"
#include "preferences/theme.h"
#include "training/training_charts.h"
#include "training/training_session.h"
#include "train/run_folder.h"

namespace netloom::ui {

namespace {

QString formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("–");
    qint64 s = static_cast<qint64>(std::llround(seconds));
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}


}  // namespace

QString TrainingPanel::epochText(const EpochEvent& e) const {
    const QString best = e.best ? tr(" (best so far)") : QString();
    if (e.validation.samples == 0) {
        QString metric = e.train.accuracy >= 0 ? tr(", accuracy %1").arg(e.train.accuracy, 0, 'f', 4) : QString();
        return tr("Epoch %1: training loss %2%3 (no validation split)%4").arg(e.epoch).arg(e.train.loss, 0, 'f', 4).arg(metric, best);
    }
    QString metric = e.validation.accuracy >= 0 ? tr("val accuracy %1").arg(e.validation.accuracy, 0, 'f', 4)
                                                : tr("val MAE %1").arg(e.validation.mae, 0, 'f', 4);
    return tr("Epoch %1: val loss %2, %3%4").arg(e.epoch).arg(e.validation.loss, 0, 'f', 4).arg(metric, best);
}

QString TrainingPanel::finalEvaluationText(const RunFinished& r) const {
    const Metrics& m = r.evaluation;
    if (r.evaluatedOn.empty()) return tr("no test or validation split: nothing was held out to evaluate");
    QString figure = m.accuracy >= 0 ? tr("accuracy %1").arg(m.accuracy, 0, 'f', 4) : tr("loss %1").arg(m.loss, 0, 'f', 4);
    if (r.evaluatedOn == "test") return tr("test %1").arg(figure);
    return tr("no test split; validation %1").arg(figure);
}

QString TrainingPanel::runsFolderFor(const GraphDocument* doc) {
    if (!doc->filePath().isEmpty()) {
        QFileInfo dir(QFileInfo(doc->filePath()).absolutePath());
        if (dir.isWritable()) return dir.absoluteFilePath() + QStringLiteral("/runs");
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/runs");
}

TrainingPanel::TrainingPanel(GraphDocument* doc, QWidget* parent) : QWidget(parent), doc_(doc) {
    setObjectName(QStringLiteral("TrainingPanel"));
    session_ = new TrainingSession(this);
    auto* layout = new QHBoxLayout(this);
    auto* side = new QVBoxLayout;
    side->addWidget(buildForm());

    auto* controls = new QGroupBox(tr("Run"));
    auto* c = new QVBoxLayout(controls);
    auto* buttons = new QHBoxLayout;
    start_ = new QPushButton(tr("Start"));
    start_->setObjectName(QStringLiteral("StartTraining"));
    pause_ = new QPushButton(tr("Pause"));
    stop_ = new QPushButton(tr("Stop"));
    buttons->addWidget(start_);
    buttons->addWidget(pause_);
    buttons->addWidget(stop_);
    c->addLayout(buttons);
    deviceLabel_ = new QLabel;
    deviceLabel_->setWordWrap(true);
    c->addWidget(deviceLabel_);
    progress_ = new QProgressBar;
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    c->addWidget(progress_);
    status_ = new QLabel(tr("Not started"));
    status_->setWordWrap(true);
    c->addWidget(status_);
    result_ = new QLabel;
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    c->addWidget(result_);
    side->addWidget(controls);
    side->addStretch(1);
    auto* sideWidget = new QWidget;
    sideWidget->setLayout(side);
    sideWidget->setMaximumWidth(330);
    layout->addWidget(sideWidget);
    charts_ = new TrainingCharts;
    layout->addWidget(charts_, 1);

    connect(start_, &QPushButton::clicked, this, &TrainingPanel::startTraining);
    connect(pause_, &QPushButton::clicked, this, &TrainingPanel::togglePause);
    connect(stop_, &QPushButton::clicked, this, &TrainingPanel::stopTraining);

    connect(session_, &TrainingSession::dataProgress, this, [this](const DataProgress& p) {
        QString text = tr("Preparing the data: %1 of %2 images decoded into the cache")
                           .arg(QLocale().toString(static_cast<qlonglong>(p.done)), QLocale().toString(static_cast<qlonglong>(p.total)));
        if (p.done < p.total && p.etaSeconds >= 0) text += tr(", about %1 s left").arg(static_cast<int>(std::ceil(p.etaSeconds)));
        status_->setText(text);
    });
    connect(session_, &TrainingSession::runStarted, this, [this](const RunStarted& info) {
        runDir_ = QString::fromStdString(info.runDir);
        deviceLabel_->setText(tr("Device: %1 · %2 parameters").arg(QString::fromStdString(info.device),
                                                                 QLocale().toString(static_cast<qlonglong>(info.parameters))));
        batchesPerEpoch_ = info.batchesPerEpoch;
        firstEpoch_ = info.firstEpoch;
        epochs_ = info.epochs;
        totalSteps_ = (info.epochs - info.firstEpoch + 1) * info.batchesPerEpoch;
        firstStep_ = -1;
        clock_.start();
        pausedMs_ = 0;
        charts_->begin(info);
        status_->setText(tr("Epoch %1 of %2 starting…").arg(info.firstEpoch).arg(info.epochs));
        if (info.skippedInputs > 0)
            status_->setText(status_->text() + " " + tr("(%n unreadable input(s) skipped, named in the run's events)", nullptr,
                                                     static_cast<int>(info.skippedInputs)));
    });
    connect(session_, &TrainingSession::batches, this, [this](const QVector<BatchEvent>& events) {
        charts_->addBatches(events);
        const BatchEvent& e = events.back();
        if (firstStep_ < 0) firstStep_ = events.front().globalStep - 1;
        int64_t done = (e.epoch - firstEpoch_) * batchesPerEpoch_ + e.batch;
        double fraction = totalSteps_ > 0 ? static_cast<double>(done) / totalSteps_ : 0;
        progress_->setValue(static_cast<int>(fraction * 1000));
        double elapsed = (clock_.elapsed() - pausedMs_) / 1000.0;
        double eta = done > 0 ? elapsed / done * (totalSteps_ - done) : NAN;
        status_->setText(tr("Epoch %1/%2 · batch %3/%4 · loss %5 · %6 samples/s · ETA %7")
                             .arg(e.epoch)
                             .arg(epochs_)
                             .arg(e.batch)
                             .arg(e.batchesPerEpoch)
                             .arg(e.loss, 0, 'f', 4)
                             .arg(QLocale().toString(e.samplesPerSecond, 'f', 0))
                             .arg(formatDuration(eta)));
        progress_->setFormat(session_->isPaused() ? tr("%p% · paused") : tr("%p% · ETA %1").arg(formatDuration(eta)));
        if (session_->isPaused()) status_->setText(tr("Paused at epoch %1, batch %2").arg(e.epoch).arg(e.batch));
    });
    connect(session_, &TrainingSession::epochFinished, this, [this](const EpochEvent& e) {
        charts_->addEpoch(e);
        result_->setText(epochText(e));
    });
    connect(session_, &TrainingSession::pausedChanged, this, [this](bool paused) {
        pause_->setText(paused ? tr("Resume") : tr("Pause"));
        if (paused) {
            pausedAt_.start();
            status_->setText(tr("Paused"));
            progress_->setFormat(tr("%p% · paused"));
        } else if (pausedAt_.isValid()) {
            pausedMs_ += pausedAt_.elapsed();  // the ETA counts training time, not the pause
            pausedAt_.invalidate();
            status_->setText(tr("Resuming…"));
        }
    });
    connect(session_, &TrainingSession::runFinished, this, [this](const RunFinished& r) {
        QString test = finalEvaluationText(r);
        const bool stopped = r.reason.rfind("stopped by the user", 0) == 0;
        status_->setText(stopped ? tr("Stopped: %1 — resume it from the run list").arg(QString::fromStdString(r.reason))
                                 : tr("Finished: %1").arg(QString::fromStdString(r.reason)));
        result_->setText(r.bestEpoch > 0 ? tr("Best epoch %1 · %2 · checkpoints in %3").arg(r.bestEpoch).arg(test, runDir_)
                                         : tr("No epoch completed; the run can be resumed from %1").arg(runDir_));
        if (r.reason == "completed") progress_->setValue(1000);
    });
    connect(session_, &TrainingSession::runFailed, this, [this](const QString& why) {
        status_->setText(errorHtml(tr("Training failed: %1").arg(why)));
        showingProblem_ = true;
    });
    connect(session_, &TrainingSession::threadEnded, this, [this] {
        setRunning(false);
        progress_->setFormat(QStringLiteral("%p%"));  // no ETA once nothing runs
        Q_EMIT runEnded(runDir_);
    });
    connect(doc_, &GraphDocument::settingsChanged, this, [this] {
        showSettings();
        forgetStaleProblem();
    });
    connect(doc_, &GraphDocument::analysisChanged, this, &TrainingPanel::forgetStaleProblem);
    connect(doc_, &GraphDocument::documentReset, this, &TrainingPanel::resetForAnotherProject);
    showSettings();
    setRunning(false);
}

TrainingPanel::~TrainingPanel() {
    // Stop before the widgets the session reports to are gone; the run keeps its checkpoint.
    disconnect(session_, nullptr, this, nullptr);
    session_->stopAndWait(60000);
}

// Every training setting of the project file, from the settings vocabulary.
QWidget* TrainingPanel::buildForm() {
    auto* box = new QGroupBox(tr("Training settings"));
    auto* layout = new QVBoxLayout(box);
    form_ = new SettingsForm(doc_, {"training."});
    auto* scroll = new QScrollArea;
    scroll->setWidget(form_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll);
    return box;
}

void TrainingPanel::showSettings() {
    const TrainingSettings& t = doc_->project().training;
    form_->showValues();
    if (!isTraining()) {
        // Before a run: the device it will use; CPU runs use the project's threads or one per core.
        // "auto" and 0 threads take the defaults of Preferences.
        const TrainOptions defaults = withPreferredDefaults({});
        QString device = QString::fromStdString(describeDevice(defaults.device.empty() ? t.device : defaults.device));
        const int64_t threads = t.threads > 0 ? t.threads : defaults.threads;
        if (device.startsWith(QLatin1String("cpu")))
            device = tr("CPU, %1 threads").arg(threads > 0 ? static_cast<int>(threads) : QThread::idealThreadCount());
        deviceLabel_->setText(tr("Device: %1").arg(device));
    }
}

bool TrainingPanel::isTraining() const { return session_->isRunning(); }

QString TrainingPanel::statusText() const { return status_->text(); }

bool TrainingPanel::startTraining() {
    if (isTraining()) return false;
    if (!doc_->analysis().ok()) {
        status_->setText(errorHtml(tr("The network has problems; fix them first (see Problems).")));
        showingProblem_ = true;
        return false;
    }
    TrainOptions options = extra_;
    options.runDir = newRunFolderPath(runsFolderFor(doc_).toStdString(), doc_->project().name);
    return launch(options);
}

// Another project: nothing of the previous one's run stays on screen.
void TrainingPanel::resetForAnotherProject() {
    showSettings();
    if (isTraining()) return;
    charts_->clear();
    runDir_.clear();
    result_->clear();
    progress_->setValue(0);
    progress_->setFormat(QStringLiteral("%p%"));
    status_->setText(tr("Not started"));
    showingProblem_ = false;
}

// A refusal to start names a problem; once the project changes, it may be fixed, so it goes.
void TrainingPanel::forgetStaleProblem() {
    if (isTraining() || !showingProblem_) return;
    showingProblem_ = false;
    status_->setText(doc_->analysis().ok() ? tr("Ready to train") : tr("The network has problems (see Problems)."));
}

bool TrainingPanel::resumeRun(const QString& runDir) {
    if (isTraining()) return false;
    TrainOptions options = extra_;
    options.resumeDir = runDir.toStdString();
    return launch(options);
}

TrainOptions TrainingPanel::withPreferredDefaults(TrainOptions options) const {
    const TrainingSettings& t = doc_->project().training;
    const Preferences prefs = Preferences::load();
    if (options.device.empty() && t.device == "auto" && prefs.device != QLatin1String("auto"))
        options.device = prefs.device.toStdString();
    if (options.threads == 0 && t.threads == 0) options.threads = prefs.threads;
    return options;
}

bool TrainingPanel::launch(const TrainOptions& requested) {
    Project project = doc_->project();
    const TrainOptions options = withPreferredDefaults(requested);
    result_->clear();
    progress_->setValue(0);
    progress_->setFormat(QStringLiteral("%p%"));
    if (!session_->start(project, options)) return false;
    status_->setText(tr("Reading the dataset…"));
    setRunning(true);
    return true;
}

void TrainingPanel::togglePause() {
    if (!isTraining()) return;
    if (session_->isPaused()) session_->resume();
    else session_->pause();
}

void TrainingPanel::stopTraining() {
    if (!isTraining()) return;
    status_->setText(tr("Stopping after this batch…"));
    session_->stop();
}

void TrainingPanel::setRunning(bool running) {
    start_->setEnabled(!running);
    pause_->setEnabled(running);
    stop_->setEnabled(running);
    pause_->setText(tr("Pause"));
    // A run uses the settings it started with: they stay readable, not editable, until it ends.
    form_->setEnabled(!running);
}

}  // namespace netloom::ui
