#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sys/stat.h>
#include <thread>

#include "graph/graph_analysis.h"
#include "train/checkpoint.h"
#include "train/network.h"
#include "train/run_history.h"
#include "train/trainer.h"
#include "test_graphs.h"

using namespace netloom;
using namespace netloom::testing;

namespace {

std::string tempDir() { return netloom::testing::makeTempDir(); }

int countLines(const std::string& path) {
    std::ifstream in(path);
    int lines = 0;
    for (std::string l; std::getline(in, l);) ++lines;
    return lines;
}

bool exists(const std::string& p) {
    struct stat st {};
    return stat(p.c_str(), &st) == 0;
}

// Iris (scikit-learn's copy, installed by scripts/install-deps) with a small MLP.
Project irisProject(int64_t epochs) {
    Project p;
    p.name = "iris";
    Graph& g = p.graph;
    chain(g, {add(g, "Input", {{"kind", std::string("vector")}, {"size", int64_t{4}}}), add(g, "Dense", {{"units", int64_t{16}}}),
              add(g, "ReLU"), add(g, "Dense", {{"units", int64_t{3}}}), add(g, "Output")});
    p.dataset.kind = "csv";
    p.dataset.path = "/usr/lib/python3/dist-packages/sklearn/datasets/data/iris.csv";
    p.dataset.target = "target";
    p.dataset.validationSplit = 0.2;
    p.dataset.testSplit = 0.2;
    p.training.epochs = epochs;
    p.training.batchSize = 16;
    p.training.optimizer.learningRate = 0.01;
    p.training.seed = 3;
    p.training.threads = 1;
    return p;
}

struct Recorder : TrainingObserver {
    std::vector<EpochEvent> epochs;
    std::vector<BatchEvent> batches;
    std::optional<RunStarted> start;
    std::optional<RunFinished> done;
    std::string failure;
    std::vector<bool> pauses;
    std::function<void(const BatchEvent&)> onBatch;
    std::function<void(const EpochEvent&)> onEpoch;
    void started(const RunStarted& s) override { start = s; }
    void batch(const BatchEvent& b) override {
        batches.push_back(b);
        if (onBatch) onBatch(b);
    }
    void epoch(const EpochEvent& e) override {
        epochs.push_back(e);
        if (onEpoch) onEpoch(e);
    }
    void paused(bool p) override { pauses.push_back(p); }
    void finished(const RunFinished& f) override { done = f; }
    void failed(const std::string& r) override { failure = r; }
};

}  // namespace

class BuilderCounts : public ::testing::TestWithParam<const char*> {};

TEST_P(BuilderCounts, LibTorchParametersEqualTheRegistrysCount) {
    ProjectLoad load = loadProject(projectPath(GetParam()));
    ASSERT_TRUE(load.ok()) << load.error;
    GraphAnalysis a = analyzeGraph(load.project->graph);
    ASSERT_TRUE(a.ok());
    Network net(load.project->graph, a);
    EXPECT_EQ(net->parameterCount(), a.totalParams);
    // And a forward pass gives the analysed output shape.
    const auto& in = a.nodes.at(a.inputNodes()[0]).output.value();
    std::vector<int64_t> shape{2};
    shape.insert(shape.end(), in.dims.begin(), in.dims.end());
    torch::Tensor x = in.dtype == DType::Int64 ? torch::randint(0, 100, shape, torch::kInt64) : torch::rand(shape);
    net->eval();
    auto out = net->forward(x);
    std::vector<int64_t> expected{2};
    const auto& od = a.nodes.at(a.outputNodes()[0]).output->dims;
    expected.insert(expected.end(), od.begin(), od.end());
    EXPECT_EQ(out.sizes().vec(), expected);
}

INSTANTIATE_TEST_SUITE_P(Training, BuilderCounts,
                         ::testing::Values("fashion-mnist-mlp", "fashion-mnist-cnn", "fashion-mnist-resnet",
                                           "fortune-text-classifier", "breast-cancer-autoencoder"),
                         [](const ::testing::TestParamInfo<const char*>& info) { return netloom::testing::exampleTestName(info.param); });

TEST(Training, ShortRunReducesTheLossAndWritesTheRunFolder) {
    std::string dir = tempDir() + "/run";
    TrainOptions o;
    o.runDir = dir;
    Trainer trainer(irisProject(30), o);
    Recorder rec;
    ASSERT_TRUE(trainer.run(rec)) << rec.failure;
    ASSERT_EQ(rec.epochs.size(), 30u);
    EXPECT_LT(rec.epochs.back().validation.loss, rec.epochs.front().validation.loss * 0.7);
    ASSERT_TRUE(rec.done.has_value());
    EXPECT_EQ(rec.done->evaluatedOn, "test");
    EXPECT_GT(rec.done->evaluation.accuracy, 0.8);
    EXPECT_EQ(rec.done->evaluation.confusion.size(), 3u);
    for (const char* f : {"project.netloom", "metrics.csv", "events.jsonl", "preprocess.json", "best.ckpt", "last.ckpt", "summary.json"})
        EXPECT_TRUE(exists(dir + "/" + f)) << f;
    EXPECT_EQ(countLines(dir + "/metrics.csv"), 31) << "a header and one row per epoch";
}

