#include "train/network.h"

#include <map>
#include <stdexcept>

#include "graph/layer_registry.h"
#include "graph/layers/layer_kernels.h"

namespace netloom {

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
        const LayerKernels* kernels = layerKernels().find(node.type);
        if (!kernels) throw std::invalid_argument("no LibTorch builder for layer type " + node.type);
        BuildContext context{graph, node, analysis.nodes.at(id), ParamReader(registry.find(node.type)->params, node.params),
                             *this, moduleName(node)};
        Step step;
        step.node = id;
        step.type = node.type;
        for (const Edge& e : graph.inputsOf(id)) step.inputs.push_back(stepOf.at(e.from));
        step.run = kernels->build(context);
        stepOf[id] = steps_.size();
        if (registry.find(node.type)->isSink()) outputStep_ = steps_.size();
        steps_.push_back(std::move(step));
    }
}

torch::Tensor NetworkImpl::forward(const torch::Tensor& input) {
    std::vector<torch::Tensor> values(steps_.size());
    std::vector<torch::Tensor> args;
    for (size_t i = 0; i < steps_.size(); ++i) {
        const Step& s = steps_[i];
        if (s.inputs.empty()) {  // the Input: the batch itself
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
