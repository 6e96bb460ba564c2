#include "graph/connection_rules.h"

#include <algorithm>
#include <set>
#include <vector>

#include "graph/layer_registry.h"

namespace netloom {

int inputPortCount(const Graph& graph, NodeId id) {
    const Node* n = graph.node(id);
    const LayerSpec* spec = n ? LayerRegistry::instance().find(n->type) : nullptr;
    if (!spec) return 0;
    if (spec->maxInputs != kVariadic) return spec->maxInputs;
    int highest = -1;
    for (const Edge& e : graph.inputsOf(id)) highest = std::max(highest, e.port);
    return std::max(spec->minInputs, highest + 2);
}

bool hasOutputPort(const Graph& graph, NodeId id) {
    const Node* n = graph.node(id);
    const LayerSpec* spec = n ? LayerRegistry::instance().find(n->type) : nullptr;
    return spec && !spec->isSink();
}

bool wouldCreateCycle(const Graph& graph, NodeId from, NodeId to) {
    // Follow the edges downstream from `to`, without recursion (a 10,000-layer chain is fine).
    std::set<NodeId> seen{to};
    std::vector<NodeId> stack{to};
    while (!stack.empty()) {
        NodeId n = stack.back();
        stack.pop_back();
        if (n == from) return true;
        for (const Edge& e : graph.outputsOf(n))
            if (seen.insert(e.to).second) stack.push_back(e.to);
    }
    return false;
}

ConnectionCheck checkConnection(const Graph& graph, const GraphAnalysis& analysis, NodeId from, NodeId to, int port,
                                bool replacing) {
    const Node* a = graph.node(from);
    const Node* b = graph.node(to);
    if (!a || !b) return {ConnectionRule::NoSuchLayer, {}};
    if (from == to) return {ConnectionRule::SelfLoop, {}};
    if (!hasOutputPort(graph, from)) return {ConnectionRule::NoOutputPort, {}};
    if (port < 0 || port >= inputPortCount(graph, to)) return {ConnectionRule::NoSuchInput, {}};
    if (!replacing)
        for (const Edge& e : graph.inputsOf(to))
            if (e.port == port) return {ConnectionRule::InputTaken, {}};
    if (wouldCreateCycle(graph, from, to)) return {ConnectionRule::Cycle, {}};
    // Does the shape fit? Ask the registry's rule with the source's output.
    auto it = analysis.nodes.find(from);
    const LayerSpec* spec = LayerRegistry::instance().find(b->type);
    if (it != analysis.nodes.end() && it->second.output && spec && spec->maxInputs == 1) {
        std::vector<TensorType> inputs{*it->second.output};
        ShapeContext ctx{inputs, ParamReader(spec->params, b->params)};
        ShapeResult r = spec->inferShape(ctx);
        if (!r.error.empty()) return {ConnectionRule::ShapeMismatch, r.error};
    }
    return {};
}

}  // namespace netloom
