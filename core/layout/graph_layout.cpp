// The layered layout through Graphviz's C API (libgvc, libcgraph). Ports: a node is a record whose
// fields are its input ports, so dot routes each edge to its own port and orders a node's inputs as
// the ports are ordered. Labels are placed afterwards beside their own route, clear of every layer,
// every other label and, where there is room, every other edge (dot's own edge labels would do it too,
// but they double the ranks and triple the time of a 1,000-layer layout).
#include "layout/graph_layout.h"

#include <graphviz/gvc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <set>
#include <utility>

#include "graph/connection_rules.h"

// dot's layout engine, linked in rather than found through Graphviz's plugin configuration: no
// config file, no text-layout plugin (pango) is loaded, and nothing is looked up at run time.
extern "C" {
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
}

namespace netloom {

namespace {

constexpr double kPointsPerInch = 72.0;

lt_symlist_t kBuiltinPlugins[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {nullptr, nullptr},
};

// Graphviz keeps global state (its error handler, its string pool): one layout at a time.
std::mutex& graphvizMutex() {
    static std::mutex m;
    return m;
}

std::string& graphvizErrors() {
    static std::string text;
    return text;
}

int collectGraphvizError(char* message) {
    if (graphvizErrors().size() < 4096) graphvizErrors() += message ? message : "";
    return 0;
}

// cgraph's API takes char*; it copies what it keeps.
char* c(const char* s) { return const_cast<char*>(s); }

std::string inches(double points) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", points / kPointsPerInch);
    return buf;
}

// Rectangles and route points in buckets of a grid, for the label placement's overlap tests.
class ObstacleGrid {
public:
    explicit ObstacleGrid(double cell) : cell_(cell) {}
    void add(const LayoutRect& r, int owner) {
        rects_.push_back({r, owner});
        forCells(r, [&](long long key) { cells_[key].push_back(rects_.size() - 1); });
    }
    // Whether `r` overlaps an obstacle that does not belong to `owner` (kAnyOwner: every obstacle counts).
    static constexpr int kAnyOwner = -2;
    bool hits(const LayoutRect& r, int owner) const {
        bool hit = false;
        forCells(r, [&](long long key) {
            if (hit) return;
            auto it = cells_.find(key);
            if (it == cells_.end()) return;
            for (size_t i : it->second)
                if (rects_[i].second != owner && rects_[i].first.overlaps(r)) {
                    hit = true;
                    return;
                }
        });
        return hit;
    }

private:
    template <typename F>
    void forCells(const LayoutRect& r, F f) const {
        const long long x0 = static_cast<long long>(std::floor(r.x / cell_)), x1 = static_cast<long long>(std::floor(r.right() / cell_));
        const long long y0 = static_cast<long long>(std::floor(r.y / cell_)), y1 = static_cast<long long>(std::floor(r.bottom() / cell_));
        for (long long x = x0; x <= x1; ++x)
            for (long long y = y0; y <= y1; ++y) f(x * 1000003LL + y);
    }
    double cell_;
    std::vector<std::pair<LayoutRect, int>> rects_;
    std::map<long long, std::vector<size_t>> cells_;
};

// Puts each edge's label beside a point of its own route: the points nearest the middle first, on
// either side (right/left in TB, below/above in LR), the first place clear of layers and labels
// (and other edges' lines if possible).
void placeLabels(const LayoutRequest& request, GraphLayout& layout) {
    const bool lr = request.direction == LayoutDirection::LeftToRight;
    ObstacleGrid solid(120), lines(120);
    for (const LayoutNode& n : request.nodes) {
        const LayoutPoint p = layout.positions[n.id];
        solid.add({p.x - 2, p.y - 2, n.width + 4, n.height + 4}, -1);
    }
    std::map<EdgeId, std::vector<LayoutPoint>> samples;
    for (const LayoutEdge& e : request.edges) {
        auto it = layout.routes.find(e.id);
        if (it == layout.routes.end()) continue;
        samples[e.id] = sampleRoute(it->second.points, 8);
        for (const LayoutPoint& q : samples[e.id]) lines.add({q.x - 1, q.y - 1, 2, 2}, e.id);
    }
    for (const LayoutEdge& e : request.edges) {
        if (e.labelWidth <= 0 || e.labelHeight <= 0 || !samples.count(e.id)) continue;
        const std::vector<LayoutPoint>& pts = samples[e.id];
        std::vector<size_t> order(pts.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        const double mid = (pts.size() - 1) / 2.0;
        std::stable_sort(order.begin(), order.end(),
                         [&](size_t a, size_t b) { return std::abs(a - mid) < std::abs(b - mid); });
        std::optional<LayoutRect> chosen;
        for (int pass = 0; pass < 2 && !chosen; ++pass) {
            for (size_t i : order) {
                const LayoutPoint q = pts[i];
                const double w = e.labelWidth, h = e.labelHeight, gap = 4;
                const LayoutRect candidates[2] = {
                    lr ? LayoutRect{q.x - w / 2, q.y + gap, w, h} : LayoutRect{q.x + gap, q.y - h / 2, w, h},
                    lr ? LayoutRect{q.x - w / 2, q.y - gap - h, w, h} : LayoutRect{q.x - gap - w, q.y - h / 2, w, h}};
                for (const LayoutRect& r : candidates)
                    if (!solid.hits(r, ObstacleGrid::kAnyOwner) && (pass == 1 || !lines.hits(r, e.id))) {
                        chosen = r;
                        break;
                    }
                if (chosen) break;
            }
        }
        if (!chosen) continue;  // no room anywhere along the edge: drawn without a label box
        solid.add(*chosen, -1);
        layout.routes[e.id].label = chosen;
    }
}

// Moves the end of a Bézier chain to `to`, dragging its neighbouring control point along so the
// curve keeps its tangent at the port.
void snapEnd(std::vector<LayoutPoint>& points, bool front, LayoutPoint to) {
    if (points.size() < 2) return;
    size_t end = front ? 0 : points.size() - 1;
    size_t control = front ? 1 : points.size() - 2;
    double dx = to.x - points[end].x, dy = to.y - points[end].y;
    points[end] = to;
    points[control].x += dx;
    points[control].y += dy;
}

struct GraphvizSession {
    GVC_t* gvc = nullptr;
    Agraph_t* graph = nullptr;
    bool laidOut = false;
    ~GraphvizSession() {
        if (gvc && graph && laidOut) gvFreeLayout(gvc, graph);
        if (graph) agclose(graph);
        if (gvc) gvFreeContext(gvc);
    }
};

}  // namespace

LayoutPoint shapeLabelSize(const std::string& text) {
    size_t codePoints = 0;
    for (unsigned char ch : text)
        if ((ch & 0xC0) != 0x80) ++codePoints;
    return {7.0 * static_cast<double>(codePoints) + 10.0, 16.0};
}

LayoutPoint inputPortOffset(LayoutDirection direction, int port, int portCount, double width, double height) {
    double share = (port + 0.5) / std::max(1, portCount);
    if (direction == LayoutDirection::LeftToRight) return {0, height * share};
    return {width * share, 0};
}

LayoutPoint outputPortOffset(LayoutDirection direction, double width, double height) {
    if (direction == LayoutDirection::LeftToRight) return {width, height / 2};
    return {width / 2, height};
}

LayoutRequest layoutRequestFor(const Graph& graph, const GraphAnalysis& analysis, LayoutDirection direction) {
    LayoutRequest request;
    request.direction = direction;
    for (const auto& [id, node] : graph.nodes()) {
        LayoutNode n;
        n.id = id;
        n.inputPorts = inputPortCount(graph, id);
        request.nodes.push_back(n);
    }
    for (const auto& [id, edge] : graph.edges()) {
        LayoutEdge e;
        e.id = id;
        e.from = edge.from;
        e.to = edge.to;
        e.port = edge.port;
        auto it = analysis.nodes.find(edge.from);
        std::string text = it != analysis.nodes.end() && it->second.output ? it->second.output->toString() : "?";
        LayoutPoint size = shapeLabelSize(text);
        e.labelWidth = size.x;
        e.labelHeight = size.y;
        request.edges.push_back(e);
    }
    return request;
}

LayoutRequest collapseGroups(const LayoutRequest& request, const std::vector<NodeGroup>& groups) {
    std::set<NodeId> present;
    for (const LayoutNode& n : request.nodes) present.insert(n.id);
    std::map<NodeId, NodeId> groupOf;  // member -> the group's node (its first member in the request)
    for (const NodeGroup& g : groups) {
        if (!g.collapsed) continue;
        auto first = std::find_if(g.members.begin(), g.members.end(), [&](NodeId m) { return present.count(m) > 0; });
        if (first == g.members.end()) continue;
        for (NodeId m : g.members)
            if (present.count(m)) groupOf.emplace(m, *first);
    }
    auto representative = [&](NodeId id) {
        auto it = groupOf.find(id);
        return it == groupOf.end() ? id : it->second;
    };
    LayoutRequest out = request;
    out.nodes.clear();
    out.edges.clear();
    std::map<NodeId, int> portsUsed;  // group node -> input ports handed out
    for (const LayoutEdge& e : request.edges) {
        LayoutEdge edge = e;
        edge.from = representative(e.from);
        edge.to = representative(e.to);
        if (edge.from == edge.to && (groupOf.count(e.from) || groupOf.count(e.to))) continue;  // inside a group
        if (groupOf.count(e.to)) edge.port = portsUsed[edge.to]++;
        out.edges.push_back(edge);
    }
    for (const LayoutNode& n : request.nodes) {
        NodeId rep = representative(n.id);
        if (rep != n.id) continue;  // a hidden member
        LayoutNode node = n;
        if (groupOf.count(n.id)) node.inputPorts = std::max(1, portsUsed[n.id]);
        out.nodes.push_back(node);
    }
    return out;
}

void placeCollapsedMembers(GraphLayout& layout, const std::vector<NodeGroup>& groups, const Graph& graph) {
    for (const NodeGroup& g : groups) {
        if (!g.collapsed) continue;
        auto first = std::find_if(g.members.begin(), g.members.end(),
                                  [&](NodeId m) { return layout.positions.count(m) > 0; });
        const std::optional<LayoutPoint> corner = groupCorner(graph, g);
        if (first == g.members.end() || !corner) continue;
        const LayoutPoint at = layout.positions[*first];
        for (NodeId m : g.members)
            if (const Node* n = graph.node(m)) layout.positions[m] = {at.x + n->position.x - corner->x, at.y + n->position.y - corner->y};
    }
}

std::optional<LayoutPoint> groupCorner(const Graph& graph, const NodeGroup& group) {
    std::optional<LayoutPoint> corner;
    for (NodeId m : group.members) {
        const Node* n = graph.node(m);
        if (!n) continue;
        if (!corner) corner = LayoutPoint{n->position.x, n->position.y};
        corner->x = std::min(corner->x, n->position.x);
        corner->y = std::min(corner->y, n->position.y);
    }
    return corner;
}

namespace {
std::vector<EdgeId> crossingEdges(const Graph& graph, const NodeGroup& group, bool entering) {
    const std::set<NodeId> inside(group.members.begin(), group.members.end());
    std::vector<EdgeId> out;
    for (const auto& [id, e] : graph.edges())  // a map: edge-id order, as layoutRequestFor
        if (inside.count(entering ? e.to : e.from) && !inside.count(entering ? e.from : e.to)) out.push_back(id);
    return out;
}
}  // namespace

std::vector<EdgeId> edgesIntoGroup(const Graph& graph, const NodeGroup& group) { return crossingEdges(graph, group, true); }
std::vector<EdgeId> edgesOutOfGroup(const Graph& graph, const NodeGroup& group) { return crossingEdges(graph, group, false); }

GraphLayout computeLayout(const LayoutRequest& request) {
    GraphLayout result;
    if (request.nodes.empty()) return result;
    std::lock_guard<std::mutex> lock(graphvizMutex());
    auto started = std::chrono::steady_clock::now();
    graphvizErrors().clear();
    agseterr(AGERR);  // warnings (ortho's "no labels") are not failures
    agusererrf previousHandler = agseterrf(collectGraphvizError);
    const bool lr = request.direction == LayoutDirection::LeftToRight;

    GraphvizSession gv;
    gv.gvc = gvContextPlugins(kBuiltinPlugins, 0);
    gv.graph = agopen(c("netloom"), Agdirected, nullptr);
    Agraph_t* g = gv.graph;
    agattr(g, AGRAPH, c("rankdir"), c(lr ? "LR" : "TB"));
    agattr(g, AGRAPH, c("splines"), c(request.routing == EdgeRouting::Orthogonal ? "ortho" : "spline"));
    agattr(g, AGRAPH, c("nodesep"), c(inches(request.nodeSpacing).c_str()));
    // Room between ranks for the labels placed beside the edges there: a label's height in TB, its
    // width in LR (with a margin on both sides).
    double rankSpacing = request.rankSpacing;
    for (const LayoutEdge& e : request.edges) rankSpacing = std::max(rankSpacing, (lr ? e.labelWidth : e.labelHeight) + 20);
    agattr(g, AGRAPH, c("ranksep"), c(inches(rankSpacing).c_str()));
    agattr(g, AGNODE, c("shape"), c("record"));
    agattr(g, AGNODE, c("fixedsize"), c("true"));
    agattr(g, AGNODE, c("width"), c("1"));
    agattr(g, AGNODE, c("height"), c("1"));
    agattr(g, AGNODE, c("label"), c(""));
    agattr(g, AGEDGE, c("arrowhead"), c("none"));
    agattr(g, AGEDGE, c("tailport"), c(lr ? "e" : "s"));
    agattr(g, AGEDGE, c("headport"), c(""));

    std::map<NodeId, Agnode_t*> nodes;
    std::map<NodeId, const LayoutNode*> specs;
    for (const LayoutNode& n : request.nodes) {
        std::string name = "n" + std::to_string(n.id);
        Agnode_t* node = agnode(g, c(name.c_str()), 1);
        agset(node, c("width"), c(inches(n.width).c_str()));
        agset(node, c("height"), c(inches(n.height).c_str()));
        if (n.inputPorts > 0) {
            std::string fields;
            for (int p = 0; p < n.inputPorts; ++p) fields += (p ? "|<p" : "<p") + std::to_string(p) + ">";
            agset(node, c("label"), c(fields.c_str()));
        } else {
            agset(node, c("shape"), c("box"));
        }
        nodes[n.id] = node;
        specs[n.id] = &n;
    }
    std::vector<std::pair<Agedge_t*, const LayoutEdge*>> edges;
    for (const LayoutEdge& e : request.edges) {
        auto from = nodes.find(e.from), to = nodes.find(e.to);
        if (from == nodes.end() || to == nodes.end()) continue;
        Agedge_t* edge = agedge(g, from->second, to->second, nullptr, 1);
        const LayoutNode* target = specs[e.to];
        if (request.routing == EdgeRouting::Splines && target->inputPorts > 0 && e.port < target->inputPorts) {
            std::string port = "p" + std::to_string(e.port) + (lr ? ":w" : ":n");
            agset(edge, c("headport"), c(port.c_str()));
        } else {
            agset(edge, c("headport"), c(lr ? "w" : "n"));
        }
        edges.emplace_back(edge, &e);
    }

    if (gvLayout(gv.gvc, g, "dot") != 0) {
        agseterrf(previousHandler);
        result.error = "Graphviz could not lay out the graph" +
                       (graphvizErrors().empty() ? std::string(".") : ": " + graphvizErrors());
        return result;
    }
    gv.laidOut = true;
    agseterrf(previousHandler);

    boxf bb = GD_bb(g);
    auto toScene = [&](pointf p) { return LayoutPoint{p.x - bb.LL.x, bb.UR.y - p.y}; };
    for (const LayoutNode& n : request.nodes) {
        LayoutPoint centre = toScene(ND_coord(nodes[n.id]));
        // Whole units, as the project file stores them; the routes are snapped to these ports below.
        result.positions[n.id] = {std::round(centre.x - n.width / 2), std::round(centre.y - n.height / 2)};
    }
    for (const auto& [edge, spec] : edges) {
        EdgeRoute route;
        if (const splines* spl = ED_spl(edge)) {
            for (int b = 0; b < spl->size; ++b) {
                const bezier& bz = spl->list[b];
                if (bz.sflag && route.points.empty()) {
                    LayoutPoint s = toScene(bz.sp), p0 = toScene(bz.list[0]);
                    route.points.insert(route.points.end(), {s, s, p0});
                }
                for (int k = 0; k < bz.size; ++k) {
                    if (k == 0 && !route.points.empty()) continue;  // joins the previous piece
                    route.points.push_back(toScene(bz.list[k]));
                }
                if (bz.eflag) {
                    LayoutPoint e = toScene(bz.ep), last = route.points.back();
                    route.points.insert(route.points.end(), {last, e, e});
                }
            }
        }
        const LayoutNode* from = specs[spec->from];
        const LayoutNode* to = specs[spec->to];
        LayoutPoint a = result.positions[spec->from], b = result.positions[spec->to];
        LayoutPoint out = outputPortOffset(request.direction, from->width, from->height);
        LayoutPoint in = inputPortOffset(request.direction, spec->port, to->inputPorts, to->width, to->height);
        if (route.points.size() >= 4) {
            snapEnd(route.points, true, {a.x + out.x, a.y + out.y});
            snapEnd(route.points, false, {b.x + in.x, b.y + in.y});
        }
        result.routes[spec->id] = std::move(route);
    }
    placeLabels(request, result);
    result.bounds = {0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y};
    for (const auto& [id, route] : result.routes)
        if (route.label) {
            const LayoutRect& r = *route.label;
            double right = std::max(result.bounds.right(), r.right()), bottom = std::max(result.bounds.bottom(), r.bottom());
            result.bounds.x = std::min(result.bounds.x, r.x);
            result.bounds.y = std::min(result.bounds.y, r.y);
            result.bounds.width = right - result.bounds.x;
            result.bounds.height = bottom - result.bounds.y;
        }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

std::vector<LayoutPoint> sampleRoute(const std::vector<LayoutPoint>& bezier, int steps) {
    std::vector<LayoutPoint> out;
    if (bezier.empty()) return out;
    out.push_back(bezier.front());
    for (size_t i = 0; i + 3 < bezier.size(); i += 3) {
        const LayoutPoint &p0 = bezier[i], &p1 = bezier[i + 1], &p2 = bezier[i + 2], &p3 = bezier[i + 3];
        for (int s = 1; s <= steps; ++s) {
            double t = static_cast<double>(s) / steps, u = 1 - t;
            double w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
            out.push_back({w0 * p0.x + w1 * p1.x + w2 * p2.x + w3 * p3.x, w0 * p0.y + w1 * p1.y + w2 * p2.y + w3 * p3.y});
        }
    }
    return out;
}

void applyLayout(Graph& graph, const GraphLayout& layout) {
    for (const auto& [id, p] : layout.positions)
        if (Node* n = graph.node(id)) n->position = {p.x, p.y};
}

}  // namespace netloom
