#include "data/dataset_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "charts/chart.h"
#include "data/csv_table_model.h"
#include "data/dataset_source.h"
#include "data/image_conversion.h"
#include "data/thumbnail_model.h"
#include "document/graph_document.h"
#include "forms/param_editor.h"
#include "forms/settings_form.h"
#include "project/settings.h"
#include "preferences/theme.h"

namespace netloom::ui {

namespace {

QColor splitColor(int split) {
    static const QColor colors[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44)};
    return colors[split % 3];
}

}  // namespace

DatasetPanel::DatasetPanel(GraphDocument* doc, DatasetSource* source, QWidget* parent)
    : QWidget(parent), doc_(doc), source_(source) {
    setObjectName(QStringLiteral("DatasetPanel"));
    auto* layout = new QVBoxLayout(this);

    auto* top = new QHBoxLayout;
    headline_ = new QLabel(tr("No dataset loaded"));
    headline_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    headline_->setWordWrap(true);
    busy_ = new QProgressBar;
    busy_->setRange(0, 0);  // a scan reports stages, not fractions
    busy_->setMaximumWidth(220);
    busy_->setTextVisible(true);
    busy_->hide();
    auto* reload = new QPushButton(tr("Reload"));
    connect(reload, &QPushButton::clicked, source_, &DatasetSource::reload);
    top->addWidget(headline_, 1);
    top->addWidget(busy_);
    top->addWidget(reload);
    layout->addLayout(top);
    error_ = new QLabel;
    error_->setStyleSheet(QStringLiteral("color: %1;").arg(errorColor().name()));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->hide();
    layout->addWidget(error_);
    // The data can be browsed but not trained on as it is: the reason, and the fix in one click.
    auto* problemRow = new QHBoxLayout;
    problem_ = new QLabel;
    problem_->setObjectName(QStringLiteral("DataProblem"));
    problem_->setWordWrap(true);
    problem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fixProblem_ = new QPushButton;
    fixProblem_->setObjectName(QStringLiteral("FixDataProblem"));
    problemRow->addWidget(problem_, 1);
    problemRow->addWidget(fixProblem_);
    layout->addLayout(problemRow);
    problem_->hide();
    fixProblem_->hide();
    connect(fixProblem_, &QPushButton::clicked, this, [this] {
        auto b = source_->browser();
        if (!b) return;
        const DataSummary& s = b->summary();
        ProjectSettings settings = doc_->settings();
        settings.preprocess.image.insert(settings.preprocess.image.begin(),
                                         ImageStep::make("resize", {{"width", s.suggestedWidth}, {"height", s.suggestedHeight}}));
        doc_->setSettings(settings, tr("Add a resize step"));
    });

    auto* split = new QSplitter(Qt::Horizontal);
    layout->addWidget(split, 1);

    // Left: the source settings, the counts and the samples.
    auto* left = new QSplitter(Qt::Vertical);
    auto* upper = new QWidget;
    auto* upperLayout = new QHBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->addWidget(buildSourceForm());
    counts_ = new Chart(tr("Samples per class and split"));
    counts_->placeLegendAbove();
    upperLayout->addWidget(counts_, 1);
    left->addWidget(upper);

    pages_ = new QStackedWidget;
    auto* samplesPage = new QSplitter(Qt::Vertical);
    samples_ = new ThumbnailModel(this);
    sampleView_ = new QListView;
    sampleView_->setObjectName(QStringLiteral("SampleGrid"));
    sampleView_->setModel(samples_);
    sampleView_->setUniformItemSizes(true);  // lets the view lay out 70k rows without asking each one
    sampleView_->setLayoutMode(QListView::Batched);
    sampleView_->setBatchSize(500);
    samplesPage->addWidget(sampleView_);
    lengths_ = new Chart(tr("Text length (tokens after preprocessing)"));
    samplesPage->addWidget(lengths_);
    pages_->addWidget(samplesPage);

    auto* tablePage = new QSplitter(Qt::Vertical);
    table_ = new QTableView;
    tableModel_ = new CsvTableModel(this);
    table_->setModel(tableModel_);
    stats_ = new QTableView;
    statsModel_ = new ColumnStatsModel(this);
    stats_->setModel(statsModel_);
    stats_->verticalHeader()->hide();
    tablePage->addWidget(table_);
    tablePage->addWidget(stats_);
    pages_->addWidget(tablePage);
    left->addWidget(pages_);
    left->setStretchFactor(1, 2);
    split->addWidget(left);

    // Right: the selected sample and the skipped inputs.
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    auto* sampleBox = new QGroupBox(tr("Sample"));
    auto* sampleLayout = new QVBoxLayout(sampleBox);
    sampleImage_ = new QLabel;
    sampleImage_->setAlignment(Qt::AlignCenter);
    sampleImage_->setMinimumSize(200, 200);
    sampleCaption_ = new QLabel(tr("Select a sample"));
    sampleCaption_->setWordWrap(true);
    sampleCaption_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sampleLayout->addWidget(sampleImage_, 1);
    sampleLayout->addWidget(sampleCaption_);
    rightLayout->addWidget(sampleBox, 2);
    auto* skippedBox = new QGroupBox(tr("Unreadable or skipped inputs"));
    auto* skippedLayout = new QVBoxLayout(skippedBox);
    skipped_ = new QTreeWidget;
    skipped_->setHeaderLabels({tr("Input"), tr("Reason")});
    skipped_->setRootIsDecorated(false);
    skippedLayout->addWidget(skipped_);
    rightLayout->addWidget(skippedBox, 1);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    connect(sampleView_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& i) { showSample(i.row()); });
    connect(table_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& i) { showSample(i.row()); });
    connect(samples_, &ThumbnailModel::unreadable, this, [this](int row, const QString& why) {
        auto b = samples_->browser();
        if (!b) return;
        const QString where = QString::fromStdString(b->origin(row));
        if (!skipped_->findItems(where, Qt::MatchExactly, 0).isEmpty()) return;  // listed by the loader already
        auto* item = new QTreeWidgetItem({where, why});
        item->setToolTip(0, item->text(0));
        skipped_->addTopLevelItem(item);
    });
    connect(source_, &DatasetSource::loadingStarted, this, [this] {
        busy_->show();
        busy_->setFormat(tr("reading…"));
        error_->hide();
    });
    connect(source_, &DatasetSource::stageChanged, this, [this](const QString& s) { busy_->setFormat(s + QStringLiteral("…")); });
    connect(source_, &DatasetSource::loaded, this, &DatasetPanel::onLoaded);
    connect(source_, &DatasetSource::failed, this, &DatasetPanel::onFailed);
    connect(doc_, &GraphDocument::settingsChanged, this, &DatasetPanel::showSettings);
    connect(doc_, &GraphDocument::documentReset, this, &DatasetPanel::showSettings);
    showSettings();
}

