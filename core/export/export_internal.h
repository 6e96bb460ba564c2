#pragma once
// The pieces of exportProject that tests drive directly with synthetic weights and inputs.
// Private to core (Torch, protobuf).
#include <string>
#include <utility>
#include <vector>

#include <onnx/onnx_pb.h>
#include <torch/torch.h>

#include "export/golden_samples.h"
#include "export/onnx_export.h"
#include "export/verifier_process.h"
#include "preprocess/image_pipeline.h"
#include "train/network.h"

namespace netloom {

// Shape inference + checker, then an atomic write. Returns an error sentence or "".
std::string checkAndWriteModel(onnx::ModelProto& model, const std::string& path);

struct VerificationPlan {
    std::string tensorModel, rawModel;   // rawModel empty when there is none
    std::string inputName, mainOutput;
    bool image = false, classification = false;
    VerifierProcess* process = nullptr;  // already started and told what to load; null: start one from the usual places
    std::string outDir;                  // scratch files and verification.json
    // Tables: raw rows as clients send them, encoded for ONNX Runtime by the bundled server's own
    // encoder (src/table.js, from `tabular`: preprocess.json's parameters) and compared with the
    // studio's prediction for the same row (`studioRow`: the studio's encoding, float F).
    struct RawRow {
        std::string what;                                         // "test row 3"
        std::vector<std::pair<std::string, std::string>> values;  // column → value as written
        torch::Tensor studioRow;
    };
    std::vector<RawRow> rawRows;
    std::string tabular;  // preprocess.json's "tabular" (JSON text)
};

// One image as a client sends it to the raw-image model, and as the studio prepares the same file.
struct RawImageCheck {
    std::string what;        // "test/cat/017.png"
    torch::Tensor rgba;      // uint8 H×W×4, the client's decoded image
    torch::Tensor studioRow; // uint8 C×H×W: the studio's decode rule and load-time steps on the same file
};

// Runs each batch (in stored form: uint8 N×C×H×W for images, else the model's input) through
// LibTorch and the tensor model in ONNX Runtime, and each raw image through the raw-image model
// against the studio's own prediction for it. Fills report.checks/engine/verificationPath. Returns ""
// when every check passed, else the reason.
std::string verifyModels(NetworkImpl& net, const ImagePipeline& pipeline, const VerificationPlan& plan,
                         const std::vector<torch::Tensor>& batches, const std::vector<RawImageCheck>& rawImages,
                         ExportReport& report);

// The raw-image checks for `samples`: each original file (or stored row) as the client's RGBA and as
// the studio prepares it for a network whose input is `inputDims`. Empty with `error` set when a
// file cannot be read.
std::vector<RawImageCheck> rawImageChecks(const std::vector<GoldenSample>& samples, const Project& project,
                                          const std::vector<int64_t>& inputDims, std::string& error);

}  // namespace netloom
