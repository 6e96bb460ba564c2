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

// The shape an Input that follows the data ("shape_from": "data") takes, resolved from the project
// and what its data gave (dataInputOf, project/project_checks.h). A dimension at 0, an empty kind or
// an empty dims keeps the node's own field, so an Input whose data is not known yet still has a shape.
struct DataInput {
    std::string kind;            // image | vector | tokens; empty: the node's own
    std::vector<int64_t> dims;   // image C,H,W; vector [size]; tokens [length]
    int64_t vocabulary = 0;      // tokens: ids, PAD and OOV included; 0: the node's own
    bool operator==(const DataInput& o) const { return kind == o.kind && dims == o.dims && vocabulary == o.vocabulary; }
};

// An Input node that takes its shape from the data rather than from its own fields.
bool followsData(const Node& node);
// The parameters a node is analysed with: its own, or for an Input that follows the data, its own
// with the data's kind and dimensions written over them. Other nodes' are returned unchanged.
NodeParams effectiveParams(const Node& node, const std::optional<DataInput>& dataInput);

// Every Input that follows the data is analysed with `dataInput` (nullopt: with its own fields).
// Projects: analyzeProject (project/project_checks.h) resolves it.
GraphAnalysis analyzeGraph(const Graph& graph, const std::optional<DataInput>& dataInput = std::nullopt);

// "conv1 (Conv2d)" — how messages name a node.
std::string describeNode(const Node& node);

}  // namespace netloom
