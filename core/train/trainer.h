#pragma once
// Runs one training run of a project. Blocking: call run() on a worker thread the caller owns;
// pause/resume/stop may be called from any thread and take effect within one batch.
// Torch-free interface (pimpl) so the studio can hold a Trainer.
#include <memory>
#include <string>

#include "project/project.h"
#include "train/training_events.h"

namespace netloom {

class Collective;  // train/collective.h (Torch)

struct TrainOptions {
    std::string runDir;        // empty: runs/<project>-<timestamp> under the current folder
    std::string resumeDir;     // continue the run in this folder from its `last` checkpoint
    int64_t epochs = 0;        // 0: the project's setting
    std::string device;        // "", auto, cpu, cuda
    int64_t threads = 0;       // 0: the project's setting, then one per core
    int64_t maxBatchesPerEpoch = 0;  // 0: all (tests use a few)
    int64_t batchEventEvery = 1;     // report every Nth batch
    int cudaDevice = 0;              // the GPU when the device is cuda (a distributed run: LOCAL_RANK)
    // The peers of a distributed run; null: this process trains alone.
    std::shared_ptr<Collective> collective;
};

class Trainer {
public:
    Trainer(Project project, TrainOptions options);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    // Returns true when the run completed or was stopped cleanly; false after `failed`.
    bool run(TrainingObserver& observer);

    void pause();
    void resume();
    void stop();

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// The device the run would use for `requested` (auto/cpu/cuda), in words.
std::string describeDevice(const std::string& requested);

}  // namespace netloom
