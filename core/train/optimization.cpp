#include "train/optimization.h"

#include <cmath>

namespace netloom {

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimizerSettings& o, std::vector<torch::Tensor> params) {
    namespace optim = torch::optim;
    switch (o.type) {
    case OptimizerType::Sgd:
        return std::make_unique<optim::SGD>(params, optim::SGDOptions(o.learningRate)
                                                        .momentum(o.momentum)
                                                        .nesterov(o.nesterov && o.momentum > 0)
                                                        .weight_decay(o.weightDecay));
    case OptimizerType::AdamW:
        return std::make_unique<optim::AdamW>(params, optim::AdamWOptions(o.learningRate).weight_decay(o.weightDecay));
    case OptimizerType::RmsProp:
        return std::make_unique<optim::RMSprop>(
            params, optim::RMSpropOptions(o.learningRate).momentum(o.momentum).weight_decay(o.weightDecay));
    case OptimizerType::Adam:
        break;
    }
    return std::make_unique<optim::Adam>(params, optim::AdamOptions(o.learningRate).weight_decay(o.weightDecay));
}

void setLearningRate(torch::optim::Optimizer& opt, double lr) {
    for (auto& group : opt.param_groups()) group.options().set_lr(lr);
}

double currentLearningRate(torch::optim::Optimizer& opt) { return opt.param_groups().at(0).options().get_lr(); }

void LearningRateSchedule::atEpochStart(torch::optim::Optimizer& optimizer, int64_t epoch) const {
    if (s_.type == ScheduleType::Step) {
        setLearningRate(optimizer, base_ * std::pow(s_.gamma, (epoch - 1) / s_.stepSize));
    } else if (s_.type == ScheduleType::Cosine) {
        double t = static_cast<double>(epoch - 1) / std::max<int64_t>(1, epochs_);
        setLearningRate(optimizer, s_.minLearningRate + (base_ - s_.minLearningRate) * 0.5 * (1 + std::cos(M_PI * t)));
    }
}

bool LearningRateSchedule::afterEpoch(torch::optim::Optimizer& optimizer, int64_t epochsWithoutImprovement) const {
    if (s_.type != ScheduleType::Plateau || epochsWithoutImprovement <= s_.patience) return false;
    setLearningRate(optimizer, std::max(s_.minLearningRate, currentLearningRate(optimizer) * s_.gamma));
    return true;
}

}  // namespace netloom
