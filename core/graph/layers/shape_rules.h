#pragma once
// Helpers shared by the layer declarations: the sentences a person sees when shapes break.
#include <string>

#include "graph/layer_registry.h"

namespace netloom::layers {

constexpr int64_t kMaxDim = 1 << 20;  // bound for sizes in the registry: huge numbers are refused

inline std::string kindOf(const TensorType& t) {
    if (t.dtype == DType::Int64) return "token ids " + t.toString();
    switch (t.rank()) {
    case 1: return "a vector " + t.toString();
    case 2: return "a sequence " + t.toString();
    case 3: return "an image " + t.toString();
    default: return t.toString();
    }
}

// Empty when `t` holds floats; otherwise the sentence for `layer`.
inline std::string requireFloat(const std::string& layer, const TensorType& t) {
    if (t.dtype == DType::Int64)
        return layer + " expects float features, got token ids " + t.toString() + " — add Embedding first";
    return {};
}

// Output size of a sliding window; < 1 means the window does not fit.
inline int64_t windowOut(int64_t in, int64_t kernel, int64_t stride, int64_t pad, int64_t dilation) {
    int64_t span = dilation * (kernel - 1) + 1;
    if (in + 2 * pad < span) return 0;
    return (in + 2 * pad - span) / stride + 1;
}

// Pooling output size with ceil_mode, PyTorch's rule: round up, but a last window must start inside
// the input or its leading padding. (ONNX's shape rule at opset 17 only rounds up; the exporter
// slices off the extra window where the two differ.)
inline int64_t ceilWindowOut(int64_t in, int64_t kernel, int64_t stride, int64_t pad) {
    int64_t out = (in + 2 * pad - kernel + stride - 1) / stride + 1;
    if ((out - 1) * stride >= in + pad) --out;
    return out;
}

}  // namespace netloom::layers
