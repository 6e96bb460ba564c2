#include "train/evaluation.h"

#include <cmath>

#include "train/metrics.h"
#include "train/network.h"

namespace netloom {

torch::Tensor taskLoss(Task task, LossType loss, const torch::Tensor& out, const torch::Tensor& x, const torch::Tensor& y) {
    switch (task) {
    case Task::Reconstruction: return loss == LossType::Mae ? torch::l1_loss(out, x) : torch::mse_loss(out, x);
    case Task::Classification: return torch::cross_entropy_loss(out, y);
    case Task::Binary: return torch::binary_cross_entropy_with_logits(out.view({-1}), y.to(torch::kFloat32));
    case Task::Regression: break;
    }
    return loss == LossType::Mae ? torch::l1_loss(out, y) : torch::mse_loss(out, y);
}

namespace {

void binaryMetrics(const torch::Tensor& logits, const torch::Tensor& targets, Metrics& m) {
    auto scores = torch::sigmoid(logits.view({-1}));
    auto y = targets.to(torch::kInt64);
    m.accuracy = ((scores > 0.5).to(torch::kInt64) == y).to(torch::kFloat64).mean().item<double>();
    m.auc = rocAuc(scores, y == 1);
    classificationMetrics(torch::stack({1 - scores, scores}, 1), y, 2, m);
}

void regressionMetrics(const torch::Tensor& predictions, const torch::Tensor& targets, Metrics& m) {
    auto diff = predictions - targets;
    m.mae = diff.abs().mean().item<double>();
    m.rmse = std::sqrt(diff.pow(2).mean().item<double>());
}

// `errors` holds each sample's mean squared reconstruction error.
void reconstructionMetrics(const torch::Tensor& errors, const torch::Tensor& targets, int64_t classes, Metrics& m) {
    m.mae = errors.mean().item<double>();
    m.rmse = std::sqrt(errors.mean().item<double>());
    if (targets.defined() && classes == 2) {
        // The minority class is the anomaly; the score is the reconstruction error.
        auto y = targets.to(torch::kInt64);
        int64_t ones = y.sum().item<int64_t>();
        auto positive = ones * 2 <= y.numel() ? (y == 1) : (y == 0);
        m.auc = rocAuc(errors, positive);
    }
}

}  // namespace

Metrics evaluate(NetworkImpl& net, const Split& split, const EvaluationContext& c) {
    Metrics m;
    m.samples = split.size();
    if (m.samples == 0) return m;
    torch::NoGradGuard noGrad;
    net.eval();
    std::vector<torch::Tensor> outs;
    double lossSum = 0;
    const int64_t chunk = 1024;
    for (int64_t start = 0; start < m.samples; start += chunk) {
        int64_t n = std::min(chunk, m.samples - start);
        auto rows = torch::arange(start, start + n, torch::kInt64);
        auto x = c.toInput(split.rowsAt(rows));
        auto y = split.targets.defined() ? split.targets.index_select(0, rows).to(c.device) : torch::Tensor();
        auto out = net.forward(x);
        lossSum += taskLoss(c.task, c.loss, out, x, y).item<double>() * n;
        if (c.task == Task::Reconstruction) outs.push_back((out - x).pow(2).flatten(1).mean(1).cpu());
        else outs.push_back(out.cpu());
    }
    net.train();
    m.loss = lossSum / m.samples;
    torch::Tensor all = torch::cat(outs);
    switch (c.task) {
    case Task::Classification: classificationMetrics(all, split.targets, c.classes, m); break;
    case Task::Binary: binaryMetrics(all, split.targets, m); break;
    case Task::Regression: regressionMetrics(all, split.targets, m); break;
    case Task::Reconstruction: reconstructionMetrics(all, split.targets, c.classes, m); break;
    }
    return m;
}

}  // namespace netloom
