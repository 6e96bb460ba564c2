#pragma once
// The live charts of a run: loss (per batch raw and smoothed, per epoch train and validation,
// best-epoch marker), metrics per epoch, learning rate, and the validation confusion matrix.
// They share one x axis unit: epochs, with batches at fractions of an epoch.
#include <QWidget>
#include <vector>

#include "train/training_events.h"

class QCPColorMap;
class QCPItemStraightLine;
class QCPItemText;

namespace netloom::ui {

class Chart;

class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCharts(QWidget* parent = nullptr);

    void clear();
    void begin(const netloom::RunStarted& info);
    void addBatches(const QVector<netloom::BatchEvent>& events);
    void addEpoch(const netloom::EpochEvent& event);

    Chart* lossChart() const { return loss_; }
    Chart* metricChart() const { return metric_; }
    Chart* learningRateChart() const { return lr_; }
    Chart* confusionChart() const { return confusion_; }
    int batchPoints() const;
    int epochPoints() const;
    int bestEpoch() const { return bestEpoch_; }

private:
    void showConfusion(const std::vector<std::vector<int64_t>>& matrix);

    Chart *loss_, *metric_, *lr_, *confusion_;
    QCPColorMap* heat_ = nullptr;
    QList<QCPItemText*> cellTexts_;
    QCPItemStraightLine* bestLine_ = nullptr;
    std::vector<std::string> classes_;
    std::string shownRun_;
    double smoothed_ = 0, debias_ = 1;
    int bestEpoch_ = 0;
};

}  // namespace netloom::ui
