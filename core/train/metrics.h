#pragma once
// Metric computations on collected predictions (Torch; private to core).
#include <torch/torch.h>

#include "train/training_events.h"

namespace netloom {

// logits N×K, labels N → accuracy, confusion, per-class scores.
void classificationMetrics(const torch::Tensor& logits, const torch::Tensor& labels, int64_t classes, Metrics& m);
// Area under the ROC curve of `scores` for `positive` (bool) labels; -1 when one class is absent.
double rocAuc(const torch::Tensor& scores, const torch::Tensor& positive);

}  // namespace netloom
