// The layered layout (core/layout/graph_layout.h) on every example project and on generated
// networks with skips: every edge points in the layout's direction, no two layers overlap, no edge
// route crosses a layer that is not its end, labels sit clear of layers and of each other.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <random>
#include <sstream>

#include "graph/connection_rules.h"
#include "graph/graph_analysis.h"
#include "layout/graph_layout.h"
#include "project/project.h"
#include "test_graphs.h"

namespace netloom {
namespace {

using testing::add;

// Every property the issue asks for, as sentences naming what is wrong (empty: all hold).
std::vector<std::string> layoutProblems(const LayoutRequest& request, const GraphLayout& layout) {
    std::vector<std::string> problems;
    auto say = [&](std::ostringstream& s) { problems.push_back(s.str()); };
    std::map<NodeId, LayoutRect> rects;
    std::map<NodeId, const LayoutNode*> nodes;
    for (const LayoutNode& n : request.nodes) {
        auto it = layout.positions.find(n.id);
        if (it == layout.positions.end()) {
            std::ostringstream s;
            s << "node " << n.id << " has no position";
            say(s);
            continue;
        }
        if (!std::isfinite(it->second.x) || !std::isfinite(it->second.y)) {
            std::ostringstream s;
            s << "node " << n.id << " at a non-finite position";
            say(s);
        }
        rects[n.id] = {it->second.x, it->second.y, n.width, n.height};
        nodes[n.id] = &n;
    }
    // No two layers overlap (a sweep over x keeps 1,000 nodes cheap).
    std::vector<std::pair<NodeId, LayoutRect>> byX(rects.begin(), rects.end());
    std::sort(byX.begin(), byX.end(), [](const auto& a, const auto& b) { return a.second.x < b.second.x; });
    for (size_t i = 0; i < byX.size(); ++i)
        for (size_t j = i + 1; j < byX.size() && byX[j].second.x < byX[i].second.right(); ++j)
            if (byX[i].second.overlaps(byX[j].second)) {
                std::ostringstream s;
                s << "nodes " << byX[i].first << " and " << byX[j].first << " overlap";
                say(s);
            }
    const bool lr = request.direction == LayoutDirection::LeftToRight;
    std::vector<LayoutRect> labels;
    for (const LayoutEdge& e : request.edges) {
        auto route = layout.routes.find(e.id);
        if (route == layout.routes.end() || route->second.points.size() < 4 || (route->second.points.size() - 1) % 3) {
            std::ostringstream s;
            s << "edge " << e.id << " has no Bezier route";
            say(s);
            continue;
        }
        const LayoutRect &a = rects[e.from], &b = rects[e.to];
        // The edge points in the layout's direction: the target's input side lies beyond the source.
        if ((lr ? b.x < a.right() : b.y < a.bottom())) {
            std::ostringstream s;
            s << "edge " << e.id << " (" << e.from << " -> " << e.to << ") runs against the direction";
            say(s);
        }
        // It starts at the source's output port and ends at the target's input port.
        LayoutPoint out = outputPortOffset(request.direction, nodes[e.from]->width, nodes[e.from]->height);
        LayoutPoint in = inputPortOffset(request.direction, e.port, nodes[e.to]->inputPorts, nodes[e.to]->width,
                                         nodes[e.to]->height);
        const auto& pts = route->second.points;
        if (std::hypot(pts.front().x - (a.x + out.x), pts.front().y - (a.y + out.y)) > 0.01 ||
            std::hypot(pts.back().x - (b.x + in.x), pts.back().y - (b.y + in.y)) > 0.01) {
            std::ostringstream s;
            s << "edge " << e.id << " does not start and end at its ports";
            say(s);
        }
        // No point of the route lies inside a layer (its own ends included, shrunk by a pixel: the
        // route touches their borders at the ports).
        for (const LayoutPoint& p : sampleRoute(pts, 24))
            for (const auto& [id, r] : rects) {
                LayoutRect inner{r.x + 1, r.y + 1, r.width - 2, r.height - 2};
                if (inner.contains(p)) {
                    std::ostringstream s;
                    s << "edge " << e.id << " (" << e.from << " -> " << e.to << ") crosses node " << id << " at ("
                      << p.x << ", " << p.y << ")";
                    say(s);
                    goto nextEdge;
                }
            }
        if (e.labelWidth > 0) {
            if (!route->second.label) {
                std::ostringstream s;
                s << "edge " << e.id << " has no label place";
                say(s);
            } else {
                for (const auto& [id, r] : rects)
                    if (route->second.label->overlaps(r)) {
                        std::ostringstream s;
                        s << "label of edge " << e.id << " overlaps node " << id;
                        say(s);
                    }
                for (const LayoutRect& other : labels)
                    if (route->second.label->overlaps(other)) {
                        std::ostringstream s;
                        s << "label of edge " << e.id << " overlaps another label";
                        say(s);
                    }
                labels.push_back(*route->second.label);
            }
        }
    nextEdge:;
    }
    return problems;
}

std::string joined(const std::vector<std::string>& problems) {
    std::string text;
    for (size_t i = 0; i < problems.size() && i < 12; ++i) text += problems[i] + "\n";
    if (problems.size() > 12) text += "... " + std::to_string(problems.size() - 12) + " more\n";
    return text;
}

GraphLayout layOut(const Graph& g, LayoutDirection direction, LayoutRequest* requestOut = nullptr) {
    LayoutRequest request = layoutRequestFor(g, analyzeGraph(g), direction);
    GraphLayout layout = computeLayout(request);
    if (requestOut) *requestOut = request;
    return layout;
}

void expectGoodLayout(const Graph& g, LayoutDirection direction) {
    LayoutRequest request;
    GraphLayout layout = layOut(g, direction, &request);
    ASSERT_TRUE(layout.ok()) << layout.error;
    EXPECT_EQ(layout.positions.size(), g.nodes().size());
    EXPECT_EQ(layout.routes.size(), g.edges().size());
    std::vector<std::string> problems = layoutProblems(request, layout);
    EXPECT_TRUE(problems.empty()) << problems.size() << " problems (" << nameOf(direction) << "):\n" << joined(problems);
}

// Generated networks ---------------------------------------------------------------------------

// Input → stem → `blocks` residual blocks (conv, relu, conv, add with the block's input) → Output.
// With `longSkips`, every third block also adds the stem's output (skips over many layers).
Graph residualNetwork(int blocks, bool longSkips) {
    Graph g;
    NodeId in = add(g, "Input", {{"channels", int64_t{8}}, {"height", int64_t{16}}, {"width", int64_t{16}}});
    NodeId stem = add(g, "Conv2d", {{"filters", int64_t{8}}, {"padding", int64_t{1}}});
    g.connect(in, stem, 0);
    NodeId prev = stem;
    for (int b = 0; b < blocks; ++b) {
        NodeId c1 = add(g, "Conv2d", {{"filters", int64_t{8}}, {"padding", int64_t{1}}});
        NodeId r = add(g, "ReLU");
        NodeId c2 = add(g, "Conv2d", {{"filters", int64_t{8}}, {"padding", int64_t{1}}});
        NodeId sum = add(g, "Add");
        g.connect(prev, c1, 0);
        g.connect(c1, r, 0);
        g.connect(r, c2, 0);
        g.connect(c2, sum, 0);
        g.connect(prev, sum, 1);
        if (longSkips && b % 3 == 2) g.connect(stem, sum, 2);
        prev = sum;
    }
    NodeId outNode = add(g, "Output");
    g.connect(prev, outNode, 0);
    return g;
}

// Inception-like modules: a fan-out into branches of 1 to `branches` layers, joined by Concat.
Graph inceptionNetwork(int modules, int branches) {
    Graph g;
    NodeId prev = add(g, "Input", {{"channels", int64_t{4}}, {"height", int64_t{12}}, {"width", int64_t{12}}});
    for (int m = 0; m < modules; ++m) {
        NodeId cat = add(g, "Concat");
        for (int b = 0; b < branches; ++b) {
            NodeId last = prev;
            for (int k = 0; k <= b; ++k) {
                NodeId conv = add(g, "Conv2d", {{"filters", int64_t{4 + b}}, {"padding", int64_t{1}}});
                g.connect(last, conv, 0);
                last = conv;
            }
            g.connect(last, cat, b);
        }
        prev = cat;
    }
    NodeId outNode = add(g, "Output");
    g.connect(prev, outNode, 0);
    return g;
}

// A messy DAG: each layer feeds one to three later ones chosen at random (fixed seed), merged by
// Add nodes; some layers are left unconnected, some chains are long.
Graph randomNetwork(int size, unsigned seed) {
    std::mt19937 rng(seed);
    Graph g;
    std::vector<NodeId> ids;
    for (int i = 0; i < size; ++i) ids.push_back(add(g, i == 0 ? "Input" : (i % 4 == 0 ? "Add" : "ReLU")));
    std::map<NodeId, int> nextPort;
    for (int i = 0; i + 1 < size; ++i) {
        int fanOut = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < fanOut; ++k) {
            int j = i + 1 + static_cast<int>(rng() % std::min(12, size - i - 1));
            NodeId to = ids[j];
            bool variadic = j % 4 == 0;
            if (!variadic && nextPort[to] > 0) continue;  // one input for everything but Add
            if (rng() % 10 == 0) continue;                // leave a few layers unconnected
            g.connect(ids[i], to, nextPort[to]++);
        }
    }
    return g;
}

// Tests -------------------------------------------------------------------------------------------

class ExampleLayout : public ::testing::TestWithParam<std::string> {};

TEST_P(ExampleLayout, EveryPropertyHoldsTopToBottomAndLeftToRight) {
    ProjectLoad load = loadProject(testing::projectPath(GetParam()));
    ASSERT_TRUE(load.ok()) << load.error;
    expectGoodLayout(load.project->graph, LayoutDirection::TopToBottom);
    expectGoodLayout(load.project->graph, LayoutDirection::LeftToRight);
}

// The committed examples are laid out by this engine, top to bottom: opening one in the studio
// shows exactly what Ctrl+L would (and the studio can take the routes as they are).
TEST_P(ExampleLayout, CommittedPositionsAreTheEnginesTopToBottomLayout) {
    ProjectLoad load = loadProject(testing::projectPath(GetParam()));
    ASSERT_TRUE(load.ok()) << load.error;
    const Project& p = *load.project;
    EXPECT_EQ(p.editor.direction, LayoutDirection::TopToBottom);
    GraphLayout layout = layOut(p.graph, p.editor.direction);
    ASSERT_TRUE(layout.ok()) << layout.error;
    for (const auto& [id, n] : p.graph.nodes()) {
        EXPECT_EQ(n.position.x, layout.positions[id].x) << n.name;
        EXPECT_EQ(n.position.y, layout.positions[id].y) << n.name;
    }
}

std::vector<std::string> exampleProjects() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(NETLOOM_SOURCE_DIR) + "/projects"))
        if (entry.path().extension() == ".netloom") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleLayout, ::testing::ValuesIn(exampleProjects()),
                         [](const auto& info) { return testing::exampleTestName(info.param); });

