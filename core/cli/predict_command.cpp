// netloom-cli predict FILE --weights CHECKPOINT INPUT...: the studio's own answers for raw inputs.
#include <algorithm>
#include <iomanip>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "project/project.h"
#include "train/predictor.h"

namespace netloom::cli {

int predictCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() < 2 || !args.has("weights")) {
        err << "usage: netloom-cli predict FILE --weights CHECKPOINT [--json] [--top K] INPUT...\n";
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
    auto results = predictor->predict(inputs);
    bool anyError = false;
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
