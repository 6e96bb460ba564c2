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
#include "preferences/theme.h"

namespace netloom::ui {

namespace {

const char* const kKinds[] = {"idx", "image_folder", "csv", "text_csv", "text_folder", "none"};

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

QWidget* DatasetPanel::buildSourceForm() {
    auto* box = new QGroupBox(tr("Source"));
    auto* form = new QFormLayout(box);
    kind_ = new QComboBox;
    const QStringList labels = {tr("IDX (MNIST-style)"), tr("Image folders"), tr("CSV table"), tr("Text in a CSV"),
                                tr("Text files per class"), tr("None")};
    for (int i = 0; i < labels.size(); ++i) kind_->addItem(labels[i], QString::fromLatin1(kKinds[i]));
    path_ = new QLineEdit;
    testPath_ = new QLineEdit;
    testPath_->setPlaceholderText(tr("optional"));
    target_ = new QLineEdit;
    textColumn_ = new QLineEdit;
    validation_ = new QDoubleSpinBox;
    validation_->setRange(0.0, 0.9);
    validation_->setSingleStep(0.05);
    testSplit_ = new QDoubleSpinBox;
    testSplit_->setRange(0.0, 0.9);
    testSplit_->setSingleStep(0.05);
    seed_ = new QSpinBox;
    seed_->setRange(0, 1 << 30);
    limit_ = new QSpinBox;
    limit_->setRange(0, 1 << 30);
    limit_->setSpecialValueText(tr("all"));
    auto* browse = new QPushButton(tr("Browse…"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("Kind"), kind_);
    form->addRow(tr("Path"), pathRow);
    form->addRow(tr("Test set"), testPath_);
    form->addRow(tr("Target column"), target_);
    form->addRow(tr("Text column"), textColumn_);
    form->addRow(tr("Validation fraction"), validation_);
    form->addRow(tr("Test fraction"), testSplit_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Sample limit"), limit_);

    connect(browse, &QPushButton::clicked, this, [this] {
        QString kind = kind_->currentData().toString();
        bool file = kind == QLatin1String("csv") || kind == QLatin1String("text_csv");
        QString path = file ? QFileDialog::getOpenFileName(this, tr("Choose the data file"), path_->text(),
                                                           tr("CSV files (*.csv);;All files (*)"))
                            : QFileDialog::getExistingDirectory(this, tr("Choose the data folder"), path_->text());
        if (path.isEmpty()) return;
        path_->setText(path);
        commitSettings(tr("Change dataset path"));
    });
    connect(kind_, &QComboBox::currentIndexChanged, this, [this] { commitSettings(tr("Change dataset kind")); });
    for (QLineEdit* e : {path_, testPath_, target_, textColumn_})
        connect(e, &QLineEdit::editingFinished, this, [this] { commitSettings(tr("Change dataset")); });
    for (QDoubleSpinBox* s : {validation_, testSplit_})
        connect(s, &QDoubleSpinBox::valueChanged, this, [this] { commitSettings(tr("Change dataset split")); });
    for (QSpinBox* s : {seed_, limit_})
        connect(s, &QSpinBox::valueChanged, this, [this] { commitSettings(tr("Change dataset split")); });
    box->setMaximumWidth(340);
    return box;
}

void DatasetPanel::showSettings() {
    updatingForm_ = true;
    const DatasetSpec& d = doc_->project().dataset;
    kind_->setCurrentIndex(std::max(0, kind_->findData(QString::fromStdString(d.kind))));
    path_->setText(QString::fromStdString(d.path));
    testPath_->setText(QString::fromStdString(d.testPath));
    target_->setText(QString::fromStdString(d.target));
    textColumn_->setText(QString::fromStdString(d.textColumn));
    validation_->setValue(d.validationSplit);
    testSplit_->setValue(d.testSplit);
    seed_->setValue(static_cast<int>(d.seed));
    limit_->setValue(static_cast<int>(d.limit));
    QString kind = QString::fromStdString(d.kind);
    target_->setEnabled(kind == QLatin1String("csv") || kind == QLatin1String("text_csv"));
    textColumn_->setEnabled(kind == QLatin1String("text_csv"));
    updatingForm_ = false;
}

void DatasetPanel::commitSettings(const QString& what) {
    if (updatingForm_) return;
    ProjectSettings s = doc_->settings();
    s.dataset.kind = kind_->currentData().toString().toStdString();
    s.dataset.path = path_->text().trimmed().toStdString();
    s.dataset.testPath = testPath_->text().trimmed().toStdString();
    s.dataset.target = target_->text().trimmed().toStdString();
    s.dataset.textColumn = textColumn_->text().trimmed().toStdString();
    s.dataset.validationSplit = validation_->value();
    s.dataset.testSplit = testSplit_->value();
    s.dataset.seed = static_cast<uint64_t>(seed_->value());
    s.dataset.limit = limit_->value();
    doc_->setSettings(s, what);
}

void DatasetPanel::clearSample() {
    current_ = -1;
    sampleImage_->clear();
    sampleCaption_->setText(tr("Select a sample"));
}

void DatasetPanel::onLoaded() {
    busy_->hide();
    error_->hide();
    clearSample();
    auto b = source_->browser();
    const DataSummary& s = b->summary();
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
    error_->setText(tr("The dataset cannot be read: %1").arg(error));
    error_->show();
    headline_->setText(tr("No dataset loaded"));
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
