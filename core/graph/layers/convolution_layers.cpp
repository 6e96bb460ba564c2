// Conv2d, ConvTranspose2d, pooling and BatchNorm: the image layers.
// Spec (netloom_model) first, then the LibTorch builders and ONNX emitters (netloom_core).
#ifndef NETLOOM_KERNELS
#include "graph/layers/shape_rules.h"

namespace netloom::layers {

namespace {

std::string requireImage(const std::string& layer, const TensorType& in) {
    if (auto e = requireFloat(layer, in); !e.empty()) return e;
    if (in.rank() != 3)
        return layer + " expects an image C×H×W, got " + kindOf(in) +
               (in.rank() == 1 ? " — add Reshape" : "");
    return {};
}

// Shape of a sliding window over H and W, or the sentence why it does not fit.
ShapeResult slide(const std::string& layer, const TensorType& in, int64_t channels, int64_t kernel,
                  int64_t stride, int64_t pad, int64_t dilation) {
    int64_t h = windowOut(in.dims[1], kernel, stride, pad, dilation);
    int64_t w = windowOut(in.dims[2], kernel, stride, pad, dilation);
    if (h < 1 || w < 1) {
        int64_t span = dilation * (kernel - 1) + 1;
        return ShapeResult::fail(layer + ": kernel " + std::to_string(span) + "×" + std::to_string(span) +
                                 " is larger than its input " + std::to_string(in.dims[1]) + "×" +
                                 std::to_string(in.dims[2]) + " (padding " + std::to_string(pad) + ")");
    }
    return ShapeResult::ok({DType::Float32, {channels, h, w}});
}

LayerSpec pool(const std::string& type, const std::string& description) {
    LayerSpec p;
    p.type = type;
    p.category = "Convolution";
    p.description = description;
    p.nameStem = type == "MaxPool2d" ? "maxpool" : "avgpool";
    p.params = {intParam("kernel", 2, 1, 1024, "Window size (square)."),
                intParam("stride", 0, 0, 1024, "Step between windows; 0 means equal to the kernel."),
                intParam("padding", 0, 0, 512, "Zero padding on each side; at most half the kernel."),
                boolParam("ceil_mode", false,
                          "Round the output size up, keeping a last partial window (PyTorch's ceil_mode).")};
    p.inferShape = [type](const ShapeContext& c) {
        const TensorType& in = c.inputs[0];
        if (auto e = requireImage(type, in); !e.empty()) return ShapeResult::fail(e);
        int64_t k = c.params.integer("kernel");
        int64_t s = c.params.integer("stride");
        int64_t pad = c.params.integer("padding");
        if (2 * pad > k) return ShapeResult::fail(type + ": padding " + std::to_string(pad) + " exceeds half the kernel");
        ShapeResult r = slide(type, in, in.dims[0], k, s == 0 ? k : s, pad, 1);
        if (r.error.empty() && c.params.flag("ceil_mode")) {
            r.output.dims[1] = ceilWindowOut(in.dims[1], k, s == 0 ? k : s, pad);
            r.output.dims[2] = ceilWindowOut(in.dims[2], k, s == 0 ? k : s, pad);
        }
        return r;
    };
    return p;
}

}  // namespace

void declareConvolution(std::vector<LayerSpec>& out) {
    LayerSpec conv;
    conv.type = "Conv2d";
    conv.category = "Convolution";
    conv.description = "2-D convolution: learned filters slid over the image.";
    conv.nameStem = "conv";
    conv.params = {intParam("filters", 32, 1, 65536, "Output channels."),
                   intParam("kernel", 3, 1, 1024, "Filter size (square)."),
                   intParam("stride", 1, 1, 1024, "Step between filter positions."),
                   intParam("padding", 0, 0, 1024, "Zeros added on each side."),
                   intParam("dilation", 1, 1, 1024, "Spacing between filter taps."),
                   intParam("groups", 1, 1, 65536, "Channel groups; must divide input and output channels."),
                   boolParam("bias", true, "Learn an additive bias per filter."),
                   boolParam("same", false,
                             "Pad so the output keeps the input's size (stride 1 only); an even kernel pads one more "
                             "row and column at the bottom and right, as PyTorch's padding='same' does.")};
    conv.inferShape = [](const ShapeContext& c) {
        const TensorType& in = c.inputs[0];
        if (auto e = requireImage("Conv2d", in); !e.empty()) return ShapeResult::fail(e);
        int64_t filters = c.params.integer("filters");
        int64_t groups = c.params.integer("groups");
        if (in.dims[0] % groups != 0 || filters % groups != 0)
            return ShapeResult::fail("Conv2d: groups " + std::to_string(groups) + " must divide input channels " +
                                     std::to_string(in.dims[0]) + " and filters " + std::to_string(filters));
        if (c.params.flag("same")) {
            if (c.params.integer("stride") != 1 || c.params.integer("padding") != 0)
                return ShapeResult::fail("Conv2d: 'same' padding needs stride 1 and padding 0 (it chooses the padding itself)");
            return ShapeResult::ok({DType::Float32, {filters, in.dims[1], in.dims[2]}});
        }
        return slide("Conv2d", in, filters, c.params.integer("kernel"), c.params.integer("stride"),
                     c.params.integer("padding"), c.params.integer("dilation"));
    };
    conv.countParams = [](const ShapeContext& c) {
        int64_t k = c.params.integer("kernel");
        int64_t filters = c.params.integer("filters");
        int64_t perFilter = c.inputs[0].dims[0] / c.params.integer("groups") * k * k;
        return filters * perFilter + (c.params.flag("bias") ? filters : 0);
    };
    out.push_back(std::move(conv));

    LayerSpec up;
    up.type = "ConvTranspose2d";
    up.category = "Convolution";
    up.description = "Transposed 2-D convolution: learned upsampling, as in an autoencoder's decoder.";
    up.nameStem = "upconv";
    up.params = {intParam("filters", 16, 1, 65536, "Output channels."),
                 intParam("kernel", 2, 1, 1024, "Filter size (square)."),
                 intParam("stride", 2, 1, 1024, "Upsampling factor: the step between filter positions in the output."),
                 intParam("padding", 0, 0, 1024, "Rows and columns removed from each side of the output."),
                 intParam("output_padding", 0, 0, 1023, "Extra rows and columns added at the bottom and right (less than the stride)."),
                 boolParam("bias", true, "Learn an additive bias per filter.")};
    up.inferShape = [](const ShapeContext& c) {
        const TensorType& in = c.inputs[0];
        if (auto e = requireImage("ConvTranspose2d", in); !e.empty()) return ShapeResult::fail(e);
        int64_t k = c.params.integer("kernel"), s = c.params.integer("stride"), pad = c.params.integer("padding");
        int64_t extra = c.params.integer("output_padding");
        if (extra >= s)
            return ShapeResult::fail("ConvTranspose2d: output_padding " + std::to_string(extra) + " must be less than the stride " +
                                     std::to_string(s));
        int64_t h = (in.dims[1] - 1) * s - 2 * pad + k + extra;
        int64_t w = (in.dims[2] - 1) * s - 2 * pad + k + extra;
        if (h < 1 || w < 1)
            return ShapeResult::fail("ConvTranspose2d: padding " + std::to_string(pad) + " removes the whole output");
        return ShapeResult::ok({DType::Float32, {c.params.integer("filters"), h, w}});
    };
    up.countParams = [](const ShapeContext& c) {
        int64_t k = c.params.integer("kernel"), filters = c.params.integer("filters");
        return c.inputs[0].dims[0] * filters * k * k + (c.params.flag("bias") ? filters : 0);
    };
    out.push_back(std::move(up));

    out.push_back(pool("MaxPool2d", "Keeps the largest value of each window."));
    out.push_back(pool("AvgPool2d", "Averages each window (padding counts as zeros, as in PyTorch)."));

    LayerSpec gap;
    gap.type = "GlobalAvgPool2d";
    gap.category = "Convolution";
    gap.description = "Averages each channel over the whole image: C×H×W → C.";
    gap.nameStem = "gap";
    gap.inferShape = [](const ShapeContext& c) {
        const TensorType& in = c.inputs[0];
        if (auto e = requireImage("GlobalAvgPool2d", in); !e.empty()) return ShapeResult::fail(e);
        return ShapeResult::ok({DType::Float32, {in.dims[0]}});
    };
    out.push_back(std::move(gap));

    LayerSpec bn;
    bn.type = "BatchNorm";
    bn.category = "Normalization";
    bn.description = "Normalises each channel (image) or feature (vector) over the batch; 2-D or 1-D by input rank.";
    bn.nameStem = "bn";
    bn.params = {floatParam("momentum", 0.1, 0.0, 1.0, "Weight of the newest batch in the running statistics."),
                 floatParam("epsilon", 1e-5, 1e-12, 1.0, "Added to the variance for stability.")};
    bn.inferShape = [](const ShapeContext& c) {
        const TensorType& in = c.inputs[0];
        if (auto e = requireFloat("BatchNorm", in); !e.empty()) return ShapeResult::fail(e);
        if (in.rank() != 1 && in.rank() != 3)
            return ShapeResult::fail("BatchNorm expects a vector or an image C×H×W, got " + kindOf(in));
        return ShapeResult::ok(in);
    };
    bn.countParams = [](const ShapeContext& c) { return 2 * c.inputs[0].dims[0]; };
    out.push_back(std::move(bn));
}

}  // namespace netloom::layers
#else  // NETLOOM_KERNELS
#include "graph/layers/layer_kernels.h"
#include "graph/layers/relu_max_pool.h"
#include "train/network.h"

