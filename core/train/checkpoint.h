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
// A checkpoint read into memory, not yet applied to a model: reading (the slow part for a large
// model) can run while the caller builds the model it will fill.
struct CheckpointFile {
    std::string path;
    torch::serialize::InputArchive archive;
    CheckpointState state;
};
// Returns an empty string on success.
std::string readCheckpoint(const std::string& path, CheckpointFile& file);
std::string applyCheckpoint(CheckpointFile& file, torch::nn::Module& model, torch::optim::Optimizer* optimizer);

// Reads and applies: into `model` (and `optimizer` when given). Returns an empty string on success.
std::string loadCheckpoint(const std::string& path, torch::nn::Module& model, torch::optim::Optimizer* optimizer,
                           CheckpointState& state);
// Reads only the state JSON (to rebuild the preprocessing before the model).
std::string readCheckpointState(const std::string& path, CheckpointState& state);

}  // namespace netloom
