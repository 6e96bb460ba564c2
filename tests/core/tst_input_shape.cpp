// The Input's shape follows the data ("shape_from": "data"): the resolution rules (preprocessing
// first, then what the loader read, then the node's own fields), and old files that mean what they
// meant (no "shape_from": the fields, whatever the data is).
#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

#include "graph/graph_analysis.h"
#include "project/project.h"
#include "project/project_checks.h"
#include "test_graphs.h"

using namespace netloom;
using namespace netloom::testing;

namespace {

// A project file as a user (or an old version) writes it: Input → Flatten → Dense → Output, with the
// Input's params, the dataset kind and the preprocessing given as JSON fragments.
Project projectWith(const std::string& inputParams, const std::string& datasetKind, const std::string& preprocess) {
    const std::string text = R"({"format": "netloom-project", "schema_version": 1, "name": "t",
      "graph": {"nodes": [
        {"id": 1, "type": "Input", "name": "in", "params": )" + inputParams + R"(},
        {"id": 2, "type": "Flatten", "name": "flat"},
        {"id": 3, "type": "Dense", "name": "logits", "params": {"units": 5}},
        {"id": 4, "type": "Output", "name": "out"}],
        "edges": [{"from": 1, "to": 2, "port": 0}, {"from": 2, "to": 3, "port": 0}, {"from": 3, "to": 4, "port": 0}]},
      "dataset": {"kind": ")" + datasetKind + R"(", "path": "somewhere"},
      "preprocess": )" + preprocess + R"(})";
    ProjectLoad load = parseProject(text);
    if (!load.ok()) throw std::runtime_error(load.error);
    return *load.project;
}

Project textProject(const std::string& inputParams, int64_t length) {
    const std::string text = R"({"format": "netloom-project", "schema_version": 1, "name": "t",
      "graph": {"nodes": [
        {"id": 1, "type": "Input", "name": "in", "params": )" + inputParams + R"(},
        {"id": 2, "type": "Embedding", "name": "emb", "params": {"vocab_size": 500, "dim": 8}},
        {"id": 3, "type": "LSTM", "name": "lstm", "params": {"hidden": 8}},
        {"id": 4, "type": "Dense", "name": "logits", "params": {"units": 3}},
        {"id": 5, "type": "Output", "name": "out"}],
        "edges": [{"from": 1, "to": 2, "port": 0}, {"from": 2, "to": 3, "port": 0}, {"from": 3, "to": 4, "port": 0},
                  {"from": 4, "to": 5, "port": 0}]},
      "dataset": {"kind": "text_csv", "path": "t.csv", "target": "label", "text_column": "text"},
      "preprocess": {"text": {"length": )" + std::to_string(length) + R"(}}})";
    ProjectLoad load = parseProject(text);
    if (!load.ok()) throw std::runtime_error(load.error);
    return *load.project;
}

std::vector<int64_t> inputDims(const GraphAnalysis& a) {
    auto it = a.nodes.find(a.inputNodes().at(0));
    return it != a.nodes.end() && it->second.output ? it->second.output->dims : std::vector<int64_t>{};
}

std::vector<int64_t> dims(const GraphAnalysis& a, NodeId id) {
    auto it = a.nodes.find(id);
    return it != a.nodes.end() && it->second.output ? it->second.output->dims : std::vector<int64_t>{};
}

const std::string kFollows = R"({"shape_from": "data"})";
const std::string kResize40x30Rgb = R"({"image": [{"op": "rgb"}, {"op": "resize", "width": 40, "height": 30}, {"op": "scale"}]})";

}  // namespace

TEST(InputShape, FollowsThePreprocessingBeforeAnyDataIsRead) {
    Project p = projectWith(kFollows, "image_folder", kResize40x30Rgb);
    GraphAnalysis a = analyzeProject(p);
    ASSERT_TRUE(a.ok()) << a.problems[0].message;
    EXPECT_EQ(inputDims(a), (std::vector<int64_t>{3, 30, 40}));
    EXPECT_EQ(dims(a, 2), (std::vector<int64_t>{3 * 30 * 40}));  // the shapes after it follow
    EXPECT_TRUE(preprocessingProblems(p, a).empty());
    // The graph alone (no project) knows nothing of the data: the fields' defaults.
    EXPECT_EQ(inputDims(analyzeGraph(p.graph)), (std::vector<int64_t>{1, 28, 28}));
}

