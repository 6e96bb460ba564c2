#include <gtest/gtest.h>

#include "graph/graph_analysis.h"
#include "graph/model_summary.h"
#include "project/project.h"
#include "test_graphs.h"

using namespace netloom;
using namespace netloom::testing;

namespace {

bool anyProblemContains(const GraphAnalysis& a, NodeId node, const std::string& text) {
    for (const Problem& p : a.problems)
        if (p.node == node && p.message.find(text) != std::string::npos) return true;
    return false;
}

std::string allProblems(const GraphAnalysis& a) {
    std::string s;
    for (const Problem& p : a.problems) s += "[" + std::to_string(p.node) + "] " + p.message + "\n";
    return s;
}

}  // namespace

TEST(Analysis, ReferenceCnnShapesAndParameters) {
    ProjectLoad load = loadProject(benchProjectPath("reference-cnn"));
    ASSERT_TRUE(load.ok()) << load.error;
    const Graph& g = load.project->graph;
    GraphAnalysis a = analyzeGraph(g);
    ASSERT_TRUE(a.ok()) << allProblems(a);
    auto shape = [&](const char* name) { return a.nodes.at(g.nodeByName(name)->id).output->dims; };
    auto params = [&](const char* name) { return a.nodes.at(g.nodeByName(name)->id).params; };
    EXPECT_EQ(shape("conv1"), (std::vector<int64_t>{32, 26, 26}));
    EXPECT_EQ(shape("pool1"), (std::vector<int64_t>{32, 13, 13}));
    EXPECT_EQ(shape("flatten"), (std::vector<int64_t>{5408}));
    EXPECT_EQ(shape("logits"), (std::vector<int64_t>{10}));
    EXPECT_EQ(params("conv1"), 320);
    EXPECT_EQ(params("logits"), 54090);
    EXPECT_EQ(a.totalParams, 54410);
    std::string summary = formatSummary(g, a, "cnn");
    EXPECT_NE(summary.find("Total params: 54,410"), std::string::npos) << summary;
    EXPECT_NE(summary.find("batch×32×13×13"), std::string::npos) << summary;
}

struct ExampleCase {
    const char* project;
    int64_t params;
    std::vector<int64_t> outputShape;
};

class Examples : public ::testing::TestWithParam<ExampleCase> {};

TEST_P(Examples, ValidateWithExpectedShapeAndParameterCount) {
    const ExampleCase& c = GetParam();
    ProjectLoad load = loadProject(projectPath(c.project));
    ASSERT_TRUE(load.ok()) << load.error;
    GraphAnalysis a = analyzeGraph(load.project->graph);
    ASSERT_TRUE(a.ok()) << allProblems(a);
    EXPECT_EQ(a.totalParams, c.params);
    ASSERT_EQ(a.outputNodes().size(), 1u);
    EXPECT_EQ(a.nodes.at(a.outputNodes()[0]).output->dims, c.outputShape);
}

INSTANTIATE_TEST_SUITE_P(
    Analysis, Examples,
    ::testing::Values(
        // 784·512+512 + 512·10+10
        ExampleCase{"fashion-mnist-mlp", 407050, {10}},
        // conv 9·32+32, conv 288·64+64, dense 3136·128+128, dense 128·10+10
        ExampleCase{"fashion-mnist-cnn", 320 + 18496 + 401536 + 1290, {10}},
        // stem 288+64, block1 2·(9216+64), widen 18432+128, block2 2·(36864+128), dense 650
        ExampleCase{"fashion-mnist-resnet", 288 + 64 + 2 * (9216 + 64) + 18432 + 128 + 2 * (36864 + 128) + 650, {10}},
        // embedding 8000·64, LSTM 4·64·(64+64+2), dense 64·4+4
        ExampleCase{"fortune-text-classifier", 512000 + 33280 + 260, {4}},
        // 30·16+16, 16·8+8, 8·16+16, 16·30+30
        ExampleCase{"breast-cancer-autoencoder", 496 + 136 + 144 + 510, {30}}),
    [](const ::testing::TestParamInfo<ExampleCase>& info) { return exampleTestName(info.param.project); });

