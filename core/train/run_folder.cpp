#include "train/run_folder.h"

#include <ctime>
#include <filesystem>
#include <sstream>

#include "util/atomic_file.h"

namespace netloom {

namespace fs = std::filesystem;

const std::vector<MetricsColumn>& metricsColumns() {
    static const std::vector<MetricsColumn> columns = {
        {"train_loss", &EpochRecord::trainLoss},       {"train_accuracy", &EpochRecord::trainAccuracy},
        {"val_loss", &EpochRecord::valLoss},           {"val_accuracy", &EpochRecord::valAccuracy},
        {"val_mae", &EpochRecord::valMae},             {"val_rmse", &EpochRecord::valRmse},
        {"val_auc", &EpochRecord::valAuc},             {"learning_rate", &EpochRecord::learningRate},
        {"seconds", &EpochRecord::seconds},            {"samples_per_s", &EpochRecord::samplesPerSecond}};
    return columns;
}

namespace {

// Metrics use -1 for "not applicable"; the record uses NaN.
double figure(double v) { return v < 0 ? NAN : v; }

std::string csvNumber(double v) {
    if (std::isnan(v)) return "";
    std::ostringstream os;
    os.precision(6);
    os << v;
    return os.str();
}

std::string safeFolderName(const std::string& name) {
    std::string safe;
    for (char c : name) safe.push_back(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '-');
    return safe.empty() ? "run" : safe;
}

std::string timestamp() {
    std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", std::localtime(&t));
    return buf;
}

}  // namespace

EpochRecord epochRecordOf(const EpochEvent& e) {
    EpochRecord r;
    r.epoch = e.epoch;
    r.trainLoss = e.train.loss;
    r.trainAccuracy = figure(e.train.accuracy);
    if (e.validation.samples > 0) {
        r.valLoss = e.validation.loss;
        r.valAccuracy = figure(e.validation.accuracy);
        r.valMae = figure(e.validation.mae);
        r.valRmse = figure(e.validation.rmse);
        r.valAuc = figure(e.validation.auc);
    }
    r.learningRate = e.learningRate;
    r.seconds = e.seconds;
    r.samplesPerSecond = e.samplesPerSecond;
    return r;
}

std::string newRunFolderPath(const std::string& runsDir, const std::string& projectName) {
    const std::string stem = runsDir + "/" + safeFolderName(projectName) + "-" + timestamp();
    std::string dir = stem;
    std::error_code ec;
    for (int k = 2; fs::exists(dir, ec); ++k) dir = stem + "-" + std::to_string(k);
    return dir;
}

std::string RunFolderWriter::open(const std::string& dir, const Project& project, bool resuming) {
    dir_ = dir;
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) return "cannot create the run folder " + dir_ + ": " + ec.message();
    if (!resuming) {
        if (std::string e = saveProject(project, path("project.netloom")); !e.empty()) return e;
        std::string header = "epoch";
        for (const MetricsColumn& c : metricsColumns()) header += std::string(",") + c.name;
        if (std::string e = writeFileAtomically(path("metrics.csv"), header + "\n"); !e.empty()) return e;
    }
    events_.open(path("events.jsonl"), std::ios::app);
    if (!events_) return "cannot write " + path("events.jsonl");
    return {};
}

std::string RunFolderWriter::writePreprocess(const nlohmann::json& state) const {
    return writeFileAtomically(path("preprocess.json"), state.dump(2) + "\n");
}

std::string RunFolderWriter::appendEpoch(const EpochRecord& record) const {
    std::string row = std::to_string(record.epoch);
    for (const MetricsColumn& c : metricsColumns()) row += "," + csvNumber(record.*(c.member));
    std::ofstream csv(path("metrics.csv"), std::ios::app);
    csv << row << "\n";
    csv.flush();
    return csv ? std::string() : "cannot append to " + path("metrics.csv");
}

void RunFolderWriter::logEvent(const nlohmann::json& event) {
    if (events_) events_ << event.dump() << "\n" << std::flush;
}

std::string RunFolderWriter::writeSummary(const nlohmann::json& summary) const {
    return writeFileAtomically(path("summary.json"), summary.dump(2) + "\n");
}

nlohmann::json metricsJson(const Metrics& m) {
    nlohmann::json j = {{"loss", m.loss}, {"samples", m.samples}};
    if (m.accuracy >= 0) j["accuracy"] = m.accuracy;
    if (m.mae >= 0) j["mae"] = m.mae;
    if (m.rmse >= 0) j["rmse"] = m.rmse;
    if (m.auc >= 0) j["auc"] = m.auc;
    if (!m.confusion.empty()) j["confusion"] = m.confusion;
    return j;
}

}  // namespace netloom
