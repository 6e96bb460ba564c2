#pragma once
// The network as a directed graph of layer nodes. Ids are stable integers: they survive
// save/load and undo/redo, so the editor's items and the analysis results refer to nodes by id.
#include <map>
#include <string>
#include <vector>

#include "graph/param.h"

namespace netloom {

using NodeId = int;
using EdgeId = int;

struct Position {
    double x = 0;
    double y = 0;
    bool operator==(const Position& o) const { return x == o.x && y == o.y; }
};

struct Node {
    NodeId id = 0;
    std::string type;   // a LayerRegistry type name
    std::string name;   // unique, human-chosen ("conv1")
    NodeParams params;
    Position position;
};

// An edge feeds the (single) output of `from` into input port `port` of `to`.
struct Edge {
    EdgeId id = 0;
    NodeId from = 0;
    NodeId to = 0;
    int port = 0;
    bool operator==(const Edge& o) const {
        return id == o.id && from == o.from && to == o.to && port == o.port;
    }
};

class Graph {
public:
    // Adds a node; id 0 picks the next free id. Returns the id used, or 0 if `id` is taken.
    NodeId addNode(Node node);
    // Removes a node and every edge touching it.
    bool removeNode(NodeId id);
    // Adds an edge; id 0 picks the next free id. Returns 0 if an endpoint does not exist or the
    // id is taken. Compatibility is validation's job: the graph stores what the user drew.
    EdgeId connect(NodeId from, NodeId to, int port, EdgeId id = 0);
    bool disconnect(EdgeId id);

    const Node* node(NodeId id) const;
    Node* node(NodeId id);
    const Edge* edge(EdgeId id) const;
    const Node* nodeByName(const std::string& name) const;

    const std::map<NodeId, Node>& nodes() const { return nodes_; }
    const std::map<EdgeId, Edge>& edges() const { return edges_; }
    std::vector<Edge> inputsOf(NodeId id) const;   // sorted by port
    std::vector<Edge> outputsOf(NodeId id) const;

    NodeId nextNodeId() const { return nextNode_; }
    EdgeId nextEdgeId() const { return nextEdge_; }
    // "conv", "conv2", ...: the first unused name with this stem.
    std::string uniqueName(const std::string& stem) const;

    bool operator==(const Graph& o) const;

private:
    void index(const Edge& e);
    void unindex(const Edge& e);

    std::map<NodeId, Node> nodes_;
    std::map<EdgeId, Edge> edges_;
    // Each node's incoming and outgoing edge ids in id order, kept with edges_: inputsOf and
    // outputsOf are asked for every node by every analysis (a scan of all edges each made an edit
    // of a 1,000-layer network cost milliseconds).
    std::map<NodeId, std::vector<EdgeId>> in_, out_;
    NodeId nextNode_ = 1;
    EdgeId nextEdge_ = 1;
};

}  // namespace netloom