TEST(Layout, ResidualChainWithSkips) {
    Graph g = residualNetwork(8, false);
    expectGoodLayout(g, LayoutDirection::TopToBottom);
    expectGoodLayout(g, LayoutDirection::LeftToRight);
}

TEST(Layout, ResidualChainWithLongSkipsAroundManyLayers) {
    Graph g = residualNetwork(12, true);
    expectGoodLayout(g, LayoutDirection::TopToBottom);
    expectGoodLayout(g, LayoutDirection::LeftToRight);
}

TEST(Layout, InceptionLikeConcatFanOuts) {
    Graph g = inceptionNetwork(4, 4);
    expectGoodLayout(g, LayoutDirection::TopToBottom);
    expectGoodLayout(g, LayoutDirection::LeftToRight);
}

TEST(Layout, MessyRandomNetworks) {
    for (unsigned seed : {1u, 2u, 3u}) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        expectGoodLayout(randomNetwork(120, seed), LayoutDirection::TopToBottom);
    }
}

TEST(Layout, ThousandLayerResidualNetwork) {
    Graph g = residualNetwork(250, false);  // 1,003 layers
    ASSERT_GT(g.nodes().size(), 1000u);
    expectGoodLayout(g, LayoutDirection::TopToBottom);
}

// A skip's route goes around the layers it skips, not straight through them: the residual
// structure stays visible. (Without routing, the straight line from the block's input to its Add
// runs through conv, relu and conv.)
TEST(Layout, SkipConnectionsBendAroundTheBlock) {
    Graph g = residualNetwork(1, false);
    LayoutRequest request;
    GraphLayout layout = layOut(g, LayoutDirection::TopToBottom, &request);
    ASSERT_TRUE(layout.ok()) << layout.error;
    const Node* sum = nullptr;
    for (const auto& [id, n] : g.nodes())
        if (n.type == "Add") sum = &n;
    ASSERT_NE(sum, nullptr);
    const Edge* skip = nullptr;
    for (const Edge& e : g.inputsOf(sum->id))
        if (e.port == 1) skip = g.edge(e.id);
    ASSERT_NE(skip, nullptr);
    const auto& pts = layout.routes[skip->id].points;
    const LayoutPoint a = pts.front(), b = pts.back();
    // The three layers of the block lie between the skip's ends, rank by rank...
    int between = 0;
    for (const auto& [id, n] : g.nodes()) {
        if (n.type != "Conv2d" && n.type != "ReLU") continue;
        if (id == skip->from) continue;
        const LayoutPoint p = layout.positions[id];
        EXPECT_GT(p.y, a.y) << n.name;
        EXPECT_LT(p.y + kLayoutNodeHeight, b.y) << n.name;
        ++between;
        // ...and the skip passes beside each of them.
        const LayoutRect r{p.x, p.y, kLayoutNodeWidth, kLayoutNodeHeight};
        for (const LayoutPoint& q : sampleRoute(pts, 32)) EXPECT_FALSE(r.contains(q)) << n.name;
    }
    EXPECT_EQ(between, 3);
    EXPECT_TRUE(layoutProblems(request, layout).empty()) << joined(layoutProblems(request, layout));
}

