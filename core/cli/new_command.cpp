// netloom-cli new OUT.netloom --data PATH: a project from the user's own data (project/new_project.h).
#include <filesystem>

#include "cli/commands.h"
#include "project/new_project.h"

namespace netloom::cli {

namespace {

// "32x32" or "32×32" → 32, 32.
bool parseSize(const std::string& text, int64_t& w, int64_t& h) {
    std::string s = text;
    const std::string times = "×";
    if (auto k = s.find(times); k != std::string::npos) s.replace(k, times.size(), "x");
    auto x = s.find_first_of("xX");
    if (x == std::string::npos || x == 0 || x + 1 >= s.size()) return false;
    try {
        size_t used = 0;
        w = std::stoll(s.substr(0, x), &used);
        if (used != x) return false;
        h = std::stoll(s.substr(x + 1), &used);
        if (used != s.size() - x - 1) return false;
    } catch (const std::exception&) {
        return false;
    }
    return w >= 1 && h >= 1 && w <= 16384 && h <= 16384;
}

bool parseFraction(const std::string& text, double& out) {
    try {
        size_t used = 0;
        out = std::stod(text, &used);
        return used == text.size() && out > 0 && out < 1;
    } catch (const std::exception&) {
        return false;
    }
}

void printInspection(const DataInspection& d, std::ostream& out) {
    out << "data: " << d.path << " (" << d.kind << ", " << d.samples << " samples)\n";
    if (!d.testPath.empty()) out << "test set: " << d.testPath << "\n";
    if (!d.classes.empty()) out << "classes (" << d.classes.size() << "): " << d.describe() << "\n";
    if (!d.sizes.empty()) {
        out << "image sizes:";
        size_t shown = 0;
        for (const auto& s : d.sizes) {
            if (++shown > 5) {
                out << " …";
                break;
            }
            out << " " << s.width << "×" << s.height << " (" << s.count << ")";
        }
        out << "\nmodes: " << d.grayImages << " gray, " << d.rgbImages << " RGB, " << d.rgbaImages << " RGBA\n";
    }
    if (!d.columns.empty()) {
        // Every column when there are few; the counts and the ones with something to say otherwise.
        const bool all = d.columns.size() <= 12;
        int64_t numbers = 0;
        out << "columns (" << d.columns.size() << "):";
        for (const auto& c : d.columns) {
            numbers += c.numeric;
            if (all || !c.numeric || c.missing)
                out << " " << c.name << " (" << (c.numeric ? "number" : "text")
                    << (c.missing ? ", " + std::to_string(c.missing) + " missing" : "") << ")";
        }
        if (!all) out << (d.columns.size() > static_cast<size_t>(numbers) ? " and " : " ") << numbers << " number columns";
        out << "\n";
        if (!d.target.empty()) out << "target: " << d.target << (d.targetIsCategorical ? " (categories)" : " (numbers)") << "\n";
        if (!d.textColumn.empty()) out << "text column: " << d.textColumn << "\n";
    }
    if (d.kind == "text_csv" || d.kind == "text_folder")
        out << "tokens per text: min " << d.textMinTokens << ", median " << d.textMedianTokens << ", 95% " << d.textP95Tokens
            << ", max " << d.textMaxTokens << "; " << d.distinctTokens << " distinct\n";
    for (const auto& w : d.warnings) out << "warning: " << w << "\n";
}

}  // namespace

int newCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1 || !args.has("data")) {
        err << "usage: netloom-cli new OUT.netloom --data PATH [options] (see --help)\n";
        return 2;
    }
    const std::string outPath = args.positional[0];
    NewProjectChoices choices;
    InspectOptions inspect;
    inspect.target = args.get("target");
    inspect.textColumn = args.get("text-column");
    choices.name = args.get("name");
    if (args.has("task")) {
        auto task = enumFromName<Task>(args.get("task"));
        if (!task) {
            std::string names;
            for (const auto& n : enumChoices<Task>()) names += (names.empty() ? "" : ", ") + n;
            err << "error: --task: \"" << args.get("task") << "\" is not one of " << names << "\n";
            return 2;
        }
        choices.task = task;
    }
    if (args.has("size") && !parseSize(args.get("size"), choices.width, choices.height)) {
        err << "error: --size: \"" << args.get("size") << "\" is not WIDTHxHEIGHT (like 32x32, 1 to 16384)\n";
        return 2;
    }
    if (args.has("channels")) {
        choices.channels = args.get("channels");
        if (choices.channels != "gray" && choices.channels != "rgb") {
            err << "error: --channels: \"" << choices.channels << "\" is not gray or rgb\n";
            return 2;
        }
    }
    for (const auto& [option, field] : {std::pair<const char*, double*>{"validation-split", &choices.validationSplit},
                                        std::pair<const char*, double*>{"test-split", &choices.testSplit}})
        if (args.has(option) && !parseFraction(args.get(option), *field)) {
            err << "error: --" << option << ": \"" << args.get(option) << "\" is not a fraction between 0 and 1 (both excluded)\n";
            return 2;
        }
    if (args.has("epochs")) {
        try {
            size_t used = 0;
            choices.epochs = std::stoll(args.get("epochs"), &used);
            if (used != args.get("epochs").size() || choices.epochs < 1) throw std::invalid_argument("");
        } catch (const std::exception&) {
            err << "error: --epochs: \"" << args.get("epochs") << "\" is not a whole number of at least 1\n";
            return 2;
        }
    }
    choices.normalize = !args.has("no-normalize");
    std::error_code ec;
    if (std::filesystem::exists(outPath, ec) && !args.has("force")) {
        err << "error: " << outPath << " exists; --force replaces it\n";
        return 2;
    }

    DataInspection inspection = inspectData(args.get("data"), inspect);
    if (!inspection.ok()) {
        err << "error: " << inspection.error << "\n";
        return 1;
    }
    printInspection(inspection, out);
    ProjectProposal proposal = proposeProject(inspection, choices);
    if (!proposal.ok()) {
        err << "error: " << proposal.error << "\n";
        return 1;
    }
    for (const auto& note : proposal.notes) out << "chosen: " << note << "\n";
    if (std::string e = saveProject(*proposal.project, outPath); !e.empty()) {
        err << "error: " << e << "\n";
        return 1;
    }
    out << "wrote " << outPath << " — next: netloom-cli validate " << outPath << ", then netloom-cli train " << outPath << "\n";
    return 0;
}

}  // namespace netloom::cli
