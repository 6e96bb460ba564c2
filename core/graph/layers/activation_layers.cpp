// Element-wise activations and Softmax: shape in = shape out, floats only.
#include "graph/layers/shape_rules.h"

namespace netloom::layers {

namespace {

LayerSpec activation(std::string type, std::string stem, std::string description, std::vector<ParamSpec> params = {}) {
    LayerSpec a;
    a.type = type;
    a.category = "Activation";
    a.description = std::move(description);
    a.nameStem = std::move(stem);
    a.params = std::move(params);
    a.inferShape = [type](const ShapeContext& c) {
        if (auto e = requireFloat(type, c.inputs[0]); !e.empty()) return ShapeResult::fail(e);
        return ShapeResult::ok(c.inputs[0]);
    };
    return a;
}

}  // namespace

void declareActivations(std::vector<LayerSpec>& out) {
    out.push_back(activation("ReLU", "relu", "max(0, x)."));
    out.push_back(activation("LeakyReLU", "lrelu", "x for x > 0, slope·x otherwise.",
                             {floatParam("slope", 0.01, 0.0, 1.0, "Slope for negative inputs.")}));
    out.push_back(activation("Sigmoid", "sigmoid", "1 / (1 + e^-x): squashes to (0, 1)."));
    out.push_back(activation("Tanh", "tanh", "Hyperbolic tangent: squashes to (-1, 1)."));
    out.push_back(activation("GELU", "gelu", "x·Φ(x), the exact (erf) form."));
    LayerSpec softmax = activation("Softmax", "softmax", "Turns the last axis into probabilities that sum to 1.");
    out.push_back(std::move(softmax));
}

}  // namespace netloom::layers
