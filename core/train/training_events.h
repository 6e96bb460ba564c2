#pragma once
// What a training run reports, as plain C++ values: the CLI prints them, the studio turns them
// into queued Qt signals. No Torch here, so ui/ can include it.
#include <cstdint>
#include <string>
#include <vector>

#include "data/data_summary.h"

namespace netloom {

struct ClassScores {
    double precision = 0, recall = 0, f1 = 0;
    int64_t support = 0;
};

struct Metrics {
    double loss = 0;
    double accuracy = -1;                       // classification/binary; -1 when not applicable
    double mae = -1, rmse = -1;                 // regression, reconstruction
    double auc = -1;                            // binary, and reconstruction error vs labels
    std::vector<std::vector<int64_t>> confusion;  // [true][predicted]
    std::vector<ClassScores> perClass;
    int64_t samples = 0;
};

struct RunStarted {
    std::string runDir;
    std::string device;          // "cuda:0 (NVIDIA H100)" or "cpu (2 threads)"
    int64_t epochs = 0, firstEpoch = 1, batchesPerEpoch = 0, trainSamples = 0;
    int64_t parameters = 0;
    std::vector<std::string> classNames;
    // Inputs that could not be read (corrupt or truncated files), skipped and named in the run
    // folder's events.jsonl; the data version (image folders: the sample cache's fingerprint).
    int64_t skippedInputs = 0;
    std::string dataFingerprint;
};

struct BatchEvent {
    int64_t epoch = 0, batch = 0, batchesPerEpoch = 0;
    int64_t globalStep = 0;
    double loss = 0;
    double runningAccuracy = -1;
    double samplesPerSecond = 0;
    double learningRate = 0;
};

struct EpochEvent {
    int64_t epoch = 0, epochs = 0;
    Metrics train;
    Metrics validation;  // samples == 0: the dataset has no validation split, there are no figures
    double learningRate = 0;
    double seconds = 0;
    double samplesPerSecond = 0;
    double etaSeconds = 0;
    bool best = false;  // best so far on the monitored metric; `best` checkpoint written
};

struct RunFinished {
    std::string reason;        // "completed", "early stopping at epoch 7", "stopped by the user"
    int64_t bestEpoch = 0;
    // The best checkpoint evaluated on the test split, or on the validation split when there is no
    // test split (`evaluatedOn` says which; empty when nothing was held out and `evaluation` is empty).
    Metrics evaluation;
    std::string evaluatedOn;
    std::string bestCheckpoint, lastCheckpoint;
};

class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    // Before `started`: how the sample cache's build goes (image folders decoded for the first time).
    virtual void dataProgress(const DataProgress&) {}
    virtual void started(const RunStarted&) {}
    virtual void batch(const BatchEvent&) {}
    virtual void epoch(const EpochEvent&) {}
    virtual void checkpointSaved(const std::string& /*path*/) {}
    virtual void paused(bool /*isPaused*/) {}
    virtual void finished(const RunFinished&) {}
    virtual void failed(const std::string& /*reason*/) {}
};

}  // namespace netloom
