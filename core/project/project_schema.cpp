#include "project/project_schema.h"

#include <nlohmann/json.hpp>

#include "graph/layer_registry.h"
#include "preprocess/image_ops.h"
#include "preprocess/pipeline_spec.h"
#include "project/settings.h"

namespace netloom {

using nlohmann::json;

namespace {

json paramSchema(const ParamSpec& p) {
    json s;
    switch (p.kind) {
    case ParamKind::Int: s = {{"type", "integer"}, {"minimum", p.min}, {"maximum", p.max}}; break;
    case ParamKind::Float: s = {{"type", "number"}, {"minimum", p.min}, {"maximum", p.max}}; break;
    case ParamKind::Bool: s = {{"type", "boolean"}}; break;
    case ParamKind::Choice: s = {{"type", "string"}, {"enum", p.choices}}; break;
    case ParamKind::IntList:
        s = {{"type", "array"}, {"minItems", p.minItems}, {"maxItems", p.maxItems},
             {"items", {{"type", "integer"}, {"minimum", p.min}, {"maximum", p.max}}}};
        break;
    case ParamKind::FloatList:
        s = {{"type", "array"}, {"minItems", p.minItems}, {"maxItems", p.maxItems},
             {"items", {{"type", "number"}, {"minimum", p.min}, {"maximum", p.max}}}};
        break;
    case ParamKind::Text: s = {{"type", "string"}}; break;
    case ParamKind::TextList: s = {{"type", "array"}, {"items", {{"type", "string"}}}}; break;
    }
    s["description"] = p.help;
    s["default"] = std::visit([](const auto& v) { return json(v); }, p.defaultValue);
    return s;
}

json numberIn(double lo, double hi) { return {{"type", "number"}, {"minimum", lo}, {"maximum", hi}}; }
json intIn(double lo, double hi) { return {{"type", "integer"}, {"minimum", lo}, {"maximum", hi}}; }
json enumOf(std::vector<std::string> v) { return {{"type", "string"}, {"enum", v}}; }
json closedObject(json properties, std::vector<std::string> required = {}) {
    json o = {{"type", "object"}, {"additionalProperties", false}, {"properties", properties}};
    if (!required.empty()) o["required"] = required;
    return o;
}

// The object holding the settings under `prefix`, nested objects included (from settings.h).
json settingsObject(const std::string& prefix, std::vector<std::string> required = {}) {
    json properties = json::object();
    for (const SettingSpec* spec : settingsUnder(prefix)) {
        std::string rest = spec->key.substr(prefix.size());
        std::string child = rest.substr(0, rest.find('.'));
        if (rest.find('.') != std::string::npos) {
            if (!properties.contains(child)) properties[child] = settingsObject(prefix + child + ".");
        } else {
            properties[child] = paramSchema(spec->value);
        }
    }
    return closedObject(properties, std::move(required));
}

}  // namespace

std::string projectJsonSchema() {
    json nodeVariants = json::array();
    for (const LayerSpec& spec : LayerRegistry::instance().all()) {
        json params = json::object();
        for (const ParamSpec& p : spec.params) params[p.name] = paramSchema(p);
        nodeVariants.push_back({{"if", {{"properties", {{"type", {{"const", spec.type}}}}}}},
                                {"then", {{"properties", {{"params", closedObject(params)}}}}}});
    }
    std::vector<std::string> types;
    for (const LayerSpec& spec : LayerRegistry::instance().all()) types.push_back(spec.type);

    json node = closedObject({{"id", intIn(1, 1 << 30)},
                              {"type", enumOf(types)},
                              {"name", {{"type", "string"}}},
                              {"position", {{"type", "array"}, {"items", numberIn(-1e7, 1e7)}, {"minItems", 2}, {"maxItems", 2}}},
                              {"params", {{"type", "object"}}}},
                             {"id", "type"});
    node["allOf"] = nodeVariants;
    json edge = closedObject({{"from", intIn(1, 1 << 30)}, {"to", intIn(1, 1 << 30)}, {"port", intIn(0, 1024)}},
                             {"from", "to"});
    // A step is "op" plus its operation's parameters (preprocess/image_ops.h).
    json stepVariants = json::array();
    for (const ImageOpSpec& op : imageOps()) {
        json properties = {{"op", {{"const", op.op}}}};
        std::vector<std::string> required{"op"};
        for (const ParamSpec& p : op.params) {
            properties[p.name] = paramSchema(p);
            if (p.required) required.push_back(p.name);
        }
        json variant = closedObject(properties, required);
        variant["description"] = op.description;
        stepVariants.push_back(variant);
    }
    json imageStep = {{"type", "object"}, {"required", {"op"}}, {"properties", {{"op", enumOf(imageOpNames())}}},
                      {"oneOf", stepVariants}};
    json editor = settingsObject("editor.");
    editor["properties"]["groups"] = {
        {"type", "array"},
        {"description", "Named blocks of layers the studio can collapse into one node; training and export ignore them."},
        {"items", closedObject({{"name", {{"type", "string"}, {"minLength", 1}}},
                                {"members", {{"type", "array"}, {"minItems", 1}, {"items", intIn(1, 1 << 30)}}},
                                {"collapsed", {{"type", "boolean"}, {"default", false}}}},
                               {"name", "members"})}};
    json schema = {
        {"$schema", "https://json-schema.org/draft/2020-12/schema"},
        {"title", "Netloom project"},
        {"type", "object"},
        {"additionalProperties", false},
        {"required", {"format", "schema_version", "graph"}},
        {"properties",
         {{"format", {{"const", "netloom-project"}}},
          {"schema_version", {{"const", 1}}},
          {"name", {{"type", "string"}}},
          {"description", {{"type", "string"}}},
          {"graph", closedObject({{"nodes", {{"type", "array"}, {"items", node}}},
                                  {"edges", {{"type", "array"}, {"items", edge}}}},
                                 {"nodes"})},
          {"dataset", settingsObject("dataset.", {"kind"})},
          {"preprocess", closedObject({{"image", {{"type", "array"}, {"items", imageStep}}},
                                       {"text", settingsObject("preprocess.text.")}})},
          {"training", settingsObject("training.")},
          {"editor", editor}}}};
    return schema.dump(2) + "\n";
}

}  // namespace netloom