TEST(InputShape, AChangedResizeStepChangesTheInput) {
    Project p = projectWith(kFollows, "image_folder", kResize40x30Rgb);
    p.preprocess.image[1].params.set("width", int64_t{17});
    p.preprocess.image[1].params.set("height", int64_t{23});
    EXPECT_EQ(inputDims(analyzeProject(p)), (std::vector<int64_t>{3, 23, 17}));
    p.preprocess.image.erase(p.preprocess.image.begin());  // no colour step: the files decide the channels
    DataFacts facts;
    facts.sampleShape = {4, 64, 64};
    EXPECT_EQ(inputDims(analyzeProject(p, &facts)), (std::vector<int64_t>{4, 23, 17}))
        << "the resize decides height and width even when the data read before it said 64×64";
}

TEST(InputShape, WhatThePreprocessingLeavesOpenComesFromTheData) {
    Project p = projectWith(R"({"shape_from": "data", "channels": 2, "height": 9, "width": 11})", "image_folder",
                            R"({"image": [{"op": "scale"}]})");
    // Before the data is read: the node's own fields.
    EXPECT_EQ(inputDims(analyzeProject(p)), (std::vector<int64_t>{2, 9, 11}));
    DataFacts facts;
    facts.sampleShape = {3, 64, 48};
    GraphAnalysis a = analyzeProject(p, &facts);
    EXPECT_EQ(inputDims(a), (std::vector<int64_t>{3, 64, 48}));
    EXPECT_TRUE(dataProblems(p, a, facts).empty());
    // A sample of another rank says nothing about an image's dimensions.
    facts.sampleShape = {7};
    EXPECT_EQ(inputDims(analyzeProject(p, &facts)), (std::vector<int64_t>{2, 9, 11}));
}

TEST(InputShape, IdxImagesAreOneChannel) {
    Project p = projectWith(R"({"shape_from": "data", "channels": 3})", "idx", R"({"image": [{"op": "scale"}]})");
    DataFacts facts;
    facts.sampleShape = {1, 28, 28};
    EXPECT_EQ(inputDims(analyzeProject(p, &facts)), (std::vector<int64_t>{1, 28, 28}));
}

TEST(InputShape, TheKindFollowsTheDataset) {
    // Written as an image Input over a table: following the data makes it a feature vector.
    Project p = projectWith(R"({"shape_from": "data", "kind": "image", "size": 13})", "csv", "{}");
    GraphAnalysis before = analyzeProject(p);
    EXPECT_EQ(inputDims(before), (std::vector<int64_t>{13})) << "a table's width is unknown before it is read";
    EXPECT_TRUE(preprocessingProblems(p, before).empty());
    DataFacts facts;
    facts.sampleShape = {6};
    EXPECT_EQ(inputDims(analyzeProject(p, &facts)), (std::vector<int64_t>{6}));
    EXPECT_EQ(dims(analyzeProject(p, &facts), 3), (std::vector<int64_t>{5}));
}

TEST(InputShape, TokensTakeTheTextLengthAndTheVocabulary) {
    Project p = textProject(kFollows, 37);
    DataFacts facts;
    facts.sampleShape = {37};
    facts.vocabulary = 1234;
    GraphAnalysis a = analyzeProject(p, &facts);
    ASSERT_TRUE(a.ok()) << a.problems[0].message;
    EXPECT_EQ(inputDims(a), (std::vector<int64_t>{37}));
    EXPECT_EQ(a.nodes.at(1).output->dtype, DType::Int64);
    std::optional<DataInput> d = dataInputOf(p, &facts);
    ASSERT_TRUE(d);
    NodeParams resolved = effectiveParams(*p.graph.node(1), d);
    EXPECT_EQ(std::get<int64_t>(*resolved.find("vocab_size")), 1234);
    EXPECT_EQ(std::get<std::string>(*resolved.find("kind")), "tokens");
    // The Embedding is the user's: still checked against the data.
    EXPECT_EQ(dataProblems(p, a, facts).size(), 1u);
}

