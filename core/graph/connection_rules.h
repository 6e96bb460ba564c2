#pragma once
// Which connections the editor accepts, in one place: the studio's port drag, replace-on-drop and
// paste, and `netloom-cli layout`'s port count all ask these functions. Validation (graph_analysis)
// reports what a file holds; these rules decide what a gesture may add.
#include <string>

#include "graph/graph.h"
#include "graph/graph_analysis.h"

namespace netloom {

enum class ConnectionRule {
    Ok,
    NoSuchLayer,    // an endpoint does not exist
    SelfLoop,       // from == to
    NoOutputPort,   // the source is a sink (Output)
    NoSuchInput,    // the port is outside the target's input ports
    InputTaken,     // the port already has an edge (a drop may replace it)
    Cycle,          // the edge would close a cycle
    ShapeMismatch,  // the target's shape rule refuses the source's output; `detail` says why
};

struct ConnectionCheck {
    ConnectionRule rule = ConnectionRule::Ok;
    std::string detail;  // ShapeMismatch: the layer's own sentence
    bool ok() const { return rule == ConnectionRule::Ok; }
};

// Input ports a node shows: its fixed count, or connected + 1 (a free one to drop on) for Add/Concat.
int inputPortCount(const Graph& graph, NodeId id);
// Whether a node has an output port (every layer but a sink such as Output).
bool hasOutputPort(const Graph& graph, NodeId id);
// Whether `from` is reachable from `to`, so that from → to would close a cycle.
bool wouldCreateCycle(const Graph& graph, NodeId from, NodeId to);
// Whether from → to:port may be added. With `replacing`, an occupied port is accepted (the caller
// removes its edge in the same step), and the cycle check ignores that edge.
ConnectionCheck checkConnection(const Graph& graph, const GraphAnalysis& analysis, NodeId from, NodeId to, int port,
                                bool replacing = false);

}  // namespace netloom
