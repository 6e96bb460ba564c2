#pragma once
// Dense on a batch of vectors, whose backward computes its two matrix products side by side.
// Networks with convolutions give the CPU cores to OpenMP and leave BLAS single-threaded
// (train/cpu_threads.h: two thread pools on the same cores slow each other down), so the Dense
// layer after a convolution computed the input gradient (grad·W) and then the weight gradient
// (gradᵀ·x) on one core while the other waited. They do not depend on each other: here each is
// one whole BLAS call on its own LibTorch thread, the same calls with the same operands as
// LibTorch's autograd makes, so values are equal bit for bit (tst_relu_max_pool checks it).
// Cutting one product into blocks would not be: BLAS rounds a block of rows differently.
// Private to netloom_core.
#include <torch/torch.h>

namespace netloom {

// torch::linear(x, weight, bias) for a 2-D float x on the CPU; other inputs take torch::linear.
torch::Tensor pairedLinear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias);

}  // namespace netloom
