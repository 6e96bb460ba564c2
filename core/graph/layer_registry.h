#pragma once
// The one list of layer types. Each type is declared once (core/graph/layers/*.cpp) with its
// ports, typed parameters, shape rule and parameter count. The palette, the inspector,
// validation, the LibTorch builder and the ONNX exporter all read it.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "graph/param.h"
#include "graph/tensor_type.h"

namespace netloom {

struct ShapeContext {
    const std::vector<TensorType>& inputs;  // one per connected input port, in port order
    ParamReader params;
};

struct ShapeResult {
    TensorType output;
    std::string error;  // empty on success; a sentence for a person otherwise
    static ShapeResult ok(TensorType t) { return {std::move(t), {}}; }
    static ShapeResult fail(std::string message) { return {{}, std::move(message)}; }
};

constexpr int kVariadic = -1;

struct LayerSpec {
    std::string type;          // "Conv2d": the name in project files
    std::string category;      // palette group: Input/Output, Core, Convolution, ...
    std::string description;   // one sentence for the palette tooltip
    std::string nameStem;      // default node name stem: "conv"
    int minInputs = 1;
    int maxInputs = 1;         // kVariadic for Add/Concat
    std::vector<ParamSpec> params;
    std::function<ShapeResult(const ShapeContext&)> inferShape;
    // Trainable parameters given the inputs; null means none.
    std::function<int64_t(const ShapeContext&)> countParams;

    // What a node placed by the user (palette, paste of a bare type) starts with; an Input follows the data.
    std::map<std::string, ParamValue> freshParams;
    // Parameters shown only for one value of the "kind" choice (the Input's image/vector/tokens
    // fields); a parameter in no list is always shown.
    std::map<std::string, std::vector<std::string>> kindFields;

    // The network's result: it has no output port, and training and export read it.
    bool sink = false;

    const ParamSpec* param(const std::string& name) const;
    bool isSource() const { return maxInputs == 0; }
    bool isSink() const { return sink; }
};

class LayerRegistry {
public:
    static const LayerRegistry& instance();

    const LayerSpec* find(const std::string& type) const;
    const std::vector<LayerSpec>& all() const { return specs_; }
    std::vector<std::string> categories() const;  // in declaration order

private:
    LayerRegistry();
    std::vector<LayerSpec> specs_;
};


// Each file under core/graph/layers/ declares one family.
namespace layers {
void declareIo(std::vector<LayerSpec>& out);
void declareCore(std::vector<LayerSpec>& out);
void declareConvolution(std::vector<LayerSpec>& out);
void declareActivations(std::vector<LayerSpec>& out);
void declareMerge(std::vector<LayerSpec>& out);
void declareSequence(std::vector<LayerSpec>& out);
}  // namespace layers

}  // namespace netloom