TEST(Layout, AddPortsAreOrderedAlongTheTopEdge) {
    Graph g = residualNetwork(2, false);
    GraphLayout layout = layOut(g, LayoutDirection::TopToBottom);
    ASSERT_TRUE(layout.ok());
    for (const auto& [id, n] : g.nodes()) {
        if (n.type != "Add") continue;
        auto inputs = g.inputsOf(id);
        ASSERT_EQ(inputs.size(), 2u);
        // Port 0 ends left of port 1, both on the node's top edge.
        LayoutPoint p0 = layout.routes[inputs[0].id].points.back(), p1 = layout.routes[inputs[1].id].points.back();
        EXPECT_LT(p0.x, p1.x);
        EXPECT_DOUBLE_EQ(p0.y, layout.positions[id].y);
        EXPECT_DOUBLE_EQ(p1.y, layout.positions[id].y);
        EXPECT_EQ(inputPortCount(g, id), 3);  // two connected and a free one
    }
}

TEST(Layout, LeftToRightPutsPortsOnTheSides) {
    Graph g = residualNetwork(1, false);
    GraphLayout layout = layOut(g, LayoutDirection::LeftToRight);
    ASSERT_TRUE(layout.ok());
    for (const auto& [id, e] : g.edges()) {
        const auto& pts = layout.routes[id].points;
        EXPECT_DOUBLE_EQ(pts.front().x, layout.positions[e.from].x + kLayoutNodeWidth) << "output on the right edge";
        EXPECT_DOUBLE_EQ(pts.back().x, layout.positions[e.to].x) << "input on the left edge";
    }
}

