// The training-job bundle: packaging/job/templates filled from the project and the options.
#include "export/job_bundle.h"

#include <filesystem>
#include <map>
#include <sstream>
#include <vector>

#include "export/onnx_export.h"
#include "util/atomic_file.h"
#include "util/data_dirs.h"
#include "util/text_template.h"
#include "version.h"

namespace netloom {

namespace {

namespace fs = std::filesystem;

bool isDns1123(const std::string& s) {
    if (s.empty() || s.size() > 63) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return s.front() != '-' && s.back() != '-';
}

// Replaces each marker by `block`, its lines after the first indented to the marker's column (a
// YAML block placed where the marker stands).
std::string insertIndented(std::string text, const std::string& marker, const std::string& block) {
    for (size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at)) {
        size_t lineStart = text.rfind('\n', at);
        lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
        const std::string indent(at - lineStart, ' ');
        std::string body = block;
        while (!body.empty() && body.back() == '\n') body.pop_back();
        std::string indented;
        std::istringstream lines(body);
        bool first = true;
        for (std::string line; std::getline(lines, line); first = false)
            indented += (first ? "" : "\n") + (line.empty() || first ? line : indent + line);
        text.replace(at, marker.size(), indented);
        at += indented.size();
    }
    return text;
}

std::string jobSourceDir() {
    if (const char* env = std::getenv("NETLOOM_JOB_TEMPLATES")) return env;
    return findSharedPath("job", "packaging/job", "templates/k8s/pytorchjob.yaml");
}

// The project as the pods see it: dataset paths inside the data volume, threads left to the ranks.
Project projectForCluster(Project p, std::vector<std::string>& dataFiles) {
    auto intoVolume = [&](std::string& path) {
        if (path.empty()) return;
        fs::path normal = fs::path(path).lexically_normal();
        std::string base = normal.filename().string();
        if (base.empty()) base = normal.parent_path().filename().string();
        dataFiles.push_back(base);
        path = "/data/" + base;
    };
    if (p.dataset.kind != "none") {
        intoVolume(p.dataset.path);
        intoVolume(p.dataset.testPath);
    }
    p.training.threads = 0;
    return p;
}

}  // namespace

std::string defaultJobName(const Project& project) {
    std::string base = bundleModelName(project.name.empty() ? "model" : project.name);
    if (base.size() > 36) base.resize(36);
    while (!base.empty() && base.back() == '-') base.pop_back();
    return base + "-train";
}

std::string validateJobBundleOptions(const JobBundleOptions& o) {
    if (o.workers < 1 || o.workers > 1000) return "workers must be between 1 and 1000, not " + std::to_string(o.workers);
    if (o.gpusPerWorker < 0 || o.gpusPerWorker > 16)
        return "GPUs per worker must be between 0 and 16, not " + std::to_string(o.gpusPerWorker);
    if (o.timeout < 10 || o.timeout > 86400) return "the timeout must be between 10 and 86400 s, not " + std::to_string(o.timeout);
    if (!o.name.empty() && (!isDns1123(o.name) || o.name.size() > 45))
        return "the job name \"" + o.name + "\" must be lower-case letters, digits and '-', at most 45 characters";
    for (const auto& [what, claim] : {std::pair<const char*, std::string>{"data claim", o.dataClaim}, {"runs claim", o.runsClaim}})
        if (!claim.empty() && !isDns1123(claim))
            return std::string("the ") + what + " \"" + claim + "\" is not a PersistentVolumeClaim name (lower-case letters, digits, '-')";
    if (o.image.find_first_of(" \t\"'\n") != std::string::npos) return "the image \"" + o.image + "\" is not an image reference";
    BundleOptions quantities;
    quantities.cpuRequest = o.cpuRequest;
    quantities.memoryRequest = o.memoryRequest;
    quantities.cpuLimit = o.cpuLimit;
    quantities.memoryLimit = o.memoryLimit;
    return validateBundleOptions(quantities);
}

