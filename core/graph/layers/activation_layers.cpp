// Element-wise activations and Softmax: shape in = shape out, floats only.
// Spec (netloom_model) first, then the LibTorch builders and ONNX emitters (netloom_core).
#ifndef NETLOOM_KERNELS
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
#else  // NETLOOM_KERNELS
#include <cmath>
#include <set>

#include "graph/layers/layer_kernels.h"
#include "graph/layers/relu_max_pool.h"
#include "train/network.h"

namespace netloom::layers {

namespace {

using Fn = torch::Tensor (*)(const torch::Tensor&);

// An element-wise activation: the LibTorch function, and the ONNX operator of the same name.
LayerKernels elementwise(Fn fn, const char* onnxOp) {
    return {[fn](BuildContext&) -> StepFunction { return [fn](const std::vector<torch::Tensor>& x) { return fn(x[0]); }; },
            [onnxOp](EmitContext& c) { return c.g.op(onnxOp, {c.inputs[0]}, c.stem); }};
}

// Folded into the MaxPool2d that is its only reader (graph/layers/relu_max_pool.h); otherwise
// in place when this ReLU is the only reader of a producer whose backward does not need its own
// output (saves an allocation and a pass over memory per batch).
StepFunction buildRelu(BuildContext& c) {
    if (reluFoldsIntoMaxPool(c.graph, c.node.id)) return [](const std::vector<torch::Tensor>& x) { return x[0]; };
    const std::vector<Edge> in = c.graph.inputsOf(c.node.id);
    const Node* producer = in.empty() ? nullptr : c.graph.node(in[0].from);
    const LayerKernels* k = producer ? layerKernels().find(producer->type) : nullptr;
    bool inPlace = k && k->outputReusable && c.graph.outputsOf(producer->id).size() == 1;
    if (inPlace) return [](const std::vector<torch::Tensor>& x) { return x[0].relu_(); };
    return [](const std::vector<torch::Tensor>& x) { return torch::relu(x[0]); };
}

std::string emitGelu(EmitContext& c) {
    // Opset 17 has no Gelu: x · 0.5 · (1 + erf(x / √2)), the exact form LibTorch uses.
    OnnxGraph& g = c.g;
    const std::string& s = c.stem;
    std::string scaled = g.op("Div", {c.inputs[0], g.floats(s + "_sqrt2", {static_cast<float>(std::sqrt(2.0))})}, s);
    std::string erf = g.op("Erf", {scaled}, s);
    std::string plus = g.op("Add", {erf, g.floats(s + "_one", {1.0f})}, s);
    std::string half = g.op("Mul", {c.inputs[0], g.floats(s + "_half", {0.5f})}, s);
    return g.op("Mul", {half, plus}, s);
}

}  // namespace

void activationKernels(LayerKernelTable& table) {
    table.add("ReLU", {buildRelu, [](EmitContext& c) { return c.g.op("Relu", {c.inputs[0]}, c.stem); }});
    table.add("Sigmoid", elementwise([](const torch::Tensor& x) { return torch::sigmoid(x); }, "Sigmoid"));
    table.add("Tanh", elementwise([](const torch::Tensor& x) { return torch::tanh(x); }, "Tanh"));
    table.add("GELU", {[](BuildContext&) -> StepFunction {
                           return [](const std::vector<torch::Tensor>& x) { return torch::gelu(x[0]); };
                       },
                       emitGelu});
    table.add("LeakyReLU", {[](BuildContext& c) -> StepFunction {
                                double slope = c.params.number("slope");
                                return [slope](const std::vector<torch::Tensor>& x) { return torch::leaky_relu(x[0], slope); };
                            },
                            [](EmitContext& c) {
                                std::string out = c.g.fresh(c.stem);
                                attr(c.g.node("LeakyRelu", {c.inputs[0]}, {out}), "alpha", static_cast<float>(c.params.number("slope")));
                                return out;
                            }});
    table.add("Softmax", {[](BuildContext&) -> StepFunction {
                              return [](const std::vector<torch::Tensor>& x) { return torch::softmax(x[0], -1); };
                          },
                          [](EmitContext& c) {
                              std::string out = c.g.fresh(c.stem);
                              attr(c.g.node("Softmax", {c.inputs[0]}, {out}), "axis", int64_t{-1});
                              return out;
                          }});
}

}  // namespace netloom::layers
#endif  // NETLOOM_KERNELS