// The dataset settings from the settings vocabulary, with a file chooser for the path.
QWidget* DatasetPanel::buildSourceForm() {
    auto* box = new QGroupBox(tr("Source"));
    auto* layout = new QVBoxLayout(box);
    form_ = new SettingsForm(doc_, {"dataset."});
    form_->editor("dataset.kind")->setChoiceLabels([](const std::string& kind) {
        if (kind == "idx") return tr("IDX (MNIST-style)");
        if (kind == "image_folder") return tr("Image folders");
        if (kind == "csv") return tr("CSV table");
        if (kind == "text_csv") return tr("Text in a CSV");
        if (kind == "text_folder") return tr("Text files per class");
        if (kind == "webdataset") return tr("WebDataset shards (streamed)");
        if (kind == "none") return tr("None");
        return QString::fromStdString(kind);
    });
    layout->addWidget(form_);
    auto* browse = new QPushButton(tr("Browse for the data…"));
    browse->setObjectName(QStringLiteral("BrowseDataPath"));
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, &DatasetPanel::browseForData);
    box->setMaximumWidth(360);
    return box;
}

void DatasetPanel::browseForData() {
    const std::string kind = doc_->project().dataset.kind;
    const QString current = QString::fromStdString(doc_->project().resolvePath(doc_->project().dataset.path));
    const bool file = kind == "csv" || kind == "text_csv";
    QString path = file ? QFileDialog::getOpenFileName(this, tr("Choose the data file"), current,
                                                       tr("CSV files (*.csv);;All files (*)"))
                        : QFileDialog::getExistingDirectory(this, tr("Choose the data folder"), current);
    if (path.isEmpty()) return;
    Project edited = doc_->project();
    if (!applySetting(edited, "dataset.path", path.toStdString()).empty()) return;
    ProjectSettings s = doc_->settings();
    s.dataset = edited.dataset;
    doc_->setSettings(s, tr("Change dataset path"));
}

void DatasetPanel::showSettings() { form_->showValues(); }

void DatasetPanel::clearSample() {
    current_ = -1;
    sampleImage_->clear();
    sampleCaption_->setText(tr("Select a sample"));
}

