// New project from data (core/project/new_project.h): inspection of messy data the test makes,
// the proposed project (it validates, and the loader reads the data into exactly its Input), and
// the refusals. The end-to-end path (new → train → export → bundle tests) is
// tests/newcomer/new-train-export.sh.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "data/dataset.h"
#include "graph/graph_analysis.h"
#include "messy_data.h"
#include "project/new_project.h"
#include "project/project_checks.h"
#include "test_graphs.h"

using namespace netloom;
using netloom::testing::makeTempDir;
using netloom::testing::MessyCounts;
using netloom::testing::writeMessyData;

namespace {

struct Messy {
    std::string dir;
    MessyCounts counts;
};

const Messy& messy() {
    static Messy m = [] {
        Messy x;
        x.dir = makeTempDir();
        x.counts = writeMessyData(x.dir);
        return x;
    }();
    return m;
}

bool anyContains(const std::vector<std::string>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

const Node* nodeOfType(const Graph& g, const std::string& type) {
    for (const auto& [id, n] : g.nodes())
        if (n.type == type) return &n;
    return nullptr;
}

std::vector<int64_t> inputDims(const Project& p) {
    GraphAnalysis a = analyzeGraph(p.graph);
    return a.nodes.at(a.inputNodes().at(0)).output->dims;
}

std::vector<int64_t> outputDims(const Project& p) {
    GraphAnalysis a = analyzeGraph(p.graph);
    return a.nodes.at(a.outputNodes().at(0)).output->dims;
}

// What every proposal must be: valid network, fitting settings, the data loads into the Input,
// both held-out splits non-empty, and it survives a save and a load unchanged.
void expectTrainable(const Project& p) {
    GraphAnalysis a = analyzeGraph(p.graph);
    ASSERT_TRUE(a.ok()) << a.problems.front().message;
    EXPECT_TRUE(settingsProblems(p).empty());
    EXPECT_GT(p.dataset.validationSplit, 0.0);
    DatasetLoad load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    EXPECT_EQ(load.dataset->summary.sampleShape, inputDims(p));
    EXPECT_GT(load.dataset->validation.size(), 0);
    EXPECT_GT(load.dataset->test.size(), 0);
    const std::string file = makeTempDir() + "/p.netloom";
    ASSERT_EQ(saveProject(p, file), "");
    ProjectLoad back = loadProject(file);
    ASSERT_TRUE(back.ok()) << back.error;
    back.project->baseDir.clear();
    Project original = p;
    original.baseDir.clear();
    EXPECT_TRUE(*back.project == original);
}

}  // namespace

TEST(NewProject, InspectsAMessyImageFolder) {
    const MessyCounts& n = messy().counts;
    DataInspection d = inspectData(messy().dir + "/images");
    ASSERT_TRUE(d.ok()) << d.error;
    EXPECT_EQ(d.kind, "image_folder");
    ASSERT_EQ(d.classes.size(), 3u);
    EXPECT_EQ(d.classes[0].name, "circle");
    EXPECT_EQ(d.classes[0].count, n.circles);
    EXPECT_EQ(d.classes[1].name, "lonely");
    EXPECT_EQ(d.classes[1].count, 1);
    EXPECT_EQ(d.classes[2].name, "square");
    EXPECT_EQ(d.classes[2].count, n.squares);  // the file that is no image is not counted
    EXPECT_EQ(d.samples, n.circles + n.squares + n.lonely);
    EXPECT_EQ(d.rgbaImages, n.rgba);
    EXPECT_EQ(d.rgbImages, n.rgb);
    EXPECT_EQ(d.grayImages, n.gray);
    ASSERT_EQ(static_cast<int64_t>(d.sizes.size()), n.sizes);
    EXPECT_EQ(d.mostCommonSize().width, 32);
    EXPECT_EQ(d.mostCommonSize().height, 32);
    EXPECT_EQ(d.mostCommonSize().count, n.at32);
    ASSERT_EQ(d.unreadable.size(), 1u);
    EXPECT_NE(d.unreadable[0].location.find("not-an-image.png"), std::string::npos);
    EXPECT_TRUE(anyContains(d.warnings, "single sample"));
    EXPECT_TRUE(anyContains(d.warnings, "most common size 32×32"));
    EXPECT_TRUE(anyContains(d.warnings, "colour modes are mixed"));
    EXPECT_TRUE(anyContains(d.warnings, "transparency"));
}

TEST(NewProject, ProposesATrainableCnnForImages) {
    DataInspection d = inspectData(messy().dir + "/images");
    ASSERT_TRUE(d.ok()) << d.error;
    ProjectProposal proposal = proposeProject(d);
    ASSERT_TRUE(proposal.ok()) << proposal.error;
    const Project& p = *proposal.project;
    EXPECT_EQ(p.name, "images");
    EXPECT_EQ(p.training.task, Task::Classification);
    ASSERT_EQ(p.preprocess.image.size(), 4u);
    EXPECT_EQ(p.preprocess.image[0].op, "rgb");  // colour images among gray ones
    EXPECT_EQ(p.preprocess.image[1].op, "resize");
    EXPECT_EQ(p.preprocess.image[2].op, "scale");
    EXPECT_EQ(p.preprocess.image[3].op, "normalize");
    // Statistics of real pixels: three channels, means inside (0, 1), deviations above 0.
    std::vector<double> mean = p.preprocess.image[3].read().numbers("mean");
    std::vector<double> stdev = p.preprocess.image[3].read().numbers("std");
    ASSERT_EQ(mean.size(), 3u);
    ASSERT_EQ(stdev.size(), 3u);
    for (size_t k = 0; k < 3; ++k) {
        EXPECT_GT(mean[k], 0.0);
        EXPECT_LT(mean[k], 1.0);
        EXPECT_GT(stdev[k], 0.01);
    }
    // And they are the training split's own (read through the sample cache, as training reads it).
    Project unnormalized = p;
    unnormalized.preprocess.image.pop_back();
    DatasetLoad load = loadDataset(unnormalized);
    ASSERT_TRUE(load.ok()) << load.error;
    const Split& train = load.dataset->train;
    torch::Tensor pixels = train.rowsAt(0, train.size()).to(torch::kFloat64).div_(255.0);
    torch::Tensor expectedMean = pixels.mean({0, 2, 3});
    for (size_t k = 0; k < 3; ++k) EXPECT_NEAR(mean[k], expectedMean[static_cast<int64_t>(k)].item<double>(), 1e-4) << k;
    EXPECT_EQ(inputDims(p), (std::vector<int64_t>{3, 32, 32}));
    EXPECT_EQ(outputDims(p), (std::vector<int64_t>{3}));
    EXPECT_NE(nodeOfType(p.graph, "Conv2d"), nullptr);
    EXPECT_GT(p.dataset.testSplit, 0.0);
    EXPECT_TRUE(anyContains(proposal.notes, "most common size"));
    expectTrainable(p);
    // Laid out: no two nodes on the same spot.
    std::vector<std::pair<double, double>> spots;
    for (const auto& [id, n] : p.graph.nodes()) spots.emplace_back(n.position.x, n.position.y);
    std::sort(spots.begin(), spots.end());
    EXPECT_EQ(std::unique(spots.begin(), spots.end()), spots.end());
}

TEST(NewProject, HonoursTheChosenSizeChannelsAndTask) {
    DataInspection d = inspectData(messy().dir + "/images");
    NewProjectChoices c;
    c.width = 20;
    c.height = 16;
    c.channels = "gray";
    c.normalize = false;
    ProjectProposal proposal = proposeProject(d, c);
    ASSERT_TRUE(proposal.ok()) << proposal.error;
    EXPECT_EQ(inputDims(*proposal.project), (std::vector<int64_t>{1, 16, 20}));
    EXPECT_EQ(proposal.project->preprocess.image.back().op, "scale");
    expectTrainable(*proposal.project);

    c = {};
    c.task = Task::Reconstruction;
    proposal = proposeProject(d, c);
    ASSERT_TRUE(proposal.ok()) << proposal.error;
    EXPECT_EQ(outputDims(*proposal.project), inputDims(*proposal.project));
    expectTrainable(*proposal.project);
}

TEST(NewProject, InspectsAndProposesForATextCsv) {
    const MessyCounts& n = messy().counts;
    DataInspection d = inspectData(messy().dir + "/reviews.csv");
    ASSERT_TRUE(d.ok()) << d.error;
    EXPECT_EQ(d.kind, "text_csv");
    EXPECT_EQ(d.textColumn, "review");
    EXPECT_EQ(d.target, "sentiment");
    EXPECT_EQ(d.samples, n.reviews);
    ASSERT_EQ(d.classes.size(), 3u);
    EXPECT_EQ(d.classes[0].name, "negative");
    EXPECT_EQ(d.textMinTokens, 0);  // "!!!"
    EXPECT_GE(d.textMaxTokens, 20);
    EXPECT_LE(d.textMedianTokens, d.textP95Tokens);
    EXPECT_TRUE(anyContains(d.warnings, "no words left"));

    ProjectProposal proposal = proposeProject(d);
    ASSERT_TRUE(proposal.ok()) << proposal.error;
    const Project& p = *proposal.project;
    const Node* input = nodeOfType(p.graph, "Input");
    const Node* embedding = nodeOfType(p.graph, "Embedding");
    ASSERT_TRUE(input && embedding && nodeOfType(p.graph, "LSTM"));
    EXPECT_EQ(std::get<int64_t>(*input->params.find("length")), p.preprocess.text.length);
    EXPECT_EQ(std::get<int64_t>(*embedding->params.find("vocab_size")), std::get<int64_t>(*input->params.find("vocab_size")));
    // The vocabulary is the training split's: every word list appears, far fewer than 10,000 ids.
    EXPECT_GT(p.preprocess.text.maxVocab, 20);
    EXPECT_LT(p.preprocess.text.maxVocab, 100);
    EXPECT_EQ(outputDims(p), (std::vector<int64_t>{3}));
    expectTrainable(p);
}

TEST(NewProject, InspectsAndProposesForATableWithMissingValues) {
    const MessyCounts& n = messy().counts;
    DataInspection d = inspectData(messy().dir + "/table.csv");
    ASSERT_TRUE(d.ok()) << d.error;
    EXPECT_EQ(d.kind, "csv");
    EXPECT_EQ(d.target, "label");
    EXPECT_TRUE(d.targetIsCategorical);
    EXPECT_EQ(d.samples, n.tableRows);
    EXPECT_EQ(d.missingValues, n.tableMissing);
    ASSERT_EQ(d.columns.size(), 5u);
    EXPECT_TRUE(d.columns[0].numeric);
    EXPECT_FALSE(d.columns[2].numeric);  // city
    EXPECT_TRUE(anyContains(d.warnings, "missing"));

    ProjectProposal proposal = proposeProject(d);
    ASSERT_TRUE(proposal.ok()) << proposal.error;
    const Project& p = *proposal.project;
    EXPECT_EQ(p.training.task, Task::Classification);
    EXPECT_EQ(outputDims(p), (std::vector<int64_t>{2}));
    // age, income, visits and four one-hot cities.
    EXPECT_EQ(inputDims(p), (std::vector<int64_t>{7}));
    expectTrainable(p);
}

TEST(NewProject, ChoosesRegressionForANumericTarget) {
    DataInspection d = inspectData(messy().dir + "/prices.csv");
    ASSERT_TRUE(d.ok()) << d.error;
    EXPECT_EQ(d.target, "price");
    EXPECT_FALSE(d.targetIsCategorical);
    ProjectProposal proposal = proposeProject(d);
    ASSERT_TRUE(proposal.ok()) << proposal.error;
    EXPECT_EQ(proposal.project->training.task, Task::Regression);
    EXPECT_EQ(outputDims(*proposal.project), (std::vector<int64_t>{1}));
    expectTrainable(*proposal.project);
    DatasetLoad load = loadDataset(*proposal.project);
    ASSERT_TRUE(load.ok()) << load.error;
    DataFacts facts = DataFacts::of(load.dataset->summary);
    EXPECT_EQ(facts.targetWidth, 1);
    EXPECT_TRUE(dataProblems(*proposal.project, analyzeGraph(proposal.project->graph), facts).empty());
}

TEST(NewProject, FindsASeparateTestFolder) {
    namespace fs = std::filesystem;
    const std::string root = makeTempDir();
    fs::copy(messy().dir + "/images", root + "/train", fs::copy_options::recursive);
    fs::copy(messy().dir + "/images", root + "/test", fs::copy_options::recursive);
    DataInspection d = inspectData(root);
    ASSERT_TRUE(d.ok()) << d.error;
    EXPECT_EQ(d.path, root + "/train");
    EXPECT_EQ(d.testPath, root + "/test");
    ProjectProposal proposal = proposeProject(d);
    ASSERT_TRUE(proposal.ok()) << proposal.error;
    EXPECT_EQ(proposal.project->dataset.testPath, root + "/test");
    EXPECT_EQ(proposal.project->name, fs::path(root).filename().string());
    expectTrainable(*proposal.project);
}

TEST(NewProject, RefusesWhatCannotWorkWithAReason) {
    const std::string empty = makeTempDir();
    DataInspection none = inspectData(empty);
    EXPECT_FALSE(none.ok());
    EXPECT_NE(none.error.find("one folder per class"), std::string::npos) << none.error;
    EXPECT_FALSE(proposeProject(none).ok());

    DataInspection missing = inspectData(empty + "/nowhere");
    EXPECT_NE(missing.error.find("no such file or folder"), std::string::npos) << missing.error;

    DataInspection images = inspectData(messy().dir + "/images");
    NewProjectChoices c;
    c.task = Task::Regression;
    ProjectProposal regression = proposeProject(images, c);
    EXPECT_FALSE(regression.ok());
    EXPECT_NE(regression.error.find("regression"), std::string::npos);
    c = {};
    c.testSplit = 0;
    ProjectProposal noTest = proposeProject(images, c);
    EXPECT_NE(noTest.error.find("test split"), std::string::npos) << noTest.error;
    c = {};
    c.width = 20;  // height missing
    EXPECT_FALSE(proposeProject(images, c).ok());

    const std::string lines = empty + "/sentences.txt";
    std::ofstream(lines) << "just some text\none sentence a line\nno labels anywhere\n";
    DataInspection plain = inspectData(lines);
    EXPECT_FALSE(plain.ok());
    EXPECT_NE(plain.error.find("one column only"), std::string::npos) << plain.error;

    InspectOptions o;
    o.target = "no_such_column";
    DataInspection table = inspectData(messy().dir + "/table.csv", o);
    EXPECT_NE(table.error.find("no_such_column"), std::string::npos);
}

// The network against its data: a proposal fits; each way of breaking it is named on its node.
TEST(NetworkKnowsItsData, MismatchesAreProblemsOnTheirNodes) {
    DataInspection d = inspectData(messy().dir + "/images");
    ProjectProposal proposal = proposeProject(d);
    ASSERT_TRUE(proposal.ok()) << proposal.error;
    Project p = *proposal.project;
    DataFacts facts;
    {
        DatasetLoad load = loadDataset(p);
        ASSERT_TRUE(load.ok()) << load.error;
        facts = DataFacts::of(load.dataset->summary);
        EXPECT_EQ(facts.classes, 3);
        EXPECT_EQ(facts.sampleShape, (std::vector<int64_t>{3, 32, 32}));
    }
    GraphAnalysis fine = analyzeGraph(p.graph);
    EXPECT_TRUE(preprocessingProblems(p, fine).empty());
    EXPECT_TRUE(dataProblems(p, fine, facts).empty());
    EXPECT_EQ(expectedSampleShape(p), (std::vector<int64_t>{3, 32, 32}));

    // A Dense 2 → Output over 3 classes: a problem on the Output, before any training.
    Project wrongUnits = p;
    wrongUnits.graph.node(wrongUnits.graph.nodeByName("logits")->id)->params.set("units", int64_t{2});
    GraphAnalysis a = analyzeGraph(wrongUnits.graph);
    ASSERT_TRUE(a.ok());
    std::vector<Problem> problems = dataProblems(wrongUnits, a, facts);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(wrongUnits.graph.node(problems[0].node)->type, "Output");
    EXPECT_NE(problems[0].message.find("3 classes"), std::string::npos) << problems[0].message;

    // A resize step changed: the proposal's Input follows the data and takes the new size...
    Project wrongSize = p;
    wrongSize.preprocess.image[1].params.set("width", int64_t{24});
    a = analyzeProject(wrongSize);
    EXPECT_TRUE(a.ok()) << a.problems.front().message;
    EXPECT_EQ(a.nodes.at(a.inputNodes().at(0)).output->dims, (std::vector<int64_t>{3, 32, 24}));
    EXPECT_TRUE(preprocessingProblems(wrongSize, a).empty());
    // ...a fixed Input does not: known from the project alone.
    wrongSize.graph.node(nodeOfType(wrongSize.graph, "Input")->id)->params.set("shape_from", std::string("fixed"));
    a = analyzeProject(wrongSize);
    problems = preprocessingProblems(wrongSize, a);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(wrongSize.graph.node(problems[0].node)->type, "Input");
    EXPECT_NE(problems[0].message.find("24×32"), std::string::npos) << problems[0].message;

    // An Embedding smaller than the vocabulary.
    DataInspection texts = inspectData(messy().dir + "/reviews.csv");
    ProjectProposal textProposal = proposeProject(texts);
    ASSERT_TRUE(textProposal.ok()) << textProposal.error;
    Project small = *textProposal.project;
    small.graph.node(nodeOfType(small.graph, "Embedding")->id)->params.set("vocab_size", int64_t{5});
    DatasetLoad textLoad = loadDataset(small);
    ASSERT_TRUE(textLoad.ok()) << textLoad.error;
    DataFacts textFacts = DataFacts::of(textLoad.dataset->summary);
    EXPECT_EQ(textFacts.vocabulary, small.preprocess.text.maxVocab);  // the proposal's vocabulary is the data's
    problems = dataProblems(small, analyzeGraph(small.graph), textFacts);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(small.graph.node(problems[0].node)->type, "Embedding");
    // And a sequence length a fixed Input does not take (one that follows the data takes it).
    small.preprocess.text.length += 3;
    EXPECT_TRUE(preprocessingProblems(small, analyzeProject(small)).empty());
    small.graph.node(nodeOfType(small.graph, "Input")->id)->params.set("shape_from", std::string("fixed"));
    problems = preprocessingProblems(small, analyzeProject(small));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].message.find("preprocess.text.length"), std::string::npos);
}