// Without a test split the final figures are the validation split's, and say so; without a
// validation split there are no validation figures at all (not the training loss under its name).
TEST(Training, MetricsNameTheSplitTheyComeFrom) {
    Project noTest = irisProject(2);
    noTest.dataset.testSplit = 0;
    {
        TrainOptions o;
        o.runDir = tempDir() + "/no-test";
        Trainer t(noTest, o);
        Recorder rec;
        ASSERT_TRUE(t.run(rec)) << rec.failure;
        ASSERT_TRUE(rec.done.has_value());
        EXPECT_EQ(rec.done->evaluatedOn, "validation");
        EXPECT_EQ(rec.done->evaluation.samples, rec.epochs.back().validation.samples);
        RunRecord run;
        std::string error;
        ASSERT_TRUE(readRun(o.runDir, run, error)) << error;
        EXPECT_EQ(run.evaluatedOn, "validation");
        EXPECT_TRUE(std::isnan(run.testAccuracy)) << "no test split, no test accuracy";
        EXPECT_FALSE(std::isnan(run.finalAccuracy));
    }
    Project nothingHeldOut = noTest;
    nothingHeldOut.dataset.validationSplit = 0;
    TrainOptions o;
    o.runDir = tempDir() + "/nothing-held-out";
    Trainer t(nothingHeldOut, o);
    Recorder rec;
    ASSERT_TRUE(t.run(rec)) << rec.failure;
    ASSERT_EQ(rec.epochs.size(), 2u);
    EXPECT_EQ(rec.epochs[0].validation.samples, 0);
    EXPECT_EQ(rec.done->evaluatedOn, "");
    EXPECT_EQ(rec.done->bestEpoch, 2) << "the best epoch follows the training loss when nothing is held out";
    RunRecord run;
    std::string error;
    ASSERT_TRUE(readRun(o.runDir, run, error)) << error;
    ASSERT_EQ(run.epochs.size(), 2u);
    EXPECT_TRUE(std::isnan(run.epochs[0].valLoss));
    EXPECT_FALSE(std::isnan(run.epochs[0].trainLoss));
}

TEST(Training, ALossThatDoesNotFitTheTaskIsRefused) {
    Project p = irisProject(1);
    p.training.loss = LossType::Mse;
    TrainOptions o;
    o.runDir = tempDir() + "/run";
    Trainer t(p, o);
    Recorder rec;
    EXPECT_FALSE(t.run(rec));
    EXPECT_NE(rec.failure.find("training.loss"), std::string::npos) << rec.failure;
    EXPECT_NE(rec.failure.find("classification"), std::string::npos) << rec.failure;
}

TEST(Training, SameSeedSameResultOnCpu) {
    auto once = [] {
        TrainOptions o;
        o.runDir = tempDir() + "/run";
        Trainer t(irisProject(3), o);
        Recorder rec;
        t.run(rec);
        return rec.epochs.back().validation.loss;
    };
    EXPECT_DOUBLE_EQ(once(), once());
}

TEST(Training, StopTakesEffectWithinOneBatchAndKeepsTheCheckpoint) {
    std::string dir = tempDir() + "/run";
    TrainOptions o;
    o.runDir = dir;
    Trainer trainer(irisProject(50), o);
    Recorder rec;
    rec.onEpoch = [&](const EpochEvent& e) {
        if (e.epoch == 2) trainer.stop();
    };
    rec.onBatch = [&](const BatchEvent& b) {
        EXPECT_LE(b.epoch, 3) << "batches ran after stop";
    };
    ASSERT_TRUE(trainer.run(rec)) << rec.failure;
    ASSERT_TRUE(rec.done.has_value());
    EXPECT_NE(rec.done->reason.find("stopped by the user at epoch 3, batch 1"), std::string::npos) << rec.done->reason;
    EXPECT_TRUE(exists(dir + "/last.ckpt"));
    CheckpointState st;
    ASSERT_EQ(readCheckpointState(dir + "/last.ckpt", st), "");
    EXPECT_EQ(st.epochsCompleted, 2);
}

TEST(Training, PauseHoldsUntilResume) {
    TrainOptions o;
    o.runDir = tempDir() + "/run";
    Trainer trainer(irisProject(2), o);
    Recorder rec;
    std::thread resumer;
    rec.onBatch = [&](const BatchEvent& b) {
        if (b.epoch == 1 && b.batch == 1) {
            trainer.pause();
            resumer = std::thread([&] {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                trainer.resume();
            });
        }
    };
    ASSERT_TRUE(trainer.run(rec)) << rec.failure;
    resumer.join();
    EXPECT_EQ(rec.pauses, (std::vector<bool>{true, false}));
    EXPECT_EQ(rec.epochs.size(), 2u);
}

