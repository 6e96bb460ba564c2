#pragma once
// The preprocessing pipeline as data. Saved in the project file; applied by training, the
// studio's preview and the exported model alike, so all three do exactly the same thing.
#include <cstdint>
#include <string>
#include <vector>

namespace netloom {

struct ImageStep {
    // grayscale | rgb | resize | center_crop | scale | normalize | canny |
    // random_flip | random_rotation | random_crop | color_jitter
    std::string op;
    int64_t width = 0, height = 0;           // resize, center_crop
    std::vector<double> mean, std;           // normalize, one value per channel
    double low = 50, high = 150;             // canny thresholds
    double degrees = 10;                     // random_rotation: ±degrees
    int64_t padding = 2;                     // random_crop: pad then crop back to size
    double brightness = 0.2, contrast = 0.2; // color_jitter amplitudes
    double probability = 0.5;                // random_flip

    // Augmentation steps run only while training, never at inference or export.
    bool isAugmentation() const;
    bool operator==(const ImageStep& o) const;
};

const std::vector<std::string>& imageStepOps();

struct TextPipelineSpec {
    bool lowercase = true;
    bool stripPunctuation = true;
    bool removeStopWords = false;  // English stop words
    bool stem = false;             // Snowball English stemmer (libstemmer)
    int64_t maxVocab = 10000;      // including PAD (id 0) and OOV (id 1)
    int64_t minFrequency = 1;
    int64_t length = 64;           // pad/truncate every sequence to this many ids
    bool operator==(const TextPipelineSpec& o) const;
};

struct PipelineSpec {
    std::vector<ImageStep> image;
    TextPipelineSpec text;
    bool operator==(const PipelineSpec& o) const { return image == o.image && text == o.text; }
};

}  // namespace netloom
