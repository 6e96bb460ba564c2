#include "export/cluster_job_dialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "document/graph_document.h"
#include "export/job_bundle.h"
#include "version.h"

namespace netloom::ui {

ClusterJobDialog::ClusterJobDialog(GraphDocument* doc, QWidget* parent) : QDialog(parent), doc_(doc) {
    setWindowTitle(tr("Train on a Cluster"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Writes a trainer image and Kubernetes manifests (Kubeflow PyTorchJob, Kubeflow "
                                "Trainer TrainJob, or a plain Indexed Job) that train this project on several "
                                "pods at once. The global batch stays the project's batch size."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    const JobBundleOptions defaults;
    destination_ = new QLineEdit(this);
    destination_->setObjectName(QStringLiteral("jobDestination"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        QString dir = QFileDialog::getExistingDirectory(this, tr("Job Bundle Folder"), destination_->text());
        if (!dir.isEmpty()) destination_->setText(dir);
    });
    auto* where = new QHBoxLayout;
    where->addWidget(destination_);
    where->addWidget(browse);
    form->addRow(tr("Folder:"), where);

    workers_ = new QSpinBox(this);
    workers_->setRange(1, 1000);
    workers_->setValue(defaults.workers);
    form->addRow(tr("Pods:"), workers_);
    gpus_ = new QSpinBox(this);
    gpus_->setRange(0, 16);
    gpus_->setValue(defaults.gpusPerWorker);
    gpus_->setSpecialValueText(tr("none (CPU)"));
    form->addRow(tr("GPUs per pod:"), gpus_);
    image_ = new QLineEdit(this);
    image_->setPlaceholderText(QStringLiteral("netloom-trainer:%1").arg(QStringLiteral(NETLOOM_VERSION)));
    form->addRow(tr("Trainer image:"), image_);
    dataClaim_ = new QLineEdit(this);
    dataClaim_->setPlaceholderText(tr("a new claim, filled as the README says"));
    form->addRow(tr("Data claim:"), dataClaim_);
    runsClaim_ = new QLineEdit(this);
    runsClaim_->setPlaceholderText(tr("a new claim"));
    form->addRow(tr("Runs claim:"), runsClaim_);
    cpuRequest_ = new QLineEdit(QString::fromStdString(defaults.cpuRequest), this);
    form->addRow(tr("CPU per pod:"), cpuRequest_);
    memoryRequest_ = new QLineEdit(QString::fromStdString(defaults.memoryRequest), this);
    form->addRow(tr("Memory per pod:"), memoryRequest_);
    layout->addLayout(form);

    result_ = new QLabel(this);
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(result_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    write_ = buttons->addButton(tr("Write Bundle"), QDialogButtonBox::ApplyRole);
    connect(write_, &QPushButton::clicked, this, [this] { writeBundle(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    const QString projectDir = doc_->filePath().isEmpty() ? QDir::currentPath() : QFileInfo(doc_->filePath()).absolutePath();
    setDestination(QDir(projectDir).filePath(QString::fromStdString(defaultJobName(doc_->project()))));
}

void ClusterJobDialog::setDestination(const QString& dir) { destination_->setText(dir); }

QString ClusterJobDialog::result() const { return result_->text(); }

bool ClusterJobDialog::writeBundle() {
    JobBundleOptions o;
    o.workers = workers_->value();
    o.gpusPerWorker = gpus_->value();
    o.image = image_->text().trimmed().toStdString();
    o.dataClaim = dataClaim_->text().trimmed().toStdString();
    o.runsClaim = runsClaim_->text().trimmed().toStdString();
    o.cpuRequest = cpuRequest_->text().trimmed().toStdString();
    o.memoryRequest = memoryRequest_->text().trimmed().toStdString();
    // Limits equal to the requests: the pods get the Guaranteed class (netloom-cli job sets them apart).
    o.cpuLimit = o.cpuRequest;
    o.memoryLimit = o.memoryRequest;
    if (destination_->text().trimmed().isEmpty()) {
        result_->setText(tr("Choose a folder for the bundle."));
        return false;
    }
    std::string summary;
    std::string error = writeJobBundle(doc_->project(), o, destination_->text().trimmed().toStdString(), summary);
    if (!error.empty()) {
        result_->setText(tr("Not written: %1").arg(QString::fromStdString(error)));
        return false;
    }
    result_->setText(tr("Written to %1. Build the image and start the job as its README.md says, for example:\n"
                        "kubectl apply -f k8s/storage.yaml -f k8s/project.yaml -f k8s/pytorchjob.yaml")
                         .arg(destination_->text().trimmed()));
    return true;
}

}  // namespace netloom::ui