TEST(InputShape, AFixedInputKeepsItsFieldsAndIsCheckedAgainstTheData) {
    for (const std::string params : {std::string(R"({"kind": "image", "channels": 1, "height": 28, "width": 28})"),
                                     std::string(R"({"shape_from": "fixed", "channels": 1, "height": 28, "width": 28})")}) {
        Project p = projectWith(params, "image_folder", kResize40x30Rgb);
        DataFacts facts;
        facts.sampleShape = {3, 30, 40};
        GraphAnalysis a = analyzeProject(p, &facts);
        EXPECT_EQ(inputDims(a), (std::vector<int64_t>{1, 28, 28})) << params;
        EXPECT_EQ(preprocessingProblems(p, a).size(), 2u) << params;  // channels, then width × height
        EXPECT_EQ(dataProblems(p, a, facts).size(), 1u) << params;
    }
}

TEST(InputShape, WithoutADatasetTheFieldsDecide) {
    Project p = projectWith(R"({"shape_from": "data", "channels": 3, "height": 8, "width": 8})", "none", "{}");
    EXPECT_FALSE(dataInputOf(p));
    EXPECT_EQ(inputDims(analyzeProject(p)), (std::vector<int64_t>{3, 8, 8}));
}

TEST(InputShape, TheChoiceIsSavedAndReadBack) {
    Project p = projectWith(kFollows, "image_folder", kResize40x30Rgb);
    const std::string text = serializeProject(p);
    EXPECT_NE(text.find("shape_from"), std::string::npos) << text;
    ProjectLoad again = parseProject(text);
    ASSERT_TRUE(again.ok()) << again.error;
    EXPECT_TRUE(followsData(*again.project->graph.node(1)));
    // A bad value is a located error, not a silent "fixed".
    std::string bad = text;
    bad.replace(bad.find("\"data\""), 6, "\"dta\"");
    ProjectLoad badLoad = parseProject(bad);
    GraphAnalysis a = badLoad.ok() ? analyzeProject(*badLoad.project) : GraphAnalysis{};
    EXPECT_TRUE(!badLoad.ok() || !a.problemsOf(1).empty());
}

TEST(InputShape, OldFilesMeanWhatTheyMeant) {
    // Every example was written before "shape_from": each Input keeps its fields' shape, with or
    // without its data known.
    int inputs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(projectPath("fashion-mnist-cnn")).parent_path())) {
        if (entry.path().extension() != ".netloom") continue;
        ProjectLoad load = loadProject(entry.path().string());
        ASSERT_TRUE(load.ok()) << entry.path() << ": " << load.error;
        const Project& p = *load.project;
        GraphAnalysis plain = analyzeGraph(p.graph);
        DataFacts odd;
        odd.sampleShape = {5, 5, 5};
        for (NodeId id : plain.inputNodes()) {
            EXPECT_FALSE(followsData(*p.graph.node(id))) << entry.path();
            EXPECT_EQ(dims(analyzeProject(p), id), dims(plain, id)) << entry.path();
            EXPECT_EQ(dims(analyzeProject(p, &odd), id), dims(plain, id)) << entry.path();
            ++inputs;
        }
        EXPECT_EQ(serializeProject(p).find("shape_from"), std::string::npos) << "saving adds nothing: " << entry.path();
    }
    EXPECT_GE(inputs, 5);
}

TEST(InputShape, RunStateGivesTheTrainedSample) {
    DataFacts f = DataFacts::ofRunState(R"({"classes": ["a", "b", "c"], "sample_shape": [3, 32, 30], "task": "classification"})");
    EXPECT_EQ(f.sampleShape, (std::vector<int64_t>{3, 32, 30}));
    EXPECT_EQ(f.classes, 3);
    EXPECT_TRUE(DataFacts::ofRunState(R"({"classes": ["a"]})").sampleShape.empty());  // older checkpoints
    EXPECT_TRUE(DataFacts::ofRunState(R"({"sample_shape": [3, -1]})").sampleShape.empty());
    EXPECT_TRUE(DataFacts::ofRunState("not json").sampleShape.empty());
}
