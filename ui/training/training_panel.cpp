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
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>
#include <cmath>

#include "document/graph_document.h"
#include "preferences/preferences.h"
#include "training/training_charts.h"
#include "training/training_session.h"

namespace netloom::ui {

namespace {

QString formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("–");
    qint64 s = static_cast<qint64>(std::llround(seconds));
    return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString safeName(QString name) {
    name = name.trimmed();
    for (QChar& c : name)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_')) c = QLatin1Char('-');
    return name.isEmpty() ? QStringLiteral("run") : name;
}

}  // namespace

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
        charts_->begin(info);
        status_->setText(tr("Epoch %1 of %2 starting…").arg(info.firstEpoch).arg(info.epochs));
    });
    connect(session_, &TrainingSession::batches, this, [this](const QVector<BatchEvent>& events) {
        charts_->addBatches(events);
        const BatchEvent& e = events.back();
        if (firstStep_ < 0) firstStep_ = events.front().globalStep - 1;
        int64_t done = (e.epoch - firstEpoch_) * batchesPerEpoch_ + e.batch;
        double fraction = totalSteps_ > 0 ? static_cast<double>(done) / totalSteps_ : 0;
        progress_->setValue(static_cast<int>(fraction * 1000));
        double elapsed = clock_.elapsed() / 1000.0;
        double eta = done > 0 ? elapsed / done * (totalSteps_ - done) : NAN;
        status_->setText(tr("Epoch %1/%2 · batch %3/%4 · loss %5 · %6 samples/s · ETA %7")
                             .arg(e.epoch)
                             .arg(epochs_)
                             .arg(e.batch)
                             .arg(e.batchesPerEpoch)
                             .arg(e.loss, 0, 'f', 4)
                             .arg(QLocale().toString(e.samplesPerSecond, 'f', 0))
                             .arg(formatDuration(eta)));
        progress_->setFormat(tr("%p% · ETA %1").arg(formatDuration(eta)));
    });
    connect(session_, &TrainingSession::epochFinished, this, [this](const EpochEvent& e) {
        charts_->addEpoch(e);
        QString metric = e.validation.accuracy >= 0 ? tr("val accuracy %1").arg(e.validation.accuracy, 0, 'f', 4)
                                                    : tr("val MAE %1").arg(e.validation.mae, 0, 'f', 4);
        result_->setText(tr("Epoch %1: val loss %2, %3%4").arg(e.epoch).arg(e.validation.loss, 0, 'f', 4).arg(metric,
                                                                                                            e.best ? tr(" (best so far)") : QString()));
    });
    connect(session_, &TrainingSession::pausedChanged, this, [this](bool paused) {
        pause_->setText(paused ? tr("Resume") : tr("Pause"));
        if (paused) status_->setText(tr("Paused"));
    });
    connect(session_, &TrainingSession::runFinished, this, [this](const RunFinished& r) {
        QString test = r.test.accuracy >= 0 ? tr("test accuracy %1").arg(r.test.accuracy, 0, 'f', 4)
                                            : tr("test loss %1").arg(r.test.loss, 0, 'f', 4);
        status_->setText(tr("Finished: %1").arg(QString::fromStdString(r.reason)));
        result_->setText(r.bestEpoch > 0 ? tr("Best epoch %1 · %2 · checkpoints in %3").arg(r.bestEpoch).arg(test, runDir_)
                                         : tr("No epoch completed; the run can be resumed from %1").arg(runDir_));
        if (r.reason == "completed") progress_->setValue(1000);
    });
    connect(session_, &TrainingSession::runFailed, this, [this](const QString& why) {
        status_->setText(tr("<span style='color:#b00020'>Training failed: %1</span>").arg(why.toHtmlEscaped()));
    });
    connect(session_, &TrainingSession::threadEnded, this, [this] {
        setRunning(false);
        Q_EMIT runEnded(runDir_);
    });
    connect(doc_, &GraphDocument::settingsChanged, this, &TrainingPanel::showSettings);
    connect(doc_, &GraphDocument::documentReset, this, &TrainingPanel::showSettings);
    showSettings();
    setRunning(false);
}

TrainingPanel::~TrainingPanel() {
    // Stop before the widgets the session reports to are gone; the run keeps its checkpoint.
    disconnect(session_, nullptr, this, nullptr);
    session_->stopAndWait(60000);
}

