#include "training/runs_panel.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <cmath>

#include "charts/chart.h"
#include "document/graph_document.h"
#include "training/training_panel.h"

namespace netloom::ui {

namespace {

QString number(double v, int decimals = 4) { return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', decimals); }

QColor runColor(int k) {
    static const QColor colors[] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44), QColor(148, 103, 189),
                                    QColor(255, 127, 14), QColor(140, 86, 75), QColor(227, 119, 194)};
    return colors[k % 7];
}

}  // namespace

RunsPanel::RunsPanel(GraphDocument* doc, QWidget* parent) : QWidget(parent), doc_(doc) {
    setObjectName(QStringLiteral("RunsPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* buttons = new QHBoxLayout;
    auto* refreshButton = new QPushButton(tr("Refresh"));
    open_ = new QPushButton(tr("Open folder"));
    resume_ = new QPushButton(tr("Resume"));
    export_ = new QPushButton(tr("Export…"));
    buttons->addWidget(refreshButton);
    buttons->addWidget(open_);
    buttons->addWidget(resume_);
    buttons->addWidget(export_);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    auto* split = new QSplitter(Qt::Horizontal);
    list_ = new QTreeWidget;
    list_->setObjectName(QStringLiteral("RunList"));
    list_->setHeaderLabels({tr("Run"), tr("Date"), tr("Settings"), tr("Epochs"), tr("Best val acc"), tr("Best val loss"),
                            tr("Final acc"), tr("Status")});
    // The table fits its width: long texts are elided (the tooltip has them whole), never scrolled.
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setTextElideMode(Qt::ElideMiddle);
    list_->header()->setStretchLastSection(false);
    list_->header()->setMinimumSectionSize(40);
    list_->setRootIsDecorated(false);
    list_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list_->setAlternatingRowColors(true);
    split->addWidget(list_);
    overlay_ = new Chart(tr("Validation curves of the selected runs"));
    overlay_->legend->setVisible(true);
    overlay_->xAxis->setLabel(tr("epoch"));
    split->addWidget(overlay_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(refreshButton, &QPushButton::clicked, this, &RunsPanel::refresh);
    connect(list_, &QTreeWidget::itemSelectionChanged, this, &RunsPanel::showOverlay);
    connect(open_, &QPushButton::clicked, this, [this] {
        for (const QString& dir : selectedRunDirs()) QDesktopServices::openUrl(QUrl::fromLocalFile(dir));
    });
    connect(resume_, &QPushButton::clicked, this, [this] {
        QStringList dirs = selectedRunDirs();
        if (dirs.size() == 1) Q_EMIT resumeRequested(dirs.front());
    });
    connect(export_, &QPushButton::clicked, this, [this] {
        QStringList dirs = selectedRunDirs();
        if (dirs.size() == 1) Q_EMIT exportRequested(dirs.front() + QStringLiteral("/best.ckpt"));
    });
    connect(doc_, &GraphDocument::filePathChanged, this, &RunsPanel::refresh);
    connect(doc_, &GraphDocument::documentReset, this, &RunsPanel::refresh);
    refresh();
}

QStringList RunsPanel::selectedRunDirs() const {
    QStringList out;
    for (QTreeWidgetItem* item : list_->selectedItems()) out << item->data(0, Qt::UserRole).toString();
    return out;
}

void RunsPanel::refresh() {
    QStringList selected = selectedRunDirs();
    runs_ = listRuns(TrainingPanel::runsFolderFor(doc_).toStdString(), doc_->project().name);
    list_->clear();
    for (const RunRecord& r : runs_) {
        const TrainingSettings& s = r.settings;
        QString settings = r.hasProject ? tr("%1 lr %2, batch %3, %4 epochs%5")
                                              .arg(QString::fromStdString(nameOf(s.optimizer.type)))
                                              .arg(s.optimizer.learningRate)
                                              .arg(s.batchSize)
                                              .arg(s.epochs)
                                              .arg(s.schedule.type == ScheduleType::None ? QString() : QStringLiteral(", ") + QString::fromStdString(nameOf(s.schedule.type)))
                                        : tr("unknown");
        QString status = r.finished ? QString::fromStdString(r.reason) : tr("unfinished");
        if (r.resumable()) status += tr(" · resumable");
        // The final evaluation says which split it comes from: a test split, or validation without one.
        QString final = number(r.finalAccuracy);
        if (!std::isnan(r.finalAccuracy) && r.evaluatedOn != "test") final += tr(" (val)");
        auto* item = new QTreeWidgetItem({QString::fromStdString(r.name),
                                          QDateTime::fromSecsSinceEpoch(r.modifiedUnix).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                          settings, QString::number(r.epochs.size()), number(r.bestValidationAccuracy()),
                                          number(r.bestValidationLoss()), final, status});
        item->setData(0, Qt::UserRole, QString::fromStdString(r.dir));
        item->setToolTip(0, QString::fromStdString(r.dir));
        item->setToolTip(2, settings);
        item->setToolTip(7, status);
        list_->addTopLevelItem(item);
        if (selected.contains(QString::fromStdString(r.dir))) item->setSelected(true);
    }
    fitColumns();
    showOverlay();
}

// Numbers and dates at their natural width; the run's name, its settings and its status share
// what is left of the table's width.
void RunsPanel::fitColumns() {
    QHeaderView* header = list_->header();
    for (int c = 0; c < list_->columnCount(); ++c) {
        const bool text = c == 0 || c == 2 || c == 7;
        header->setSectionResizeMode(c, text ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    }
}

void RunsPanel::showOverlay() {
    overlay_->clearGraphs();
    QStringList dirs = selectedRunDirs();
    int k = 0;
    for (const RunRecord& r : runs_) {
        if (!dirs.contains(QString::fromStdString(r.dir))) continue;
        QColor color = runColor(k++);
        QCPGraph* loss = overlay_->addGraph();
        loss->setName(tr("%1 val loss").arg(QString::fromStdString(r.name)));
        loss->setPen(QPen(color, 2));
        loss->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        QCPGraph* acc = overlay_->addGraph();
        acc->setName(tr("%1 val acc").arg(QString::fromStdString(r.name)));
        acc->setPen(QPen(color, 2, Qt::DashLine));
        for (const EpochRecord& e : r.epochs) {
            if (!std::isnan(e.valLoss)) loss->addData(static_cast<double>(e.epoch), e.valLoss);
            if (!std::isnan(e.valAccuracy)) acc->addData(static_cast<double>(e.epoch), e.valAccuracy);
        }
        if (acc->dataCount() == 0) overlay_->removeGraph(acc);
    }
    const bool one = dirs.size() == 1;
    const RunRecord* run = nullptr;
    for (const RunRecord& r : runs_)
        if (one && QString::fromStdString(r.dir) == dirs.front()) run = &r;
    open_->setEnabled(!dirs.isEmpty());
    resume_->setEnabled(run && run->resumable());
    export_->setEnabled(run && run->hasBest);
    overlay_->refresh();
}

}  // namespace netloom::ui
