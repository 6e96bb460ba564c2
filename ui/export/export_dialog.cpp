#include "export/export_dialog.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "project/project.h"

#include "document/graph_document.h"
#include "preferences/theme.h"
#include "train/run_history.h"
#include "training/training_panel.h"

namespace netloom::ui {

namespace {

// The project a checkpoint was trained with: its run folder keeps the exact snapshot. Its graph,
// preprocessing and training settings are what the weights belong to; the dataset (for the
// verification samples) stays the open project's, with paths resolved as the open project does.
Project projectForCheckpoint(const Project& open, const QString& checkpoint) {
    ProjectLoad snap = loadProject(QFileInfo(checkpoint).absolutePath().toStdString() + "/project.netloom");
    if (!snap.ok()) return open;
    Project p = *snap.project;
    p.dataset = open.dataset;
    p.baseDir = open.baseDir;
    return p;
}

}  // namespace

ExportDialog::ExportDialog(GraphDocument* doc, const QString& checkpoint, QWidget* parent) : QDialog(parent), doc_(doc) {
    setWindowTitle(tr("Export model and deployment bundle"));
    setObjectName(QStringLiteral("ExportDialog"));
    auto* layout = new QVBoxLayout(this);

    auto* what = new QGroupBox(tr("What and where"));
    what_ = what;
    auto* form = new QFormLayout(what);
    checkpoint_ = new QComboBox;
    checkpoint_->setEditable(true);
    checkpoint_->setMinimumContentsLength(48);
    auto* browseCheckpoint = new QPushButton(tr("Browse…"));
    auto* cpRow = new QHBoxLayout;
    cpRow->addWidget(checkpoint_, 1);
    cpRow->addWidget(browseCheckpoint);
    form->addRow(tr("Checkpoint"), cpRow);
    destination_ = new QLineEdit;
    auto* browseDestination = new QPushButton(tr("Browse…"));
    auto* destRow = new QHBoxLayout;
    destRow->addWidget(destination_, 1);
    destRow->addWidget(browseDestination);
    form->addRow(tr("Destination folder"), destRow);
    layout->addWidget(what);

    auto* options = new QGroupBox(tr("Options"));
    options_ = options;
    auto* opt = new QFormLayout(options);
    rawImage_ = new QCheckBox(tr("Raw image input (decoding and preprocessing inside the model)"));
    rawImage_->setChecked(true);
    bundle_ = new QCheckBox(tr("Write the deployment bundle (server, Dockerfile, Kubernetes)"));
    bundle_->setChecked(true);
    triton_ = new QCheckBox(tr("Also write a Triton Inference Server model repository"));
    triton_->setChecked(true);
    gpu_ = new QCheckBox(tr("Request a GPU in Kubernetes"));
    replicas_ = new QSpinBox;
    replicas_->setRange(1, 100);
    replicas_->setValue(2);
    cpuRequest_ = new QLineEdit(QStringLiteral("250m"));
    memoryRequest_ = new QLineEdit(QStringLiteral("256Mi"));
    opt->addRow(rawImage_);
    opt->addRow(bundle_);
    opt->addRow(triton_);
    opt->addRow(gpu_);
    opt->addRow(tr("Replicas"), replicas_);
    opt->addRow(tr("CPU request"), cpuRequest_);
    opt->addRow(tr("Memory request"), memoryRequest_);
    layout->addWidget(options);
    const bool image = doc_->project().dataset.kind == "idx" || doc_->project().dataset.kind == "image_folder";
    rawImage_->setEnabled(image);
    rawImage_->setChecked(image);

    progress_ = new QProgressBar;
    progress_->setRange(0, 3);
    progress_->setValue(0);
    stage_ = new QLabel;
    layout->addWidget(progress_);
    layout->addWidget(stage_);
    summary_ = new QLabel;
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_);
    checks_ = new QTreeWidget;
    checks_->setHeaderLabels({tr("Check"), tr("Samples"), tr("Max |difference|"), tr("Top-1 agreement"), tr("Result")});
    checks_->setRootIsDecorated(false);
    checks_->setMinimumHeight(90);
    layout->addWidget(checks_);
    files_ = new QListWidget;
    files_->setMinimumHeight(110);
    layout->addWidget(files_, 1);