std::string writeJobBundle(const Project& project, const JobBundleOptions& options, const std::string& outDir,
                           std::string& summary) {
    if (std::string e = validateJobBundleOptions(options); !e.empty()) return e;
    JobBundleOptions o = options;
    if (o.name.empty()) o.name = defaultJobName(project);
    if (o.image.empty()) o.image = "netloom-trainer:" + std::string(NETLOOM_VERSION);
    const std::string source = jobSourceDir();
    if (!fs::exists(source + "/templates/k8s/pytorchjob.yaml"))
        return "the job templates were not found (share/netloom/job beside the program, packaging/job in the source "
               "tree, or /usr/share/netloom/job)";

    std::vector<std::string> dataFiles;
    const std::string projectText = serializeProject(projectForCluster(project, dataFiles));
    const bool gpu = o.gpusPerWorker > 0;
    const int nproc = gpu ? o.gpusPerWorker : 1;
    std::string files;
    for (const auto& f : dataFiles) files += (files.empty() ? " (" : ", ") + std::string("`/data/") + f + "`";
    if (!files.empty()) files += ")";
    const std::map<std::string, std::string> values = {
        {"NAME", o.name},
        {"IMAGE", o.image},
        {"VERSION", NETLOOM_VERSION},
        {"DEB", "netloom_" + std::string(NETLOOM_VERSION) + "_amd64.deb"},
        {"WORKERS", std::to_string(o.workers)},
        {"WORKER_REPLICAS", std::to_string(o.workers - 1)},
        {"RANKS", std::to_string(o.workers * nproc)},
        {"NPROC", std::to_string(nproc)},
        {"GPUS", std::to_string(o.gpusPerWorker)},
        {"DEVICE", gpu ? "cuda" : "cpu"},
        {"TIMEOUT", std::to_string(o.timeout)},
        {"PORT", std::to_string(o.port)},
        {"CPU_REQUEST", o.cpuRequest},
        {"MEMORY_REQUEST", o.memoryRequest},
        {"CPU_LIMIT", o.cpuLimit},
        {"MEMORY_LIMIT", o.memoryLimit},
        {"SHM_SIZE", gpu ? "8Gi" : "1Gi"},
        {"DATA_CLAIM", o.dataClaim.empty() ? o.name + "-data" : o.dataClaim},
        {"RUNS_CLAIM", o.runsClaim.empty() ? o.name + "-runs" : o.runsClaim},
        {"DATA_SIZE", "20Gi"},
        {"RUNS_SIZE", "5Gi"},
        {"BACKOFF_LIMIT", "6"},
        {"BATCH", std::to_string(project.training.batchSize)},
        {"DATA_FILES", files},
    };
    const bool makeData = o.dataClaim.empty(), makeRuns = o.runsClaim.empty();
    auto flags = [&](bool indexed) {
        return std::map<std::string, bool>{{"GPU", gpu},           {"HAS_WORKERS", o.workers > 1}, {"MAKE_DATA", makeData},
                                           {"GIVEN_DATA", !makeData}, {"MAKE_RUNS", makeRuns},       {"BOTH", makeData && makeRuns},
                                           {"INDEXED", indexed}};
    };
    std::string error;
    auto render = [&](const std::string& from, bool indexed) {
        std::string text;
        if (error.empty() && !readFile(source + "/templates/" + from, text, error)) return std::string();
        return fill(keepSections(text, flags(indexed)), values);
    };
    std::map<std::string, std::string> written;
    const std::string pod = render("pod-template.yaml", false), indexedPod = render("pod-template.yaml", true);
    for (const char* f : {"Dockerfile", "Dockerfile.cuda", "README.md", "k8s/trainjob.yaml"}) written[f] = render(f, false);
    written["k8s/pytorchjob.yaml"] = insertIndented(render("k8s/pytorchjob.yaml", false), "{{POD_TEMPLATE}}", pod);
    written["k8s/indexed-job.yaml"] = insertIndented(render("k8s/indexed-job.yaml", true), "{{POD_TEMPLATE}}", indexedPod);
    written["k8s/project.yaml"] = insertIndented(render("k8s/project.yaml", false), "{{PROJECT}}", projectText);
    if (makeData || makeRuns) written["k8s/storage.yaml"] = render("k8s/storage.yaml", false);
    written["project.netloom"] = projectText;
    if (!error.empty()) return error;

    std::error_code ec;
    fs::create_directories(outDir + "/k8s", ec);
    if (ec) return "cannot create " + outDir + "/k8s: " + ec.message();
    // A bundle written here before with claims of its own must not leave a stale storage.yaml behind.
    if (!makeData && !makeRuns) fs::remove(outDir + "/k8s/storage.yaml", ec);
    for (const auto& [file, content] : written)
        if (std::string e = writeFileAtomically(outDir + "/" + file, content); !e.empty()) return e;
    std::ostringstream s;
    s << "job bundle: " << outDir << "\n"
      << "  " << o.workers << " pods, " << nproc << " rank(s) per pod" << (gpu ? " (one per GPU)" : "") << ": "
      << o.workers * nproc << " ranks, image " << o.image << "\n"
      << "  k8s/pytorchjob.yaml (Kubeflow PyTorchJob), k8s/trainjob.yaml (Kubeflow Trainer), k8s/indexed-job.yaml (plain Job)\n"
      << "  next: " << outDir << "/README.md\n";
    summary = s.str();
    return {};
}

}  // namespace netloom