QWidget* TrainingPanel::buildForm() {
    auto* box = new QGroupBox(tr("Hyperparameters"));
    auto* form = new QFormLayout(box);
    optimizer_ = new QComboBox;
    for (const char* o : {"sgd", "adam", "adamw", "rmsprop"}) optimizer_->addItem(QString::fromLatin1(o));
    learningRate_ = new QDoubleSpinBox;
    learningRate_->setDecimals(6);
    learningRate_->setRange(1e-6, 10.0);
    learningRate_->setSingleStep(1e-4);
    schedule_ = new QComboBox;
    for (const char* s : {"none", "step", "cosine", "plateau"}) schedule_->addItem(QString::fromLatin1(s));
    batchSize_ = new QSpinBox;
    batchSize_->setRange(1, 65536);
    epochsSpin_ = new QSpinBox;
    epochsSpin_->setRange(1, 100000);
    earlyStopping_ = new QCheckBox(tr("Stop early"));
    stopMetric_ = new QComboBox;
    for (const char* m : {"val_loss", "val_accuracy", "val_mae", "val_auc"}) stopMetric_->addItem(QString::fromLatin1(m));
    patience_ = new QSpinBox;
    patience_->setRange(1, 1000);
    device_ = new QComboBox;
    for (const char* d : {"auto", "cpu", "cuda"}) device_->addItem(QString::fromLatin1(d));
    threads_ = new QSpinBox;
    threads_->setRange(0, QThread::idealThreadCount() * 2);
    threads_->setSpecialValueText(tr("one per core"));
    form->addRow(tr("Optimizer"), optimizer_);
    form->addRow(tr("Learning rate"), learningRate_);
    form->addRow(tr("Schedule"), schedule_);
    form->addRow(tr("Batch size"), batchSize_);
    form->addRow(tr("Epochs"), epochsSpin_);
    form->addRow(earlyStopping_);
    form->addRow(tr("Monitor"), stopMetric_);
    form->addRow(tr("Patience"), patience_);
    form->addRow(tr("Device"), device_);
    form->addRow(tr("CPU threads"), threads_);
    for (QComboBox* c : {optimizer_, schedule_, stopMetric_, device_})
        connect(c, &QComboBox::currentIndexChanged, this, [this, c] { commit(tr("Change %1").arg(c->objectName())); });
    optimizer_->setObjectName(tr("optimizer"));
    schedule_->setObjectName(tr("schedule"));
    stopMetric_->setObjectName(tr("early-stopping metric"));
    device_->setObjectName(tr("device"));
    connect(learningRate_, &QDoubleSpinBox::valueChanged, this, [this] { commit(tr("Change learning rate")); });
    connect(batchSize_, &QSpinBox::valueChanged, this, [this] { commit(tr("Change batch size")); });
    connect(epochsSpin_, &QSpinBox::valueChanged, this, [this] { commit(tr("Change epochs")); });
    connect(patience_, &QSpinBox::valueChanged, this, [this] { commit(tr("Change patience")); });
    connect(threads_, &QSpinBox::valueChanged, this, [this] { commit(tr("Change threads")); });
    connect(earlyStopping_, &QCheckBox::toggled, this, [this] { commit(tr("Change early stopping")); });
    return box;
}

void TrainingPanel::showSettings() {
    updating_ = true;
    const TrainingSettings& t = doc_->project().training;
    optimizer_->setCurrentText(QString::fromStdString(t.optimizer.type));
    learningRate_->setValue(t.optimizer.learningRate);
    schedule_->setCurrentText(QString::fromStdString(t.schedule.type));
    batchSize_->setValue(static_cast<int>(t.batchSize));
    epochsSpin_->setValue(static_cast<int>(t.epochs));
    earlyStopping_->setChecked(t.earlyStopping.enabled);
    stopMetric_->setCurrentText(QString::fromStdString(t.earlyStopping.metric));
    patience_->setValue(static_cast<int>(t.earlyStopping.patience));
    device_->setCurrentText(QString::fromStdString(t.device));
    threads_->setValue(static_cast<int>(t.threads));
    stopMetric_->setEnabled(t.earlyStopping.enabled);
    patience_->setEnabled(t.earlyStopping.enabled);
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
    updating_ = false;
}

void TrainingPanel::commit(const QString& what) {
    if (updating_) return;
    ProjectSettings s = doc_->settings();
    TrainingSettings& t = s.training;
    t.optimizer.type = optimizer_->currentText().toStdString();
    t.optimizer.learningRate = learningRate_->value();
    t.schedule.type = schedule_->currentText().toStdString();
    t.batchSize = batchSize_->value();
    t.epochs = epochsSpin_->value();
    t.earlyStopping.enabled = earlyStopping_->isChecked();
    t.earlyStopping.metric = stopMetric_->currentText().toStdString();
    t.earlyStopping.patience = patience_->value();
    t.device = device_->currentText().toStdString();
    t.threads = threads_->value();
    doc_->setSettings(s, what);
}

bool TrainingPanel::isTraining() const { return session_->isRunning(); }

QString TrainingPanel::statusText() const { return status_->text(); }

bool TrainingPanel::startTraining() {
    if (isTraining()) return false;
    if (!doc_->analysis().ok()) {
        status_->setText(tr("<span style='color:#b00020'>The network has problems; fix them first (see Problems).</span>"));
        return false;
    }
    TrainOptions options = extra_;
    QString name = safeName(QString::fromStdString(doc_->project().name)) + QLatin1Char('-') +
                   QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString folder = runsFolderFor(doc_);
    QDir().mkpath(folder);
    QString dir = folder + QLatin1Char('/') + name;
    for (int k = 2; QFileInfo::exists(dir); ++k) dir = folder + QLatin1Char('/') + name + QStringLiteral("-%1").arg(k);
    options.runDir = dir.toStdString();
    return launch(options);
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
    for (QWidget* w : std::initializer_list<QWidget*>{optimizer_, learningRate_, schedule_, batchSize_, epochsSpin_,
                                                      earlyStopping_, device_, threads_})
        w->setEnabled(!running);
}

}  // namespace netloom::ui
