// netloom-cli export FILE --weights CHECKPOINT --out DIR: ONNX model, sidecars and the parity proof.
#include <iomanip>

#include "cli/commands.h"
#include "export/onnx_export.h"
#include "project/project.h"

namespace netloom::cli {

namespace {

const char* const kBundleFlags[] = {"replicas", "cpu-request", "memory-request", "cpu-limit", "memory-limit", "gpu", "no-triton"};

// The deployment options from the command line; an error sentence when one is unusable.
std::string bundleOptionsFrom(const Arguments& args, BundleOptions& o) {
    if (args.has("replicas")) {
        const std::string n = args.get("replicas");
        if (n.empty() || n.size() > 3 || n.find_first_not_of("0123456789") != std::string::npos)
            return "--replicas takes a whole number from 1 to 100, not \"" + n + "\"";
        o.replicas = std::stoi(n);
    }
    o.cpuRequest = args.get("cpu-request", o.cpuRequest);
    o.memoryRequest = args.get("memory-request", o.memoryRequest);
    o.cpuLimit = args.get("cpu-limit", o.cpuLimit);
    o.memoryLimit = args.get("memory-limit", o.memoryLimit);
    o.gpu = args.has("gpu");
    o.triton = !args.has("no-triton");
    return validateBundleOptions(o);
}

}  // namespace

int exportCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1 || !args.has("weights") || !args.has("out")) {
        err << "usage: netloom-cli export FILE --weights CHECKPOINT --out DIR [--bundle [BUNDLE OPTIONS]] [--tensor-input]\n"
               "                          [--no-verify]   (netloom-cli export --help lists the bundle options)\n";
        return 2;
    }
    // The bundle's options are checked before the export, which takes a while.
    BundleOptions bundle;
    for (const char* flag : kBundleFlags)
        if (args.has(flag) && !args.has("bundle")) {
            err << "error: --" << flag << " sets up the bundle: add --bundle\n";
            return 2;
        }
    if (std::string e = bundleOptionsFrom(args, bundle); !e.empty()) {
        err << "error: bundle: " << e << "\n";
        return 2;
    }
    std::optional<Project> project = loadProjectFor(args.positional[0], err);
    if (!project) return 2;
    ExportOptions options;
    options.outDir = args.get("out");
    options.rawImageInput = !args.has("tensor-input");
    options.verify = !args.has("no-verify");
    ExportReport r = exportProject(*project, args.get("weights"), options);
    if (!r.modelPath.empty() && r.error.find("network has problems") == std::string::npos) {
        if (!r.rawModelPath.empty()) out << "model (raw image input): " << r.rawModelPath << "\n";
        out << "model (tensor input): " << r.modelPath << "\n";
    }
    for (const ParityCheck& c : r.checks)
        out << std::left << std::setw(28) << c.what << " max|diff| " << std::scientific << std::setprecision(2)
            << c.maxAbsDiff << std::fixed << "  top-1 agreement " << std::setprecision(1) << c.top1Agreement * 100
            << "%  " << (c.passed ? "ok" : "FAILED") << "\n";
    if (!r.engine.empty()) out << "judged by " << r.engine << " against LibTorch; report: " << r.verificationPath << "\n";
    if (!r.ok) {
        err << "error: " << (r.failedNode ? "node " + std::to_string(r.failedNode) + ": " : std::string()) << r.error << "\n";
        return 1;
    }
    out << std::fixed << std::setprecision(2) << "export " << r.exportSeconds << " s, verification " << r.verifySeconds
        << " s\n";
    if (!options.verify)
        out << "NOT VERIFIED (--no-verify): nothing shows that this model gives LibTorch's answers\n";
    if (args.has("bundle")) {
        if (std::string e = writeBundle(*project, args.get("weights"), r, options.outDir, bundle); !e.empty()) {
            err << "error: bundle: " << e << "\n";
            return 1;
        }
        out << "bundle: " << options.outDir << " (README.md, Dockerfile, k8s/, " << (bundle.triton ? "triton/, " : "")
            << "server/, samples/)\n";
    }
    return 0;
}

}  // namespace netloom::cli