    auto* buttons = new QHBoxLayout;
    export_ = new QPushButton(tr("Export"));
    export_->setDefault(true);
    openFolder_ = new QPushButton(tr("Open folder"));
    copyDocker_ = new QPushButton(tr("Copy docker build command"));
    copyKubectl_ = new QPushButton(tr("Copy kubectl apply command"));
    auto* close = new QPushButton(tr("Close"));
    buttons->addWidget(export_);
    buttons->addWidget(openFolder_);
    buttons->addWidget(copyDocker_);
    buttons->addWidget(copyKubectl_);
    buttons->addStretch(1);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    for (QPushButton* b : {openFolder_, copyDocker_, copyKubectl_}) b->setEnabled(false);

    connect(export_, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(openFolder_, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(lastOutDir_)); });
    connect(copyDocker_, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(dockerCommand()); });
    connect(copyKubectl_, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(kubectlCommand()); });
    connect(browseCheckpoint, &QPushButton::clicked, this, [this] {
        QString path = QFileDialog::getOpenFileName(this, tr("Choose a checkpoint"), checkpoint_->currentText(),
                                                    tr("Checkpoints (*.ckpt)"));
        if (!path.isEmpty()) setCheckpoint(path);
    });
    connect(browseDestination, &QPushButton::clicked, this, [this] {
        QString dir = QFileDialog::getExistingDirectory(this, tr("Export into"), destination_->text());
        if (!dir.isEmpty()) setDestination(dir);
    });
    connect(bundle_, &QCheckBox::toggled, this, [this](bool on) {
        for (QWidget* w : std::initializer_list<QWidget*>{triton_, gpu_, replicas_, cpuRequest_, memoryRequest_}) w->setEnabled(on);
    });
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &ExportDialog::onFinished);

    fillCheckpoints();
    if (!checkpoint.isEmpty()) setCheckpoint(checkpoint);
    QString base = QFileInfo(TrainingPanel::runsFolderFor(doc_)).absolutePath();
    setDestination(base + QStringLiteral("/export-") + QString::fromStdString(bundleModelName(doc_->project().name)));
    resize(760, 720);
}

ExportDialog::~ExportDialog() { watcher_.waitForFinished(); }

void ExportDialog::reject() {
    if (isRunning()) {
        stage_->setText(tr("Finishing the export first…"));
        return;
    }
    QDialog::reject();
}

void ExportDialog::fillCheckpoints() {
    checkpoint_->clear();
    for (const RunRecord& r : listRuns(TrainingPanel::runsFolderFor(doc_).toStdString(), doc_->project().name)) {
        if (r.hasBest) checkpoint_->addItem(QString::fromStdString(r.dir + "/best.ckpt"));
        if (r.hasLast) checkpoint_->addItem(QString::fromStdString(r.dir + "/last.ckpt"));
    }
}

void ExportDialog::setDestination(const QString& dir) { destination_->setText(dir); }

void ExportDialog::setCheckpoint(const QString& checkpoint) {
    int i = checkpoint_->findText(checkpoint);
    if (i < 0) {
        checkpoint_->insertItem(0, checkpoint);
        i = 0;
    }
    checkpoint_->setCurrentIndex(i);
}

QString ExportDialog::destination() const { return destination_->text().trimmed(); }

QString ExportDialog::dockerCommand() const {
    QString name = QString::fromStdString(bundleModelName(doc_->project().name));
    return QStringLiteral("docker build -t %1:latest %2").arg(name, lastOutDir_.isEmpty() ? destination() : lastOutDir_);
}

QString ExportDialog::kubectlCommand() const {
    return QStringLiteral("kubectl apply -k %1/k8s").arg(lastOutDir_.isEmpty() ? destination() : lastOutDir_);
}

void ExportDialog::setRunning(bool running) {
    what_->setEnabled(!running);
    options_->setEnabled(!running);
    export_->setEnabled(!running);
}

