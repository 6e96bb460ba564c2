#include "train/network.h"

#include <map>
#include <set>
#include <stdexcept>

#include "graph/layer_registry.h"

namespace netloom {

namespace nn = torch::nn;

std::string NetworkImpl::moduleName(const Node& node) {
    std::string name = node.name.empty() ? "node" + std::to_string(node.id) : node.name;
    for (char& c : name)
        if (c == '.' || c == ' ') c = '_';
    return name;
}

NetworkImpl::NetworkImpl(const Graph& graph, const GraphAnalysis& analysis) {
    if (!analysis.ok()) throw std::invalid_argument("the network has problems; validate it first");
    const LayerRegistry& registry = LayerRegistry::instance();
    std::map<NodeId, size_t> stepOf;
    for (NodeId id : analysis.order) {
        const Node& node = *graph.node(id);
        const LayerSpec& spec = *registry.find(node.type);
        const NodeAnalysis& na = analysis.nodes.at(id);
        ParamReader p(spec.params, node.params);
        Step step;
        step.node = id;
        step.type = node.type;
        for (const Edge& e : graph.inputsOf(id)) step.inputs.push_back(stepOf.at(e.from));
        const std::string name = moduleName(node);
        const std::string& t = node.type;
        auto first = [](const std::vector<torch::Tensor>& x) { return x[0]; };

        if (t == "Input" || t == "Output") {
            step.run = first;
        } else if (t == "Dense") {
            auto m = register_module(name, nn::Linear(nn::LinearOptions(na.inputs[0].dims.back(), p.integer("units"))
                                                          .bias(p.flag("bias"))));
            step.run = [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
        } else if (t == "Conv2d") {
            nn::Conv2dOptions options(na.inputs[0].dims[0], p.integer("filters"), p.integer("kernel"));
            options.stride(p.integer("stride")).dilation(p.integer("dilation")).groups(p.integer("groups")).bias(p.flag("bias"));
            if (p.flag("same"))
                options.padding(torch::kSame);  // an even kernel pads the extra row/column at the end
            else
                options.padding(p.integer("padding"));
            auto m = register_module(name, nn::Conv2d(options));
            step.run = [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
        } else if (t == "MaxPool2d" || t == "AvgPool2d") {
            int64_t k = p.integer("kernel"), s = p.integer("stride"), pad = p.integer("padding");
            bool ceil = p.flag("ceil_mode");
            if (s == 0) s = k;
            if (t == "MaxPool2d")
                step.run = [k, s, pad, ceil](const std::vector<torch::Tensor>& x) {
                    return torch::max_pool2d(x[0], {k, k}, {s, s}, {pad, pad}, {1, 1}, ceil);
                };
            else  // count_include_pad=true: PyTorch's default, matched by the ONNX export
                step.run = [k, s, pad, ceil](const std::vector<torch::Tensor>& x) {
                    return torch::avg_pool2d(x[0], {k, k}, {s, s}, {pad, pad}, ceil, true);
                };
        } else if (t == "GlobalAvgPool2d") {
            step.run = [](const std::vector<torch::Tensor>& x) { return x[0].mean({2, 3}); };
        } else if (t == "BatchNorm") {
            int64_t c = na.inputs[0].dims[0];
            double momentum = p.number("momentum"), eps = p.number("epsilon");
            if (na.inputs[0].rank() == 3) {
                auto m = register_module(name, nn::BatchNorm2d(nn::BatchNorm2dOptions(c).momentum(momentum).eps(eps)));
                step.run = [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
            } else {
                auto m = register_module(name, nn::BatchNorm1d(nn::BatchNorm1dOptions(c).momentum(momentum).eps(eps)));
                step.run = [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
            }
        } else if (t == "Dropout") {
            auto m = register_module(name, nn::Dropout(nn::DropoutOptions(p.number("rate"))));
            step.run = [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
        } else if (t == "Flatten") {
            step.run = [](const std::vector<torch::Tensor>& x) { return x[0].flatten(1); };
        } else if (t == "Reshape") {
            std::vector<int64_t> shape{-1};
            shape.insert(shape.end(), na.output->dims.begin(), na.output->dims.end());
            step.run = [shape](const std::vector<torch::Tensor>& x) { return x[0].reshape(shape); };
        } else if (t == "ReLU") {
            // In place when this ReLU is the only reader of a producer whose backward does not
            // need its own output (saves an allocation and a pass over memory per batch).
            const std::vector<Edge> in = graph.inputsOf(id);
            const Node* producer = in.empty() ? nullptr : graph.node(in[0].from);
            static const std::set<std::string> safe = {"Dense", "Conv2d", "BatchNorm", "Add"};
            bool inPlace = producer && safe.count(producer->type) && graph.outputsOf(producer->id).size() == 1;
            if (inPlace)
                step.run = [](const std::vector<torch::Tensor>& x) { return x[0].relu_(); };
            else
                step.run = [](const std::vector<torch::Tensor>& x) { return torch::relu(x[0]); };
        } else if (t == "LeakyReLU") {
            double slope = p.number("slope");
            step.run = [slope](const std::vector<torch::Tensor>& x) { return torch::leaky_relu(x[0], slope); };
        } else if (t == "Sigmoid") {
            step.run = [](const std::vector<torch::Tensor>& x) { return torch::sigmoid(x[0]); };
        } else if (t == "Tanh") {
            step.run = [](const std::vector<torch::Tensor>& x) { return torch::tanh(x[0]); };
        } else if (t == "GELU") {
            step.run = [](const std::vector<torch::Tensor>& x) { return torch::gelu(x[0]); };
        } else if (t == "Softmax") {
            step.run = [](const std::vector<torch::Tensor>& x) { return torch::softmax(x[0], -1); };
        } else if (t == "Embedding") {
            auto m = register_module(name, nn::Embedding(nn::EmbeddingOptions(p.integer("vocab_size"), p.integer("dim"))));
            step.run = [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
        } else if (t == "LSTM" || t == "GRU") {
            int64_t in = na.inputs[0].dims[1], hidden = p.integer("hidden");
            bool bi = p.flag("bidirectional"), seq = p.flag("return_sequences");
            auto lastStep = [bi, hidden](const torch::Tensor& out) {
                // Forward direction's last step; the backward direction's summary is its first step.
                auto fwd = out.select(1, out.size(1) - 1).narrow(1, 0, hidden);
                if (!bi) return fwd;
                return torch::cat({fwd, out.select(1, 0).narrow(1, hidden, hidden)}, 1);
            };
            // LSTM and GRU differ only in their module type; both return (output, state).
            auto build = [&](auto module) {
                auto m = register_module(name, module);
                step.run = [m, seq, lastStep](const std::vector<torch::Tensor>& x) {
                    auto out = std::get<0>(m->forward(x[0]));
                    return seq ? out : lastStep(out);
                };
            };
            if (t == "LSTM")
                build(nn::LSTM(nn::LSTMOptions(in, hidden).num_layers(p.integer("layers")).bidirectional(bi).batch_first(true)));
            else
                build(nn::GRU(nn::GRUOptions(in, hidden).num_layers(p.integer("layers")).bidirectional(bi).batch_first(true)));
        } else if (t == "Add") {
            step.run = [](const std::vector<torch::Tensor>& x) {
                torch::Tensor sum = x[0] + x[1];
                for (size_t k = 2; k < x.size(); ++k) sum = sum + x[k];
                return sum;
            };
        } else if (t == "Concat") {
            int64_t axis = p.integer("axis");
            if (axis < 0) axis += na.inputs[0].rank();
            int64_t dim = axis + 1;  // skip the batch dimension
            step.run = [dim](const std::vector<torch::Tensor>& x) { return torch::cat(x, dim); };
        } else {
            throw std::invalid_argument("no LibTorch builder for layer type " + t);
        }
        stepOf[id] = steps_.size();
        if (t == "Output") outputStep_ = steps_.size();
        steps_.push_back(std::move(step));
    }
}

torch::Tensor NetworkImpl::forward(const torch::Tensor& input) {
    std::vector<torch::Tensor> values(steps_.size());
    std::vector<torch::Tensor> args;
    for (size_t i = 0; i < steps_.size(); ++i) {
        const Step& s = steps_[i];
        if (s.type == "Input") {
            values[i] = input;
            continue;
        }
        args.clear();
        for (size_t k : s.inputs) args.push_back(values[k]);
        values[i] = s.run(args);
    }
    return values[outputStep_];
}

int64_t NetworkImpl::parameterCount() const {
    int64_t n = 0;
    for (const auto& p : parameters()) n += p.numel();
    return n;
}

}  // namespace netloom
