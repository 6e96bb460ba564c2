// netloom-cli predict FILE --weights CHECKPOINT INPUT...: the studio's own answers for raw inputs.
#include <algorithm>
#include <iomanip>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "data/csv_table.h"
#include "project/project.h"
#include "train/checkpoint.h"
#include "train/predictor.h"
#include "util/atomic_file.h"

namespace netloom::cli {

namespace {

// --csv FILE: the rows of a CSV file with a header, as the feature rows the predictor takes: columns
// matched by name with the checkpoint's (in any order; others, the target among them, ignored; a
// feature column the file lacks is a missing value). `labels` names each row FILE:LINE; `ragged` gets
// the rows that cannot be read (another number of fields than the header), located.
std::string csvFileRows(const std::string& file, const std::string& checkpoint, std::vector<std::string>& rows,
                        std::vector<std::string>& labels, std::vector<std::string>& ragged) {
    CheckpointState state;
    if (std::string e = readCheckpointState(checkpoint, state); !e.empty()) return e;
    std::vector<std::string> features;
    try {
        const nlohmann::json st = nlohmann::json::parse(state.stateJson);
        for (const auto& c : st.at("tabular").at("columns")) features.push_back(c.at("name").get<std::string>());
    } catch (const std::exception&) {
        return "--csv is for models trained on a CSV table; " + checkpoint + " is not one";
    }
    std::string text, error;
    if (!readFile(file, text, error)) return error;
    CsvTable table;
    try {
        table = parseCsv(text, file);
    } catch (const std::exception& e) {
        return e.what();
    }
    std::vector<int> where(features.size(), -1);
    bool any = false;
    for (size_t k = 0; k < features.size(); ++k)
        for (size_t c = 0; c < table.columns.size(); ++c)
            if (table.columns[c] == features[k]) {
                where[k] = static_cast<int>(c);
                any = true;
            }
    if (!any) {
        std::string names;
        for (const auto& f : features) names += (names.empty() ? "" : ", ") + f;
        return file + ": the header names none of the model's columns (" + names + ")";
    }
    for (size_t r = 0; r < table.rows.size(); ++r) {
        std::vector<std::string> values;
        for (int c : where) values.push_back(c < 0 ? std::string() : table.rows[r][static_cast<size_t>(c)]);
        rows.push_back(csvRecord(values));
        labels.push_back(file + ":" + std::to_string(table.rowLines[r]));
    }
    for (const auto& skipped : table.skipped) ragged.push_back(skipped.location + ": error: " + skipped.reason);
    return {};
}

}  // namespace

int predictCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() < (args.has("csv") ? 1u : 2u) || !args.has("weights")) {
        err << "usage: netloom-cli predict FILE --weights CHECKPOINT [--json] [--top K] [--csv ROWS.csv] INPUT...\n";
        return 2;
    }
    std::optional<Project> project = loadProjectFor(args.positional[0], err);
    if (!project) return 2;
    std::string error;
    auto predictor = Predictor::open(*project, args.get("weights"), error);
    if (!predictor) {
        err << "error: " << error << "\n";
        return 2;
    }
    size_t top = 0;
    try {
        if (args.has("top")) top = static_cast<size_t>(std::stoul(args.get("top")));
    } catch (const std::exception&) {
        err << "error: --top takes a whole number\n";
        return 2;
    }
    std::vector<std::string> inputs(args.positional.begin() + 1, args.positional.end());
    std::vector<std::string> labels(inputs.size()), ragged;
    if (args.has("csv")) {
        std::vector<std::string> rows, rowLabels;
        if (std::string e = csvFileRows(args.get("csv"), args.get("weights"), rows, rowLabels, ragged); !e.empty()) {
            err << "error: " << e << "\n";
            return 2;
        }
        for (const auto& r : ragged) err << r << "\n";
        inputs.insert(inputs.end(), rows.begin(), rows.end());
        labels.insert(labels.end(), rowLabels.begin(), rowLabels.end());
    }
    auto results = predictor->predict(inputs);
    for (size_t k = 0; k < results.size() && k < labels.size(); ++k)
        if (!labels[k].empty()) results[k].input = labels[k];
    bool anyError = !ragged.empty();
    // ordered_json: the probabilities are listed in the model's class order, as it was trained (a
    // plain json object would sort them by name).
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (auto& r : results) {
        // Highest probability first, optionally only the top K.
        std::vector<std::pair<std::string, double>> ranked = r.probabilities;
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        if (top > 0 && ranked.size() > top) ranked.resize(top);
        anyError |= !r.error.empty();
        if (args.has("json")) {
            nlohmann::ordered_json j = {{"input", r.input}};
            if (!r.error.empty()) j["error"] = r.error;
            if (!r.label.empty()) j["label"] = r.label;
            if (!r.probabilities.empty()) {
                nlohmann::ordered_json p = nlohmann::ordered_json::object();
                for (const auto& [name, prob] : r.probabilities) {  // class order; --top keeps the K most probable
                    auto kept = [&name = name](const auto& c) { return c.first == name; };
                    if (std::any_of(ranked.begin(), ranked.end(), kept)) p[name] = prob;
                }
                j["probabilities"] = p;
            }
            if (!r.values.empty()) j["values"] = r.values;
            if (r.anomalyScore >= 0) j["anomaly_score"] = r.anomalyScore;
            all.push_back(j);
            continue;
        }
        out << r.input << ": ";
        if (!r.error.empty()) {
            out << "error: " << r.error << "\n";
            continue;
        }
        if (!r.label.empty()) {
            out << r.label << std::fixed << std::setprecision(4) << " (";
            for (size_t k = 0; k < ranked.size() && k < (top ? top : 3); ++k)
                out << (k ? ", " : "") << ranked[k].first << " " << ranked[k].second;
            out << ")";
        } else if (r.anomalyScore >= 0) {
            out << "anomaly score " << r.anomalyScore;
        } else {
            for (size_t k = 0; k < r.values.size(); ++k) out << (k ? " " : "") << r.values[k];
        }
        out << "\n";
    }
    if (args.has("json")) out << all.dump(2) << "\n";
    return anyError ? 1 : 0;
}

}  // namespace netloom::cli
