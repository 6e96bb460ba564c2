#pragma once
// The optimizer and the learning-rate schedule of a run, from the project's settings. Private to
// core (Torch).
#include <memory>
#include <vector>

#include <torch/torch.h>

#include "project/project.h"

namespace netloom {

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimizerSettings& settings,
                                                       std::vector<torch::Tensor> parameters);
void setLearningRate(torch::optim::Optimizer& optimizer, double lr);
double currentLearningRate(torch::optim::Optimizer& optimizer);

// Step and cosine schedules set the rate at the start of each epoch; plateau lowers it after an
// epoch without improvement of the monitored metric.
class LearningRateSchedule {
public:
    LearningRateSchedule(const ScheduleSettings& settings, double baseRate, int64_t epochs)
        : s_(settings), base_(baseRate), epochs_(epochs) {}
    void atEpochStart(torch::optim::Optimizer& optimizer, int64_t epoch) const;
    // Returns true when it lowered the rate (the caller then restarts its patience count).
    bool afterEpoch(torch::optim::Optimizer& optimizer, int64_t epochsWithoutImprovement) const;

private:
    ScheduleSettings s_;
    double base_;
    int64_t epochs_;
};

}  // namespace netloom
