#pragma once
// Validation and shape inference in one pass: every problem at once, each tied to a node,
// plus per-node output shapes and parameter counts for the summary table and the canvas.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "graph/tensor_type.h"

namespace netloom {

struct Problem {
    NodeId node = 0;       // 0 when the problem is about the graph as a whole
    std::string message;   // a sentence a person understands
};

struct NodeAnalysis {
    std::vector<TensorType> inputs;
    std::optional<TensorType> output;  // empty when this node or something upstream is broken
    int64_t params = 0;
};

struct GraphAnalysis {
    std::map<NodeId, NodeAnalysis> nodes;
    std::vector<NodeId> order;       // topological order (only complete when there is no cycle)
    std::vector<Problem> problems;
    int64_t totalParams = 0;

    bool ok() const { return problems.empty(); }
    std::vector<Problem> problemsOf(NodeId id) const;
    std::vector<NodeId> inputNodes() const;   // Input nodes in topological order
    std::vector<NodeId> outputNodes() const;  // Output nodes in topological order
    const Graph* graph = nullptr;
};

GraphAnalysis analyzeGraph(const Graph& graph);

// "conv1 (Conv2d)" — how messages name a node.
std::string describeNode(const Node& node);

}  // namespace netloom