TEST(Analysis, DenseAfterImageSaysAddFlatten) {
    Graph g;
    auto ids = chain(g, {add(g, "Input"), add(g, "Conv2d", {{"filters", int64_t{32}}}), add(g, "MaxPool2d"),
                         add(g, "Dense", {{"units", int64_t{10}}}), add(g, "Output")});
    GraphAnalysis a = analyzeGraph(g);
    EXPECT_TRUE(anyProblemContains(a, ids[3], "Dense expects a vector, got 32×13×13 — add Flatten")) << allProblems(a);
    EXPECT_EQ(a.problems.size(), 1u) << "downstream nodes must not repeat the error: " << allProblems(a);
}

TEST(Analysis, AddNamesTheDifferingDimension) {
    Graph g;
    NodeId in = add(g, "Input", {{"height", int64_t{14}}, {"width", int64_t{14}}});
    NodeId c32 = add(g, "Conv2d", {{"filters", int64_t{32}}, {"padding", int64_t{1}}});
    NodeId c64 = add(g, "Conv2d", {{"filters", int64_t{64}}, {"padding", int64_t{1}}});
    NodeId sum = add(g, "Add");
    NodeId out = add(g, "Output");
    g.connect(in, c32, 0);
    g.connect(in, c64, 0);
    g.connect(c32, sum, 0);
    g.connect(c64, sum, 1);
    g.connect(sum, out, 0);
    GraphAnalysis a = analyzeGraph(g);
    EXPECT_TRUE(anyProblemContains(a, sum, "Add: inputs 32×14×14 and 64×14×14 differ in channels")) << allProblems(a);
}

TEST(Analysis, ReportsEveryProblemAtOnce) {
    Graph g;
    NodeId in = add(g, "Input", {{"kind", std::string("vector")}, {"size", int64_t{8}}});
    NodeId dangling = add(g, "Dense");           // output feeds nothing
    NodeId unfed = add(g, "ReLU");               // no input
    NodeId out = add(g, "Output");
    g.connect(in, dangling, 0);
    g.connect(unfed, out, 0);
    GraphAnalysis a = analyzeGraph(g);
    EXPECT_TRUE(anyProblemContains(a, dangling, "feeds nothing")) << allProblems(a);
    EXPECT_TRUE(anyProblemContains(a, unfed, "has no input connected")) << allProblems(a);
}

TEST(Analysis, CycleIsReportedOnItsNodes) {
    ProjectLoad load = loadProject(std::string(NETLOOM_SOURCE_DIR) + "/tests/data/invalid/cycle.netloom");
    ASSERT_TRUE(load.ok()) << load.error;
    GraphAnalysis a = analyzeGraph(load.project->graph);
    for (NodeId id : {2, 3, 4}) EXPECT_TRUE(anyProblemContains(a, id, "part of a cycle")) << allProblems(a);
    EXPECT_FALSE(anyProblemContains(a, 1, "cycle"));
}

TEST(Analysis, EmbeddingRefusesFloats) {
    Graph g;
    chain(g, {add(g, "Input", {{"kind", std::string("vector")}}), add(g, "Embedding"), add(g, "Output")});
    GraphAnalysis a = analyzeGraph(g);
    EXPECT_TRUE(anyProblemContains(a, 2, "Embedding expects token ids, got float features 784")) << allProblems(a);
}

TEST(Analysis, KernelLargerThanInput) {
    Graph g;
    chain(g, {add(g, "Input", {{"height", int64_t{3}}, {"width", int64_t{3}}}), add(g, "Conv2d", {{"kernel", int64_t{5}}}),
              add(g, "Output")});
    GraphAnalysis a = analyzeGraph(g);
    EXPECT_TRUE(anyProblemContains(a, 2, "kernel 5×5 is larger than its input 3×3")) << allProblems(a);
}

TEST(Analysis, CeilModePoolingKeepsTheLastPartialWindow) {
    auto pooled = [](int64_t size, int64_t kernel, int64_t stride, int64_t padding, bool ceil) {
        Graph g;
        chain(g, {add(g, "Input", {{"channels", int64_t{2}}, {"height", size}, {"width", size}}),
                  add(g, "MaxPool2d", {{"kernel", kernel}, {"stride", stride}, {"padding", padding}, {"ceil_mode", ceil}}),
                  add(g, "Output")});
        GraphAnalysis a = analyzeGraph(g);
        EXPECT_TRUE(a.ok()) << allProblems(a);
        return a.ok() ? a.nodes.at(a.outputNodes()[0]).output->dims[1] : int64_t{-1};
    };
    EXPECT_EQ(pooled(7, 2, 2, 0, false), 3);
    EXPECT_EQ(pooled(7, 2, 2, 0, true), 4);
    // ceil((5 + 2 - 2) / 2) + 1 = 4, but a fourth window would start in the trailing padding: 3.
    EXPECT_EQ(pooled(5, 2, 2, 1, true), 3);
    EXPECT_EQ(pooled(8, 3, 2, 0, true), 4);
}

