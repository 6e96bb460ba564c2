#include "graph/layers/relu_max_pool.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include <ATen/Parallel.h>

namespace netloom {

namespace {

// PyTorch's pooling output size (pooling_output_shape): with ceil_mode the last window must
// start inside the input or its left padding.
int64_t pooledSize(int64_t in, const PoolWindow& w) {
    int64_t span = in + 2 * w.padding - (w.kernel - 1) - 1 + (w.ceil ? w.stride - 1 : 0);
    int64_t out = span / w.stride + 1;  // span >= 0 whenever the layer's shape check passed
    if (w.ceil && (out - 1) * w.stride >= in + w.padding) --out;
    return out;
}

// ReLU as LibTorch computes it (clamp_min: NaN stays NaN, -0 stays -0).
inline float rectified(float v) { return v < 0.0f ? 0.0f : v; }

// Whether relu(raw) takes a window's lead from `best`: LibTorch's max_pool2d rule, the first
// maximum wins and NaN always wins. The NaN test reads the raw value (relu(v) is NaN exactly when v
// is), which is the form GCC vectorises.
inline __attribute__((always_inline)) bool beats(float raw, float best) {
    return (rectified(raw) > best) | (raw != raw);
}

// The input offset a window's output gradient goes to: none (-1) where the output is not
// positive, since ReLU's backward passes nothing there.
inline __attribute__((always_inline)) int32_t gradientTarget(float output, int32_t winner) {
    return ((output > 0.0f) | (output != output)) ? winner : -1;
}

// The rows (or columns) window `index` covers, clipped to the input: [begin, end).
struct Span {
    int64_t begin, end;
};
inline Span windowSpan(int64_t index, int64_t size, int64_t stride, int64_t padding, int64_t kernel) {
    const int64_t start = index * stride - padding;
    return {std::max<int64_t>(start, 0), std::min(start + kernel, size)};
}

struct Planes {
    int64_t count, height, width, outHeight, outWidth;
};

// Window maxima for outputs [owLo, owHi) of one output row whose windows lie inside the input
// across (rows h0..h1 already clipped). The window's elements are visited in row-major order and,
// for each, all outputs of the row at once: a loop the compiler vectorises (which element wins is
// data, so selects rather than branches). The first maximum wins and NaN always wins: LibTorch's
// max_pool2d rule. `at` receives the winning input offset.
template <int Stride>
void poolRowInside(const float* input, float* best, int32_t* at, int64_t h0, int64_t h1, int32_t owLo, int32_t owHi,
                   const Planes& p, const PoolWindow& w) {
    const int32_t stride = Stride > 0 ? Stride : static_cast<int32_t>(w.stride);
    const int32_t left = static_cast<int32_t>(h0 * p.width - w.padding);
    for (int32_t ow = owLo; ow < owHi; ++ow) {
        best[ow] = -std::numeric_limits<float>::infinity();
        at[ow] = left + ow * stride;
    }
    for (int64_t h = h0; h < h1; ++h) {
        for (int64_t dw = 0; dw < w.kernel; ++dw) {
            const int32_t base = static_cast<int32_t>(h * p.width + dw - w.padding);
            const float* column = input + base;
            for (int32_t ow = owLo; ow < owHi; ++ow) {
                const float raw = column[ow * stride];
                const bool wins = beats(raw, best[ow]);
                best[ow] = wins ? rectified(raw) : best[ow];
                at[ow] = wins ? base + ow * stride : at[ow];
            }
        }
    }
}

// The hot loops are compiled twice, for AVX2 and the baseline, and picked when the program loads:
// Debian's compiler targets the baseline x86-64 and the loops are bound by vector width.
#if defined(__x86_64__) && defined(__GNUC__)
#define NETLOOM_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define NETLOOM_VECTOR_CLONES
#endif

// poolRowInside for the common 2×2 window, stride 2, no padding: both input rows read once and
// the four candidates compared in registers (same order, same rule). row0 starts at input offset
// `base`; n full windows.
NETLOOM_VECTOR_CLONES
void poolRow2x2(const float* row0, const float* row1, float* best, int32_t* at, int32_t base, int32_t width, int32_t n) {
    for (int32_t ow = 0; ow < n; ++ow) {
        const float a = row0[2 * ow], b = row0[2 * ow + 1], c = row1[2 * ow], d = row1[2 * ow + 1];
        float m = rectified(a);
        int32_t k = 0;
        bool wins = beats(b, m);
        m = wins ? rectified(b) : m;
        k = wins ? 1 : k;
        wins = beats(c, m);
        m = wins ? rectified(c) : m;
        k = wins ? width : k;
        wins = beats(d, m);
        m = wins ? rectified(d) : m;
        k = wins ? width + 1 : k;
        best[ow] = m;
        at[ow] = base + 2 * ow + k;
    }
}

// The same for one output whose window is clipped by the input's edge (padding, ceil_mode).
void poolOneClipped(const float* input, float* best, int32_t* at, Span rows, int64_t ow, const Planes& p,
                    const PoolWindow& w) {
    const Span columns = windowSpan(ow, p.width, w.stride, w.padding, w.kernel);
    float b = -std::numeric_limits<float>::infinity();
    int32_t a = static_cast<int32_t>(rows.begin * p.width + columns.begin);
    for (int64_t h = rows.begin; h < rows.end; ++h)
        for (int64_t x = columns.begin; x < columns.end; ++x) {
            const float raw = input[h * p.width + x];
            if (beats(raw, b)) {
                b = rectified(raw);
                a = static_cast<int32_t>(h * p.width + x);
            }
        }
    best[ow] = b;
    at[ow] = a;
}

// One plane: output = max over each window of relu(input); winner = the input offset that won,
// or -1 when the output is not positive: ReLU's backward passes nothing there. `winner` is
// scratch of one row when the caller wants no gradient.
void poolPlane(const float* input, float* output, int32_t* winner, bool keepWinners, const Planes& p,
               const PoolWindow& w) {
    // Outputs whose window starts at or after column 0 and ends by the last column.
    int64_t owLo = std::min(p.outWidth, (w.padding + w.stride - 1) / w.stride);
    int64_t owHi = std::max(owLo, std::min(p.outWidth, (p.width + w.padding - w.kernel) / w.stride + 1));
    for (int64_t oh = 0; oh < p.outHeight; ++oh) {
        const Span rows = windowSpan(oh, p.height, w.stride, w.padding, w.kernel);
        const int64_t h0 = rows.begin, h1 = rows.end;
        float* best = output + oh * p.outWidth;
        int32_t* at = keepWinners ? winner + oh * p.outWidth : winner;
        if (w.kernel == 2 && w.stride == 2 && w.padding == 0 && h1 - h0 == 2)
            poolRow2x2(input + h0 * p.width, input + (h0 + 1) * p.width, best, at, static_cast<int32_t>(h0 * p.width),
                       static_cast<int32_t>(p.width), static_cast<int32_t>(owHi));
        else if (w.stride == 2)
            poolRowInside<2>(input, best, at, h0, h1, static_cast<int32_t>(owLo), static_cast<int32_t>(owHi), p, w);
        else
            poolRowInside<0>(input, best, at, h0, h1, static_cast<int32_t>(owLo), static_cast<int32_t>(owHi), p, w);
        for (int64_t ow = 0; ow < owLo; ++ow) poolOneClipped(input, best, at, rows, ow, p, w);
        for (int64_t ow = owHi; ow < p.outWidth; ++ow) poolOneClipped(input, best, at, rows, ow, p, w);
        if (!keepWinners) continue;
        for (int64_t ow = 0; ow < p.outWidth; ++ow) at[ow] = gradientTarget(best[ow], at[ow]);
    }
}

// The forward's planar output and, when a gradient is wanted, its winners (else `winner` is null).
struct Pooled {
    Planes p;
    torch::Tensor out;
    int32_t* winner = nullptr;
};
Pooled allocatePooled(const torch::Tensor& x, const PoolWindow& w, torch::Tensor* winners) {
    Pooled r{{x.size(0) * x.size(1), x.size(2), x.size(3), pooledSize(x.size(2), w), pooledSize(x.size(3), w)}, {}};
    r.out = torch::empty({x.size(0), x.size(1), r.p.outHeight, r.p.outWidth}, x.options());
    if (winners) {
        *winners = torch::empty(r.out.sizes(), x.options().dtype(torch::kInt32));
        r.winner = winners->data_ptr<int32_t>();
    }
    return r;
}

// Forward over every plane of a planar input, in parallel.
torch::Tensor poolAll(const torch::Tensor& x, const PoolWindow& w, torch::Tensor* winners) {
    Pooled pooled = allocatePooled(x, w, winners);
    const Planes& p = pooled.p;
    int32_t* winner = pooled.winner;
    const float* in = x.data_ptr<float>();
    float* o = pooled.out.data_ptr<float>();
    const int64_t inPlane = p.height * p.width, outPlane = p.outHeight * p.outWidth;
    at::parallel_for(0, p.count, 1, [&](int64_t begin, int64_t end) {
        std::vector<int32_t> scratch(winner ? 0 : static_cast<size_t>(p.outWidth));
        for (int64_t c = begin; c < end; ++c)
            poolPlane(in + c * inPlane, o + c * outPlane, winner ? winner + c * outPlane : scratch.data(), winner != nullptr,
                      p, w);
    });
    return pooled.out;
}

// Channels-last input (N×H×W×C in memory, as a convolution computed channels-last leaves it):
// for one output row, every output's window is walked in row-major order with all C channels at
// once (contiguous: the loop over channels is vectorised), then the row is written out
// channel-first, so the output, the winners (offsets h·W + w within the plane) and the backward
// are those of the planar path.
inline __attribute__((always_inline)) void poolWindowAllChannels(const float* pixel, float* best, int32_t* at, int32_t offset, int64_t channels) {
    for (int64_t c = 0; c < channels; ++c) {
        const float raw = pixel[c];
        const bool wins = beats(raw, best[c]);
        best[c] = wins ? rectified(raw) : best[c];
        at[c] = wins ? offset : at[c];
    }
}

// rows[r][c] (r < rowCount, c < channels) → planes[c · planeStride + r]: an output row computed
// pixel by pixel, written channel by channel. Blocks of 8×8 are transposed in vector registers
// (three rounds of two-vector shuffles); what does not fill a block is copied one by one.
template <typename T>
inline __attribute__((always_inline)) void transposeToPlanes(const T* rows, T* planes, int64_t rowCount,
                                                             int64_t channels, int64_t planeStride) {
    typedef T Lanes __attribute__((vector_size(8 * sizeof(T))));
    typedef int32_t Mask __attribute__((vector_size(8 * sizeof(int32_t))));
    static_assert(sizeof(T) == sizeof(int32_t), "32-bit lanes");
    const int64_t fullRows = rowCount / 8 * 8, fullChannels = channels / 8 * 8;
    for (int64_t r0 = 0; r0 < fullRows; r0 += 8) {
        for (int64_t c0 = 0; c0 < fullChannels; c0 += 8) {
            Lanes v[8], t[8], u[8];
            for (int i = 0; i < 8; ++i) std::memcpy(&v[i], rows + (r0 + i) * channels + c0, sizeof(Lanes));
            const Mask lo{0, 8, 1, 9, 4, 12, 5, 13}, hi{2, 10, 3, 11, 6, 14, 7, 15};
            for (int k = 0; k < 4; ++k) {
                t[2 * k] = __builtin_shuffle(v[2 * k], v[2 * k + 1], lo);
                t[2 * k + 1] = __builtin_shuffle(v[2 * k], v[2 * k + 1], hi);
            }
            const Mask pairLo{0, 1, 8, 9, 4, 5, 12, 13}, pairHi{2, 3, 10, 11, 6, 7, 14, 15};
            for (int k = 0; k < 2; ++k) {
                u[4 * k] = __builtin_shuffle(t[4 * k], t[4 * k + 2], pairLo);
                u[4 * k + 1] = __builtin_shuffle(t[4 * k], t[4 * k + 2], pairHi);
                u[4 * k + 2] = __builtin_shuffle(t[4 * k + 1], t[4 * k + 3], pairLo);
                u[4 * k + 3] = __builtin_shuffle(t[4 * k + 1], t[4 * k + 3], pairHi);
            }
            const Mask halfLo{0, 1, 2, 3, 8, 9, 10, 11}, halfHi{4, 5, 6, 7, 12, 13, 14, 15};
            for (int j = 0; j < 4; ++j) {
                const Lanes first = __builtin_shuffle(u[j], u[j + 4], halfLo);
                const Lanes second = __builtin_shuffle(u[j], u[j + 4], halfHi);
                std::memcpy(planes + (c0 + j) * planeStride + r0, &first, sizeof(Lanes));
                std::memcpy(planes + (c0 + j + 4) * planeStride + r0, &second, sizeof(Lanes));
            }
        }
        for (int64_t c = fullChannels; c < channels; ++c)
            for (int64_t r = r0; r < r0 + 8; ++r) planes[c * planeStride + r] = rows[r * channels + c];
    }
    for (int64_t c = 0; c < channels; ++c)
        for (int64_t r = fullRows; r < rowCount; ++r) planes[c * planeStride + r] = rows[r * channels + c];
}

NETLOOM_VECTOR_CLONES
void poolRowChannelsLast(const float* image, float* out, int32_t* winner, float* best, int32_t* at, int64_t channels,
                         int64_t oh, const Planes& p, const PoolWindow& w) {
    const Span rows = windowSpan(oh, p.height, w.stride, w.padding, w.kernel);
    for (int64_t ow = 0; ow < p.outWidth; ++ow) {
        const Span columns = windowSpan(ow, p.width, w.stride, w.padding, w.kernel);
        float* b = best + ow * channels;
        int32_t* a = at + ow * channels;
        std::fill(b, b + channels, -std::numeric_limits<float>::infinity());
        std::fill(a, a + channels, static_cast<int32_t>(rows.begin * p.width + columns.begin));
        for (int64_t h = rows.begin; h < rows.end; ++h)
            for (int64_t x = columns.begin; x < columns.end; ++x)
                poolWindowAllChannels(image + (h * p.width + x) * channels, b, a, static_cast<int32_t>(h * p.width + x),
                                      channels);
        for (int64_t c = 0; c < channels; ++c) a[c] = gradientTarget(b[c], a[c]);
    }
    const int64_t outPlane = p.outHeight * p.outWidth;
    transposeToPlanes(best, out + oh * p.outWidth, p.outWidth, channels, outPlane);
    if (winner) transposeToPlanes(at, winner + oh * p.outWidth, p.outWidth, channels, outPlane);
}

torch::Tensor poolAllChannelsLast(const torch::Tensor& x, const PoolWindow& w, torch::Tensor* winners) {
    const int64_t batch = x.size(0), channels = x.size(1);
    Pooled pooled = allocatePooled(x, w, winners);
    const Planes& p = pooled.p;
    int32_t* winner = pooled.winner;
    const float* in = x.data_ptr<float>();
    float* o = pooled.out.data_ptr<float>();
    const int64_t image = p.height * p.width * channels, outImage = channels * p.outHeight * p.outWidth;
    at::parallel_for(0, batch * p.outHeight, 1, [&](int64_t begin, int64_t end) {
        std::vector<float> best(static_cast<size_t>(p.outWidth * channels));
        std::vector<int32_t> at(best.size());
        for (int64_t row = begin; row < end; ++row) {
            const int64_t n = row / p.outHeight, oh = row % p.outHeight;
            poolRowChannelsLast(in + n * image, o + n * outImage, winner ? winner + n * outImage : nullptr, best.data(),
                                at.data(), channels, oh, p, w);
        }
    });
    return pooled.out;
}

// Gradient of one output row of 2×2 windows (stride 2, no padding): each of the two input rows is
// written once, the winner's slot receiving the gradient and the other three 0 (all four when the
// winner is -1). `0.0f + g`: LibTorch adds the gradient to zeros (a -0 gradient becomes +0).
NETLOOM_VECTOR_CLONES
void unpoolRow2x2(const float* grad, const int32_t* at, float* row0, float* row1, int32_t base, int32_t width, int32_t n) {
    for (int32_t ow = 0; ow < n; ++ow) {
        const int32_t local = at[ow] - (base + 2 * ow);
        const float g = 0.0f + grad[ow];
        row0[2 * ow] = local == 0 ? g : 0.0f;
        row0[2 * ow + 1] = local == 1 ? g : 0.0f;
        row1[2 * ow] = local == width ? g : 0.0f;
        row1[2 * ow + 1] = local == width + 1 ? g : 0.0f;
    }
}

// Adds the output gradient at the winners of outputs [from, to) of one plane, in output order as
// LibTorch's max_pool2d backward adds it (overlapping windows accumulate).
void scatterGradient(const float* grad, const int32_t* at, float* plane, int64_t from, int64_t to) {
    for (int64_t o = from; o < to; ++o)
        if (at[o] >= 0) plane[at[o]] += grad[o];
}

// One plane's input gradient: written row pair by row pair for 2×2 windows of stride 2, else
// zeroed (in cache) and scattered.
void unpoolPlane(const float* grad, const int32_t* at, float* plane, int64_t height, int64_t width, int64_t outHeight,
                 int64_t outWidth, const PoolWindow& w) {
    if (!(w.kernel == 2 && w.stride == 2 && w.padding == 0)) {
        std::fill(plane, plane + height * width, 0.0f);
        scatterGradient(grad, at, plane, 0, outHeight * outWidth);
        return;
    }
    const int64_t full = width / 2;  // windows that lie inside across; a last one is partial (ceil_mode)
    for (int64_t oh = 0; oh < outHeight; ++oh) {
        const int64_t h0 = 2 * oh;
        float* row0 = plane + h0 * width;
        if (h0 + 1 < height) {
            unpoolRow2x2(grad + oh * outWidth, at + oh * outWidth, row0, row0 + width, static_cast<int32_t>(h0 * width),
                         static_cast<int32_t>(width), static_cast<int32_t>(full));
            std::fill(row0 + 2 * full, row0 + width, 0.0f);
            std::fill(row0 + width + 2 * full, row0 + 2 * width, 0.0f);
            scatterGradient(grad, at, plane, oh * outWidth + full, (oh + 1) * outWidth);
        } else {  // a last, one-row window (ceil_mode)
            std::fill(row0, row0 + width, 0.0f);
            scatterGradient(grad, at, plane, oh * outWidth, (oh + 1) * outWidth);
        }
    }
    const int64_t covered = std::min(height, 2 * outHeight);
    std::fill(plane + covered * width, plane + height * width, 0.0f);  // rows no window reaches
}

torch::Tensor unpoolGradient(const torch::Tensor& gradOut, const torch::Tensor& winners, int64_t height, int64_t width,
                             const PoolWindow& w) {
    torch::Tensor g = gradOut.contiguous();
    torch::Tensor gradIn = torch::empty({g.size(0), g.size(1), height, width}, g.options());
    const float* go = g.data_ptr<float>();
    const int32_t* win = winners.data_ptr<int32_t>();
    float* gi = gradIn.data_ptr<float>();
    const int64_t outHeight = g.size(2), outWidth = g.size(3);
    const int64_t inPlane = height * width, outPlane = outHeight * outWidth;
    at::parallel_for(0, g.size(0) * g.size(1), 1, [&](int64_t begin, int64_t end) {
        for (int64_t c = begin; c < end; ++c)
            unpoolPlane(go + c * outPlane, win + c * outPlane, gi + c * inPlane, height, width, outHeight, outWidth, w);
    });
    return gradIn;
}

// Laid out channels-last (and not also planar, as a single channel or pixel would be).
bool channelsLast(const torch::Tensor& x) {
    return !x.is_contiguous() && x.is_contiguous(at::MemoryFormat::ChannelsLast);
}

// The forward for either layout; the output and winners are planar both ways.
torch::Tensor pool(const torch::Tensor& x, const PoolWindow& w, torch::Tensor* winners) {
    return channelsLast(x) ? poolAllChannelsLast(x, w, winners) : poolAll(x, w, winners);
}

class ReluMaxPool2dFunction : public torch::autograd::Function<ReluMaxPool2dFunction> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x, int64_t kernel,
                                 int64_t stride, int64_t padding, bool ceil) {
        torch::Tensor winners;
        torch::Tensor out = pool(x, {kernel, stride, padding, ceil}, &winners);
        ctx->saved_data["winners"] = winners;
        ctx->saved_data["height"] = x.size(2);
        ctx->saved_data["width"] = x.size(3);
        ctx->saved_data["window"] = std::vector<int64_t>{kernel, stride, padding};
        return out;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        const std::vector<int64_t> window = ctx->saved_data["window"].toIntVector();
        torch::Tensor gradIn = unpoolGradient(grads[0], ctx->saved_data["winners"].toTensor(),
                                              ctx->saved_data["height"].toInt(), ctx->saved_data["width"].toInt(),
                                              {window[0], window[1], window[2], false});
        return {gradIn, torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

class ChannelsLastConvolution : public torch::autograd::Function<ChannelsLastConvolution> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& weight,
                                 const torch::Tensor& bias, int64_t stride, int64_t padding, int64_t dilation,
                                 int64_t groups) {
        ctx->save_for_backward({x, weight});
        ctx->saved_data["geometry"] = std::vector<int64_t>{stride, padding, dilation, groups};
        ctx->saved_data["bias"] = bias.size(0);
        ctx->saved_data["input_grad"] = x.requires_grad();
        return at::convolution(x.contiguous(at::MemoryFormat::ChannelsLast), weight.contiguous(at::MemoryFormat::ChannelsLast),
                               bias, {stride, stride}, {padding, padding}, {dilation, dilation}, false, {0, 0}, groups);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const std::vector<int64_t> g = ctx->saved_data["geometry"].toIntVector();
        const std::vector<int64_t> biasShape{ctx->saved_data["bias"].toInt()};
        auto [gradInput, gradWeight, gradBias] = at::convolution_backward(
            grads[0], saved[0], saved[1], at::IntArrayRef(biasShape), {g[0], g[0]}, {g[1], g[1]}, {g[2], g[2]}, false,
            {0, 0}, g[3], {ctx->saved_data["input_grad"].toBool(), true, true});
        return {gradInput, gradWeight, gradBias, torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

}  // namespace

torch::Tensor convolutionChannelsLast(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                                      const ConvolutionGeometry& g) {
    // Without a bias (usually before a BatchNorm, rarely here) the planar forward: an autograd
    // function's tensor inputs must all be defined.
    if (x.dim() != 4 || x.scalar_type() != torch::kFloat32 || !x.device().is_cpu() || !bias.defined())
        return torch::conv2d(x, weight, bias, {g.stride, g.stride}, {g.padding, g.padding}, {g.dilation, g.dilation}, g.groups);
    const bool training = torch::GradMode::is_enabled() &&
                          (x.requires_grad() || weight.requires_grad() || (bias.defined() && bias.requires_grad()));
    if (training) return ChannelsLastConvolution::apply(x, weight, bias, g.stride, g.padding, g.dilation, g.groups);
    return at::convolution(x.contiguous(at::MemoryFormat::ChannelsLast), weight.contiguous(at::MemoryFormat::ChannelsLast),
                           bias, {g.stride, g.stride}, {g.padding, g.padding}, {g.dilation, g.dilation}, false, {0, 0},
                           g.groups);
}

bool convolutionFeedsFoldedRelu(const Graph& graph, NodeId conv, int64_t inputChannels) {
    const Node* node = graph.node(conv);
    if (!node || node->type != "Conv2d" || inputChannels > kChannelsLastMaxInputChannels) return false;
    const std::vector<Edge> readers = graph.outputsOf(conv);
    return readers.size() == 1 && reluFoldsIntoMaxPool(graph, readers[0].to);
}

torch::Tensor reluMaxPool2d(const torch::Tensor& x, const PoolWindow& w) {
    if (x.dim() != 4 || x.scalar_type() != torch::kFloat32 || !x.device().is_cpu() || x.numel() == 0 ||
        x.size(2) * x.size(3) > std::numeric_limits<int32_t>::max()) {
        return torch::max_pool2d(torch::relu(x), {w.kernel, w.kernel}, {w.stride, w.stride}, {w.padding, w.padding},
                                 {1, 1}, w.ceil);
    }
    torch::Tensor input = channelsLast(x) ? x : x.contiguous();
    if (torch::GradMode::is_enabled() && input.requires_grad())
        return ReluMaxPool2dFunction::apply(input, w.kernel, w.stride, w.padding, w.ceil);
    return pool(input, w, nullptr);
}

bool reluFoldsIntoMaxPool(const Graph& graph, NodeId relu) {
    const Node* node = graph.node(relu);
    if (!node || node->type != "ReLU") return false;
    const std::vector<Edge> readers = graph.outputsOf(relu);
    if (readers.size() != 1) return false;
    const Node* reader = graph.node(readers[0].to);
    return reader && reader->type == "MaxPool2d";
}

}  // namespace netloom