TEST(Training, ResumesAnInterruptedRunFromItsLastCheckpoint) {
    std::string dir = tempDir() + "/run";
    {
        TrainOptions o;
        o.runDir = dir;
        Trainer first(irisProject(4), o);
        Recorder rec;
        rec.onEpoch = [&](const EpochEvent& e) {
            if (e.epoch == 2) first.stop();
        };
        ASSERT_TRUE(first.run(rec)) << rec.failure;
    }
    TrainOptions o;
    o.resumeDir = dir;
    Trainer second(irisProject(4), o);
    Recorder rec;
    ASSERT_TRUE(second.run(rec)) << rec.failure;
    ASSERT_TRUE(rec.start.has_value());
    EXPECT_EQ(rec.start->firstEpoch, 3);
    ASSERT_EQ(rec.epochs.size(), 2u);
    EXPECT_EQ(rec.epochs.front().epoch, 3);
    EXPECT_EQ(countLines(dir + "/metrics.csv"), 5) << "one header and epochs 1-4, none lost or repeated";
}

TEST(Training, InfiniteLossStopsWithEpochAndBatch) {
    std::string dir = tempDir();
    std::ofstream(dir + "/big.csv") << "x,y\n1,1e38\n2,2e38\n3,3e38\n4,1e38\n5,2e38\n6,3e38\n";
    Project p;
    chain(p.graph, {add(p.graph, "Input", {{"kind", std::string("vector")}, {"size", int64_t{1}}}),
                    add(p.graph, "Dense", {{"units", int64_t{1}}}), add(p.graph, "Output")});
    p.dataset.kind = "csv";
    p.dataset.path = dir + "/big.csv";
    p.dataset.target = "y";
    p.dataset.validationSplit = 0;
    p.training.task = Task::Regression;
    p.training.epochs = 1;
    TrainOptions o;
    o.runDir = dir + "/run";
    Trainer t(p, o);
    Recorder rec;
    EXPECT_FALSE(t.run(rec));
    EXPECT_NE(rec.failure.find("the loss became infinite at epoch 1, batch 1"), std::string::npos) << rec.failure;
}

TEST(Training, MismatchedOutputIsExplained) {
    Project p = irisProject(1);
    p.graph.node(4)->params.set("units", int64_t{5});
    TrainOptions o;
    o.runDir = tempDir() + "/run";
    Trainer t(p, o);
    Recorder rec;
    EXPECT_FALSE(t.run(rec));
    EXPECT_NE(rec.failure.find("the Output gives 5 values but the dataset has 3 classes"), std::string::npos) << rec.failure;
}

TEST(Checkpoint, RoundTripRestoresWeightsExactly) {
    ProjectLoad load = loadProject(projectPath("fashion-mnist-resnet"));
    ASSERT_TRUE(load.ok());
    GraphAnalysis a = analyzeGraph(load.project->graph);
    Network first(load.project->graph, a), second(load.project->graph, a);
    first->forward(torch::rand({4, 1, 28, 28}));  // moves BatchNorm running statistics
    std::string path = tempDir() + "/c.ckpt";
    ASSERT_EQ(saveCheckpoint(path, *first, nullptr, {7, "{\"k\":1}"}), "");
    CheckpointState st;
    ASSERT_EQ(loadCheckpoint(path, *second, nullptr, st), "");
    EXPECT_EQ(st.epochsCompleted, 7);
    EXPECT_EQ(st.stateJson, "{\"k\":1}");
    auto p1 = first->named_parameters(), p2 = second->named_parameters();
    for (const auto& item : p1) EXPECT_TRUE(torch::equal(item.value(), p2[item.key()])) << item.key();
    auto b1 = first->named_buffers(), b2 = second->named_buffers();
    for (const auto& item : b1) EXPECT_TRUE(torch::equal(item.value(), b2[item.key()])) << item.key();
}

TEST(Checkpoint, OfAnotherShapeIsRefusedWithTheTensorNamed) {
    ProjectLoad load = loadProject(projectPath("fashion-mnist-mlp"));
    ASSERT_TRUE(load.ok());
    Project wider = *load.project;
    for (const auto& [id, n] : load.project->graph.nodes())
        if (n.type == "Dense" && n.name != "logits") wider.graph.node(id)->params.set("units", int64_t{600});
    GraphAnalysis a = analyzeGraph(load.project->graph), aw = analyzeGraph(wider.graph);
    ASSERT_TRUE(aw.ok());
    Network small(load.project->graph, a), big(wider.graph, aw);
    std::string path = tempDir() + "/wide.ckpt";
    ASSERT_EQ(saveCheckpoint(path, *big, nullptr, {1, "{}"}), "");
    CheckpointState st;
    std::string e = loadCheckpoint(path, *small, nullptr, st);
    EXPECT_NE(e.find("does not fit this network"), std::string::npos) << e;
    EXPECT_NE(e.find("600×784 in the checkpoint and 512×784 in the network"), std::string::npos) << e;
}

TEST(Checkpoint, CorruptFileIsAnErrorNotACrash) {
    std::string path = tempDir() + "/bad.ckpt";
    std::ofstream(path) << "not a checkpoint";
    CheckpointState st;
    EXPECT_NE(readCheckpointState(path, st).find("cannot read checkpoint"), std::string::npos);
}
