#include "export/onnx_builder.h"

#include <cmath>
#include <stdexcept>

#include "graph/layer_registry.h"
#include "version.h"

namespace netloom {

namespace {

class ExportError : public std::runtime_error {
public:
    ExportError(NodeId node, const std::string& msg) : std::runtime_error(msg), node(node) {}
    NodeId node;
};

// Small helper that appends nodes and initializers with unique names.
class OnnxGraph {
public:
    // `prefix` keeps the names of nodes added to an existing graph apart from the ones it has.
    explicit OnnxGraph(onnx::GraphProto& g, std::string prefix = {}) : g_(g), prefix_(std::move(prefix)) {}

    std::string fresh(const std::string& stem) { return prefix_ + stem + "_" + std::to_string(counter_++); }

    onnx::NodeProto& node(const std::string& op, const std::vector<std::string>& inputs,
                          const std::vector<std::string>& outputs, const std::string& name = {}) {
        onnx::NodeProto* n = g_.add_node();
        n->set_op_type(op);
        n->set_name(name.empty() ? fresh(op) : name);
        for (const auto& i : inputs) n->add_input(i);
        for (const auto& o : outputs) n->add_output(o);
        return *n;
    }

    std::string op(const std::string& op, const std::vector<std::string>& inputs, const std::string& stem) {
        std::string out = fresh(stem);
        node(op, inputs, {out});
        return out;
    }

    std::string tensor(const std::string& stem, const torch::Tensor& t) {
        std::string name = fresh(stem);
        onnx::TensorProto* init = g_.add_initializer();
        init->set_name(name);
        for (int64_t d : t.sizes()) init->add_dims(d);
        torch::Tensor c = t.detach().cpu().contiguous();
        if (c.scalar_type() == torch::kInt64) {
            init->set_data_type(onnx::TensorProto::INT64);
        } else {
            c = c.to(torch::kFloat32).contiguous();
            init->set_data_type(onnx::TensorProto::FLOAT);
        }
        init->set_raw_data(std::string(static_cast<const char*>(c.data_ptr()), c.numel() * c.element_size()));
        return name;
    }

    std::string ints(const std::string& stem, const std::vector<int64_t>& v) {
        return tensor(stem, torch::tensor(v, torch::kInt64));
    }

    std::string floats(const std::string& stem, const std::vector<float>& v, std::vector<int64_t> shape = {}) {
        auto t = torch::tensor(v, torch::kFloat32);
        if (!shape.empty()) t = t.view(shape);
        return tensor(stem, t);
    }

private:
    onnx::GraphProto& g_;
    std::string prefix_;
    int counter_ = 0;
};

void attr(onnx::NodeProto& n, const std::string& name, int64_t v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(v);
}

void attr(onnx::NodeProto& n, const std::string& name, float v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::FLOAT);
    a->set_f(v);
}

void attr(onnx::NodeProto& n, const std::string& name, const std::string& v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::STRING);
    a->set_s(v);
}

void attr(onnx::NodeProto& n, const std::string& name, const std::vector<int64_t>& v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (int64_t x : v) a->add_ints(x);
}

void valueInfo(onnx::ValueInfoProto* vi, const std::string& name, int elemType, const std::vector<std::string>& symbolic,
               const std::vector<int64_t>& dims) {
    vi->set_name(name);
    auto* tt = vi->mutable_type()->mutable_tensor_type();
    tt->set_elem_type(elemType);
    auto* shape = tt->mutable_shape();
    for (const auto& s : symbolic) shape->add_dim()->set_dim_param(s);
    for (int64_t d : dims) shape->add_dim()->set_dim_value(d);
}

// PyTorch gate blocks → ONNX order. `order` lists, for each ONNX block, the PyTorch block index.
torch::Tensor reorderGates(const torch::Tensor& t, int64_t hidden, const std::vector<int64_t>& order) {
    std::vector<torch::Tensor> blocks;
    for (int64_t k : order) blocks.push_back(t.narrow(0, k * hidden, hidden));
    return torch::cat(blocks, 0);
}

class Emitter {
public:
    Emitter(OnnxGraph& g, NetworkImpl& net) : g_(g), params_(net.named_parameters()), buffers_(net.named_buffers()) {}