TEST(NewProject, InspectsAndProposesForAnIdxFolder) {
    const MessyCounts& n = messy().counts;
    DataInspection d = inspectData(messy().dir + "/digits");
    ASSERT_TRUE(d.ok()) << d.error;
    EXPECT_EQ(d.kind, "idx");
    EXPECT_EQ(d.samples, n.idxTrain + n.idxTest);
    ASSERT_EQ(d.classes.size(), 3u);
    EXPECT_EQ(d.classes[0].count, (n.idxTrain + n.idxTest) / 3);
    ASSERT_EQ(d.sizes.size(), 1u);
    EXPECT_EQ(d.mostCommonSize().width, 12);
    EXPECT_EQ(d.grayImages, d.samples);
    ProjectProposal proposal = proposeProject(d);
    ASSERT_TRUE(proposal.ok()) << proposal.error;
    const Project& p = *proposal.project;
    EXPECT_EQ(p.preprocess.image.front().op, "grayscale");
    EXPECT_EQ(inputDims(p), (std::vector<int64_t>{1, 12, 12}));
    EXPECT_EQ(outputDims(p), (std::vector<int64_t>{3}));
    EXPECT_TRUE(anyContains(proposal.notes, "t10k"));  // the IDX test files are the test set
    expectTrainable(p);
}

TEST(NewProject, InspectsAndProposesForATextFolder) {
    const MessyCounts& n = messy().counts;
    DataInspection d = inspectData(messy().dir + "/notes");
    ASSERT_TRUE(d.ok()) << d.error;
    EXPECT_EQ(d.kind, "text_folder");
    EXPECT_EQ(d.samples, n.notes);  // the empty note is not a sample
    ASSERT_EQ(d.classes.size(), 2u);
    EXPECT_EQ(d.classes[0].name, "bug");
    EXPECT_EQ(d.textMinTokens, 6);
    EXPECT_EQ(d.textMaxTokens, 10);
    EXPECT_EQ(d.distinctTokens, 10);
    ProjectProposal proposal = proposeProject(d);
    ASSERT_TRUE(proposal.ok()) << proposal.error;
    EXPECT_NE(nodeOfType(proposal.project->graph, "LSTM"), nullptr);
    expectTrainable(*proposal.project);
}
