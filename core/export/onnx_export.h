#pragma once
// Export a trained project as ONNX (opset 17, IR 8) and prove it: the model is run in ONNX Runtime
// on real samples and compared with LibTorch. Torch-free interface.
#include <string>
#include <vector>

#include "graph/graph.h"
#include "project/project.h"

namespace netloom {

struct ExportOptions {
    std::string outDir;
    // Image models: the model's input is the decoded image (uint8 NHWC, RGB, any size) and the
    // deterministic preprocessing runs inside the graph. Off: the input is the preprocessed tensor.
    bool rawImageInput = true;
    int64_t samples = 16;        // dataset samples used for verification
    std::string verifier;        // verify.js; empty: found next to the program or in the source tree
    bool verify = true;
};

struct ParityCheck {
    std::string what;           // "tensor input, batch 1"
    int64_t samples = 0;
    double maxAbsDiff = 0;
    double top1Agreement = 1;   // fraction; classification only
    bool passed = false;
};

struct ExportReport {
    bool ok = false;
    std::string error;          // names the node and the reason when the graph cannot be exported
    NodeId failedNode = 0;
    std::string modelPath, rawModelPath;
    std::string engine;         // "onnxruntime-node 1.30.0"
    std::vector<ParityCheck> checks;
    double exportSeconds = 0, verifySeconds = 0;
    std::string verificationPath;
};

ExportReport exportProject(const Project& project, const std::string& checkpoint, const ExportOptions& options);

// How the bundle is deployed: the values its Kubernetes manifests and README are filled with. The
// studio's export dialog and `netloom-cli export` set them; the defaults are a small CPU service.
struct BundleOptions {
    int replicas = 2;                     // the Deployment's replicas and the HPA's minimum, 1..100
    std::string cpuRequest = "250m";      // Kubernetes CPU quantities: 250m, 1, 0.5
    std::string memoryRequest = "256Mi";  // Kubernetes memory quantities: 256Mi, 1Gi, 512M
    std::string cpuLimit = "1";
    std::string memoryLimit = "1Gi";
    // The Deployment asks for one GPU (limits nvidia.com/gpu: 1). The bundled server still runs ONNX
    // Runtime's CPU provider; the GPU is for the Triton target or a GPU build of the server.
    bool gpu = false;
    bool triton = true;                   // write triton/ (model repository and its manifests)
};

// "" when the options can be written, otherwise a sentence naming the option and its bad value.
std::string validateBundleOptions(const BundleOptions& options);

// The HPA's range: minReplicas = replicas, maxReplicas = max(10, 2 × replicas).
int bundleMaxReplicas(const BundleOptions& options);

// A deployable folder around an export (ExportReport.ok): the inference server, Dockerfile,
// Kubernetes (and unless options.triton is off, Triton) manifests filled from the model and the
// options, golden samples with the studio's answers, and a README. Then the bundle tests itself
// (server/selftest.js: the bundled server on the bundled model answers every golden sample as the
// studio did, within kMaxAbsDiff); a bundle that fails, or has no samples, is an error. Returns an
// error sentence or ""; the options are validated first (validateBundleOptions), before anything is written.
std::string writeBundle(const Project& project, const std::string& checkpoint, const ExportReport& report,
                        const std::string& outDir, const BundleOptions& options = BundleOptions{});

// A DNS-1123 name for Kubernetes objects from the project name ("Fashion MNIST" → "fashion-mnist").
std::string bundleModelName(const std::string& projectName);

// Tolerances the verification holds every export to.
constexpr double kMaxAbsDiff = 1e-4;

}  // namespace netloom
