#pragma once
// ReLU followed by MaxPool2d, computed in one pass (training's most common image block).
// LibTorch runs them as three passes over the convolution's output — ReLU, pooling, and
// pooling's backward zero-filling its whole input before scattering — plus ReLU's backward; on
// a CPU those passes over memory cost more than the convolution. Here the window maximum of the
// rectified values is taken while reading the input once, the position that won is kept as a
// 32-bit offset (or none when the output is 0: no gradient flows), and the backward writes each
// plane of the input gradient once. Results equal max_pool2d(relu(x)) bit for bit, gradients
// included (same tie rule, same NaN rule, same order of accumulation for overlapping windows).
// Private to netloom_core.
#include <torch/torch.h>

#include "graph/graph.h"

namespace netloom {

// A pooling layer's window: kernel, stride (0 already resolved to the kernel), padding, ceil_mode.
struct PoolWindow {
    int64_t kernel, stride, padding;
    bool ceil;
};

// max_pool2d(relu(x)) for an N×C×H×W batch; differentiable. Tensors the one-pass kernel does not
// cover (not float32, not on the CPU, not 4-D) take LibTorch's two operations.
torch::Tensor reluMaxPool2d(const torch::Tensor& x, const PoolWindow& window);

// True when this ReLU's only reader is a MaxPool2d: the ReLU then passes its input through and
// that pooling applies it (one home for the rule, read by both layers' builders).
bool reluFoldsIntoMaxPool(const Graph& graph, NodeId relu);

}  // namespace netloom