TEST(Layout, LabelsKeepTheRequestedSize) {
    Graph g = residualNetwork(1, false);
    LayoutRequest request;
    GraphLayout layout = layOut(g, LayoutDirection::TopToBottom, &request);
    ASSERT_TRUE(layout.ok());
    for (const LayoutEdge& e : request.edges) {
        ASSERT_TRUE(layout.routes[e.id].label.has_value());
        EXPECT_DOUBLE_EQ(layout.routes[e.id].label->width, e.labelWidth);
        EXPECT_DOUBLE_EQ(layout.routes[e.id].label->height, e.labelHeight);
    }
    // "8×16×16" is 7 code points, whatever its UTF-8 length.
    EXPECT_DOUBLE_EQ(shapeLabelSize("8\xC3\x97" "16\xC3\x97" "16").x, shapeLabelSize("8x16x16").x);
}

// Orthogonal routing, the alternative the issue names, for comparison: dot ignores the ports with
// it and takes far longer on large graphs (16 s against 0.4 s for 1,000 layers), so the studio uses
// splines. It still gives every edge a route and a label.
TEST(Layout, OrthogonalRoutingGivesRoutesToo) {
    Graph g = residualNetwork(3, false);
    LayoutRequest request = layoutRequestFor(g, analyzeGraph(g), LayoutDirection::TopToBottom);
    request.routing = EdgeRouting::Orthogonal;
    GraphLayout layout = computeLayout(request);
    ASSERT_TRUE(layout.ok()) << layout.error;
    EXPECT_EQ(layout.routes.size(), g.edges().size());
    for (const auto& [id, route] : layout.routes) {
        EXPECT_GE(route.points.size(), 4u);
        EXPECT_TRUE(route.label.has_value());
    }
}