    torch::Tensor weight(const Node& n, const std::string& name) {
        std::string key = NetworkImpl::moduleName(n) + "." + name;
        if (auto* p = params_.find(key)) return *p;
        if (auto* b = buffers_.find(key)) return *b;
        throw ExportError(n.id, describeNode(n) + ": the checkpoint has no tensor " + key);
    }
    bool hasWeight(const Node& n, const std::string& name) {
        std::string key = NetworkImpl::moduleName(n) + "." + name;
        return params_.find(key) != nullptr;
    }

    // Emits one layer; returns the name of its output value.
    std::string emit(const Node& n, const NodeAnalysis& na, const std::vector<std::string>& in) {
        const LayerSpec& spec = *LayerRegistry::instance().find(n.type);
        ParamReader p(spec.params, n.params);
        const std::string& t = n.type;
        const std::string stem = NetworkImpl::moduleName(n);
        if (t == "Output" || t == "Dropout") return g_.op("Identity", {in[0]}, stem);
        if (t == "Dense") {
            torch::Tensor w = weight(n, "weight");
            bool bias = p.flag("bias");
            if (na.inputs[0].rank() == 1) {
                std::vector<std::string> args{in[0], g_.tensor(stem + "_weight", w)};
                if (bias) args.push_back(g_.tensor(stem + "_bias", weight(n, "bias")));
                std::string out = g_.fresh(stem);
                attr(g_.node("Gemm", args, {out}), "transB", int64_t{1});
                return out;
            }
            std::string out = g_.op("MatMul", {in[0], g_.tensor(stem + "_weight_t", w.t().contiguous())}, stem);
            if (bias) out = g_.op("Add", {out, g_.tensor(stem + "_bias", weight(n, "bias"))}, stem);
            return out;
        }
        if (t == "Conv2d") {
            std::vector<std::string> args{in[0], g_.tensor(stem + "_weight", weight(n, "weight"))};
            if (p.flag("bias")) args.push_back(g_.tensor(stem + "_bias", weight(n, "bias")));
            std::string out = g_.fresh(stem);
            auto& node = g_.node("Conv", args, {out});
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
        if (t == "MaxPool2d" || t == "AvgPool2d") {
            int64_t k = p.integer("kernel"), s = p.integer("stride"), pad = p.integer("padding");
            if (s == 0) s = k;
            std::string out = g_.fresh(stem);
            auto& node = g_.node(t == "MaxPool2d" ? "MaxPool" : "AveragePool", {in[0]}, {out});
            attr(node, "kernel_shape", std::vector<int64_t>{k, k});
            attr(node, "strides", std::vector<int64_t>{s, s});
            attr(node, "pads", std::vector<int64_t>{pad, pad, pad, pad});
            if (t == "AvgPool2d") attr(node, "count_include_pad", int64_t{1});  // PyTorch's default; ONNX's is 0
            if (!p.flag("ceil_mode")) return out;
            attr(node, "ceil_mode", int64_t{1});
            // Opset 17 rounds up plainly; PyTorch also drops a last window that would start in the
            // trailing padding. Where the two differ, keep PyTorch's windows (they come first).
            const std::vector<int64_t>& inDims = na.inputs[0].dims;
            const std::vector<int64_t>& want = na.output->dims;
            auto plainCeil = [&](int64_t size) { return (size + 2 * pad - k + s - 1) / s + 1; };
            if (plainCeil(inDims[1]) == want[1] && plainCeil(inDims[2]) == want[2]) return out;
            return g_.op("Slice", {out, g_.ints(stem + "_starts", {0, 0}), g_.ints(stem + "_ends", {want[1], want[2]}),
                                   g_.ints(stem + "_axes", {2, 3})},
                         stem);
        }
        if (t == "GlobalAvgPool2d") {
            std::string pooled = g_.op("GlobalAveragePool", {in[0]}, stem);
            std::string out = g_.fresh(stem);
            attr(g_.node("Flatten", {pooled}, {out}), "axis", int64_t{1});
            return out;
        }
        if (t == "BatchNorm") {
            std::string out = g_.fresh(stem);
            auto& node = g_.node("BatchNormalization",
                                 {in[0], g_.tensor(stem + "_scale", weight(n, "weight")), g_.tensor(stem + "_bias", weight(n, "bias")),
                                  g_.tensor(stem + "_mean", weight(n, "running_mean")),
                                  g_.tensor(stem + "_var", weight(n, "running_var"))},
                                 {out});
            attr(node, "epsilon", static_cast<float>(p.number("epsilon")));
            return out;
        }
        if (t == "Flatten") {
            std::string out = g_.fresh(stem);
            attr(g_.node("Flatten", {in[0]}, {out}), "axis", int64_t{1});
            return out;
        }
        if (t == "Reshape") {
            std::vector<int64_t> shape{-1};
            shape.insert(shape.end(), na.output->dims.begin(), na.output->dims.end());
            return g_.op("Reshape", {in[0], g_.ints(stem + "_shape", shape)}, stem);
        }
        if (t == "ReLU") return g_.op("Relu", {in[0]}, stem);
        if (t == "Sigmoid") return g_.op("Sigmoid", {in[0]}, stem);
        if (t == "Tanh") return g_.op("Tanh", {in[0]}, stem);
        if (t == "LeakyReLU") {
            std::string out = g_.fresh(stem);
            attr(g_.node("LeakyRelu", {in[0]}, {out}), "alpha", static_cast<float>(p.number("slope")));
            return out;
        }
        if (t == "GELU") {
            // Opset 17 has no Gelu: x · 0.5 · (1 + erf(x / √2)), the exact form LibTorch uses.
            std::string scaled = g_.op("Div", {in[0], g_.floats(stem + "_sqrt2", {static_cast<float>(std::sqrt(2.0))})}, stem);
            std::string erf = g_.op("Erf", {scaled}, stem);
            std::string plus = g_.op("Add", {erf, g_.floats(stem + "_one", {1.0f})}, stem);
            std::string half = g_.op("Mul", {in[0], g_.floats(stem + "_half", {0.5f})}, stem);
            return g_.op("Mul", {half, plus}, stem);
        }
        if (t == "Softmax") {
            std::string out = g_.fresh(stem);
            attr(g_.node("Softmax", {in[0]}, {out}), "axis", int64_t{-1});
            return out;
        }
        if (t == "Embedding") return g_.op("Gather", {g_.tensor(stem + "_weight", weight(n, "weight")), in[0]}, stem);
        if (t == "LSTM" || t == "GRU") return recurrent(n, p, in[0]);
        if (t == "Add") {
            std::string sum = g_.op("Add", {in[0], in[1]}, stem);
            for (size_t k = 2; k < in.size(); ++k) sum = g_.op("Add", {sum, in[k]}, stem);
            return sum;
        }
        if (t == "Concat") {
            int64_t axis = p.integer("axis");
            if (axis < 0) axis += na.inputs[0].rank();
            std::string out = g_.fresh(stem);
            attr(g_.node("Concat", in, {out}), "axis", axis + 1);
            return out;
        }
        throw ExportError(n.id, describeNode(n) + ": no ONNX emitter for layer type " + t);
    }

private:
    std::string recurrent(const Node& n, const ParamReader& p, const std::string& input) {
        const bool lstm = n.type == "LSTM";
        const int64_t hidden = p.integer("hidden"), layers = p.integer("layers");
        const bool bi = p.flag("bidirectional"), seq = p.flag("return_sequences");
        const int64_t dirs = bi ? 2 : 1;
        const std::string stem = NetworkImpl::moduleName(n);
        // PyTorch i,f,g,o → ONNX i,o,f,c; PyTorch r,z,n → ONNX z,r,h.
        const std::vector<int64_t> order = lstm ? std::vector<int64_t>{0, 3, 1, 2} : std::vector<int64_t>{1, 0, 2};
        // ONNX recurrent ops are sequence-major: [L, N, F].
        std::string x = g_.fresh(stem + "_seq_major");
        attr(g_.node("Transpose", {input}, {x}), "perm", std::vector<int64_t>{1, 0, 2});
        std::string lastHidden;
        for (int64_t layer = 0; layer < layers; ++layer) {
            std::vector<torch::Tensor> W, R, B;
            for (int64_t d = 0; d < dirs; ++d) {
                std::string suffix = "_l" + std::to_string(layer) + (d == 1 ? "_reverse" : "");
                W.push_back(reorderGates(weight(n, "weight_ih" + suffix), hidden, order));
                R.push_back(reorderGates(weight(n, "weight_hh" + suffix), hidden, order));
                B.push_back(torch::cat({reorderGates(weight(n, "bias_ih" + suffix), hidden, order),
                                        reorderGates(weight(n, "bias_hh" + suffix), hidden, order)}));
            }
            std::string y = g_.fresh(stem + "_y"), yh = g_.fresh(stem + "_yh");
            std::vector<std::string> outs{y, yh};
            if (lstm) outs.push_back(g_.fresh(stem + "_yc"));
            auto& node = g_.node(lstm ? "LSTM" : "GRU",
                                 {x, g_.tensor(stem + "_W", torch::stack(W)), g_.tensor(stem + "_R", torch::stack(R)),
                                  g_.tensor(stem + "_B", torch::stack(B))},
                                 outs);
            attr(node, "hidden_size", hidden);
            if (bi) attr(node, "direction", std::string("bidirectional"));
            if (!lstm) attr(node, "linear_before_reset", int64_t{1});
            // Y is [L, dirs, N, H] → [L, N, dirs·H] for the next layer.
            std::string perm = g_.fresh(stem + "_perm");
            attr(g_.node("Transpose", {y}, {perm}), "perm", std::vector<int64_t>{0, 2, 1, 3});
            x = g_.op("Reshape", {perm, g_.ints(stem + "_shape", {0, 0, -1})}, stem);
            lastHidden = yh;
        }
        if (seq) {
            std::string out = g_.fresh(stem);
            attr(g_.node("Transpose", {x}, {out}), "perm", std::vector<int64_t>{1, 0, 2});
            return out;
        }
        // Y_h [dirs, N, H] holds the forward direction's last step and the backward one's first.
        std::string t = g_.fresh(stem + "_h");
        attr(g_.node("Transpose", {lastHidden}, {t}), "perm", std::vector<int64_t>{1, 0, 2});
        return g_.op("Reshape", {t, g_.ints(stem + "_hshape", {0, -1})}, stem);
    }

    OnnxGraph& g_;
    torch::OrderedDict<std::string, torch::Tensor> params_, buffers_;
};

// The deterministic image steps inside the graph: uint8 NHWC RGB → float NCHW as the network wants it.
std::string emitImagePreprocessing(OnnxGraph& g, const PipelineSpec& pre, const std::string& input, int64_t wantChannels) {
    std::string nchw = g.fresh("image_nchw");
    attr(g.node("Transpose", {input}, {nchw}), "perm", std::vector<int64_t>{0, 3, 1, 2});
    std::string x = g.fresh("image_float");
    attr(g.node("Cast", {nchw}, {x}), "to", int64_t{onnx::TensorProto::FLOAT});
    int64_t channels = 3;
    auto toGray = [&] {
        // OpenCV's RGB→gray weights, rounded back to whole levels as the studio stores uint8.
        std::string w = g.floats("gray_weights", {0.299f, 0.587f, 0.114f}, {1, 3, 1, 1});
        std::string weighted = g.op("Mul", {x, w}, "gray");
        std::string sum = g.fresh("gray_sum");
        auto& reduce = g.node("ReduceSum", {weighted, g.ints("gray_axis", {1})}, {sum});
        attr(reduce, "keepdims", int64_t{1});
        x = g.op("Round", {sum}, "gray");
        channels = 1;
    };
    for (const ImageStep& s : pre.image) {
        if (s.op == "grayscale") {
            if (channels == 3) toGray();
        } else if (s.op == "rgb") {
            if (channels == 1) {
                std::string out = g.fresh("rgb");
                attr(g.node("Concat", {x, x, x}, {out}), "axis", int64_t{1});
                x = out;
            }
            channels = 3;
        } else if (s.op == "resize") {
            // sizes = [N, C] of the input followed by the target H, W.
            std::string shape = g.op("Shape", {x}, "resize_shape");
            std::string nc = g.op("Slice", {shape, g.ints("zero", {0}), g.ints("two", {2})}, "resize_nc");
            std::string sizes = g.fresh("resize_sizes");
            attr(g.node("Concat", {nc, g.ints("resize_hw", {s.height, s.width})}, {sizes}), "axis", int64_t{0});
            std::string out = g.fresh("resized");
            auto& node = g.node("Resize", {x, "", "", sizes}, {out});
            attr(node, "mode", std::string("linear"));
            attr(node, "coordinate_transformation_mode", std::string("half_pixel"));  // OpenCV INTER_LINEAR
            x = g.op("Round", {out}, "resized");
            x = g.op("Clip", {x, g.floats("zero_f", {0.0f}), g.floats("max_u8", {255.0f})}, "resized");
        } else if (s.op == "center_crop") {
            // Offsets from the runtime size: start = (size - crop) / 2, as the studio computes.
            std::string shape = g.op("Shape", {x}, "crop_shape");
            std::string hw = g.op("Slice", {shape, g.ints("two", {2}), g.ints("four", {4})}, "crop_hw");
            std::string crop = g.ints("crop_size", {s.height, s.width});
            std::string room = g.op("Sub", {hw, crop}, "crop_room");
            std::string start = g.op("Div", {room, g.ints("two_i", {2})}, "crop_start");
            std::string end = g.op("Add", {start, crop}, "crop_end");
            x = g.op("Slice", {x, start, end, g.ints("crop_axes", {2, 3})}, "cropped");
        } else if (s.op == "scale") {
            x = g.op("Mul", {x, g.floats("inv255", {1.0f / 255.0f})}, "scaled");
        } else if (s.op == "normalize") {
            std::vector<float> mean, std;
            for (int64_t k = 0; k < channels; ++k) {
                mean.push_back(static_cast<float>(s.mean[std::min<size_t>(k, s.mean.size() - 1)]));
                std.push_back(static_cast<float>(s.std[std::min<size_t>(k, s.std.size() - 1)]));
            }
            x = g.op("Sub", {x, g.floats("mean", mean, {1, channels, 1, 1})}, "normalized");
            x = g.op("Div", {x, g.floats("std", std, {1, channels, 1, 1})}, "normalized");
        }
    }
    if (channels != wantChannels) {
        if (wantChannels == 1 && channels == 3) toGray();
        else throw ExportError(0, "the image preprocessing gives " + std::to_string(channels) +
                                      " channels but the Input expects " + std::to_string(wantChannels));
    }
    return x;
}

}  // namespace