void ExportDialog::startExport() {
    if (isRunning()) return;
    const QString checkpoint = checkpoint_->currentText().trimmed();
    if (checkpoint.isEmpty() || !QFileInfo::exists(checkpoint)) {
        summary_->setText(errorHtml(tr("Choose a checkpoint first: train the model, or browse to a .ckpt file.")));
        return;
    }
    if (destination().isEmpty()) {
        summary_->setText(errorHtml(tr("Choose a destination folder.")));
        return;
    }
    BundleOptions bundle;
    bundle.replicas = replicas_->value();
    bundle.cpuRequest = cpuRequest_->text().trimmed().toStdString();
    bundle.memoryRequest = memoryRequest_->text().trimmed().toStdString();
    bundle.gpu = gpu_->isChecked();
    bundle.triton = triton_->isChecked();
    const bool writeBundleToo = bundle_->isChecked();
    if (writeBundleToo)
        if (std::string e = validateBundleOptions(bundle); !e.empty()) {
            summary_->setText(errorHtml(QString::fromStdString(e)));
            return;
        }
    ExportOptions options;
    options.outDir = destination().toStdString();
    options.rawImageInput = rawImage_->isChecked();
    succeeded_ = false;
    checks_->clear();
    files_->clear();
    summary_->clear();
    for (QPushButton* b : {openFolder_, copyDocker_, copyKubectl_}) b->setEnabled(false);
    progress_->setValue(1);
    stage_->setText(tr("Exporting to ONNX and verifying in ONNX Runtime against LibTorch…"));
    Project project = projectForCheckpoint(doc_->project(), checkpoint);
    std::string ckpt = checkpoint.toStdString();
    QPointer<ExportDialog> self(this);
    const QString outDir = destination();
    setRunning(true);
    watcher_.setFuture(QtConcurrent::run([project, ckpt, options, bundle, writeBundleToo, outDir, self]() {
        Outcome out;
        out.bundleWanted = writeBundleToo;
        out.outDir = outDir;
        try {
        out.report = exportProject(project, ckpt, options);
        if (out.report.ok && writeBundleToo) {
            QMetaObject::invokeMethod(self.data(), [self] {
                if (!self) return;
                self->progress_->setValue(2);
                self->stage_->setText(tr("Writing the deployment bundle…"));
            }, Qt::QueuedConnection);
            out.bundleError = writeBundle(project, ckpt, out.report, options.outDir, bundle);
            out.bundleWritten = out.bundleError.empty();
        }
        } catch (const std::exception& e) {
            // An exception here would otherwise surface in result() on the GUI thread.
            out.report.ok = false;
            std::string what = e.what();
            out.report.error = what.substr(0, what.find('\n'));
        }
        return out;
    }));
}

void ExportDialog::onFinished() {
    Outcome out = watcher_.result();
    const ExportReport& r = out.report;
    setRunning(false);
    lastOutDir_ = out.outDir;
    progress_->setValue(3);
    for (const ParityCheck& c : r.checks) {
        auto* item = new QTreeWidgetItem({QString::fromStdString(c.what), QString::number(c.samples),
                                          QString::number(c.maxAbsDiff, 'g', 3),
                                          QStringLiteral("%1%").arg(c.top1Agreement * 100, 0, 'f', 1),
                                          c.passed ? tr("passed") : tr("FAILED")});
        item->setForeground(4, c.passed ? QColor(20, 120, 40) : errorColor());
        checks_->addTopLevelItem(item);
    }
    for (int col = 0; col < checks_->columnCount(); ++col) checks_->resizeColumnToContents(col);
    const bool wantBundle = out.bundleWanted;
    succeeded_ = r.ok && (!wantBundle || out.bundleWritten);
    if (!r.ok) {
        stage_->setText(tr("Export failed"));
        summary_->setText(QStringLiteral("<b>%1</b> %2").arg(errorHtml(tr("The export failed.")), errorHtml(QString::fromStdString(r.error))));
    } else if (wantBundle && !out.bundleWritten) {
        stage_->setText(tr("Bundle failed"));
        summary_->setText(QStringLiteral("<b>%1</b> %2")
                              .arg(errorHtml(tr("The model was exported and verified, but the bundle could not be written:")),
                                   errorHtml(QString::fromStdString(out.bundleError))));
    } else {
        stage_->setText(tr("Done"));
        summary_->setText(tr("<b>Verified</b> with %1 (tolerance %2): export %3 s, verification %4 s.")
                              .arg(QString::fromStdString(r.engine))
                              .arg(kMaxAbsDiff)
                              .arg(r.exportSeconds, 0, 'f', 2)
                              .arg(r.verifySeconds, 0, 'f', 2));
    }
    if (r.ok) {
        QDir root(out.outDir);
        QDirIterator it(out.outDir, QDir::Files, QDirIterator::Subdirectories);
        QStringList names;
        while (it.hasNext()) names << root.relativeFilePath(it.next());
        names.sort();
        files_->addItems(names);
        openFolder_->setEnabled(true);
        copyDocker_->setEnabled(out.bundleWritten);
        copyKubectl_->setEnabled(out.bundleWritten);
    }
    Q_EMIT exportFinished(succeeded_);
}

QString ExportDialog::reportText() const { return stage_->text() + QLatin1Char('\n') + summary_->text(); }

}  // namespace netloom::ui