TEST(Layout, DegenerateInputs) {
    EXPECT_TRUE(computeLayout({}).ok());
    EXPECT_TRUE(computeLayout({}).positions.empty());
    // An edge naming a node the request does not have is left out; a lone layer gets a place.
    LayoutRequest request;
    request.nodes.push_back({7, 100, 40, 0});
    request.edges.push_back({1, 7, 99, 0, 0, 0});
    GraphLayout layout = computeLayout(request);
    ASSERT_TRUE(layout.ok()) << layout.error;
    EXPECT_EQ(layout.positions.size(), 1u);
    EXPECT_TRUE(layout.routes.empty());
    // A cycle (a broken network the user is still editing) is laid out without a crash.
    Graph g;
    NodeId a = add(g, "ReLU"), b = add(g, "ReLU");
    g.connect(a, b, 0);
    g.connect(b, a, 0);
    GraphLayout cyclic = layOut(g, LayoutDirection::TopToBottom);
    EXPECT_TRUE(cyclic.ok()) << cyclic.error;
    EXPECT_EQ(cyclic.routes.size(), 2u);
}

TEST(Layout, DirectionIsKeptInTheProjectFile) {
    Project p;
    p.editor.direction = LayoutDirection::LeftToRight;
    std::string text = serializeProject(p);
    EXPECT_NE(text.find("\"direction\": \"LR\""), std::string::npos) << text;
    ProjectLoad back = parseProject(text);
    ASSERT_TRUE(back.ok()) << back.error;
    EXPECT_EQ(back.project->editor.direction, LayoutDirection::LeftToRight);
    // TB is the default and is not written; a wrong value is refused with its place.
    EXPECT_EQ(serializeProject(Project{}).find("\"editor\""), std::string::npos);
    std::string bad = text;
    bad.replace(bad.find("\"LR\""), 4, "\"BT\"");
    ProjectLoad refused = parseProject(bad);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error.find("editor.direction"), std::string::npos) << refused.error;
}


