#pragma once
// A run folder, written by the trainer and read back by the run list, resume and export:
//   project.netloom   the project as it ran (resume reads it)
//   preprocess.json   fitted preprocessing: classes, vocabulary, column statistics
//   metrics.csv       one row per epoch, columns from metricsColumns()
//   events.jsonl      started / epoch / checkpoint / finished / failed, one JSON object a line
//   summary.json      how the run ended, with the final evaluation
//   best.ckpt, last.ckpt
// Torch-free, so the studio can name folders and read metrics without LibTorch.
#include <cmath>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "project/project.h"
#include "train/training_events.h"

namespace netloom {

// One metrics.csv row. NaN where the run had no such figure (no validation split, not a classifier).
struct EpochRecord {
    int64_t epoch = 0;
    double trainLoss = NAN, trainAccuracy = NAN, valLoss = NAN, valAccuracy = NAN, valMae = NAN, valRmse = NAN,
           valAuc = NAN, learningRate = NAN, seconds = NAN, samplesPerSecond = NAN;
};

struct MetricsColumn {
    const char* name;
    double EpochRecord::*member;
};
// The columns of metrics.csv after "epoch", in file order: the writer and the reader both use it.
const std::vector<MetricsColumn>& metricsColumns();
EpochRecord epochRecordOf(const EpochEvent& event);

// A fresh folder for a run of `projectName` inside `runsDir`: "<name>-<yyyymmdd-hhmmss>", with
// "-2", "-3"... when that exists. Not created.
std::string newRunFolderPath(const std::string& runsDir, const std::string& projectName);

// Writes one run folder. Every method returns an empty string on success, else a sentence.
class RunFolderWriter {
public:
    // `resuming`: the folder exists and its files are appended to; otherwise it is created, the
    // project snapshot written and metrics.csv started with its header.
    std::string open(const std::string& dir, const Project& project, bool resuming);
    const std::string& dir() const { return dir_; }

    std::string writePreprocess(const nlohmann::json& state) const;
    std::string appendEpoch(const EpochRecord& record) const;
    void logEvent(const nlohmann::json& event);
    std::string writeSummary(const nlohmann::json& summary) const;
    std::string path(const std::string& file) const { return dir_ + "/" + file; }

private:
    std::string dir_;
    std::ofstream events_;
};

nlohmann::json metricsJson(const Metrics& m);

}  // namespace netloom
