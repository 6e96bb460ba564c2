#pragma once
// The pieces of exportProject that tests drive directly with synthetic weights and inputs.
// Private to core (Torch, protobuf).
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>
#include <torch/torch.h>

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
};

// Runs each batch (in stored form: uint8 N×C×H×W for images, else the model's input) through
// LibTorch and ONNX Runtime and fills report.checks/engine/verificationPath. Returns "" when every
// check passed, else the reason.
std::string verifyModels(NetworkImpl& net, const ImagePipeline& pipeline, const VerificationPlan& plan,
                         const std::vector<torch::Tensor>& batches, ExportReport& report);

}  // namespace netloom
