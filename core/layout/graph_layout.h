#pragma once
// The layered layout of a network, computed by Graphviz's dot (libgvc): node positions, the route
// of every edge around the nodes, and a place for every edge's shape label. No Qt: the studio
// (off its GUI thread) and `netloom-cli layout` call the same function.
//
// Coordinates are the studio's scene units with y pointing down; a node's position is its top-left
// corner, as in the project file.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "graph/graph_analysis.h"
#include "project/project.h"
#include "project/setting_enums.h"

namespace netloom {

struct LayoutPoint {
    double x = 0;
    double y = 0;
};

struct LayoutRect {
    double x = 0, y = 0, width = 0, height = 0;
    double right() const { return x + width; }
    double bottom() const { return y + height; }
    // Strictly overlapping interiors (touching edges do not count).
    bool overlaps(const LayoutRect& o) const {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
    bool contains(LayoutPoint p) const { return p.x > x && p.x < right() && p.y > y && p.y < bottom(); }
};

// The size of a layer on the canvas (the studio draws nodes this size).
constexpr double kLayoutNodeWidth = 170;
constexpr double kLayoutNodeHeight = 64;

enum class EdgeRouting {
    Splines,     // dot's splines: smooth curves around the nodes; ports and labels honoured
    Orthogonal,  // horizontal and vertical segments; dot ignores ports and places no labels
};

struct LayoutNode {
    NodeId id = 0;
    double width = kLayoutNodeWidth;
    double height = kLayoutNodeHeight;
    int inputPorts = 1;  // spread evenly along the input side (top in TB, left in LR)
};

struct LayoutEdge {
    EdgeId id = 0;
    NodeId from = 0;
    NodeId to = 0;
    int port = 0;
    double labelWidth = 0;  // 0: no label
    double labelHeight = 0;
};

struct LayoutRequest {
    LayoutDirection direction = LayoutDirection::TopToBottom;
    EdgeRouting routing = EdgeRouting::Splines;
    double nodeSpacing = 36;  // between neighbours in a rank
    double rankSpacing = 36;  // between ranks (dot adds room for labels)
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
};

struct EdgeRoute {
    // A cubic Bézier chain: p0, c1, c2, p1, c1, c2, p2, ... (3k + 1 points); from the source's
    // output port to the target's input port.
    std::vector<LayoutPoint> points;
    std::optional<LayoutRect> label;  // where the shape label goes (the request's size)
};

struct GraphLayout {
    std::string error;                        // empty on success
    std::map<NodeId, LayoutPoint> positions;  // top-left corners
    std::map<EdgeId, EdgeRoute> routes;
    LayoutRect bounds;                        // everything, labels included
    double seconds = 0;                       // time spent in Graphviz
    bool ok() const { return error.empty(); }
};

// Lays out the request. Safe to call from any thread (Graphviz itself is not thread-safe, so calls
// are serialised). Never throws; a failure is reported in `error`.
GraphLayout computeLayout(const LayoutRequest& request);

// The shape label's box for a text such as "32×28×28" (the studio draws the text inside it).
LayoutPoint shapeLabelSize(const std::string& text);

// The request for a project's graph as the studio draws it: nodes of the standard size, each edge
// labelled with the shape its source produces (from `analysis`; "?" when unknown).
LayoutRequest layoutRequestFor(const Graph& graph, const GraphAnalysis& analysis, LayoutDirection direction);

// The request with every collapsed group drawn as one node: the group takes its first member's id
// and one input port per edge entering it (in the request's edge order); edges inside the group are
// left out and edges crossing its border attach to the group. Expanded groups are left as they are.
LayoutRequest collapseGroups(const LayoutRequest& request, const std::vector<NodeGroup>& groups);

// After laying out collapseGroups' request: the members of a collapsed group move together so
// that the top-left corner of their box (their positions in `graph`) lands where the layout put
// the group; expanding it later shows its layers, arranged as they were, where the block was.
void placeCollapsedMembers(GraphLayout& layout, const std::vector<NodeGroup>& groups, const Graph& graph);

// The top-left corner of the box around a group's members (their positions in `graph`): where the
// studio draws the group collapsed. Nullopt when none of its members is in the graph.
std::optional<LayoutPoint> groupCorner(const Graph& graph, const NodeGroup& group);

// The edges that enter a group from outside, in edge-id order (the order collapseGroups gives the
// group's input ports: the k-th edge enters at port k), and the edges that leave it.
std::vector<EdgeId> edgesIntoGroup(const Graph& graph, const NodeGroup& group);
std::vector<EdgeId> edgesOutOfGroup(const Graph& graph, const NodeGroup& group);

// Where ports sit relative to a node's top-left corner: inputs spread along the top edge (TB) or
// the left edge (LR), the output in the middle of the opposite edge.
LayoutPoint inputPortOffset(LayoutDirection direction, int port, int portCount, double width = kLayoutNodeWidth,
                            double height = kLayoutNodeHeight);
LayoutPoint outputPortOffset(LayoutDirection direction, double width = kLayoutNodeWidth,
                             double height = kLayoutNodeHeight);

// Points along a Bézier chain (`steps` per cubic segment), for hit tests and checks.
std::vector<LayoutPoint> sampleRoute(const std::vector<LayoutPoint>& bezier, int steps = 16);

// Moves the graph's nodes to the layout's positions (nodes the layout does not know stay put).
void applyLayout(Graph& graph, const GraphLayout& layout);

}  // namespace netloom
