// Add and Concat: where branches meet (residual connections, multi-path blocks).
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