namespace netloom::layers {

namespace nn = torch::nn;

namespace {

StepFunction buildConv(BuildContext& c) {
    const ParamReader& p = c.params;
    nn::Conv2dOptions options(c.analysis.inputs[0].dims[0], p.integer("filters"), p.integer("kernel"));
    options.stride(p.integer("stride")).dilation(p.integer("dilation")).groups(p.integer("groups")).bias(p.flag("bias"));
    if (p.flag("same"))
        options.padding(torch::kSame);  // an even kernel pads the extra row/column at the end
    else
        options.padding(p.integer("padding"));
    auto m = c.submodule(nn::Conv2d(options));
    if (!p.flag("same") && convolutionFeedsFoldedRelu(c.graph, c.node.id, c.analysis.inputs[0].dims[0])) {
        ConvolutionGeometry g{p.integer("stride"), p.integer("padding"), p.integer("dilation"), p.integer("groups")};
        return [m, g](const std::vector<torch::Tensor>& x) { return convolutionChannelsLast(x[0], m->weight, m->bias, g); };
    }
    return [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
}

std::string emitConv(EmitContext& c) {
    const ParamReader& p = c.params;
    std::vector<std::string> args{c.inputs[0], c.g.tensor(c.stem + "_weight", c.weight("weight"))};
    if (p.flag("bias")) args.push_back(c.g.tensor(c.stem + "_bias", c.weight("bias")));
    std::string out = c.g.fresh(c.stem);
    auto& node = c.g.node("Conv", args, {out});
    int64_t k = p.integer("kernel"), s = p.integer("stride"), pad = p.integer("padding"), d = p.integer("dilation");
    int64_t begin = pad, end = pad;
    if (p.flag("same")) {  // PyTorch's 'same': the odd row/column of padding goes at the end
        begin = d * (k - 1) / 2;
        end = d * (k - 1) - begin;
    }
    attr(node, "kernel_shape", std::vector<int64_t>{k, k});
    attr(node, "strides", std::vector<int64_t>{s, s});
    attr(node, "pads", std::vector<int64_t>{begin, begin, end, end});  // [h_begin, w_begin, h_end, w_end]
    attr(node, "dilations", std::vector<int64_t>{d, d});
    attr(node, "group", p.integer("groups"));
    return out;
}

StepFunction buildConvTranspose(BuildContext& c) {
    const ParamReader& p = c.params;
    auto m = c.submodule(nn::ConvTranspose2d(
        nn::ConvTranspose2dOptions(c.analysis.inputs[0].dims[0], p.integer("filters"), p.integer("kernel"))
            .stride(p.integer("stride"))
            .padding(p.integer("padding"))
            .output_padding(p.integer("output_padding"))
            .bias(p.flag("bias"))));
    return [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
}

std::string emitConvTranspose(EmitContext& c) {
    const ParamReader& p = c.params;
    // ONNX keeps PyTorch's weight layout (C_in, C_out, kH, kW) for ConvTranspose.
    std::vector<std::string> args{c.inputs[0], c.g.tensor(c.stem + "_weight", c.weight("weight"))};
    if (p.flag("bias")) args.push_back(c.g.tensor(c.stem + "_bias", c.weight("bias")));
    std::string out = c.g.fresh(c.stem);
    auto& node = c.g.node("ConvTranspose", args, {out});
    int64_t k = p.integer("kernel"), s = p.integer("stride"), pad = p.integer("padding"), extra = p.integer("output_padding");
    attr(node, "kernel_shape", std::vector<int64_t>{k, k});
    attr(node, "strides", std::vector<int64_t>{s, s});
    attr(node, "pads", std::vector<int64_t>{pad, pad, pad, pad});
    attr(node, "output_padding", std::vector<int64_t>{extra, extra});
    return out;
}

PoolWindow poolWindow(const ParamReader& p) {
    int64_t k = p.integer("kernel"), s = p.integer("stride");
    return {k, s == 0 ? k : s, p.integer("padding"), p.flag("ceil_mode")};
}

StepFunction buildMaxPool(BuildContext& c) {
    PoolWindow w = poolWindow(c.params);
    const std::vector<Edge> in = c.graph.inputsOf(c.node.id);
    if (!in.empty() && reluFoldsIntoMaxPool(c.graph, in[0].from))  // the ReLU passed its input through
        return [w](const std::vector<torch::Tensor>& x) { return reluMaxPool2d(x[0], w); };
    return [w](const std::vector<torch::Tensor>& x) {
        return torch::max_pool2d(x[0], {w.kernel, w.kernel}, {w.stride, w.stride}, {w.padding, w.padding}, {1, 1}, w.ceil);
    };
}

StepFunction buildAvgPool(BuildContext& c) {
    PoolWindow w = poolWindow(c.params);
    // count_include_pad=true: PyTorch's default, matched by the ONNX export
    return [w](const std::vector<torch::Tensor>& x) {
        return torch::avg_pool2d(x[0], {w.kernel, w.kernel}, {w.stride, w.stride}, {w.padding, w.padding}, w.ceil, true);
    };
}

std::string emitPool(EmitContext& c, bool max) {
    PoolWindow w = poolWindow(c.params);
    const int64_t k = w.kernel, s = w.stride, pad = w.padding;
    std::string out = c.g.fresh(c.stem);
    auto& node = c.g.node(max ? "MaxPool" : "AveragePool", {c.inputs[0]}, {out});
    attr(node, "kernel_shape", std::vector<int64_t>{k, k});
    attr(node, "strides", std::vector<int64_t>{s, s});
    attr(node, "pads", std::vector<int64_t>{pad, pad, pad, pad});
    if (!max) attr(node, "count_include_pad", int64_t{1});  // PyTorch's default; ONNX's is 0
    if (!w.ceil) return out;
    attr(node, "ceil_mode", int64_t{1});
    // Opset 17 rounds up plainly; PyTorch also drops a last window that would start in the
    // trailing padding. Where the two differ, keep PyTorch's windows (they come first).
    const std::vector<int64_t>& inDims = c.analysis.inputs[0].dims;
    const std::vector<int64_t>& want = c.analysis.output->dims;
    auto plainCeil = [&](int64_t size) { return (size + 2 * pad - k + s - 1) / s + 1; };
    if (plainCeil(inDims[1]) == want[1] && plainCeil(inDims[2]) == want[2]) return out;
    return c.g.op("Slice", {out, c.g.ints(c.stem + "_starts", {0, 0}), c.g.ints(c.stem + "_ends", {want[1], want[2]}),
                            c.g.ints(c.stem + "_axes", {2, 3})},
                  c.stem);
}

StepFunction buildBatchNorm(BuildContext& c) {
    int64_t channels = c.analysis.inputs[0].dims[0];
    double momentum = c.params.number("momentum"), eps = c.params.number("epsilon");
    if (c.analysis.inputs[0].rank() == 3) {
        auto m = c.submodule(nn::BatchNorm2d(nn::BatchNorm2dOptions(channels).momentum(momentum).eps(eps)));
        return [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
    }
    auto m = c.submodule(nn::BatchNorm1d(nn::BatchNorm1dOptions(channels).momentum(momentum).eps(eps)));
    return [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
}

std::string emitBatchNorm(EmitContext& c) {
    std::string out = c.g.fresh(c.stem);
    auto& node = c.g.node("BatchNormalization",
                          {c.inputs[0], c.g.tensor(c.stem + "_scale", c.weight("weight")),
                           c.g.tensor(c.stem + "_bias", c.weight("bias")), c.g.tensor(c.stem + "_mean", c.weight("running_mean")),
                           c.g.tensor(c.stem + "_var", c.weight("running_var"))},
                          {out});
    attr(node, "epsilon", static_cast<float>(c.params.number("epsilon")));
    return out;
}

}  // namespace

void convolutionKernels(LayerKernelTable& table) {
    table.add("Conv2d", {buildConv, emitConv, /*outputReusable=*/true, /*convolutional=*/true});
    table.add("ConvTranspose2d", {buildConvTranspose, emitConvTranspose, /*outputReusable=*/true, /*convolutional=*/true});
    table.add("MaxPool2d", {buildMaxPool, [](EmitContext& c) { return emitPool(c, true); }, false, true});
    table.add("AvgPool2d", {buildAvgPool, [](EmitContext& c) { return emitPool(c, false); }, false, true});
    table.add("GlobalAvgPool2d", {[](BuildContext&) -> StepFunction {
                                      return [](const std::vector<torch::Tensor>& x) { return x[0].mean({2, 3}); };
                                  },
                                  [](EmitContext& c) {
                                      std::string pooled = c.g.op("GlobalAveragePool", {c.inputs[0]}, c.stem);
                                      std::string out = c.g.fresh(c.stem);
                                      attr(c.g.node("Flatten", {pooled}, {out}), "axis", int64_t{1});
                                      return out;
                                  },
                                  false, true});
    table.add("BatchNorm", {buildBatchNorm, emitBatchNorm, /*outputReusable=*/true, /*convolutional=*/true});
}

}  // namespace netloom::layers
#endif  // NETLOOM_KERNELS
