#pragma once
// The image preprocessing pipeline, step by step, for the studio's preview. Torch-free values
// around ImagePipeline::stepwise, so the preview runs exactly the code training runs.
#include <cstdint>
#include <string>
#include <vector>

#include "preprocess/pipeline_spec.h"

namespace netloom {

struct RawImage {
    int width = 0, height = 0, channels = 0;  // channels: 1 (gray) or 3 (RGB)
    std::vector<uint8_t> pixels;              // row-major, interleaved
    bool empty() const { return pixels.empty(); }
};

struct PreviewStep {
    std::string label;                 // "original", "resize 32×32", "normalize"
    int width = 0, height = 0, channels = 0;
    bool isFloat = false;
    std::vector<uint8_t> pixels;       // uint8 steps
    std::vector<float> values;         // float steps (scale, normalize, color_jitter), interleaved
    float minValue = 0, maxValue = 0;  // float steps: the range, for the colour bar
};

// Runs `steps` on one decoded image. With `augment`, the training-only steps run too, driven by
// `seed` (a new seed is the preview's "reroll"). Returns an empty list and sets `error` when a
// step cannot run (OpenCV refuses it, e.g. a resize to 0×0). What training tolerates, the preview
// shows the same way: a crop larger than the image is clamped, a gray image normalizes with the
// first mean and std.
std::vector<PreviewStep> previewImagePipeline(const std::vector<ImageStep>& steps, const RawImage& decoded, bool augment,
                                              uint64_t seed, std::string& error);

}  // namespace netloom
