#include "start/new_from_data_wizard.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <functional>

#include "preferences/theme.h"

namespace netloom::ui {

namespace {

// A page whose Next/Finish button follows a condition the wizard decides.
class GatedPage : public QWizardPage {
public:
    std::function<bool()> complete = [] { return true; };
    std::function<void()> entered;
    std::function<bool()> leaving;
    bool isComplete() const override { return complete(); }
    void initializePage() override {
        if (entered) entered();
    }
    bool validatePage() override { return leaving ? leaving() : true; }
    void refresh() { Q_EMIT completeChanged(); }
};

GatedPage* gated(QWizardPage* page) { return static_cast<GatedPage*>(page); }

QString taskLabel(Task task) {
    switch (task) {
    case Task::Classification: return NewFromDataWizard::tr("Sort into classes (classification)");
    case Task::Binary: return NewFromDataWizard::tr("Yes or no (binary)");
    case Task::Regression: return NewFromDataWizard::tr("Predict numbers (regression)");
    case Task::Reconstruction: return NewFromDataWizard::tr("Reconstruct the input (autoencoder)");
    }
    return {};
}

QString kindLabel(const std::string& kind) {
    if (kind == "image_folder") return NewFromDataWizard::tr("image folders, one per class");
    if (kind == "idx") return NewFromDataWizard::tr("IDX files");
    if (kind == "csv") return NewFromDataWizard::tr("a table (CSV)");
    if (kind == "text_csv") return NewFromDataWizard::tr("texts in a CSV");
    if (kind == "text_folder") return NewFromDataWizard::tr("text files, one folder per class");
    return QString::fromStdString(kind);
}

QString qs(const std::string& s) { return QString::fromStdString(s); }

// What the engine found, as a short HTML report.
QString inspectionHtml(const DataInspection& d) {
    QString html = QStringLiteral("<p><b>%1</b> — %2</p>")
                       .arg(kindLabel(d.kind).toHtmlEscaped(),
                            NewFromDataWizard::tr("%n sample(s)", nullptr, static_cast<int>(d.samples)));
    if (!d.testPath.empty())
        html += QStringLiteral("<p>%1</p>").arg(NewFromDataWizard::tr("A separate test set: %1").arg(qs(d.testPath).toHtmlEscaped()));
    if (!d.classes.empty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(NewFromDataWizard::tr("%n class(es): %1", nullptr, static_cast<int>(d.classes.size()))
                             .arg(qs(d.describe()).toHtmlEscaped()));
    if (!d.sizes.empty()) {
        QStringList sizes;
        for (size_t i = 0; i < d.sizes.size() && i < 5; ++i)
            sizes << QStringLiteral("%1×%2 (%3)").arg(d.sizes[i].width).arg(d.sizes[i].height).arg(d.sizes[i].count);
        if (d.sizes.size() > 5) sizes << QStringLiteral("…");
        html += QStringLiteral("<p>%1<br>%2</p>")
                    .arg(NewFromDataWizard::tr("Image sizes: %1").arg(sizes.join(QStringLiteral(", "))),
                         NewFromDataWizard::tr("Colour: %1 gray, %2 RGB, %3 RGBA")
                             .arg(d.grayImages)
                             .arg(d.rgbImages)
                             .arg(d.rgbaImages));
    }
    if (!d.columns.empty()) {
        html += QStringLiteral("<p>%1").arg(NewFromDataWizard::tr("%n column(s)", nullptr, static_cast<int>(d.columns.size())));
        if (!d.target.empty()) html += QStringLiteral("<br>") + NewFromDataWizard::tr("Target: %1").arg(qs(d.target).toHtmlEscaped());
        if (!d.textColumn.empty())
            html += QStringLiteral("<br>") + NewFromDataWizard::tr("Text column: %1").arg(qs(d.textColumn).toHtmlEscaped());
        if (d.missingValues > 0) html += QStringLiteral("<br>") + NewFromDataWizard::tr("%1 missing values").arg(d.missingValues);
        html += QStringLiteral("</p>");
    }
    if (d.kind == "text_csv" || d.kind == "text_folder")
        html += QStringLiteral("<p>%1</p>")
                    .arg(NewFromDataWizard::tr("Words per text: median %1, 95% under %2, at most %3; %4 different words")
                             .arg(d.textMedianTokens)
                             .arg(d.textP95Tokens)
                             .arg(d.textMaxTokens)
                             .arg(d.distinctTokens));
    for (const std::string& w : d.warnings) html += QStringLiteral("<p>⚠ %1</p>").arg(qs(w).toHtmlEscaped());
    return html;
}

// "a folder/data" → "a folder/data.netloom", or "data-2.netloom" when that exists.
QString freeProjectPath(const QString& dataPath, const QString& name) {
    const QFileInfo data(dataPath);
    const QDir dir = data.absoluteDir();
    const QString base = name.isEmpty() ? data.completeBaseName() : name;
    QString candidate = dir.filePath(base + QStringLiteral(".netloom"));
    for (int n = 2; QFileInfo::exists(candidate); ++n) candidate = dir.filePath(QStringLiteral("%1-%2.netloom").arg(base).arg(n));
    return candidate;
}

}  // namespace

NewFromDataWizard::NewFromDataWizard(QWidget* parent) : QWizard(parent) {
    setWindowTitle(tr("New from Data"));
    setObjectName(QStringLiteral("NewFromDataWizard"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(DataPage, buildDataPage());
    setPage(ChoicesPage, buildChoicesPage());
    setPage(ReviewPage, buildReviewPage());
    connect(&inspectWatcher_, &QFutureWatcher<DataInspection>::finished, this, &NewFromDataWizard::showInspection);
    connect(&proposeWatcher_, &QFutureWatcher<ProjectProposal>::finished, this, &NewFromDataWizard::showProposal);
    resize(640, 520);
}

QWizardPage* NewFromDataWizard::buildDataPage() {
    auto* page = new GatedPage;
    page->setTitle(tr("Your data"));
    page->setSubTitle(tr("A folder of images (one subfolder per class), a CSV table, a CSV of texts, or a folder of IDX files."));
    dataPath_ = new QLineEdit;
    dataPath_->setObjectName(QStringLiteral("dataPath"));
    dataPath_->setPlaceholderText(tr("Path of a folder or a file"));
    auto* folder = new QPushButton(tr("Folder…"));
    auto* file = new QPushButton(tr("File…"));
    connect(folder, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getExistingDirectory(this, tr("Data folder"), dataPath_->text());
        if (!path.isEmpty()) setDataPath(path);
    });
    connect(file, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Data file"), dataPath_->text(),
                                                          tr("Tables and texts (*.csv *.tsv *.txt);;All files (*)"));
        if (!path.isEmpty()) setDataPath(path);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(dataPath_, 1);
    row->addWidget(folder);
    row->addWidget(file);
    found_ = new QTextBrowser;
    found_->setObjectName(QStringLiteral("inspectionReport"));
    found_->setOpenLinks(false);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(found_, 1);

    // Typing waits for a pause before looking; Enter and the buttons look at once.
    inspectTimer_ = new QTimer(this);
    inspectTimer_->setSingleShot(true);
    inspectTimer_->setInterval(500);
    connect(inspectTimer_, &QTimer::timeout, this, &NewFromDataWizard::inspect);
    connect(dataPath_, &QLineEdit::textEdited, this, &NewFromDataWizard::inspectLater);
    connect(dataPath_, &QLineEdit::returnPressed, this, &NewFromDataWizard::inspect);
    page->complete = [this] {
        return inspection_ && inspection_->ok() && inspectedPath_ == dataPath_->text().trimmed() && !inspecting();
    };
    return page;
}

QWizardPage* NewFromDataWizard::buildChoicesPage() {
    auto* page = new GatedPage;
    page->setTitle(tr("Your choices"));
    page->setSubTitle(tr("Each field starts at what fits the data; change what you like."));
    name_ = new QLineEdit;
    name_->setObjectName(QStringLiteral("projectName"));
    task_ = new QComboBox;
    task_->setObjectName(QStringLiteral("task"));
    task_->addItem(tr("Chosen from the data"), QString());
    for (const auto& [task, name] : EnumTable<Task>::entries) task_->addItem(taskLabel(task), QString::fromLatin1(name));
    auto sizeSpin = [](const QString& objectName) {
        auto* spin = new QSpinBox;
        spin->setObjectName(objectName);
        spin->setRange(0, 4096);
        spin->setSpecialValueText(tr("automatic"));
        return spin;
    };
    width_ = sizeSpin(QStringLiteral("width"));
    height_ = sizeSpin(QStringLiteral("height"));
    auto* size = new QHBoxLayout;
    size->addWidget(width_);
    size->addWidget(new QLabel(QStringLiteral("×")));
    size->addWidget(height_);
    size->addStretch(1);
    channels_ = new QComboBox;
    channels_->setObjectName(QStringLiteral("channels"));
    channels_->addItem(tr("automatic"), QString());
    channels_->addItem(tr("gray"), QStringLiteral("gray"));
    channels_->addItem(tr("colour (RGB)"), QStringLiteral("rgb"));
    auto fraction = [](const QString& objectName, double value) {
        auto* spin = new QDoubleSpinBox;
        spin->setObjectName(objectName);
        spin->setRange(0.01, 0.9);
        spin->setSingleStep(0.05);
        spin->setDecimals(2);
        spin->setValue(value);
        return spin;
    };
    const NewProjectChoices defaults;
    validation_ = fraction(QStringLiteral("validationSplit"), defaults.validationSplit);
    test_ = fraction(QStringLiteral("testSplit"), defaults.testSplit);
    epochs_ = new QSpinBox;
    epochs_->setObjectName(QStringLiteral("epochs"));
    epochs_->setRange(1, 100000);
    epochs_->setValue(static_cast<int>(defaults.epochs));
    projectPath_ = new QLineEdit;
    projectPath_->setObjectName(QStringLiteral("projectPath"));
    auto* browse = new QPushButton(tr("Save as…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the project as"), projectPath_->text(),
                                                          tr("Netloom projects (*.netloom)"));
        if (!path.isEmpty()) projectPath_->setText(path);
    });
    auto* where = new QHBoxLayout;
    where->addWidget(projectPath_, 1);
    where->addWidget(browse);
    imageOnly_ = new QLabel;
    imageOnly_->setWordWrap(true);

