#include "graph/graph_analysis.h"

#include <algorithm>
#include <deque>
#include <set>

#include "graph/layer_registry.h"

namespace netloom {

std::string describeNode(const Node& node) {
    return node.name.empty() ? node.type : node.name + " (" + node.type + ")";
}

std::vector<Problem> GraphAnalysis::problemsOf(NodeId id) const {
    std::vector<Problem> out;
    for (const auto& p : problems)
        if (p.node == id) out.push_back(p);
    return out;
}

static std::vector<NodeId> nodesWhere(const GraphAnalysis& a, bool (LayerSpec::*is)() const) {
    std::vector<NodeId> out;
    if (!a.graph) return out;
    for (NodeId id : a.order) {
        const Node* n = a.graph->node(id);
        const LayerSpec* spec = n ? LayerRegistry::instance().find(n->type) : nullptr;
        if (spec && (spec->*is)()) out.push_back(id);
    }
    return out;
}

std::vector<NodeId> GraphAnalysis::inputNodes() const { return nodesWhere(*this, &LayerSpec::isSource); }
std::vector<NodeId> GraphAnalysis::outputNodes() const { return nodesWhere(*this, &LayerSpec::isSink); }

namespace {

// Kahn's algorithm; nodes left over sit on (or behind) a cycle.
std::vector<NodeId> topologicalOrder(const Graph& g, std::set<NodeId>& onCycle) {
    std::map<NodeId, int> indegree;
    std::map<NodeId, std::vector<NodeId>> next;
    for (const auto& [id, n] : g.nodes()) indegree[id] = 0;
    for (const auto& [eid, e] : g.edges()) {
        ++indegree[e.to];
        next[e.from].push_back(e.to);
    }
    std::deque<NodeId> ready;
    for (const auto& [id, d] : indegree)
        if (d == 0) ready.push_back(id);
    std::vector<NodeId> order;
    while (!ready.empty()) {
        NodeId id = ready.front();
        ready.pop_front();
        order.push_back(id);
        for (NodeId m : next[id])
            if (--indegree[m] == 0) ready.push_back(m);
    }
    for (const auto& [id, d] : indegree)
        if (d > 0) onCycle.insert(id);
    return order;
}

}  // namespace

bool followsData(const Node& node) {
    if (node.type != "Input") return false;
    const ParamValue* v = node.params.find("shape_from");
    return v && std::holds_alternative<std::string>(*v) && std::get<std::string>(*v) == "data";
}

NodeParams effectiveParams(const Node& node, const std::optional<DataInput>& dataInput) {
    if (!dataInput || !followsData(node)) return node.params;
    NodeParams p = node.params;
    const DataInput& d = *dataInput;
    if (!d.kind.empty()) p.set("kind", d.kind);
    const ParamValue* kindValue = p.find("kind");
    const bool kindGiven = kindValue && std::holds_alternative<std::string>(*kindValue);
    const std::string kind = kindGiven ? std::get<std::string>(*kindValue) : "image";
    // The kind's first fields are its dimensions, in order (layers/io_layers.cpp).
    const LayerSpec* spec = LayerRegistry::instance().find(node.type);
    if (auto it = spec->kindFields.find(kind); it != spec->kindFields.end() && d.dims.size() <= it->second.size())
        for (size_t i = 0; i < d.dims.size(); ++i)
            if (d.dims[i] > 0) p.set(it->second[i], d.dims[i]);
    if (kind == "tokens" && d.vocabulary > 0) p.set("vocab_size", d.vocabulary);
    return p;
}

GraphAnalysis analyzeGraph(const Graph& g, const std::optional<DataInput>& dataInput) {
    const LayerRegistry& registry = LayerRegistry::instance();
    GraphAnalysis a;
    a.graph = &g;
    auto report = [&](NodeId id, std::string msg) { a.problems.push_back({id, std::move(msg)}); };

    if (g.nodes().empty()) {
        report(0, "The network is empty: drag an Input, some layers and an Output onto the canvas.");
        return a;
    }

    std::set<NodeId> onCycle;
    a.order = topologicalOrder(g, onCycle);
    if (!onCycle.empty()) {
        for (NodeId id : onCycle)
            report(id, describeNode(*g.node(id)) + " is part of a cycle: data must flow one way, from Input to Output");
    }

    std::set<std::string> names;
    bool hasInput = false, hasOutput = false;
    for (const auto& [id, n] : g.nodes()) {
        if (!n.name.empty() && !names.insert(n.name).second)
            report(id, "The name \"" + n.name + "\" is used by more than one layer");
        const LayerSpec* spec = LayerRegistry::instance().find(n.type);
        hasInput |= spec && spec->isSource();
        hasOutput |= spec && spec->isSink();
    }
    if (!hasInput) report(0, "The network has no Input layer.");
    if (!hasOutput) report(0, "The network has no Output layer.");

    // Parameter checks and shape rules, in topological order so inputs are known.
    for (NodeId id : a.order) {
        const Node& n = *g.node(id);
        NodeAnalysis& na = a.nodes[id];
        const LayerSpec* spec = registry.find(n.type);
        if (!spec) {
            report(id, "Unknown layer type \"" + n.type + "\"");
            continue;
        }
        const NodeParams params = effectiveParams(n, dataInput);
        bool paramsOk = true;
        for (const auto& [name, value] : params.values()) {
            const ParamSpec* ps = spec->param(name);
            if (!ps) {
                report(id, describeNode(n) + ": unknown parameter \"" + name + "\"");
                paramsOk = false;
            } else if (std::string e = checkParamValue(*ps, value); !e.empty()) {
                report(id, describeNode(n) + ": " + name + " " + e);
                paramsOk = false;
            }
        }

        std::vector<Edge> in = g.inputsOf(id);
        std::set<int> ports;
        bool wiringOk = true;
        for (const Edge& e : in) {
            if (!ports.insert(e.port).second) {
                report(id, describeNode(n) + ": input " + std::to_string(e.port + 1) + " has more than one connection");
                wiringOk = false;
            }
            if (spec->maxInputs != kVariadic && e.port >= spec->maxInputs) {
                report(id, describeNode(n) + " has no input " + std::to_string(e.port + 1));
                wiringOk = false;
            }
        }
        int connected = static_cast<int>(in.size());
        if (spec->maxInputs == 0 && connected > 0) {
            report(id, describeNode(n) + " is a source and takes no inputs");
            wiringOk = false;
        } else if (connected < spec->minInputs) {
            if (spec->minInputs == 1)
                report(id, describeNode(n) + " has no input connected");
            else
                report(id, describeNode(n) + " needs at least " + std::to_string(spec->minInputs) +
                               " inputs, has " + std::to_string(connected));
            wiringOk = false;
        }
        if (!spec->isSink() && g.outputsOf(id).empty())
            report(id, "The output of " + describeNode(n) + " feeds nothing: connect it or remove the layer");

        bool upstreamOk = true;
        for (const Edge& e : in) {
            auto it = a.nodes.find(e.from);
            if (it == a.nodes.end() || !it->second.output) {
                upstreamOk = false;
                break;
            }
            na.inputs.push_back(*it->second.output);
        }
        if (!paramsOk || !wiringOk || !upstreamOk) continue;  // upstream already reported

        ShapeContext ctx{na.inputs, ParamReader(spec->params, params)};
        ShapeResult r = spec->inferShape(ctx);
        if (!r.error.empty()) {
            report(id, describeNode(n) + ": " + r.error);
            continue;
        }
        na.output = r.output;
        na.params = spec->countParams ? spec->countParams(ctx) : 0;
        a.totalParams += na.params;
    }
    // Report cycle nodes in the order people read the graph: by id.
    std::stable_sort(a.problems.begin(), a.problems.end(),
                     [](const Problem& x, const Problem& y) { return x.node < y.node; });
    return a;
}

}  // namespace netloom
