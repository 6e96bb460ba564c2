#include "training/training_charts.h"

#include <QGridLayout>
#include <cmath>

#include "charts/chart.h"
#include "data/image_conversion.h"

namespace netloom::ui {

namespace {

enum LossGraph { BatchLoss, SmoothedLoss, TrainLoss, ValidationLoss };
enum MetricGraph { TrainAccuracy, ValidationAccuracy, ValidationMae };

QCPGraph* addGraph(Chart* c, const QString& name, const QColor& color, qreal width, bool dots) {
    QCPGraph* g = c->addGraph();
    g->setName(name);
    g->setPen(QPen(color, width));
    if (dots) g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, color, 6));
    return g;
}

}  // namespace

TrainingCharts::TrainingCharts(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    loss_ = new Chart(tr("Loss"));
    metric_ = new Chart(tr("Metrics per epoch"));
    lr_ = new Chart(tr("Learning rate"));
    confusion_ = new Chart(tr("Confusion matrix (validation)"));
    grid->addWidget(loss_, 0, 0);
    grid->addWidget(metric_, 0, 1);
    grid->addWidget(lr_, 1, 0);
    grid->addWidget(confusion_, 1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);

    addGraph(loss_, tr("batch"), QColor(31, 119, 180, 70), 1, false);
    addGraph(loss_, tr("batch, smoothed"), QColor(31, 119, 180), 2, false);
    addGraph(loss_, tr("train (epoch)"), QColor(44, 160, 44), 2, true);
    addGraph(loss_, tr("validation (epoch)"), QColor(214, 39, 40), 2, true);
    loss_->placeLegendAbove();  // beside the data, never over it
    loss_->xAxis->setLabel(tr("epoch"));
    bestLine_ = new QCPItemStraightLine(loss_);
    bestLine_->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
    bestLine_->setVisible(false);

    addGraph(metric_, tr("train accuracy"), QColor(44, 160, 44), 2, true);
    addGraph(metric_, tr("validation accuracy"), QColor(214, 39, 40), 2, true);
    addGraph(metric_, tr("validation MAE"), QColor(148, 103, 189), 2, true);
    metric_->placeLegendAbove();
    metric_->xAxis->setLabel(tr("epoch"));

    addGraph(lr_, tr("learning rate"), QColor(255, 127, 14), 2, false);
    lr_->xAxis->setLabel(tr("epoch"));

    confusion_->autoRescale = false;
    confusion_->setInteractions({});
    heat_ = new QCPColorMap(confusion_->xAxis, confusion_->yAxis);
    // The preview's colour map, so every heat map in the studio reads the same way.
    QCPColorGradient gradient;
    QMap<double, QColor> stops;
    for (int k = 0; k <= 8; ++k) stops.insert(k / 8.0, colorMapAt(k / 8.0));
    gradient.setColorStops(stops);
    heat_->setGradient(gradient);
    heat_->setInterpolate(false);
    confusion_->xAxis->setLabel(tr("predicted"));
    confusion_->yAxis->setLabel(tr("true"));
    confusion_->yAxis->setRangeReversed(true);
    heat_->setVisible(false);  // until the first epoch reports a matrix
}

void TrainingCharts::clear() {
    for (Chart* c : {loss_, metric_, lr_})
        for (int g = 0; g < c->graphCount(); ++g) c->graph(g)->data()->clear();
    smoothed_ = 0;
    debias_ = 1;
    bestEpoch_ = 0;
    bestLine_->setVisible(false);
    heat_->data()->clear();
    heat_->setVisible(false);
    for (QCPItemText* t : cellTexts_) confusion_->removeItem(t);
    cellTexts_.clear();
    for (Chart* c : {loss_, metric_, lr_}) c->refresh();
    confusion_->replot();
}

void TrainingCharts::begin(const RunStarted& info) {
    classes_ = info.classNames;
    // Resuming the run on screen continues its curves; any other run starts clean.
    if (info.firstEpoch <= 1 || info.runDir != shownRun_) clear();
    shownRun_ = info.runDir;
    const bool classify = !classes_.empty();
    metric_->graph(TrainAccuracy)->setVisible(classify);
    metric_->graph(ValidationAccuracy)->setVisible(classify);
    metric_->graph(ValidationMae)->setVisible(!classify);
    for (int g = 0; g < metric_->graphCount(); ++g) {
        QCPGraph* graph = metric_->graph(g);
        if (graph->visible()) graph->addToLegend();
        else graph->removeFromLegend();
    }
    confusion_->setVisible(classify);
}

