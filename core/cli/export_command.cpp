// netloom-cli export FILE --weights CHECKPOINT --out DIR: ONNX model, sidecars and the parity proof.
#include <iomanip>

#include "cli/commands.h"
#include "export/onnx_export.h"
#include "project/project.h"

namespace netloom::cli {

int exportCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1 || !args.has("weights") || !args.has("out")) {
        err << "usage: netloom-cli export FILE --weights CHECKPOINT --out DIR [--bundle] [--tensor-input] [--no-verify]\n";
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
    if (args.has("bundle")) {
        if (std::string e = writeBundle(*project, args.get("weights"), r, options.outDir); !e.empty()) {
            err << "error: bundle: " << e << "\n";
            return 1;
        }
        out << "bundle: " << options.outDir << " (README.md, Dockerfile, k8s/, triton/, server/, samples/)\n";
    }
    return 0;
}

}  // namespace netloom::cli