std::string rawImageUnsupportedReason(const PipelineSpec& preprocess) {
    for (const ImageStep& s : preprocess.image)
        if (s.op == "canny") return "the Canny edge step has no ONNX operator";
    return {};
}

OnnxBuildResult buildOnnxModel(const Graph& graph, const GraphAnalysis& analysis, NetworkImpl& net,
                               const OnnxBuildOptions& options, onnx::ModelProto& model) {
    OnnxBuildResult result;
    try {
        if (analysis.inputNodes().size() != 1 || analysis.outputNodes().size() != 1)
            throw ExportError(0, "export needs exactly one Input and one Output layer");
        model.Clear();
        model.set_ir_version(8);
        model.set_producer_name("Netloom");
        model.set_producer_version(NETLOOM_VERSION);
        auto* opset = model.add_opset_import();
        opset->set_domain("");
        opset->set_version(17);
        onnx::GraphProto* gp = model.mutable_graph();
        gp->set_name("netloom");
        OnnxGraph g(*gp);

        const NodeId inputId = analysis.inputNodes()[0];
        const TensorType& inType = *analysis.nodes.at(inputId).output;
        std::string entry;
        if (inType.dtype == DType::Int64) {
            result.inputName = "tokens";
            valueInfo(gp->add_input(), "tokens", onnx::TensorProto::INT64, {"batch"}, inType.dims);
            entry = "tokens";
        } else {
            result.inputName = "input";
            valueInfo(gp->add_input(), "input", onnx::TensorProto::FLOAT, {"batch"}, inType.dims);
            entry = "input";
        }

        Emitter emitter(g, net);
        std::map<NodeId, std::string> values;
        for (NodeId id : analysis.order) {
            const Node& n = *graph.node(id);
            if (n.type == "Input") {
                values[id] = entry;
                continue;
            }
            std::vector<std::string> in;
            for (const Edge& e : graph.inputsOf(id)) in.push_back(values.at(e.from));
            values[id] = emitter.emit(n, analysis.nodes.at(id), in);
        }

        const NodeId outId = analysis.outputNodes()[0];
        const TensorType& outType = *analysis.nodes.at(outId).output;
        std::string mainName = options.task == "reconstruction" ? "reconstruction"
                               : options.task == "regression"   ? "predictions"
                                                                : "logits";
        g.node("Identity", {values.at(outId)}, {mainName}, "output_" + mainName);
        valueInfo(gp->add_output(), mainName, onnx::TensorProto::FLOAT, {"batch"}, outType.dims);
        result.outputNames.push_back(mainName);
        if (options.task == "classification" || options.task == "binary") {
            std::string probs = "probabilities";
            if (options.task == "binary") {
                g.node("Sigmoid", {mainName}, {probs}, "output_probabilities");
            } else {
                attr(g.node("Softmax", {mainName}, {probs}, "output_probabilities"), "axis", int64_t{-1});
            }
            valueInfo(gp->add_output(), probs, onnx::TensorProto::FLOAT, {"batch"}, outType.dims);
            result.outputNames.push_back(probs);
        }

        auto meta = [&](const std::string& k, const std::string& v) {
            auto* p = model.add_metadata_props();
            p->set_key(k);
            p->set_value(v);
        };
        std::string classes = "[";
        for (size_t k = 0; k < options.classNames.size(); ++k) {
            std::string escaped;
            for (char c : options.classNames[k]) {
                if (c == '"' || c == '\\') escaped.push_back('\\');
                escaped.push_back(c);
            }
            classes += (k ? ",\"" : "\"") + escaped + "\"";
        }
        meta("netloom_version", NETLOOM_VERSION);
        meta("task", options.task);
        meta("class_names", classes + "]");
        meta("input_kind", result.inputName);
        for (const auto& [k, v] : options.metadata) meta(k, v);
    } catch (const ExportError& e) {
        result.error = e.what();
        result.node = e.node;
    } catch (const c10::Error& e) {
        result.error = std::string("LibTorch: ") + e.what_without_backtrace();
    }
    return result;
}

