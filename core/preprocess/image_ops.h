#pragma once
// The image preprocessing operations, declared once each (image_ops.cpp): name, label, parameters,
// when they run, what they do to the channel count. Training, the studio's preview, the form that
// edits a step, the project loader, the JSON schema and the ONNX exporter all read this list; the
// OpenCV/LibTorch implementation and the ONNX emitter of each op sit beside its declaration.
// Torch-free (netloom_model).
#include <functional>
#include <string>
#include <vector>

#include "graph/param.h"

namespace netloom {

// When a step runs:
//   Load     once per image when the dataset is read, on uint8 (decode-time geometry and colour)
//   Augment  per batch, training only, on uint8
//   Float    per batch, on float (scaling, normalisation; colour jitter is training only)
enum class ImageStage { Load, Augment, Float };

struct ImageOpSpec {
    std::string op;           // "resize": the name in project files
    std::string label;        // "Resize": English source text, translated by the studio (context "ImageOp")
    std::string description;  // one sentence for the tooltip
    ImageStage stage = ImageStage::Load;
    bool trainingOnly = false;        // augmentation: never at inference or in the exported model
    bool exportable = true;           // false: no ONNX operator exists (Canny)
    std::vector<ParamSpec> params;
    // Channels after the step given the channels before (grayscale → 1); null: unchanged.
    std::function<int(int)> channelsAfter;
    // A problem no single parameter's range can catch, as a sentence; null or empty: none.
    std::function<std::string(const ParamReader&)> check;
    // The step in a few words for lists and the preview: "resize 32×32".
    std::function<std::string(const ParamReader&)> summary;

    const ParamSpec* param(const std::string& name) const;
};

const std::vector<ImageOpSpec>& imageOps();
const ImageOpSpec* findImageOp(const std::string& op);
std::vector<std::string> imageOpNames();

}  // namespace netloom