// A collapsed group is laid out as one node: its outer edges attach to it, its inner edges are not
// routed, and every layout property still holds; its members take its place.
TEST(Layout, CollapsedGroupIsOneNode) {
    Graph g = residualNetwork(3, false);
    std::vector<NodeId> ids;
    for (const auto& [id, n] : g.nodes()) ids.push_back(id);
    // ids: Input, stem, then per block conv, relu, conv, add. Block 2 (ids[6..9]) collapsed.
    NodeGroup block{"residual block 2", {ids[6], ids[7], ids[8], ids[9]}, true};
    NodeGroup open{"stem", {ids[0], ids[1]}, false};
    for (LayoutDirection direction : {LayoutDirection::TopToBottom, LayoutDirection::LeftToRight}) {
        LayoutRequest full = layoutRequestFor(g, analyzeGraph(g), direction);
        applyLayout(g, computeLayout(full));  // the layers laid out flat first, each in its own place
        LayoutRequest request = collapseGroups(full, {open, block});
        EXPECT_EQ(request.nodes.size(), full.nodes.size() - 3);
        // Inside: conv-relu, relu-conv, conv-add; entering: into conv and into the add (the skip).
        EXPECT_EQ(request.edges.size(), full.edges.size() - 3);
        auto groupNode = std::find_if(request.nodes.begin(), request.nodes.end(),
                                      [&](const LayoutNode& n) { return n.id == ids[6]; });
        ASSERT_NE(groupNode, request.nodes.end());
        EXPECT_EQ(groupNode->inputPorts, 2);
        int entering = 0, leaving = 0;
        for (const LayoutEdge& e : request.edges) {
            EXPECT_NE(e.from, ids[9]) << "edges leave from the group's node, not a hidden member";
            entering += e.to == ids[6];
            leaving += e.from == ids[6];
        }
        EXPECT_EQ(entering, 2);
        EXPECT_EQ(leaving, 2) << "to the next block's conv and to its add";
        GraphLayout layout = computeLayout(request);
        ASSERT_TRUE(layout.ok()) << layout.error;
        EXPECT_EQ(layout.positions.size(), request.nodes.size());
        EXPECT_EQ(layout.routes.size(), request.edges.size());
        std::vector<std::string> problems = layoutProblems(request, layout);
        EXPECT_TRUE(problems.empty()) << joined(problems);
        // The studio numbers a collapsed group's input ports the same way.
        const std::vector<EdgeId> into = edgesIntoGroup(g, block);
        ASSERT_EQ(into.size(), 2u);
        for (const LayoutEdge& e : request.edges)
            if (e.to == ids[6]) EXPECT_EQ(into.at(static_cast<size_t>(e.port)), e.id);
        EXPECT_EQ(edgesOutOfGroup(g, block).size(), 2u);
        const LayoutPoint at = layout.positions.at(ids[6]);
        const LayoutPoint corner = *groupCorner(g, block);
        placeCollapsedMembers(layout, {open, block}, g);
        EXPECT_EQ(layout.positions.size(), g.nodes().size());
        // The members keep their arrangement; the corner of their box is where the group was put.
        for (NodeId m : block.members) {
            EXPECT_DOUBLE_EQ(layout.positions.at(m).x - at.x, g.node(m)->position.x - corner.x);
            EXPECT_DOUBLE_EQ(layout.positions.at(m).y - at.y, g.node(m)->position.y - corner.y);
        }
        EXPECT_NE(layout.positions.at(ids[6]).y + layout.positions.at(ids[6]).x,
                  layout.positions.at(ids[9]).y + layout.positions.at(ids[9]).x)
            << "a collapsed group's layers are not stacked on one spot";
        EXPECT_NE(layout.positions.at(ids[0]).y + layout.positions.at(ids[0]).x,
                  layout.positions.at(ids[1]).y + layout.positions.at(ids[1]).x)
            << "an expanded group's layers keep their own places";
    }
    // Nothing collapsed: the request is unchanged.
    LayoutRequest full = layoutRequestFor(g, analyzeGraph(g), LayoutDirection::TopToBottom);
    block.collapsed = false;
    LayoutRequest same = collapseGroups(full, {open, block});
    EXPECT_EQ(same.nodes.size(), full.nodes.size());
    EXPECT_EQ(same.edges.size(), full.edges.size());
}

}  // namespace
}  // namespace netloom