OnnxBuildResult withRawImageInput(const onnx::ModelProto& tensorModel, const PipelineSpec& preprocess,
                                  onnx::ModelProto& model) {
    OnnxBuildResult result;
    try {
        const onnx::GraphProto& network = tensorModel.graph();
        if (network.input_size() != 1 || network.input(0).name() != "input" ||
            network.input(0).type().tensor_type().shape().dim_size() != 4)
            throw ExportError(0, "the raw-image model needs a tensor model with one image input");
        const int64_t channels = network.input(0).type().tensor_type().shape().dim(1).dim_value();
        // The same weights and nodes, bit for bit; only the preprocessing is new.
        model = tensorModel;
        onnx::GraphProto* gp = model.mutable_graph();
        gp->clear_node();
        gp->clear_input();
        valueInfo(gp->add_input(), "image", onnx::TensorProto::UINT8, {"batch", "height", "width"}, {3});
        OnnxGraph g(*gp, "preprocess_");
        const std::string entry = emitImagePreprocessing(g, preprocess, "image", channels);
        for (const onnx::NodeProto& n : network.node()) {
            onnx::NodeProto* copy = gp->add_node();
            *copy = n;
            for (std::string& in : *copy->mutable_input())
                if (in == "input") in = entry;
        }
        for (auto& p : *model.mutable_metadata_props())
            if (p.key() == "input_kind") p.set_value("image");
        result.inputName = "image";
        for (const auto& o : network.output()) result.outputNames.push_back(o.name());
    } catch (const ExportError& e) {
        result.error = e.what();
        result.node = e.node;
    }
    return result;
}

}  // namespace netloom
