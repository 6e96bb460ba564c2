#include "project/project_schema.h"

#include <nlohmann/json.hpp>

#include "graph/layer_registry.h"
#include "preprocess/pipeline_spec.h"

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
        s = {{"type", "array"}, {"minItems", 1}, {"maxItems", 8},
             {"items", {{"type", "integer"}, {"minimum", p.min}, {"maximum", p.max}}}};
        break;
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
    json imageStep = closedObject({{"op", enumOf(imageStepOps())},
                                   {"width", intIn(0, 16384)},
                                   {"height", intIn(0, 16384)},
                                   {"mean", {{"type", "array"}, {"items", numberIn(-1e6, 1e6)}}},
                                   {"std", {{"type", "array"}, {"items", numberIn(1e-12, 1e6)}}},
                                   {"low", numberIn(0, 10000)},
                                   {"high", numberIn(0, 10000)},
                                   {"degrees", numberIn(0, 180)},
                                   {"padding", intIn(0, 1024)},
                                   {"brightness", numberIn(0, 1)},
                                   {"contrast", numberIn(0, 1)},
                                   {"probability", numberIn(0, 1)}},
                                  {"op"});
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
          {"dataset", closedObject({{"kind", enumOf({"none", "idx", "image_folder", "csv", "text_csv", "text_folder"})},
                                    {"path", {{"type", "string"}}},
                                    {"test_path", {{"type", "string"}}},
                                    {"target", {{"type", "string"}}},
                                    {"text_column", {{"type", "string"}}},
                                    {"validation_split", numberIn(0, 0.9)},
                                    {"test_split", numberIn(0, 0.9)},
                                    {"seed", intIn(0, 9.2e18)},
                                    {"limit", intIn(0, 9.2e18)},
                                    {"classes", {{"type", "array"}, {"items", {{"type", "string"}}}}}},
                                   {"kind"})},
          {"preprocess", closedObject({{"image", {{"type", "array"}, {"items", imageStep}}},
                                       {"text", closedObject({{"lowercase", {{"type", "boolean"}}},
                                                              {"strip_punctuation", {{"type", "boolean"}}},
                                                              {"remove_stop_words", {{"type", "boolean"}}},
                                                              {"stem", {{"type", "boolean"}}},
                                                              {"max_vocab", intIn(2, 1 << 22)},
                                                              {"min_frequency", intIn(1, 1 << 30)},
                                                              {"length", intIn(1, 1 << 16)}})}})},
          {"training",
           closedObject({{"task", enumOf({"classification", "binary", "regression", "reconstruction"})},
                         {"loss", enumOf({"auto", "cross_entropy", "bce", "mse", "mae"})},
                         {"epochs", intIn(1, 100000)},
                         {"batch_size", intIn(1, 1 << 20)},
                         {"optimizer", closedObject({{"type", enumOf({"sgd", "adam", "adamw", "rmsprop"})},
                                                     {"learning_rate", numberIn(1e-12, 10)},
                                                     {"momentum", numberIn(0, 1)},
                                                     {"nesterov", {{"type", "boolean"}}},
                                                     {"weight_decay", numberIn(0, 1)}})},
                         {"schedule", closedObject({{"type", enumOf({"none", "step", "cosine", "plateau"})},
                                                    {"step_size", intIn(1, 100000)},
                                                    {"gamma", numberIn(1e-6, 1)},
                                                    {"patience", intIn(0, 100000)},
                                                    {"min_learning_rate", numberIn(0, 10)}})},
                         {"clip_norm", numberIn(0, 1e6)},
                         {"early_stopping", closedObject({{"enabled", {{"type", "boolean"}}},
                                                          {"metric", enumOf({"val_loss", "val_accuracy", "val_mae", "val_auc"})},
                                                          {"patience", intIn(1, 100000)}})},
                         {"seed", intIn(0, 9.2e18)},
                         {"device", enumOf({"auto", "cpu", "cuda"})},
                         {"threads", intIn(0, 1024)}})}}}};
    return schema.dump(2) + "\n";
}

}  // namespace netloom
