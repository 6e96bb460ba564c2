#include "export/onnx_builder.h"

#include <cmath>
#include <stdexcept>

#include "export/onnx_graph.h"
#include "graph/layer_registry.h"
#include "graph/layers/layer_kernels.h"
#include "preprocess/image_color.h"
#include "preprocess/image_op_kernels.h"
#include "preprocess/image_pipeline.h"
#include "version.h"

namespace netloom {

namespace {

// Emits each node through its family's emitter, looking the trained tensors up by module name.
class Emitter {
public:
    Emitter(OnnxGraph& g, NetworkImpl& net) : g_(g), params_(net.named_parameters()), buffers_(net.named_buffers()) {}

    // Emits one layer; returns the name of its output value.
    std::string emit(const Node& n, const NodeAnalysis& na, const std::vector<std::string>& in) {
        const LayerKernels* kernels = layerKernels().find(n.type);
        if (!kernels) throw ExportError(n.id, describeNode(n) + ": no ONNX emitter for layer type " + n.type);
        const std::string stem = NetworkImpl::moduleName(n);
        EmitContext context{g_, n, na, ParamReader(LayerRegistry::instance().find(n.type)->params, n.params), in, stem,
                            [this, &n, stem](const std::string& name) { return weight(n, stem + "." + name); }};
        return kernels->emit(context);
    }

private:
    torch::Tensor weight(const Node& n, const std::string& key) {
        if (auto* p = params_.find(key)) return *p;
        if (auto* b = buffers_.find(key)) return *b;
        throw ExportError(n.id, describeNode(n) + ": the checkpoint has no tensor " + key);
    }

    OnnxGraph& g_;
    torch::OrderedDict<std::string, torch::Tensor> params_, buffers_;
};

// The deterministic image steps inside the graph: uint8 NHWC RGBA (any size) → float NCHW as the
// network wants it. Transparency first (the decode rule), then each exportable step's emitter.
std::string emitImagePreprocessing(OnnxGraph& g, const PipelineSpec& pre, const std::string& input, int64_t wantChannels) {
    std::string nchw = g.fresh("image_nchw");
    attr(g.node("Transpose", {input}, {nchw}), "perm", std::vector<int64_t>{0, 3, 1, 2});
    std::string rgba = g.fresh("image_float");
    attr(g.node("Cast", {nchw}, {rgba}), "to", int64_t{onnx::TensorProto::FLOAT});
    const auto& bg = pre.background;
    std::string x = emitCompositeOverBackground(g, rgba, {int(bg[0]), int(bg[1]), int(bg[2])});
    int64_t channels = 3;
    // Decoded to gray, as the studio decodes for this pipeline or a one-channel network.
    if (ImagePipeline(pre.image).wantsGray() || wantChannels == 1) {
        x = emitRgbToGray(g, x);
        channels = 1;
    }
    for (const ImageStep& s : pre.image) {
        const ImageOpKernels* k = imageOpKernels(s.op);
        if (s.isAugmentation() || !k || !k->emit) continue;
        ImageEmitContext step{g, x, channels, s.read()};
        k->emit(step);
        x = step.x;
        channels = step.channels;
    }
    if (channels != wantChannels) {
        throw ExportError(0, "the image preprocessing gives " + std::to_string(channels) +
                                 " channels but the Input expects " + std::to_string(wantChannels));
    }
    return x;
}

}  // namespace

std::string rawImageUnsupportedReason(const PipelineSpec& preprocess) {
    for (const ImageStep& s : preprocess.image)
        if (!s.spec().exportable) return "the " + s.op + " step has no ONNX operator";
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
            std::vector<std::string> in;
            if (LayerRegistry::instance().find(n.type)->isSource()) in.push_back(entry);
            for (const Edge& e : graph.inputsOf(id)) in.push_back(values.at(e.from));
            values[id] = emitter.emit(n, analysis.nodes.at(id), in);
        }

        const NodeId outId = analysis.outputNodes()[0];
        const TensorType& outType = *analysis.nodes.at(outId).output;
        std::string mainName = options.task == Task::Reconstruction ? "reconstruction"
                               : options.task == Task::Regression   ? "predictions"
                                                                : "logits";
        g.node("Identity", {values.at(outId)}, {mainName}, "output_" + mainName);
        valueInfo(gp->add_output(), mainName, onnx::TensorProto::FLOAT, {"batch"}, outType.dims);
        result.outputNames.push_back(mainName);
        if (options.task == Task::Classification || options.task == Task::Binary) {
            std::string probs = "probabilities";
            if (options.task == Task::Binary) {
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
        meta("task", nameOf(options.task));
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
        // RGBA: the model composites transparency over the project's background itself.
        valueInfo(gp->add_input(), "image", onnx::TensorProto::UINT8, {"batch", "height", "width"}, {4});
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
