#pragma once
// What image_ops.cpp gives each operation besides its declaration: the OpenCV/LibTorch
// implementation for its stage and the ONNX emitter. Private to netloom_core (OpenCV, Torch, ONNX).
#include <functional>
#include <random>
#include <string>

#include <opencv2/core.hpp>
#include <torch/torch.h>

#include "export/onnx_graph.h"
#include "preprocess/image_ops.h"

namespace netloom {

// The exported model's preprocessing as it is built: `x` is the current value (float N×C×H×W)
// with `channels` channels; an emitter replaces both.
struct ImageEmitContext {
    OnnxGraph& g;
    std::string x;
    int64_t channels;
    ParamReader params;
};

struct ImageOpKernels {
    std::function<cv::Mat(const cv::Mat&, const ParamReader&)> load;  // Load stage: one uint8 image (gray or RGB)
    std::function<torch::Tensor(const torch::Tensor&, const ParamReader&, std::mt19937_64&)> augment;  // uint8 N×C×H×W
    std::function<torch::Tensor(torch::Tensor, const ParamReader&, bool training, std::mt19937_64*)> apply;  // float
    std::function<void(ImageEmitContext&)> emit;  // null: training only, or not exportable
};

const ImageOpKernels* imageOpKernels(const std::string& op);

}  // namespace netloom
