#include "preprocess/pipeline_spec.h"

#include <stdexcept>

namespace netloom {

ImageStep ImageStep::make(std::string op, std::map<std::string, ParamValue> values) {
    ImageStep s;
    s.op = std::move(op);
    s.params = NodeParams(std::move(values));
    return s;
}

const ImageOpSpec& ImageStep::spec() const {
    const ImageOpSpec* spec = findImageOp(op);
    if (!spec) throw std::invalid_argument("unknown preprocessing step \"" + op + "\"");
    return *spec;
}

std::string ImageStep::problem() const {
    const ImageOpSpec* s = findImageOp(op);
    if (!s) return "unknown preprocessing step \"" + op + "\"";
    for (const auto& [name, value] : params.values()) {
        const ParamSpec* p = s->param(name);
        if (!p) return op + " has no parameter " + name;
        if (std::string e = checkParamValue(*p, value); !e.empty()) return op + "." + name + ": " + e;
    }
    if (s->check) return s->check(read());
    return {};
}

std::string ImageStep::summary() const {
    const ImageOpSpec* s = findImageOp(op);
    if (!s || !s->summary) return op;
    return op + " " + s->summary(read());
}

bool TextPipelineSpec::operator==(const TextPipelineSpec& o) const {
    return lowercase == o.lowercase && stripPunctuation == o.stripPunctuation &&
           removeStopWords == o.removeStopWords && stem == o.stem && maxVocab == o.maxVocab &&
           minFrequency == o.minFrequency && length == o.length;
}

}  // namespace netloom
