#include "preprocess/pipeline_spec.h"

namespace netloom {

const std::vector<std::string>& imageStepOps() {
    static const std::vector<std::string> ops = {
        "grayscale", "rgb", "resize", "center_crop", "scale", "normalize", "canny",
        "random_flip", "random_rotation", "random_crop", "color_jitter"};
    return ops;
}

bool ImageStep::isAugmentation() const { return op.rfind("random_", 0) == 0 || op == "color_jitter"; }

bool ImageStep::operator==(const ImageStep& o) const {
    return op == o.op && width == o.width && height == o.height && mean == o.mean && std == o.std &&
           low == o.low && high == o.high && degrees == o.degrees && padding == o.padding &&
           brightness == o.brightness && contrast == o.contrast && probability == o.probability;
}

bool TextPipelineSpec::operator==(const TextPipelineSpec& o) const {
    return lowercase == o.lowercase && stripPunctuation == o.stripPunctuation &&
           removeStopWords == o.removeStopWords && stem == o.stem && maxVocab == o.maxVocab &&
           minFrequency == o.minFrequency && length == o.length;
}

}  // namespace netloom
