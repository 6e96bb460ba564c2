#include "train/checkpoint.h"

#include <cstdio>
#include <map>
#include <vector>
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

std::string shapeText(const std::vector<int64_t>& dims) {
    std::string out;
    for (size_t k = 0; k < dims.size(); ++k) out += (k ? "×" : "") + std::to_string(dims[k]);
    return out.empty() ? "a scalar" : out;
}

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
    // LibTorch's archive reader replaces a tensor whole (set_), shape included: a checkpoint of a
    // 12,000-unit layer would silently turn a 512-unit network into a 12,000-unit one. Each tensor
    // must keep the shape the network gave it.
    std::map<std::string, std::vector<int64_t>> shapes;
    for (const auto& item : model.named_parameters()) shapes[item.key()] = item.value().sizes().vec();
    for (const auto& item : model.named_buffers()) shapes[item.key()] = item.value().sizes().vec();
    torch::serialize::InputArchive modelArchive, optimizerArchive;
    try {
        file.archive.read("model", modelArchive);
        model.load(modelArchive);
        auto check = [&](const std::string& name, const torch::Tensor& t) -> std::string {
            const std::vector<int64_t>& want = shapes[name];
            if (t.sizes().vec() == want) return {};
            return "checkpoint " + file.path + " does not fit this network: " + name + " is " + shapeText(t.sizes().vec()) +
                   " in the checkpoint and " + shapeText(want) + " in the network";
        };
        for (const auto& item : model.named_parameters())
            if (std::string e = check(item.key(), item.value()); !e.empty()) return e;
        for (const auto& item : model.named_buffers())
            if (std::string e = check(item.key(), item.value()); !e.empty()) return e;
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
