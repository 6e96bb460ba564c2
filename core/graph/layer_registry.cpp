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

ParamSpec intParam(std::string name, int64_t def, int64_t min, int64_t max, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::Int;
    p.defaultValue = def;
    p.min = static_cast<double>(min);
    p.max = static_cast<double>(max);
    p.help = std::move(help);
    return p;
}

ParamSpec floatParam(std::string name, double def, double min, double max, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::Float;
    p.defaultValue = def;
    p.min = min;
    p.max = max;
    p.help = std::move(help);
    return p;
}

ParamSpec boolParam(std::string name, bool def, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::Bool;
    p.defaultValue = def;
    p.help = std::move(help);
    return p;
}

ParamSpec choiceParam(std::string name, std::string def, std::vector<std::string> choices, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::Choice;
    p.defaultValue = std::move(def);
    p.choices = std::move(choices);
    p.help = std::move(help);
    return p;
}

ParamSpec listParam(std::string name, std::vector<int64_t> def, int64_t min, int64_t max, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::IntList;
    p.defaultValue = std::move(def);
    p.min = static_cast<double>(min);
    p.max = static_cast<double>(max);
    p.help = std::move(help);
    return p;
}

}  // namespace netloom
