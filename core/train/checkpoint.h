#pragma once
// Checkpoints: model weights, optimizer state, the epoch and the run's state (JSON: class names,
// fitted preprocessing, best metric) in one LibTorch archive, written atomically.
#include <string>

#include <torch/torch.h>

namespace netloom {

struct CheckpointState {
    int64_t epochsCompleted = 0;
    std::string stateJson;  // run state: classes, preprocessing, best metric, ...
};

// Returns an empty string on success.
std::string saveCheckpoint(const std::string& path, torch::nn::Module& model, torch::optim::Optimizer* optimizer,
                           const CheckpointState& state);
// Loads into `model` (and `optimizer` when given). Returns an empty string on success.
std::string loadCheckpoint(const std::string& path, torch::nn::Module& model, torch::optim::Optimizer* optimizer,
                           CheckpointState& state);
// Reads only the state JSON (to rebuild the preprocessing before the model).
std::string readCheckpointState(const std::string& path, CheckpointState& state);

}  // namespace netloom