void DatasetPanel::showProblem(const DataSummary& s) {
    problem_->setVisible(!s.problem.empty());
    problem_->setText(tr("<b>Training cannot use this data as it is:</b> %1").arg(QString::fromStdString(s.problem).toHtmlEscaped()));
    const bool fix = s.suggestedWidth > 0 && s.suggestedHeight > 0;
    fixProblem_->setVisible(fix);
    if (fix) fixProblem_->setText(tr("Add a resize step to %1×%2").arg(s.suggestedWidth).arg(s.suggestedHeight));
}

void DatasetPanel::onLoaded() {
    busy_->hide();
    error_->hide();
    clearSample();
    auto b = source_->browser();
    const DataSummary& s = b->summary();
    showProblem(s);
    QLocale locale;
    headline_->setText(tr("<b>%1</b> · %2 samples (train %3, validation %4, test %5) · %6 classes · read in %7 s")
                           .arg(QString::fromStdString(s.kind))
                           .arg(locale.toString(static_cast<qlonglong>(b->sampleCount())))
                           .arg(locale.toString(static_cast<qlonglong>(s.trainSize)))
                           .arg(locale.toString(static_cast<qlonglong>(s.validationSize)))
                           .arg(locale.toString(static_cast<qlonglong>(s.testSize)))
                           .arg(s.classNames.size())
                           .arg(locale.toString(s.loadSeconds, 'f', 2)));
    samples_->setBrowser(b);
    tableModel_->setBrowser(b);
    statsModel_->setBrowser(b);
    const bool images = b->kind() == DataBrowser::Kind::Images;
    pages_->setCurrentIndex(b->kind() == DataBrowser::Kind::Table ? 1 : 0);
    sampleView_->setViewMode(images ? QListView::IconMode : QListView::ListMode);
    sampleView_->setResizeMode(QListView::Adjust);
    sampleView_->setMovement(QListView::Static);
    sampleView_->setGridSize(images ? QSize(ThumbnailModel::kThumbnailSize + 24, ThumbnailModel::kThumbnailSize + 24) : QSize());
    sampleView_->setIconSize(QSize(ThumbnailModel::kThumbnailSize, ThumbnailModel::kThumbnailSize));
    lengths_->setVisible(b->kind() == DataBrowser::Kind::Text);
    stats_->resizeColumnsToContents();

    skipped_->clear();
    for (const SkippedInput& k : s.skipped) {
        auto* item = new QTreeWidgetItem({QString::fromStdString(k.location), QString::fromStdString(k.reason)});
        item->setToolTip(0, item->text(0));
        item->setToolTip(1, item->text(1));
        skipped_->addTopLevelItem(item);
    }
    for (const std::string& note : s.notes) skipped_->addTopLevelItem(new QTreeWidgetItem({tr("note"), QString::fromStdString(note)}));
    skipped_->resizeColumnToContents(0);
    fillCounts();
    fillTextLengths();
    if (b->sampleCount() > 0) selectSample(0);
}

void DatasetPanel::onFailed(const QString& error) {
    busy_->hide();
    problem_->hide();
    fixProblem_->hide();
    // Nothing chosen yet is not an error: say what to do next.
    const DatasetSpec& d = doc_->project().dataset;
    if (d.kind == "none") {
        error_->hide();
        headline_->setText(tr("No dataset yet: choose the kind of data and its file or folder on the left, "
                              "or start with File ▸ New from Data…"));
    } else if (d.path.empty()) {
        error_->hide();
        headline_->setText(d.kind == "csv" || d.kind == "text_csv" ? tr("Choose the CSV file (Browse for the data…).")
                                                                   : tr("Choose the data folder (Browse for the data…)."));
    } else {
        error_->setText(tr("The dataset cannot be read: %1").arg(error));
        error_->show();
        headline_->setText(tr("No dataset loaded"));
    }
    clearSample();
    skipped_->clear();
    samples_->setBrowser(nullptr);
    tableModel_->setBrowser(nullptr);
    statsModel_->setBrowser(nullptr);
    counts_->clearPlottables();
    counts_->refresh();
}

