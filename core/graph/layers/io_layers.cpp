// Input and Output: where tensors enter and leave the network.
// Spec (netloom_model) first, then the LibTorch builders and ONNX emitters (netloom_core).
#ifndef NETLOOM_KERNELS
#include "graph/layers/shape_rules.h"

namespace netloom::layers {

void declareIo(std::vector<LayerSpec>& out) {
    LayerSpec input;
    input.type = "Input";
    input.category = "Input/Output";
    input.description = "Where samples enter: an image C×H×W, a feature vector, or a sequence of token ids.";
    input.nameStem = "input";
    input.minInputs = input.maxInputs = 0;
    input.params = {
        choiceParam("shape_from", "fixed", {"fixed", "data"},
                    "data: the kind and shape the dataset and its preprocessing give (the fields below are kept "
                    "only until the data is known); fixed: the fields below."),
        choiceParam("kind", "image", {"image", "vector", "tokens"}, "What one sample is."),
        intParam("channels", 1, 1, 4096, "Image channels (1 gray, 3 RGB)."),
        intParam("height", 28, 1, 16384, "Image height in pixels."),
        intParam("width", 28, 1, 16384, "Image width in pixels."),
        intParam("size", 784, 1, kMaxDim, "Length of a feature vector."),
        intParam("length", 64, 1, 1 << 16, "Tokens per sequence (padded or truncated)."),
        intParam("vocab_size", 10000, 2, 1 << 22, "Vocabulary size including PAD and OOV."),
    };
    input.freshParams = {{"shape_from", std::string("data")}};  // a new Input follows the data
    // Each kind's fields, its dimensions first and in order (effectiveParams writes the data's over them).
    input.kindFields = {{"image", {"channels", "height", "width"}},
                        {"vector", {"size"}},
                        {"tokens", {"length", "vocab_size"}}};
    input.inferShape = [](const ShapeContext& c) {
        std::string kind = c.params.choice("kind");
        if (kind == "vector") return ShapeResult::ok({DType::Float32, {c.params.integer("size")}});
        if (kind == "tokens") return ShapeResult::ok({DType::Int64, {c.params.integer("length")}});
        return ShapeResult::ok({DType::Float32,
                                {c.params.integer("channels"), c.params.integer("height"), c.params.integer("width")}});
    };
    out.push_back(std::move(input));

    LayerSpec output;
    output.type = "Output";
    output.category = "Input/Output";
    output.description = "The network's result: logits for classification, values for regression, "
                         "the reconstruction for an autoencoder.";
    output.nameStem = "output";
    output.sink = true;
    output.inferShape = [](const ShapeContext& c) {
        if (c.inputs[0].dtype == DType::Int64)
            return ShapeResult::fail("Output expects float values, got token ids — add Embedding and a Dense head");
        return ShapeResult::ok(c.inputs[0]);
    };
    out.push_back(std::move(output));
}

}  // namespace netloom::layers
#else  // NETLOOM_KERNELS
#include "graph/layers/layer_kernels.h"

namespace netloom::layers {

void ioKernels(LayerKernelTable& table) {
    // The network's forward pass feeds the Input step itself; both pass their value through.
    auto passThrough = [](BuildContext&) -> StepFunction { return [](const std::vector<torch::Tensor>& x) { return x[0]; }; };
    table.add("Input", {passThrough, [](EmitContext& c) { return c.inputs.at(0); }});
    table.add("Output", {passThrough, [](EmitContext& c) { return c.g.op("Identity", {c.inputs[0]}, c.stem); }});
}

}  // namespace netloom::layers
#endif  // NETLOOM_KERNELS
