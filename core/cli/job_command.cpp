// netloom-cli job PROJECT --out DIR: a training-job bundle for a Kubernetes cluster (export/job_bundle.h).
#include <filesystem>

#include "cli/commands.h"
#include "export/job_bundle.h"
#include "project/project.h"

namespace netloom::cli {

int jobCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1 || args.get("out").empty()) {
        err << "usage: netloom-cli job PROJECT --out DIR [--workers N] [--gpus-per-worker G] [--data CLAIM] ...\n";
        return 2;
    }
    std::optional<Project> project = loadProjectFor(args.positional[0], err);
    if (!project) return 2;
    if (project->name.empty()) project->name = std::filesystem::path(args.positional[0]).stem().string();
    JobBundleOptions o;
    for (const auto& [name, into] : {std::pair<const char*, int*>{"workers", &o.workers},
                                     {"gpus-per-worker", &o.gpusPerWorker},
                                     {"timeout", &o.timeout}}) {
        if (!args.has(name)) continue;
        const std::string text = args.get(name);
        size_t used = 0;
        try {
            *into = std::stoi(text, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != text.size()) {
            err << "error: --" << name << " takes a whole number, not \"" << text << "\"\n";
            return 2;
        }
    }
    o.name = args.get("name");
    o.image = args.get("image");
    o.dataClaim = args.get("data");
    o.runsClaim = args.get("runs");
    o.cpuRequest = args.get("cpu-request", o.cpuRequest);
    o.memoryRequest = args.get("memory-request", o.memoryRequest);
    o.cpuLimit = args.get("cpu-limit", o.cpuLimit);
    o.memoryLimit = args.get("memory-limit", o.memoryLimit);
    if (std::string e = validateJobBundleOptions(o); !e.empty()) {
        err << "error: " << e << "\n";
        return 2;
    }
    std::string summary;
    if (std::string e = writeJobBundle(*project, o, args.get("out"), summary); !e.empty()) {
        err << "error: " << e << "\n";
        return 1;
    }
    out << summary;
    return 0;
}

}  // namespace netloom::cli