    auto* form = new QFormLayout(page);
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Task"), task_);
    form->addRow(tr("Image size"), size);
    form->addRow(tr("Channels"), channels_);
    form->addRow(QString(), imageOnly_);
    form->addRow(tr("Validation share"), validation_);
    form->addRow(tr("Test share"), test_);
    form->addRow(tr("Epochs"), epochs_);
    form->addRow(tr("Project file"), where);
    page->entered = [this] { fillChoicesFromInspection(); };
    page->complete = [this] { return !projectPath_->text().trimmed().isEmpty(); };
    connect(projectPath_, &QLineEdit::textChanged, page, [page] { page->refresh(); });
    return page;
}

QWizardPage* NewFromDataWizard::buildReviewPage() {
    auto* page = new GatedPage;
    page->setTitle(tr("Your project"));
    page->setSubTitle(tr("Finish saves the project and opens it: it validates and trains as it is."));
    page->setFinalPage(true);
    review_ = new QTextBrowser;
    review_->setObjectName(QStringLiteral("proposalReport"));
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(review_);
    page->entered = [this] { propose(); };
    page->complete = [this] { return proposal_ && proposal_->ok() && !proposing(); };
    page->leaving = [this] { return saveProposal(); };
    return page;
}

void NewFromDataWizard::setDataPath(const QString& path) {
    dataPath_->setText(path);
    inspect();
}

void NewFromDataWizard::inspectLater() {
    inspection_.reset();
    gated(page(DataPage))->refresh();
    inspectTimer_->start();
}

void NewFromDataWizard::inspect() {
    inspectTimer_->stop();
    const QString path = dataPath_->text().trimmed();
    if (path.isEmpty()) {
        found_->setHtml(tr("Choose a folder or a file."));
        return;
    }
    if (inspecting()) {
        // One look at a time; the newest path is looked at when the running one ends.
        inspectTimer_->start();
        return;
    }
    inspection_.reset();
    inspectedPath_ = path;
    found_->setHtml(tr("Looking at %1…").arg(path.toHtmlEscaped()));
    gated(page(DataPage))->refresh();
    inspectWatcher_.setFuture(QtConcurrent::run([p = path.toStdString()] { return inspectData(p); }));
}

void NewFromDataWizard::showInspection() {
    if (inspectedPath_ != dataPath_->text().trimmed()) {
        inspect();  // the path changed while looking
        return;
    }
    inspection_ = inspectWatcher_.result();
    if (inspection_->ok())
        found_->setHtml(inspectionHtml(*inspection_));
    else
        found_->setHtml(errorHtml(tr("This cannot be used: %1").arg(qs(inspection_->error))));
    gated(page(DataPage))->refresh();
    Q_EMIT inspectionFinished();
}

void NewFromDataWizard::fillChoicesFromInspection() {
    const DataInspection& d = *inspection_;
    const bool images = !d.sizes.empty();
    const QString base = QFileInfo(qs(d.path)).completeBaseName();
    if (name_->text().isEmpty()) name_->setText(base);
    for (QWidget* w : {static_cast<QWidget*>(width_), static_cast<QWidget*>(height_), static_cast<QWidget*>(channels_)})
        w->setEnabled(images);
    if (images) {
        const ImageSizeCount common = d.mostCommonSize();
        imageOnly_->setText(tr("Most images are %1×%2; “automatic” resizes to that (at most 128 on the longer side).")
                                .arg(common.width)
                                .arg(common.height));
    } else {
        imageOnly_->setText(tr("Image size and channels apply to images only."));
    }
    test_->setEnabled(d.testPath.empty());
    if (!d.testPath.empty()) test_->setToolTip(tr("The data has its own test set."));
    if (projectPath_->text().isEmpty()) projectPath_->setText(freeProjectPath(qs(d.path), name_->text()));
}

NewProjectChoices NewFromDataWizard::choices() const {
    NewProjectChoices c;
    c.name = name_->text().trimmed().toStdString();
    const QString task = task_->currentData().toString();
    if (!task.isEmpty()) c.task = enumFromName<Task>(task.toStdString());
    if (width_->isEnabled() && width_->value() > 0 && height_->value() > 0) {
        c.width = width_->value();
        c.height = height_->value();
    }
    if (channels_->isEnabled()) c.channels = channels_->currentData().toString().toStdString();
    c.validationSplit = validation_->value();
    c.testSplit = test_->value();
    c.epochs = epochs_->value();
    return c;
}

void NewFromDataWizard::propose() {
    proposal_.reset();
    review_->setHtml(tr("Choosing the preprocessing and a network for your data…"));
    gated(page(ReviewPage))->refresh();
    proposeWatcher_.setFuture(
        QtConcurrent::run([inspection = *inspection_, c = choices()] { return proposeProject(inspection, c); }));
}

void NewFromDataWizard::showProposal() {
    proposal_ = proposeWatcher_.result();
    if (!proposal_->ok()) {
        review_->setHtml(errorHtml(tr("No project fits these choices: %1").arg(qs(proposal_->error))));
    } else {
        QString html = QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("What was chosen, and why:"));
        for (const std::string& note : proposal_->notes) html += QStringLiteral("<li>%1</li>").arg(qs(note).toHtmlEscaped());
        html += QStringLiteral("</ul><p><b>%1</b> ").arg(tr("The network:"));
        QStringList layers;
        for (const auto& [id, node] : proposal_->project->graph.nodes()) layers << qs(node.type);
        html += layers.join(QStringLiteral(" → ")).toHtmlEscaped() + QStringLiteral("</p>");
        review_->setHtml(html);
    }
    gated(page(ReviewPage))->refresh();
    Q_EMIT proposalFinished();
}

bool NewFromDataWizard::saveProposal() {
    QString path = projectPath_->text().trimmed();
    if (!path.endsWith(QStringLiteral(".netloom"))) path += QStringLiteral(".netloom");
    if (QFileInfo::exists(path) &&
        QMessageBox::question(this, tr("New from Data"), tr("%1 exists. Replace it?").arg(path)) != QMessageBox::Yes)
        return false;
    Project project = *proposal_->project;
    if (!name_->text().trimmed().isEmpty()) project.name = name_->text().trimmed().toStdString();
    if (const std::string error = saveProject(project, path.toStdString()); !error.empty()) {
        QMessageBox::warning(this, tr("New from Data"), qs(error));
        return false;
    }
    savedPath_ = QFileInfo(path).absoluteFilePath();
    return true;
}

}  // namespace netloom::ui