TEST(Analysis, SamePaddingKeepsTheSizeAndNeedsStrideOne) {
    Graph g;
    chain(g, {add(g, "Input", {{"height", int64_t{9}}, {"width", int64_t{8}}}),
              add(g, "Conv2d", {{"filters", int64_t{4}}, {"kernel", int64_t{4}}, {"same", true}}), add(g, "Output")});
    GraphAnalysis a = analyzeGraph(g);
    ASSERT_TRUE(a.ok()) << allProblems(a);
    EXPECT_EQ(a.nodes.at(a.outputNodes()[0]).output->dims, (std::vector<int64_t>{4, 9, 8}));

    Graph strided;
    chain(strided, {add(strided, "Input"), add(strided, "Conv2d", {{"stride", int64_t{2}}, {"same", true}}), add(strided, "Output")});
    EXPECT_TRUE(anyProblemContains(analyzeGraph(strided), 2, "'same' padding needs stride 1")) << allProblems(analyzeGraph(strided));
}

TEST(Analysis, LstmNeedsEmbeddingAfterTokens) {
    Graph g;
    chain(g, {add(g, "Input", {{"kind", std::string("tokens")}}), add(g, "LSTM"), add(g, "Output")});
    GraphAnalysis a = analyzeGraph(g);
    EXPECT_TRUE(anyProblemContains(a, 2, "add Embedding first")) << allProblems(a);
}

TEST(Analysis, MissingInputAndOutputAndUnknownType) {
    Graph g;
    Node n;
    n.type = "Mystery";
    g.addNode(n);
    GraphAnalysis a = analyzeGraph(g);
    EXPECT_TRUE(anyProblemContains(a, 0, "no Input")) << allProblems(a);
    EXPECT_TRUE(anyProblemContains(a, 0, "no Output")) << allProblems(a);
    EXPECT_TRUE(anyProblemContains(a, 1, "Unknown layer type \"Mystery\"")) << allProblems(a);
}

TEST(Analysis, ConcatJoinsChannelsAndReshapeChecksElements) {
    Graph g;
    NodeId in = add(g, "Input");
    NodeId a1 = add(g, "Conv2d", {{"filters", int64_t{8}}, {"padding", int64_t{1}}});
    NodeId b1 = add(g, "Conv2d", {{"filters", int64_t{4}}, {"padding", int64_t{1}}});
    NodeId cat = add(g, "Concat");
    NodeId bad = add(g, "Reshape", {{"shape", std::vector<int64_t>{5, 5}}});
    NodeId out = add(g, "Output");
    g.connect(in, a1, 0);
    g.connect(in, b1, 0);
    g.connect(a1, cat, 0);
    g.connect(b1, cat, 1);
    g.connect(cat, bad, 0);
    g.connect(bad, out, 0);
    GraphAnalysis a = analyzeGraph(g);
    ASSERT_TRUE(a.nodes.at(cat).output.has_value()) << allProblems(a);
    EXPECT_EQ(a.nodes.at(cat).output->dims, (std::vector<int64_t>{12, 28, 28}));
    EXPECT_TRUE(anyProblemContains(a, bad, "has 9408 elements")) << allProblems(a);
}

TEST(Analysis, BidirectionalGruSequenceShape) {
    Graph g;
    chain(g, {add(g, "Input", {{"kind", std::string("tokens")}, {"length", int64_t{20}}}),
              add(g, "Embedding", {{"dim", int64_t{16}}}),
              add(g, "GRU", {{"hidden", int64_t{8}}, {"bidirectional", true}, {"return_sequences", true}}),
              add(g, "Flatten"), add(g, "Dense", {{"units", int64_t{2}}}), add(g, "Output")});
    GraphAnalysis a = analyzeGraph(g);
    ASSERT_TRUE(a.ok()) << allProblems(a);
    EXPECT_EQ(a.nodes.at(3).output->dims, (std::vector<int64_t>{20, 16}));
    // GRU: 2 directions · 3 gates · 8 · (16 + 8 + 2)
    EXPECT_EQ(a.nodes.at(3).params, 2 * 3 * 8 * (16 + 8 + 2));
}