void TrainingCharts::addBatches(const QVector<BatchEvent>& events) {
    for (const BatchEvent& e : events) {
        if (!std::isfinite(e.loss)) continue;
        double x = (e.epoch - 1) + static_cast<double>(e.batch) / std::max<int64_t>(1, e.batchesPerEpoch);
        // An exponential moving average, debiased as TensorBoard does so it does not start at 0
        // (or lag behind the first batches).
        smoothed_ = 0.9 * smoothed_ + 0.1 * e.loss;
        debias_ *= 0.9;
        loss_->graph(BatchLoss)->addData(x, e.loss);
        loss_->graph(SmoothedLoss)->addData(x, smoothed_ / (1.0 - debias_));
        lr_->graph(0)->addData(x, e.learningRate);
    }
    loss_->scheduleReplot();
    lr_->scheduleReplot();
}

void TrainingCharts::addEpoch(const EpochEvent& e) {
    const double x = static_cast<double>(e.epoch);
    loss_->graph(TrainLoss)->addData(x, e.train.loss);
    if (e.validation.samples > 0) loss_->graph(ValidationLoss)->addData(x, e.validation.loss);
    if (e.train.accuracy >= 0) metric_->graph(TrainAccuracy)->addData(x, e.train.accuracy);
    if (e.validation.accuracy >= 0) metric_->graph(ValidationAccuracy)->addData(x, e.validation.accuracy);
    if (e.validation.mae >= 0) metric_->graph(ValidationMae)->addData(x, e.validation.mae);
    if (e.best) {
        bestEpoch_ = static_cast<int>(e.epoch);
        bestLine_->point1->setCoords(x, 0);
        bestLine_->point2->setCoords(x, 1);
        bestLine_->setVisible(true);
        bestLine_->setObjectName(tr("best epoch %1").arg(e.epoch));
    }
    if (!e.validation.confusion.empty()) showConfusion(e.validation.confusion);
    loss_->scheduleReplot();
    metric_->scheduleReplot();
}

void TrainingCharts::showConfusion(const std::vector<std::vector<int64_t>>& matrix) {
    const int n = static_cast<int>(matrix.size());
    heat_->data()->setSize(n, n);
    heat_->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    double maxCount = 1;
    for (int t = 0; t < n; ++t)
        for (int p = 0; p < n && p < static_cast<int>(matrix[static_cast<size_t>(t)].size()); ++p) {
            double v = static_cast<double>(matrix[static_cast<size_t>(t)][static_cast<size_t>(p)]);
            heat_->data()->setCell(p, t, v);
            maxCount = std::max(maxCount, v);
        }
    heat_->setDataRange(QCPRange(0, maxCount));
    heat_->setVisible(true);
    for (QCPItemText* t : cellTexts_) confusion_->removeItem(t);
    cellTexts_.clear();
    if (confusion_->axisRect()->height() / std::max(1, n) >= 14) {
        // Counts in the cells, when they fit, dark text on light cells and light text on dark ones.
        for (int t = 0; t < n; ++t)
            for (int p = 0; p < n; ++p) {
                double v = heat_->data()->cell(p, t);
                auto* text = new QCPItemText(confusion_);
                text->position->setCoords(p, t);
                text->setText(QString::number(static_cast<qint64>(v)));
                QFont f = font();
                f.setPointSizeF(f.pointSizeF() * (n > 8 ? 0.7 : 0.85));
                text->setFont(f);
                text->setColor(v > maxCount * 0.6 ? Qt::black : Qt::white);
                cellTexts_ << text;
            }
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int k = 0; k < n; ++k)
        ticker->addTick(k, k < static_cast<int>(classes_.size()) ? QString::fromStdString(classes_[static_cast<size_t>(k)])
                                                                 : QString::number(k));
    confusion_->xAxis->setTicker(ticker);
    confusion_->yAxis->setTicker(ticker);
    confusion_->xAxis->setTickLabelRotation(n > 4 ? 45 : 0);
    confusion_->xAxis->setRange(-0.5, n - 0.5);
    confusion_->yAxis->setRange(-0.5, n - 0.5);
    confusion_->replot(QCustomPlot::rpQueuedReplot);
}

int TrainingCharts::batchPoints() const { return loss_->graph(BatchLoss)->dataCount(); }
int TrainingCharts::epochPoints() const { return loss_->graph(ValidationLoss)->dataCount(); }

}  // namespace netloom::ui
