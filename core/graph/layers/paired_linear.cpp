#include "graph/layers/paired_linear.h"

#include <ATen/Parallel.h>

namespace netloom {

namespace {

// The products LibTorch's addmm/mm backward computes — grad·W for the input, gradᵀ·x for the
// weight — one per thread when there are two; the bias gradient is the column sums.
torch::autograd::variable_list backwardProducts(torch::autograd::AutogradContext* ctx, const torch::Tensor& grad,
                                                bool bias) {
    const auto saved = ctx->get_saved_variables();
    const torch::Tensor& x = saved[0];
    const torch::Tensor& w = saved[1];
    const bool inputGrad = ctx->saved_data["input_grad"].toBool();
    torch::Tensor gradInput, gradWeight;
    at::parallel_for(0, 2, 1, [&](int64_t begin, int64_t end) {
        torch::NoGradGuard noGrad;  // grad mode is per thread
        for (int64_t product = begin; product < end; ++product) {
            if (product == 0 && inputGrad) gradInput = grad.mm(w);
            if (product == 1) gradWeight = grad.t().mm(x);
        }
    });
    if (!bias) return {gradInput, gradWeight};
    return {gradInput, gradWeight, grad.sum(0)};
}

void saveForBackward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& w) {
    ctx->save_for_backward({x, w});
    ctx->saved_data["input_grad"] = x.requires_grad();
}

// With and without a bias: an autograd function's tensor inputs must all be defined.
class PairedLinear : public torch::autograd::Function<PairedLinear> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& w,
                                 const torch::Tensor& b) {
        saveForBackward(ctx, x, w);
        return torch::addmm(b, x, w.t());  // torch::linear's own call for a 2-D batch with a bias
    }
    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        return backwardProducts(ctx, grads[0], true);
    }
};

class PairedLinearWithoutBias : public torch::autograd::Function<PairedLinearWithoutBias> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& w) {
        saveForBackward(ctx, x, w);
        return torch::matmul(x, w.t());  // torch::linear's own call without a bias
    }
    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        return backwardProducts(ctx, grads[0], false);
    }
};

}  // namespace

torch::Tensor pairedLinear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
    const bool training = torch::GradMode::is_enabled() && weight.requires_grad() &&
                          (!bias.defined() || bias.requires_grad());
    if (x.dim() != 2 || x.scalar_type() != torch::kFloat32 || !x.device().is_cpu() || !training ||
        at::get_num_threads() < 2 || at::in_parallel_region())
        return torch::linear(x, weight, bias);
    return bias.defined() ? PairedLinear::apply(x, weight, bias) : PairedLinearWithoutBias::apply(x, weight);
}

}  // namespace netloom
