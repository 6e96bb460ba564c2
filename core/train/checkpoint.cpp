#include "train/checkpoint.h"

#include <cstdio>
#include <unistd.h>

namespace netloom {

std::string saveCheckpoint(const std::string& path, torch::nn::Module& model, torch::optim::Optimizer* optimizer,
                           const CheckpointState& state) {
    std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    try {
        torch::serialize::OutputArchive archive, modelArchive, optimizerArchive;
        model.save(modelArchive);
        archive.write("model", modelArchive);
        if (optimizer) {
            optimizer->save(optimizerArchive);
            archive.write("optimizer", optimizerArchive);
        }
        archive.write("epochs_completed", torch::tensor(state.epochsCompleted, torch::kInt64));
        archive.write("state", c10::IValue(state.stateJson));
        archive.save_to(tmp);
    } catch (const c10::Error& e) {
        std::remove(tmp.c_str());
        return "cannot write checkpoint " + path + ": " + e.what_without_backtrace();
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return "cannot replace checkpoint " + path;
    }
    return {};
}

namespace {

// Opens the archive and reads the epoch and the run state; throws c10::Error.
void openWithState(const std::string& path, torch::serialize::InputArchive& archive, CheckpointState& state) {
    archive.load_from(path);
    torch::Tensor epochs;
    archive.read("epochs_completed", epochs);
    state.epochsCompleted = epochs.item<int64_t>();
    c10::IValue s;
    if (archive.try_read("state", s)) state.stateJson = s.toStringRef();
}

}  // namespace

std::string readCheckpointState(const std::string& path, CheckpointState& state) {
    try {
        torch::serialize::InputArchive archive;
        openWithState(path, archive, state);
    } catch (const c10::Error& e) {
        return "cannot read checkpoint " + path + ": " + e.what_without_backtrace();
    }
    return {};
}

std::string readCheckpoint(const std::string& path, CheckpointFile& file) {
    file.path = path;
    try {
        openWithState(path, file.archive, file.state);
    } catch (const c10::Error& e) {
        return "cannot read checkpoint " + path + ": " + e.what_without_backtrace();
    }
    return {};
}

std::string applyCheckpoint(CheckpointFile& file, torch::nn::Module& model, torch::optim::Optimizer* optimizer) {
    torch::serialize::InputArchive modelArchive, optimizerArchive;
    try {
        file.archive.read("model", modelArchive);
        model.load(modelArchive);
        if (optimizer && file.archive.try_read("optimizer", optimizerArchive)) optimizer->load(optimizerArchive);
    } catch (const c10::Error& e) {
        return "checkpoint " + file.path + " does not fit this network: " + e.what_without_backtrace();
    }
    return {};
}

std::string loadCheckpoint(const std::string& path, torch::nn::Module& model, torch::optim::Optimizer* optimizer,
                           CheckpointState& state) {
    // One read of the archive (a 10M-parameter checkpoint costs ~0.4 s per read).
    CheckpointFile file;
    if (std::string e = readCheckpoint(path, file); !e.empty()) return e;
    state = file.state;
    return applyCheckpoint(file, model, optimizer);
}

}  // namespace netloom
