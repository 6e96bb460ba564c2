#pragma once
// The preprocessing pipeline as data. Saved in the project file; applied by training, the
// studio's preview and the exported model alike, so all three do exactly the same thing.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "graph/param.h"
#include "preprocess/image_ops.h"

namespace netloom {

// One image step: an operation of imageOps() and the values of its parameters (missing ones take
// the operation's defaults).
struct ImageStep {
    std::string op;
    NodeParams params;

    static ImageStep make(std::string op, std::map<std::string, ParamValue> values = {});
    const ImageOpSpec& spec() const;  // the operation must exist (the loader refuses unknown ones)
    ParamReader read() const { return ParamReader(spec().params, params); }
    // Training-only steps never run at inference or in the exported model.
    bool isAugmentation() const { return spec().trainingOnly; }
    ImageStage stage() const { return spec().stage; }
    // Its parameters' values and the operation's own check; an empty string when valid.
    std::string problem() const;
    std::string summary() const;  // "resize 32×32"
    bool operator==(const ImageStep& o) const { return op == o.op && params == o.params; }
};

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
    // Transparent pixels are composited over this colour (R, G, B) when an image is decoded: in
    // training, prediction, the preview, the exported model and the server alike.
    std::vector<int64_t> background{255, 255, 255};
    TextPipelineSpec text;
    bool operator==(const PipelineSpec& o) const {
        return image == o.image && background == o.background && text == o.text;
    }
};

}  // namespace netloom
