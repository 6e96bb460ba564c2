// Add and Concat: where branches meet (residual connections, multi-path blocks).
// Spec (netloom_model) first, then the LibTorch builders and ONNX emitters (netloom_core).
#ifndef NETLOOM_KERNELS
#include "graph/layers/shape_rules.h"

namespace netloom::layers {

namespace {

std::string axisName(const TensorType& t, size_t axis) {
    if (t.rank() == 3) {
        static const char* names[] = {"channels", "height", "width"};
        return names[axis];
    }
    if (t.rank() == 2) return axis == 0 ? "length" : "features";
    return "size";
}

}  // namespace

void declareMerge(std::vector<LayerSpec>& out) {
    LayerSpec add;
    add.type = "Add";
    add.category = "Merge";
    add.description = "Element-wise sum of two or more inputs of the same shape (residual connections).";
    add.nameStem = "add";
    add.minInputs = 2;
    add.maxInputs = kVariadic;
    add.inferShape = [](const ShapeContext& c) {
        const TensorType& first = c.inputs[0];
        for (size_t k = 1; k < c.inputs.size(); ++k) {
            const TensorType& other = c.inputs[k];
            if (other.dtype != first.dtype) return ShapeResult::fail("Add: inputs mix token ids and float features");
            if (other.rank() != first.rank())
                return ShapeResult::fail("Add: inputs " + first.toString() + " and " + other.toString() +
                                         " differ in rank");
            for (size_t a = 0; a < first.dims.size(); ++a)
                if (first.dims[a] != other.dims[a])
                    return ShapeResult::fail("Add: inputs " + first.toString() + " and " + other.toString() +
                                             " differ in " + axisName(first, a));
        }
        return ShapeResult::ok(first);
    };
    out.push_back(std::move(add));

    LayerSpec concat;
    concat.type = "Concat";
    concat.category = "Merge";
    concat.description = "Joins inputs along an axis (channels for images, features for vectors).";
    concat.nameStem = "concat";
    concat.minInputs = 2;
    concat.maxInputs = kVariadic;
    concat.params = {intParam("axis", 0, -3, 2, "Per-sample axis to join along; 0 is channels/features, -1 the last.")};
    concat.inferShape = [](const ShapeContext& c) {
        const TensorType& first = c.inputs[0];
        int64_t axis = c.params.integer("axis");
        if (axis < 0) axis += first.rank();
        if (axis < 0 || axis >= first.rank())
            return ShapeResult::fail("Concat: axis " + std::to_string(c.params.integer("axis")) +
                                     " does not exist for " + first.toString());
        TensorType t = first;
        for (size_t k = 1; k < c.inputs.size(); ++k) {
            const TensorType& other = c.inputs[k];
            if (other.dtype != first.dtype) return ShapeResult::fail("Concat: inputs mix token ids and float features");
            if (other.rank() != first.rank())
                return ShapeResult::fail("Concat: inputs " + first.toString() + " and " + other.toString() +
                                         " differ in rank");
            for (int a = 0; a < first.rank(); ++a)
                if (a != axis && first.dims[a] != other.dims[a])
                    return ShapeResult::fail("Concat: inputs " + first.toString() + " and " + other.toString() +
                                             " differ in " + axisName(first, a));
            t.dims[axis] += other.dims[axis];
        }
        return ShapeResult::ok(t);
    };
    out.push_back(std::move(concat));
}

}  // namespace netloom::layers
#else  // NETLOOM_KERNELS
#include "graph/layers/layer_kernels.h"
#include "train/network.h"

namespace netloom::layers {

namespace {

// The axis counted from the first sample dimension, then shifted past the batch dimension.
int64_t concatAxis(const ParamReader& p, const NodeAnalysis& a) {
    int64_t axis = p.integer("axis");
    if (axis < 0) axis += a.inputs[0].rank();
    return axis + 1;
}

}  // namespace

void mergeKernels(LayerKernelTable& table) {
    table.add("Add", {[](BuildContext&) -> StepFunction {
                          return [](const std::vector<torch::Tensor>& x) {
                              torch::Tensor sum = x[0] + x[1];
                              for (size_t k = 2; k < x.size(); ++k) sum = sum + x[k];
                              return sum;
                          };
                      },
                      [](EmitContext& c) {
                          std::string sum = c.g.op("Add", {c.inputs[0], c.inputs[1]}, c.stem);
                          for (size_t k = 2; k < c.inputs.size(); ++k) sum = c.g.op("Add", {sum, c.inputs[k]}, c.stem);
                          return sum;
                      },
                      /*outputReusable=*/true});
    table.add("Concat", {[](BuildContext& c) -> StepFunction {
                             int64_t dim = concatAxis(c.params, c.analysis);
                             return [dim](const std::vector<torch::Tensor>& x) { return torch::cat(x, dim); };
                         },
                         [](EmitContext& c) {
                             std::string out = c.g.fresh(c.stem);
                             attr(c.g.node("Concat", c.inputs, {out}), "axis", concatAxis(c.params, c.analysis));
                             return out;
                         }});
}

}  // namespace netloom::layers
#endif  // NETLOOM_KERNELS
