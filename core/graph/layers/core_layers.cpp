// Dense, Dropout, Flatten, Reshape: the layers every network uses.
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
