#include "graph/layer_registry.h"

#include <algorithm>

namespace netloom {

const ParamSpec* LayerSpec::param(const std::string& name) const {
    for (const auto& p : params)
        if (p.name == name) return &p;
    return nullptr;
}

LayerRegistry::LayerRegistry() {
    layers::declareIo(specs_);
    layers::declareCore(specs_);
    layers::declareConvolution(specs_);
    layers::declareActivations(specs_);
    layers::declareMerge(specs_);
    layers::declareSequence(specs_);
}

const LayerRegistry& LayerRegistry::instance() {
    static const LayerRegistry registry;
    return registry;
}

const LayerSpec* LayerRegistry::find(const std::string& type) const {
    for (const auto& s : specs_)
        if (s.type == type) return &s;
    return nullptr;
}

std::vector<std::string> LayerRegistry::categories() const {
    std::vector<std::string> cats;
    for (const auto& s : specs_)
        if (std::find(cats.begin(), cats.end(), s.category) == cats.end()) cats.push_back(s.category);
    return cats;
}

}  // namespace netloom
