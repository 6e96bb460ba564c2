#pragma once
// The samples an export is verified on and a bundle carries ("golden samples"): taken from the test
// split, else the validation split, else the training data, and — for image folders — the original
// files, whatever their size or mode, exactly as the model's clients will send them. Private to
// core (Torch).
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "data/dataset.h"
#include "preprocess/image_pipeline.h"

namespace netloom {

struct GoldenSample {
    std::string split;       // "test", "validation" or "training"
    std::string sourceFile;  // image folders: the original file; empty when the dataset has none
    torch::Tensor stored;    // the row as training stores it (images: uint8 C×H×W after the load-time steps)
    std::string text;        // text datasets: the raw text
    // CSV tables: the feature columns as a client sends them, name → the value as written in the file
    // (missing values as they are spelled there), in the model's column order; the target is left out.
    std::vector<std::pair<std::string, std::string>> row;
};

// Up to `count` samples, the first rows of the first split that has any (tables: rows with a missing
// value first, up to half of them, then the first rows).
std::vector<GoldenSample> goldenSamples(const Dataset& data, int64_t count);

// A table sample's values as one CSV record in the model's column order (what `netloom-cli predict`
// takes) and its header.
std::string csvValues(const GoldenSample& sample);
std::string csvHeader(const GoldenSample& sample);

// What a client's decoder gives for a sample: RGBA uint8 H×W×4 (an opaque alpha for images without
// one). From the original file when there is one, else from the stored row (IDX: the stored image is
// the original). An undefined tensor with `error` set when the file cannot be decoded.
torch::Tensor clientRgba(const GoldenSample& sample, std::string& error);

}  // namespace netloom
