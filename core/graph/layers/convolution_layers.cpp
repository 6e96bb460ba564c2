// Conv2d, pooling and BatchNorm: the image layers.
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
