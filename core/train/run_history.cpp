// Reading run folders back: the run list, overlaid curves and resume all start here.
#include "train/run_history.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "data/csv_table.h"
#include "util/atomic_file.h"

namespace netloom {

namespace fs = std::filesystem;

bool RunRecord::resumable() const { return hasLast && hasProject && (!finished || reason.rfind("stopped by the user", 0) == 0); }

double RunRecord::bestValidationAccuracy() const {
    double best = NAN;
    for (const auto& e : epochs)
        if (!std::isnan(e.valAccuracy) && (std::isnan(best) || e.valAccuracy > best)) best = e.valAccuracy;
    return best;
}

double RunRecord::bestValidationLoss() const {
    double best = NAN;
    for (const auto& e : epochs)
        if (!std::isnan(e.valLoss) && (std::isnan(best) || e.valLoss < best)) best = e.valLoss;
    return best;
}

namespace {

double number(const std::string& s) {
    double v = NAN;
    return parseNumber(s, v) ? v : NAN;
}

void readMetrics(const std::string& path, std::vector<EpochRecord>& epochs) {
    std::string text, error;
    if (!readFile(path, text, error)) return;
    CsvTable t;
    try {
        t = parseCsv(text, path);
    } catch (const std::exception&) {
        return;  // a run killed while writing its first line: no epochs to show
    }
    auto col = [&](const char* name) -> int {
        auto it = std::find(t.columns.begin(), t.columns.end(), name);
        return it == t.columns.end() ? -1 : static_cast<int>(it - t.columns.begin());
    };
    const int cEpoch = col("epoch");
    if (cEpoch < 0) return;
    for (const auto& row : t.rows) {
        EpochRecord e;
        double ep = number(row[static_cast<size_t>(cEpoch)]);
        if (std::isnan(ep)) continue;
        e.epoch = static_cast<int64_t>(ep);
        for (const MetricsColumn& f : metricsColumns())
            if (int c = col(f.name); c >= 0) e.*(f.member) = number(row[static_cast<size_t>(c)]);
        // A resumed run repeats the epoch it was stopped in: the later row wins.
        auto same = std::find_if(epochs.begin(), epochs.end(), [&](const EpochRecord& x) { return x.epoch == e.epoch; });
        if (same != epochs.end()) *same = e;
        else epochs.push_back(e);
    }
}

}  // namespace

bool readRun(const std::string& dir, RunRecord& run, std::string& error) {
    run = RunRecord{};
    std::error_code ec;
    if (!fs::is_directory(dir, ec) || !fs::exists(dir + "/metrics.csv", ec)) {
        error = dir + ": not a run folder (no metrics.csv)";
        return false;
    }
    run.dir = dir;
    run.name = fs::path(dir).filename().string();
    auto stamp = fs::last_write_time(dir + "/metrics.csv", ec);
    if (!ec)
        run.modifiedUnix = std::chrono::duration_cast<std::chrono::seconds>(
                               stamp - fs::file_time_type::clock::now() + std::chrono::system_clock::now().time_since_epoch())
                               .count();
    ProjectLoad snap = loadProject(dir + "/project.netloom");
    if (snap.ok()) {
        run.hasProject = true;
        run.settings = snap.project->training;
        run.projectName = snap.project->name;
    }
    readMetrics(dir + "/metrics.csv", run.epochs);
    std::string text, readError;
    if (readFile(dir + "/summary.json", text, readError)) {
        try {
            auto j = nlohmann::json::parse(text);
            run.finished = true;
            run.reason = j.value("reason", std::string());
            run.bestEpoch = j.value("best_epoch", int64_t{0});
            // Runs before "evaluated_on" existed reported their final evaluation as "test".
            run.evaluatedOn = j.value("evaluated_on", std::string(j.contains("test") ? "test" : ""));
            const char* key = j.contains("final") ? "final" : "test";
            if (j.contains(key) && j[key].is_object()) {
                const auto& t = j[key];
                if (t.contains("accuracy") && t["accuracy"].is_number()) run.finalAccuracy = t["accuracy"].get<double>();
                if (t.contains("loss") && t["loss"].is_number()) run.finalLoss = t["loss"].get<double>();
            }
            if (run.evaluatedOn == "test") {
                run.testAccuracy = run.finalAccuracy;
                run.testLoss = run.finalLoss;
            }
        } catch (const nlohmann::json::exception&) {
            run.finished = false;  // half-written summary: treat the run as unfinished
        }
    }
    run.hasBest = fs::exists(dir + "/best.ckpt", ec);
    run.hasLast = fs::exists(dir + "/last.ckpt", ec);
    return true;
}

std::vector<RunRecord> listRuns(const std::string& runsDir, const std::string& projectName) {
    std::vector<RunRecord> runs;
    // A folder that cannot be read is left out, never thrown about: the run list must open.
    std::error_code ec;
    for (fs::directory_iterator it(runsDir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& entry = *it;
        std::error_code typeError;
        if (!entry.is_directory(typeError)) continue;
        RunRecord r;
        std::string error;
        if (readRun(entry.path().string(), r, error) && (projectName.empty() || r.projectName == projectName))
            runs.push_back(std::move(r));
    }
    std::sort(runs.begin(), runs.end(), [](const RunRecord& a, const RunRecord& b) {
        return a.modifiedUnix != b.modifiedUnix ? a.modifiedUnix > b.modifiedUnix : a.name > b.name;
    });
    return runs;
}

}  // namespace netloom