void DatasetPanel::fillCounts() {
    counts_->clearPlottables();
    auto b = source_->browser();
    const DataSummary& s = b->summary();
    const std::vector<int64_t>* splits[] = {&s.trainCounts, &s.validationCounts, &s.testCounts};
    const QString names[] = {tr("train"), tr("validation"), tr("test")};
    if (!barsGroup_) barsGroup_ = new QCPBarsGroup(counts_);
    auto* group = barsGroup_;
    const int classes = static_cast<int>(s.classNames.size());
    if (classes == 0) {
        counts_->refresh();
        return;
    }
    for (int k = 0; k < 3; ++k) {
        auto* bars = new QCPBars(counts_->xAxis, counts_->yAxis);
        bars->setName(names[k]);
        bars->setWidth(0.25);
        bars->setBarsGroup(group);
        bars->setBrush(splitColor(k));
        bars->setPen(Qt::NoPen);
        for (int c = 0; c < classes; ++c)
            bars->addData(c, c < static_cast<int>(splits[k]->size()) ? static_cast<double>((*splits[k])[static_cast<size_t>(c)]) : 0.0);
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int c = 0; c < classes; ++c) ticker->addTick(c, QString::fromStdString(s.classNames[static_cast<size_t>(c)]));
    counts_->xAxis->setTicker(ticker);
    // Upright names when they are many: slanted ones run off the chart's right edge.
    counts_->xAxis->setTickLabelRotation(classes > 5 ? 90 : 0);
    counts_->refresh();
    counts_->xAxis->setRange(-0.6, classes - 0.4);
    counts_->yAxis->setRange(0, counts_->yAxis->range().upper);
    counts_->replot();
}

void DatasetPanel::fillTextLengths() {
    lengths_->clearPlottables();
    auto b = source_->browser();
    const auto& lengths = b->textLengths();
    if (lengths.empty()) return;
    int64_t longest = *std::max_element(lengths.begin(), lengths.end());
    const int bins = static_cast<int>(std::min<int64_t>(40, longest + 1));
    const double width = static_cast<double>(longest + 1) / bins;
    std::vector<double> counts(static_cast<size_t>(bins), 0.0);
    for (int64_t l : lengths) counts[std::min<size_t>(static_cast<size_t>(l / width), counts.size() - 1)] += 1;
    auto* bars = new QCPBars(lengths_->xAxis, lengths_->yAxis);
    bars->setName(tr("texts"));
    bars->setWidth(width * 0.9);
    bars->setPen(Qt::NoPen);
    bars->setBrush(QColor(31, 119, 180));
    for (int i = 0; i < bins; ++i) bars->addData((i + 0.5) * width, counts[static_cast<size_t>(i)]);
    lengths_->xAxis->setLabel(tr("tokens (the model sees %1)").arg(doc_->project().preprocess.text.length));
    lengths_->yAxis->setLabel(tr("texts"));
    lengths_->refresh();
}

void DatasetPanel::selectSample(int row) {
    auto b = source_->browser();
    if (!b || row < 0 || row >= b->sampleCount()) return;
    if (b->kind() == DataBrowser::Kind::Table) table_->setCurrentIndex(tableModel_->index(row, 0));
    else sampleView_->setCurrentIndex(samples_->index(row));
    showSample(row);
}

void DatasetPanel::showSample(int row) {
    auto b = source_->browser();
    if (!b || row < 0 || row >= b->sampleCount() || row == current_) return;
    current_ = row;
    QString caption = tr("#%1 · %2").arg(row).arg(QString::fromStdString(b->origin(row)));
    QString label = QString::fromStdString(b->labelName(row));
    if (!label.isEmpty()) caption = tr("<b>%1</b> · %2").arg(label.toHtmlEscaped(), caption.toHtmlEscaped());
    sampleImage_->clear();
    sampleImage_->setWordWrap(false);
    sampleImage_->setAlignment(Qt::AlignCenter);
    if (b->kind() == DataBrowser::Kind::Images) {
        std::string error;
        QImage img = toQImage(b->image(row, &error));
        if (img.isNull()) {
            sampleImage_->setText(tr("Cannot read this image: %1").arg(QString::fromStdString(error)));
        } else {
            int scale = std::max(1, 224 / std::max(img.width(), img.height()));
            sampleImage_->setPixmap(QPixmap::fromImage(img.scaled(img.size() * scale, Qt::KeepAspectRatio,
                                                                  scale > 1 ? Qt::FastTransformation : Qt::SmoothTransformation)));
        }
    } else if (b->kind() == DataBrowser::Kind::Text) {
        sampleImage_->setText(QString::fromStdString(b->text(row)).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
        sampleImage_->setWordWrap(true);
        sampleImage_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    } else {
        QStringList cells;
        const CsvTable& t = b->table();
        for (size_t c = 0; c < t.columns.size(); ++c)
            cells << QStringLiteral("%1 = %2").arg(QString::fromStdString(t.columns[c]),
                                                  QString::fromStdString(t.rows[static_cast<size_t>(row)][c]));
        sampleImage_->setText(cells.join(QStringLiteral("\n")));
        sampleImage_->setWordWrap(true);
        sampleImage_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    }
    sampleCaption_->setText(caption);
    Q_EMIT sampleSelected(row);
}

}  // namespace netloom::ui
