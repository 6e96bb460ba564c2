#pragma once
// The loss a run minimises and the metrics it reports, for its task. Private to core (Torch).
#include <functional>

#include <torch/torch.h>

#include "data/dataset.h"
#include "project/project.h"
#include "train/training_events.h"

namespace netloom {

class NetworkImpl;

// The training objective for `task` with the project's `loss` setting (which must fit the task).
torch::Tensor taskLoss(Task task, LossType loss, const torch::Tensor& out, const torch::Tensor& input,
                       const torch::Tensor& target);

// Everything evaluate() needs besides the split.
struct EvaluationContext {
    Task task = Task::Classification;
    LossType loss = LossType::Auto;
    int64_t classes = 0;
    torch::Device device{torch::kCPU};
    // Stored rows → the network's input on `device` (images: scale and normalise, no augmentation).
    std::function<torch::Tensor(const torch::Tensor&)> toInput;
};

// Loss and task metrics of `network` on `split`, in eval mode without gradients; the network is
// back in training mode afterwards.
Metrics evaluate(NetworkImpl& network, const Split& split, const EvaluationContext& context);

}  // namespace netloom
