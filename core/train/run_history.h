#pragma once
// Runs on disk, as the studio's run list shows them: each run folder the trainer writes holds
// project.netloom (the settings it ran with), metrics.csv (one row per epoch), summary.json (when
// it finished) and its checkpoints. Torch-free.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "project/project.h"
#include "train/run_folder.h"

namespace netloom {

struct RunRecord {
    std::string dir;
    std::string name;              // the folder's name
    int64_t modifiedUnix = 0;      // last write, seconds since the epoch
    bool hasProject = false;
    std::string projectName;       // the project's name in the snapshot
    TrainingSettings settings;     // from the run's project snapshot
    std::vector<EpochRecord> epochs;
    bool finished = false;         // summary.json present
    std::string reason;            // "completed", "stopped by the user", ...
    int64_t bestEpoch = 0;
    double testAccuracy = NAN, testLoss = NAN;  // only from a real test split
    // The final evaluation with the best checkpoint: "test", or "validation" when there is no test
    // split, or empty when nothing was held out.
    std::string evaluatedOn;
    double finalAccuracy = NAN, finalLoss = NAN;
    bool hasBest = false, hasLast = false;  // checkpoints present
    // A run that did not finish, or was stopped ("stopped by the user at epoch 2, batch 17"), and
    // has a `last` checkpoint can be resumed.
    bool resumable() const;
    double bestValidationAccuracy() const;  // NaN when no epoch reported one
    double bestValidationLoss() const;
};

// Reads one run folder. Returns false with `error` when it is not a run folder.
bool readRun(const std::string& dir, RunRecord& run, std::string& error);
// Every run folder directly inside `runsDir`, newest first. Unreadable folders are left out.
// With `projectName`, only that project's runs (projects in one folder share its runs/).
std::vector<RunRecord> listRuns(const std::string& runsDir, const std::string& projectName = {});

}  // namespace netloom
