#pragma once
// The image half of the preprocessing pipeline (OpenCV + Torch; private to core).
// Steps run in three stages (preprocess/image_ops.h), each in the order listed in the project:
//   1. Load: on uint8 images, once per dataset (grayscale, rgb, resize, center_crop, canny)
//   2. Augment: batch time, training only, on uint8 (random_flip, random_rotation, random_crop)
//   3. Float: batch time, on float (scale, color_jitter while training, normalize)
// Training, the studio's preview and the exported ONNX graph all follow this description; each
// operation's implementation is in image_ops.cpp beside its declaration.
#include <random>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <torch/torch.h>

#include "preprocess/pipeline_spec.h"

namespace netloom {

struct PreviewImage {
    std::string label;   // "resize 32×32"
    cv::Mat image;       // uint8 (H×W or H×W×3 RGB) or float32 for the float stage
    bool isFloat = false;
};

class ImagePipeline {
public:
    explicit ImagePipeline(std::vector<ImageStep> steps);

    // Load-time stage. `decoded` is gray (1 channel) or RGB (3 channels), uint8.
    cv::Mat prepare(const cv::Mat& decoded) const;
    // Channels after the load-time stage, given the decoded channel count.
    int outputChannels(int decodedChannels) const;
    // True when the load-time stage wants gray input (a grayscale step comes first or is the only colour step).
    bool wantsGray() const;

    // Batch-time stages: uint8 N×C×H×W → float N×C×H×W. `rng` drives augmentation when training.
    torch::Tensor toModelInput(const torch::Tensor& batch, bool training, std::mt19937_64* rng) const;

    // Every step's result for one image, for the studio's preview. With `augment`, the training-only
    // steps are applied with `seed` (the "reroll" button picks a new seed).
    std::vector<PreviewImage> stepwise(const cv::Mat& decoded, bool augment, uint64_t seed) const;

    const std::vector<ImageStep>& steps() const { return steps_; }

private:
    std::vector<ImageStep> steps_;
};

// cv::Mat (H×W or H×W×C, uint8) ↔ tensor C×H×W uint8.
torch::Tensor matToTensor(const cv::Mat& m);
cv::Mat tensorToMat(const torch::Tensor& chw);
// Whether a file is decoded to gray for this pipeline and a network whose input is `inputDims`
// (C×H×W): when the pipeline asks for gray first, or the network takes one channel.
bool decodesToGray(const ImagePipeline& pipeline, const std::vector<int64_t>& inputDims);
// A file as the studio feeds it to the network: decoded by the rule below, then the load-time
// steps; uint8 C×H×W. Undefined with `error` set when the file cannot be decoded.
torch::Tensor prepareImageFile(const std::string& path, const ImagePipeline& pipeline, const std::vector<int64_t>& background,
                               bool gray, std::string& error);

// Decodes an image file to gray or RGB uint8, transparency composited over `background`
// (preprocess/image_color.h); an empty Mat with `error` set when it cannot.
cv::Mat decodeImageFile(const std::string& path, bool gray, const std::vector<int64_t>& background, std::string& error);
cv::Mat decodeImageBytes(const std::vector<unsigned char>& bytes, bool gray, const std::vector<int64_t>& background,
                         std::string& error);

}  // namespace netloom
