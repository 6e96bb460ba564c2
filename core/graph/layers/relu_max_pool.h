#pragma once
// ReLU followed by MaxPool2d, computed in one pass (training's most common image block), and the
// convolution that feeds them.
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

// The convolution before such a ReLU: its forward runs channels-last, oneDNN's own layout (for
// 3-channel images LibTorch's planar forward reorders the whole output, and costs ~1.8× as
// much); reluMaxPool2d reads that layout and writes planar output. The backward is LibTorch's
// planar convolution_backward, the very call its autograd makes, so gradients are unchanged;
// the forward's values are checked equal bit for bit by tst_relu_max_pool.
struct ConvolutionGeometry {
    int64_t stride, padding, dilation, groups;
};
// Only for a convolution over few channels (an image's first layer), where the planar forward's
// output reorder dominates; for deeper layers neither the gain nor equal bits were measured.
constexpr int64_t kChannelsLastMaxInputChannels = 4;
bool convolutionFeedsFoldedRelu(const Graph& graph, NodeId conv, int64_t inputChannels);
torch::Tensor convolutionChannelsLast(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                                      const ConvolutionGeometry& geometry);

}  // namespace netloom
