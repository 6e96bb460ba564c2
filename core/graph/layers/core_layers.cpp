// Dense, Dropout, Flatten, Reshape: the layers every network uses.
// Spec (netloom_model) first, then the LibTorch builders and ONNX emitters (netloom_core).
#ifndef NETLOOM_KERNELS
#include "graph/layers/shape_rules.h"

namespace netloom::layers {

void declareCore(std::vector<LayerSpec>& out) {
    LayerSpec dense;
    dense.type = "Dense";
    dense.category = "Core";
    dense.description = "Fully connected layer: every output is a weighted sum of every input feature.";
    dense.nameStem = "dense";
    dense.params = {intParam("units", 64, 1, kMaxDim, "Number of output features."),
                    boolParam("bias", true, "Learn an additive bias.")};
    dense.inferShape = [](const ShapeContext& c) {
        const TensorType& in = c.inputs[0];
        if (auto e = requireFloat("Dense", in); !e.empty()) return ShapeResult::fail(e);
        // Rank 1: a vector. Rank 2: a sequence, Dense applies to every step's features.
        if (in.rank() > 2)
            return ShapeResult::fail("Dense expects a vector, got " + in.toString() + " — add Flatten");
        TensorType t = in;
        t.dims.back() = c.params.integer("units");
        return ShapeResult::ok(t);
    };
    dense.countParams = [](const ShapeContext& c) {
        int64_t units = c.params.integer("units");
        return c.inputs[0].dims.back() * units + (c.params.flag("bias") ? units : 0);
    };
    out.push_back(std::move(dense));

    LayerSpec dropout;
    dropout.type = "Dropout";
    dropout.category = "Core";
    dropout.description = "Zeroes a random fraction of features while training; does nothing at inference.";
    dropout.nameStem = "dropout";
    dropout.params = {floatParam("rate", 0.5, 0.0, 0.99, "Fraction of features dropped while training.")};
    dropout.inferShape = [](const ShapeContext& c) {
        if (auto e = requireFloat("Dropout", c.inputs[0]); !e.empty()) return ShapeResult::fail(e);
        return ShapeResult::ok(c.inputs[0]);
    };
    out.push_back(std::move(dropout));

    LayerSpec flatten;
    flatten.type = "Flatten";
    flatten.category = "Core";
    flatten.description = "Turns each sample into one vector (C×H×W → C·H·W).";
    flatten.nameStem = "flatten";
    flatten.inferShape = [](const ShapeContext& c) {
        TensorType t = c.inputs[0];
        t.dims = {t.numel()};
        return ShapeResult::ok(t);
    };
    out.push_back(std::move(flatten));

    LayerSpec reshape;
    reshape.type = "Reshape";
    reshape.category = "Core";
    reshape.description = "Gives each sample a new shape with the same number of elements (-1 infers one size).";
    reshape.nameStem = "reshape";
    reshape.params = {listParam("shape", {1, 28, 28}, -1, kMaxDim, "Target per-sample shape, e.g. [1, 28, 28].")};
    reshape.inferShape = [](const ShapeContext& c) {
        std::vector<int64_t> shape = c.params.list("shape");
        const TensorType& in = c.inputs[0];
        int inferred = -1;
        int64_t known = 1;
        for (size_t k = 0; k < shape.size(); ++k) {
            if (shape[k] == -1) {
                if (inferred >= 0) return ShapeResult::fail("Reshape: only one size may be -1");
                inferred = static_cast<int>(k);
            } else if (shape[k] == 0) {
                return ShapeResult::fail("Reshape: sizes must be positive or -1");
            } else {
                known *= shape[k];
                if (known > (int64_t{1} << 40)) return ShapeResult::fail("Reshape: target shape is too large");
            }
        }
        if (inferred >= 0) {
            if (in.numel() % known != 0)
                return ShapeResult::fail("Reshape: cannot fit " + in.toString() + " (" +
                                         std::to_string(in.numel()) + " elements) into " + formatDims(shape));
            shape[inferred] = in.numel() / known;
        } else if (known != in.numel()) {
            return ShapeResult::fail("Reshape: " + in.toString() + " has " + std::to_string(in.numel()) +
                                     " elements, " + formatDims(shape) + " needs " + std::to_string(known));
        }
        return ShapeResult::ok({in.dtype, shape});
    };
    out.push_back(std::move(reshape));
}

}  // namespace netloom::layers
#else  // NETLOOM_KERNELS
#include "graph/layers/layer_kernels.h"
#include "graph/layers/paired_linear.h"
#include "train/network.h"

namespace netloom::layers {

namespace nn = torch::nn;

namespace {

StepFunction buildDense(BuildContext& c) {
    auto m = c.submodule(nn::Linear(nn::LinearOptions(c.analysis.inputs[0].dims.back(), c.params.integer("units"))
                                        .bias(c.params.flag("bias"))));
    if (c.analysis.inputs[0].rank() == 1)  // a batch of vectors: the backward's two products side by side
        return [m](const std::vector<torch::Tensor>& x) { return pairedLinear(x[0], m->weight, m->bias); };
    return [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
}

std::string emitDense(EmitContext& c) {
    torch::Tensor w = c.weight("weight");
    const bool bias = c.params.flag("bias");
    if (c.analysis.inputs[0].rank() == 1) {
        std::vector<std::string> args{c.inputs[0], c.g.tensor(c.stem + "_weight", w)};
        if (bias) args.push_back(c.g.tensor(c.stem + "_bias", c.weight("bias")));
        std::string out = c.g.fresh(c.stem);
        attr(c.g.node("Gemm", args, {out}), "transB", int64_t{1});
        return out;
    }
    std::string out = c.g.op("MatMul", {c.inputs[0], c.g.tensor(c.stem + "_weight_t", w.t().contiguous())}, c.stem);
    if (bias) out = c.g.op("Add", {out, c.g.tensor(c.stem + "_bias", c.weight("bias"))}, c.stem);
    return out;
}

// The output shape after the batch dimension, with -1 for the batch.
std::vector<int64_t> batchShape(const NodeAnalysis& a) {
    std::vector<int64_t> shape{-1};
    shape.insert(shape.end(), a.output->dims.begin(), a.output->dims.end());
    return shape;
}

}  // namespace

void coreKernels(LayerKernelTable& table) {
    table.add("Dense", {buildDense, emitDense, /*outputReusable=*/true});
    table.add("Dropout", {[](BuildContext& c) -> StepFunction {
                              auto m = c.submodule(nn::Dropout(nn::DropoutOptions(c.params.number("rate"))));
                              return [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
                          },
                          [](EmitContext& c) { return c.g.op("Identity", {c.inputs[0]}, c.stem); }});
    table.add("Flatten", {[](BuildContext&) -> StepFunction {
                              return [](const std::vector<torch::Tensor>& x) { return x[0].flatten(1); };
                          },
                          [](EmitContext& c) {
                              std::string out = c.g.fresh(c.stem);
                              attr(c.g.node("Flatten", {c.inputs[0]}, {out}), "axis", int64_t{1});
                              return out;
                          }});
    table.add("Reshape", {[](BuildContext& c) -> StepFunction {
                              auto shape = batchShape(c.analysis);
                              return [shape](const std::vector<torch::Tensor>& x) { return x[0].reshape(shape); };
                          },
                          [](EmitContext& c) {
                              return c.g.op("Reshape", {c.inputs[0], c.g.ints(c.stem + "_shape", batchShape(c.analysis))}, c.stem);
                          }});
}

}  // namespace netloom::layers
#endif  // NETLOOM_KERNELS
