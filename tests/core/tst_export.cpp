#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <thread>

#include <onnx/onnx_pb.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <nlohmann/json.hpp>

#include "export/export_internal.h"
#include "train/checkpoint.h"
#include "export/onnx_builder.h"
#include "graph/graph_analysis.h"
#include "graph/layer_registry.h"
#include "graph/layers/layer_kernels.h"
#include "test_graphs.h"

using namespace netloom;
using namespace netloom::testing;

namespace {

using Params = std::initializer_list<std::pair<const std::string, ParamValue>>;

struct LayerCase {
    const char* name;
    std::function<void(Graph&)> build;  // Input → ... → Output
};

// Builds, exports, and compares ONNX Runtime with LibTorch at batch 1 and 7 on random inputs.
void expectParity(Graph& g, const PipelineSpec& pre = {}, bool raw = false, const std::vector<std::string>& rawFiles = {}) {
    GraphAnalysis a = analyzeGraph(g);
    ASSERT_TRUE(a.ok()) << a.problems[0].message;
    torch::manual_seed(11);
    Network net(g, a);
    const TensorType& in = *a.nodes.at(a.inputNodes()[0]).output;
    auto sample = [&](int64_t n) {
        std::vector<int64_t> shape{n};
        shape.insert(shape.end(), in.dims.begin(), in.dims.end());
        if (in.dtype == DType::Int64) return torch::randint(0, 50, shape, torch::kInt64);
        if (raw) return torch::randint(0, 256, shape, torch::kUInt8);
        return torch::randn(shape);
    };
    {
        // Move BatchNorm's running statistics away from 0/1 so the inference form is really tested.
        torch::NoGradGuard ng;
        net->train();
        for (int k = 0; k < 3; ++k) net->forward(raw ? ImagePipeline(pre.image).toModelInput(sample(8), false, nullptr) : sample(8));
        net->eval();
    }
    std::string dir = makeTempDir();
    OnnxBuildOptions options;
    options.task = Task::Regression;
    onnx::ModelProto tensorModel;
    OnnxBuildResult built = buildOnnxModel(g, a, *net, options, tensorModel);
    ASSERT_EQ(built.error, "");
    ASSERT_EQ(checkAndWriteModel(tensorModel, dir + "/model_tensor.onnx"), "");
    VerificationPlan plan;
    plan.tensorModel = dir + "/model_tensor.onnx";
    plan.inputName = built.inputName;
    plan.mainOutput = built.outputNames[0];
    plan.outDir = dir;
    plan.image = raw;
    if (raw) {
        onnx::ModelProto rawModel;
        OnnxBuildResult rb = withRawImageInput(tensorModel, pre, rawModel);
        ASSERT_EQ(rb.error, "");
        ASSERT_EQ(checkAndWriteModel(rawModel, dir + "/model.onnx"), "");
        plan.rawModel = dir + "/model.onnx";
    }
    // The raw model on images as clients send them: the given files (any size, mode, transparency),
    // else random stored rows as opaque RGBA.
    std::vector<RawImageCheck> rawImages;
    if (raw) {
        std::vector<GoldenSample> samples;
        for (const std::string& f : rawFiles) samples.push_back({"test", f, {}, {}});
        if (rawFiles.empty())
            for (int k = 0; k < 3; ++k) samples.push_back({"test", "", sample(1)[0], {}});
        Project p;
        p.preprocess = pre;
        std::string error;
        rawImages = rawImageChecks(samples, p, in.dims, error);
        ASSERT_EQ(error, "");
        ASSERT_EQ(rawImages.size(), samples.size());
    }
    ExportReport report;
    std::string e = verifyModels(*net, ImagePipeline(pre.image), plan, {sample(1), sample(7)}, rawImages, report);
    EXPECT_EQ(e, "");
    ASSERT_EQ(report.checks.size(), 2u + rawImages.size());
    for (const ParityCheck& c : report.checks) {
        EXPECT_LE(c.maxAbsDiff, kMaxAbsDiff) << c.what;
        EXPECT_TRUE(c.passed) << c.what;
    }
    EXPECT_EQ(report.engine.rfind("onnxruntime-node", 0), 0u) << report.engine;
}

NodeId image(Graph& g, int64_t c = 3, int64_t h = 9, int64_t w = 8) {
    return add(g, "Input", {{"channels", c}, {"height", h}, {"width", w}});
}
NodeId vec(Graph& g, int64_t n = 12) { return add(g, "Input", {{"kind", std::string("vector")}, {"size", n}}); }
NodeId tokens(Graph& g, int64_t l = 6) {
    return add(g, "Input", {{"kind", std::string("tokens")}, {"length", l}, {"vocab_size", int64_t{50}}});
}
NodeId emb(Graph& g) { return add(g, "Embedding", {{"vocab_size", int64_t{50}}, {"dim", int64_t{5}}}); }

}  // namespace

class LayerParity : public ::testing::TestWithParam<LayerCase> {};

TEST_P(LayerParity, OnnxRuntimeMatchesLibTorchAtBatch1And7) {
    Graph g;
    GetParam().build(g);
    expectParity(g);
}

// One or more cases per layer type (EveryLayerTypeHasAParityCase walks them).
const std::vector<LayerCase> kLayerCases = {
        LayerCase{"dense", [](Graph& g) { chain(g, {vec(g), add(g, "Dense", {{"units", int64_t{7}}}), add(g, "Output")}); }},
        LayerCase{"dense_no_bias", [](Graph& g) { chain(g, {vec(g), add(g, "Dense", {{"units", int64_t{3}}, {"bias", false}}), add(g, "Output")}); }},
        LayerCase{"dense_on_sequence", [](Graph& g) { chain(g, {tokens(g), emb(g), add(g, "Dense", {{"units", int64_t{4}}}), add(g, "Output")}); }},
        LayerCase{"conv_groups_dilation_padding",
                  [](Graph& g) {
                      chain(g, {image(g, 4, 11, 10),
                                add(g, "Conv2d", {{"filters", int64_t{6}}, {"kernel", int64_t{3}}, {"stride", int64_t{2}},
                                                  {"padding", int64_t{2}}, {"dilation", int64_t{2}}, {"groups", int64_t{2}}}),
                                add(g, "Output")});
                  }},
        LayerCase{"conv_same_even_kernel_pads_asymmetrically",  // pads [1, 1, 2, 2]
                  [](Graph& g) { chain(g, {image(g), add(g, "Conv2d", {{"filters", int64_t{4}}, {"kernel", int64_t{4}}, {"same", true}}), add(g, "Output")}); }},
        LayerCase{"conv_same_dilated_pads_asymmetrically",  // dilation 3 · (2 - 1) = 3: pads [1, 1, 2, 2]
                  [](Graph& g) { chain(g, {image(g), add(g, "Conv2d", {{"filters", int64_t{2}}, {"kernel", int64_t{2}}, {"dilation", int64_t{3}}, {"same", true}}), add(g, "Output")}); }},
        LayerCase{"conv_transpose_upsamples",
                  [](Graph& g) {
                      chain(g, {image(g, 3, 5, 4),
                                add(g, "ConvTranspose2d", {{"filters", int64_t{2}}, {"kernel", int64_t{3}}, {"stride", int64_t{2}},
                                                           {"padding", int64_t{1}}, {"output_padding", int64_t{1}}}),
                                add(g, "Output")});
                  }},
        LayerCase{"conv_transpose_no_bias",
                  [](Graph& g) { chain(g, {image(g, 2, 4, 4), add(g, "ConvTranspose2d", {{"filters", int64_t{3}}, {"bias", false}}), add(g, "Output")}); }},
        LayerCase{"maxpool_ceil_mode", [](Graph& g) { chain(g, {image(g, 3, 7, 9), add(g, "MaxPool2d", {{"kernel", int64_t{2}}, {"ceil_mode", true}}), add(g, "Output")}); }},
        LayerCase{"maxpool_ceil_mode_drops_window_in_padding", [](Graph& g) { chain(g, {image(g, 2, 5, 5), add(g, "MaxPool2d", {{"kernel", int64_t{2}}, {"padding", int64_t{1}}, {"ceil_mode", true}}), add(g, "Output")}); }},
        LayerCase{"avgpool_ceil_mode_drops_window_in_padding", [](Graph& g) { chain(g, {image(g, 2, 5, 7), add(g, "AvgPool2d", {{"kernel", int64_t{2}}, {"padding", int64_t{1}}, {"ceil_mode", true}}), add(g, "Output")}); }},
        // Kernel 2 over 7 rows and 9 columns: the last window overhangs the input; PyTorch divides it by
        // the part inside (1 or 2), not by the kernel's 4.
        LayerCase{"avgpool_ceil_mode_overhanging_window", [](Graph& g) { chain(g, {image(g, 3, 7, 9), add(g, "AvgPool2d", {{"kernel", int64_t{2}}, {"ceil_mode", true}}), add(g, "Output")}); }},
        LayerCase{"avgpool_ceil_mode_overhanging_padded", [](Graph& g) { chain(g, {image(g, 2, 8, 6), add(g, "AvgPool2d", {{"kernel", int64_t{3}}, {"stride", int64_t{3}}, {"padding", int64_t{1}}, {"ceil_mode", true}}), add(g, "Output")}); }},
        LayerCase{"avgpool_ceil_mode", [](Graph& g) { chain(g, {image(g, 3, 7, 9), add(g, "AvgPool2d", {{"kernel", int64_t{3}}, {"stride", int64_t{2}}, {"padding", int64_t{1}}, {"ceil_mode", true}}), add(g, "Output")}); }},
        LayerCase{"maxpool", [](Graph& g) { chain(g, {image(g), add(g, "MaxPool2d", {{"kernel", int64_t{3}}, {"stride", int64_t{2}}, {"padding", int64_t{1}}}), add(g, "Output")}); }},
        LayerCase{"avgpool_counts_padding", [](Graph& g) { chain(g, {image(g), add(g, "AvgPool2d", {{"kernel", int64_t{3}}, {"stride", int64_t{2}}, {"padding", int64_t{1}}}), add(g, "Output")}); }},
        LayerCase{"global_avgpool", [](Graph& g) { chain(g, {image(g), add(g, "GlobalAvgPool2d"), add(g, "Output")}); }},
        LayerCase{"batchnorm_2d", [](Graph& g) { chain(g, {image(g), add(g, "BatchNorm"), add(g, "Output")}); }},
        LayerCase{"batchnorm_1d", [](Graph& g) { chain(g, {vec(g), add(g, "BatchNorm", {{"epsilon", 1e-3}}), add(g, "Output")}); }},
        LayerCase{"dropout_is_identity", [](Graph& g) { chain(g, {vec(g), add(g, "Dropout"), add(g, "Output")}); }},
        LayerCase{"flatten", [](Graph& g) { chain(g, {image(g), add(g, "Flatten"), add(g, "Output")}); }},
        LayerCase{"reshape", [](Graph& g) { chain(g, {vec(g), add(g, "Reshape", {{"shape", std::vector<int64_t>{3, -1}}}), add(g, "Output")}); }},
        LayerCase{"relu", [](Graph& g) { chain(g, {vec(g), add(g, "ReLU"), add(g, "Output")}); }},
        LayerCase{"leaky_relu", [](Graph& g) { chain(g, {vec(g), add(g, "LeakyReLU", {{"slope", 0.2}}), add(g, "Output")}); }},
        LayerCase{"sigmoid", [](Graph& g) { chain(g, {vec(g), add(g, "Sigmoid"), add(g, "Output")}); }},
        LayerCase{"tanh", [](Graph& g) { chain(g, {vec(g), add(g, "Tanh"), add(g, "Output")}); }},
        LayerCase{"gelu", [](Graph& g) { chain(g, {vec(g), add(g, "GELU"), add(g, "Output")}); }},
        LayerCase{"softmax", [](Graph& g) { chain(g, {vec(g), add(g, "Softmax"), add(g, "Output")}); }},
        LayerCase{"embedding", [](Graph& g) { chain(g, {tokens(g), emb(g), add(g, "Output")}); }},
        LayerCase{"lstm_last_step", [](Graph& g) { chain(g, {tokens(g), emb(g), add(g, "LSTM", {{"hidden", int64_t{4}}}), add(g, "Output")}); }},
        LayerCase{"lstm_bidirectional_two_layers_sequences",
                  [](Graph& g) {
                      chain(g, {tokens(g), emb(g),
                                add(g, "LSTM", {{"hidden", int64_t{4}}, {"layers", int64_t{2}}, {"bidirectional", true}, {"return_sequences", true}}),
                                add(g, "Output")});
                  }},
        LayerCase{"lstm_bidirectional_last_step",
                  [](Graph& g) { chain(g, {tokens(g), emb(g), add(g, "LSTM", {{"hidden", int64_t{3}}, {"bidirectional", true}}), add(g, "Output")}); }},
        LayerCase{"gru_bidirectional_last_step",
                  [](Graph& g) { chain(g, {tokens(g), emb(g), add(g, "GRU", {{"hidden", int64_t{4}}, {"bidirectional", true}}), add(g, "Output")}); }},
        LayerCase{"gru_two_layers_sequences",
                  [](Graph& g) {
                      chain(g, {tokens(g), emb(g), add(g, "GRU", {{"hidden", int64_t{3}}, {"layers", int64_t{2}}, {"return_sequences", true}}),
                                add(g, "Output")});
                  }},
        LayerCase{"add_and_concat_skip_graph",
                  [](Graph& g) {
                      NodeId in = image(g, 2, 6, 6);
                      NodeId c1 = add(g, "Conv2d", {{"filters", int64_t{2}}, {"padding", int64_t{1}}});
                      NodeId sum = add(g, "Add");
                      NodeId cat = add(g, "Concat");
                      NodeId out = add(g, "Output");
                      g.connect(in, c1, 0);
                      g.connect(c1, sum, 0);
                      g.connect(in, sum, 1);
                      g.connect(sum, cat, 0);
                      g.connect(in, cat, 1);
                      g.connect(cat, out, 0);
                  }}};

INSTANTIATE_TEST_SUITE_P(Export, LayerParity, ::testing::ValuesIn(kLayerCases),
                         [](const ::testing::TestParamInfo<LayerCase>& info) { return std::string(info.param.name); });

// A layer added to the registry needs, in its family file, a LibTorch builder and an ONNX emitter,
// and a parity case above: this walks the registry and the cases' graphs.
TEST(Export, EveryLayerTypeHasABuilderAnEmitterAndAParityCase) {
    std::set<std::string> covered;
    for (const LayerCase& c : kLayerCases) {
        Graph g;
        c.build(g);
        for (const auto& [id, n] : g.nodes()) covered.insert(n.type);
    }
    for (const LayerSpec& s : LayerRegistry::instance().all()) {
        const LayerKernels* k = layerKernels().find(s.type);
        ASSERT_NE(k, nullptr) << s.type << " has no kernels in its family file";
        EXPECT_TRUE(static_cast<bool>(k->build)) << s.type << " has no LibTorch builder";
        EXPECT_TRUE(static_cast<bool>(k->emit)) << s.type << " has no ONNX emitter";
        EXPECT_TRUE(covered.count(s.type)) << s.type << " has no ONNX Runtime parity case";
    }
}

TEST(Export, RawImageModelRunsThePreprocessingInside) {
    // RGB images of 12×10 → gray → resize 8×8 → scale → normalize, all inside the ONNX graph.
    PipelineSpec pre;
    pre.image = {ImageStep::make("grayscale"), ImageStep::make("resize", {{"width", int64_t{8}}, {"height", int64_t{8}}}),
                 ImageStep::make("scale"),
                 ImageStep::make("normalize", {{"mean", std::vector<double>{0.5}}, {"std", std::vector<double>{0.25}}})};
    Graph g;
    chain(g, {image(g, 1, 8, 8), add(g, "Conv2d", {{"filters", int64_t{2}}}), add(g, "Flatten"), add(g, "Output")});
    // The stored (load-time prepared) images are already 8×8 gray: the raw model sees them as RGBA.
    expectParity(g, pre, /*raw=*/true);
}

// The files users have: RGBA with partial transparency, gray, gray with alpha, a JPEG, odd sizes,
// some smaller than the network's input. The exported model (composite over the background, gray,
// resize in the graph) answers as the studio does for the same file.
TEST(Export, RawImageModelMatchesTheStudioOnOriginalFiles) {
    const std::string dir = makeTempDir();
    cv::RNG rng(5);
    auto noise = [&](int h, int w, int type) {
        cv::Mat m(h, w, type);
        rng.fill(m, cv::RNG::UNIFORM, 0, 256);
        return m;
    };
    std::vector<std::string> files = {dir + "/rgba.png", dir + "/gray.png", dir + "/gray_alpha.png", dir + "/photo.jpg",
                                      dir + "/tiny.png"};
    ASSERT_TRUE(cv::imwrite(files[0], noise(64, 48, CV_8UC4)));
    ASSERT_TRUE(cv::imwrite(files[1], noise(22, 22, CV_8UC1)));
    {  // gray with transparency (OpenCV writes it as RGBA with equal colour channels)
        cv::Mat gray = noise(30, 17, CV_8UC1), alpha = noise(30, 17, CV_8UC1), planes[] = {gray, gray, gray, alpha}, rgba;
        cv::merge(planes, 4, rgba);
        ASSERT_TRUE(cv::imwrite(files[2], rgba));
    }
    ASSERT_TRUE(cv::imwrite(files[3], noise(40, 52, CV_8UC3)));
    ASSERT_TRUE(cv::imwrite(files[4], noise(5, 3, CV_8UC3)));
    for (bool gray : {false, true}) {
        PipelineSpec pre;
        pre.background = {250, 128, 0};
        if (gray) pre.image.push_back(ImageStep::make("grayscale"));
        pre.image.push_back(ImageStep::make("resize", {{"width", int64_t{16}}, {"height", int64_t{12}}}));
        pre.image.push_back(ImageStep::make("center_crop", {{"width", int64_t{14}}, {"height", int64_t{10}}}));
        pre.image.push_back(ImageStep::make("scale"));
        Graph g;
        chain(g, {image(g, gray ? 1 : 3, 10, 14), add(g, "Conv2d", {{"filters", int64_t{3}}}), add(g, "Flatten"),
                  add(g, "Dense", {{"units", int64_t{4}}}), add(g, "Output")});
        expectParity(g, pre, /*raw=*/true, files);
    }
}

// The verifier is a child process started before the models exist; when it cannot run, the export
// says why (with node's words) and this process is not taken down by a broken pipe.
TEST(Export, VerifierThatCannotRunIsAClearError) {
    Graph g;
    chain(g, {vec(g), add(g, "Dense", {{"units", int64_t{3}}}), add(g, "Output")});
    GraphAnalysis a = analyzeGraph(g);
    Network net(g, a);
    std::string dir = makeTempDir();
    onnx::ModelProto model;
    OnnxBuildResult built = buildOnnxModel(g, a, *net, {}, model);
    ASSERT_EQ(built.error, "");
    ASSERT_EQ(checkAndWriteModel(model, dir + "/model.onnx"), "");

    struct Case {
        const char* script;  // the verifier's source
        const char* expected;
    };
    for (const Case& c : {Case{"console.error('boom: no engine'); process.exit(3);", "boom: no engine"},
                          Case{"require('onnxruntime-node');", "cannot load onnxruntime-node: run `npm ci`"}}) {
        SCOPED_TRACE(c.script);
        const std::string scriptDir = makeTempDir();  // no node_modules beside it
        std::ofstream(scriptDir + "/verify.js") << c.script << "\n";
        std::string error;
        auto verifier = VerifierProcess::start(scriptDir + "/verify.js", error);
        ASSERT_TRUE(verifier) << error;
        // Writes go into the pipe until the child has exited; then they fail (EPIPE, no SIGPIPE).
        auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (verifier->load(dir + "/model.onnx") && std::chrono::steady_clock::now() < giveUp)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        EXPECT_FALSE(verifier->load(dir + "/model.onnx")) << "the child should have exited";
        VerificationPlan plan;
        plan.tensorModel = dir + "/model.onnx";
        plan.inputName = built.inputName;
        plan.mainOutput = built.outputNames[0];
        plan.outDir = dir;
        plan.process = verifier.get();
        ExportReport report;
        std::string e = verifyModels(*net, ImagePipeline({}), plan, {torch::randn({1, 12})}, {}, report);
        EXPECT_NE(e.find(c.expected), std::string::npos) << e;
        EXPECT_TRUE(report.checks.empty());
    }
}

TEST(Export, MetadataAndSymbolicBatch) {
    ProjectLoad load = loadProject(projectPath("fashion-mnist-cnn"));
    ASSERT_TRUE(load.ok());
    GraphAnalysis a = analyzeGraph(load.project->graph);
    Network net(load.project->graph, a);
    OnnxBuildOptions o;
    o.classNames = {"a", "b\"q"};
    onnx::ModelProto m;
    ASSERT_EQ(buildOnnxModel(load.project->graph, a, *net, o, m).error, "");
    EXPECT_EQ(m.opset_import(0).version(), 17);
    EXPECT_EQ(m.ir_version(), 8);
    EXPECT_EQ(m.graph().input(0).name(), "input");
    EXPECT_EQ(m.graph().input(0).type().tensor_type().shape().dim(0).dim_param(), "batch");
    EXPECT_EQ(m.graph().output(0).name(), "logits");
    EXPECT_EQ(m.graph().output(1).name(), "probabilities");
    std::map<std::string, std::string> meta;
    for (const auto& p : m.metadata_props()) meta[p.key()] = p.value();
    EXPECT_EQ(meta["task"], "classification");
    EXPECT_EQ(meta["class_names"], "[\"a\",\"b\\\"q\"]");
    EXPECT_FALSE(meta["netloom_version"].empty());
}

TEST(Export, CheckerRefusalIsAnErrorAndNoFile) {
    onnx::ModelProto broken;
    broken.set_ir_version(8);
    broken.add_opset_import()->set_version(17);
    auto* n = broken.mutable_graph()->add_node();
    n->set_op_type("NoSuchOperator");
    n->add_input("x");
    n->add_output("y");
    std::string path = makeTempDir() + "/m.onnx";
    EXPECT_NE(checkAndWriteModel(broken, path), "");
    std::ifstream f(path);
    EXPECT_FALSE(f.good()) << "a refused model must not be written";
}

class ExampleExport : public ::testing::TestWithParam<const char*> {};

TEST_P(ExampleExport, ExportsAndVerifiesOnTheRealDataset) {
    ProjectLoad load = loadProject(projectPath(GetParam()));
    ASSERT_TRUE(load.ok()) << load.error;
    const Project& p = *load.project;
    GraphAnalysis a = analyzeGraph(p.graph);
    torch::manual_seed(5);
    Network net(p.graph, a);
    std::string dir = makeTempDir();
    std::string state = nlohmann::json{{"task", nameOf(p.training.task)}, {"classes", p.dataset.classes}}.dump();
    ASSERT_EQ(saveCheckpoint(dir + "/w.ckpt", *net, nullptr, {1, state}), "");
    ExportOptions o;
    o.outDir = dir + "/export";
    ExportReport r = exportProject(p, dir + "/w.ckpt", o);
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_GE(r.checks.size(), 2u);
    for (const ParityCheck& c : r.checks) EXPECT_TRUE(c.passed) << c.what << " " << c.maxAbsDiff;
    EXPECT_EQ(r.checks[0].samples, 1);
    EXPECT_EQ(r.checks[1].samples, 7);
    // The raw-image model: one check per original image, as a client sends it.
    int raw = 0;
    for (const ParityCheck& c : r.checks)
        if (c.what.rfind("raw image", 0) == 0) {
            ++raw;
            EXPECT_EQ(c.samples, 1) << c.what;
        }
    EXPECT_EQ(raw, r.rawModelPath.empty() ? 0 : 8);
    std::ifstream verification(r.verificationPath);
    EXPECT_TRUE(verification.good());
}

INSTANTIATE_TEST_SUITE_P(Export, ExampleExport,
                         ::testing::Values("fashion-mnist-mlp", "fashion-mnist-cnn", "fashion-mnist-resnet",
                                           "fortune-text-classifier", "breast-cancer-autoencoder"),
                         [](const ::testing::TestParamInfo<const char*>& info) { return netloom::testing::exampleTestName(info.param); });

// The bundle's deployment options. A bad value is refused before anything is done; good ones reach
// the manifests and the README.
TEST(Export, BundleOptionsRefuseBadValuesNamingTheOption) {
    struct Case {
        std::function<void(BundleOptions&)> set;
        const char* option;  // what the error names
        const char* value;
    };
    const std::vector<Case> cases = {
        {[](BundleOptions& o) { o.replicas = 0; }, "replicas", "0"},
        {[](BundleOptions& o) { o.replicas = 101; }, "replicas", "101"},
        {[](BundleOptions& o) { o.cpuRequest = "lots"; }, "CPU request", "lots"},
        {[](BundleOptions& o) { o.cpuRequest = "-1"; }, "CPU request", "-1"},
        {[](BundleOptions& o) { o.cpuLimit = "1.5 cores"; }, "CPU limit", "1.5 cores"},
        {[](BundleOptions& o) { o.cpuLimit = "0"; }, "CPU limit", "0"},
        {[](BundleOptions& o) { o.memoryRequest = "512MB"; }, "memory request", "512MB"},
        {[](BundleOptions& o) { o.memoryRequest = "512m"; }, "memory request", "512m"},
        {[](BundleOptions& o) { o.memoryLimit = "1 Gi"; }, "memory limit", "1 Gi"},
        {[](BundleOptions& o) { o.memoryLimit = "\"1Gi\"\nx: y"; }, "memory limit", "x: y"},
        {[](BundleOptions& o) { o.cpuRequest = "2"; }, "CPU request", "2"},          // above the limit (1)
        {[](BundleOptions& o) { o.memoryRequest = "2Gi"; }, "memory request", "2Gi"},  // above the limit (1Gi)
    };
    ProjectLoad load = loadProject(projectPath("fashion-mnist-cnn"));
    ASSERT_TRUE(load.ok()) << load.error;
    for (const Case& c : cases) {
        BundleOptions o;
        c.set(o);
        SCOPED_TRACE(std::string(c.option) + " = " + c.value);
        std::string dir = makeTempDir();
        ExportReport ok;
        ok.ok = true;
        std::string e = writeBundle(*load.project, dir + "/w.ckpt", ok, dir, o);
        EXPECT_NE(e.find(c.option), std::string::npos) << e;
        EXPECT_NE(e.find(c.value), std::string::npos) << e;
        EXPECT_EQ(e, validateBundleOptions(o));
        EXPECT_TRUE(std::filesystem::is_empty(dir)) << "nothing is written for refused options";
    }
    for (const char* cpu : {"250m", "1", "0.5", "2.25", "1000m"}) {
        BundleOptions o;
        o.cpuRequest = "1m";
        o.cpuLimit = cpu;
        EXPECT_EQ(validateBundleOptions(o), "") << cpu;
    }
    for (const char* memory : {"256Mi", "1Gi", "512M", "1.5Gi", "2G", "1073741824", "900k"}) {
        BundleOptions o;
        o.memoryRequest = "1Ki";
        o.memoryLimit = memory;
        EXPECT_EQ(validateBundleOptions(o), "") << memory;
    }
}

namespace {

std::string slurp(const std::string& path) {
    std::ifstream f(path);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

// The text of `yaml` from the line holding `key` to the next line indented no deeper than it.
std::string yamlBlock(const std::string& yaml, const std::string& key) {
    size_t at = yaml.find(key);
    if (at == std::string::npos) return {};
    size_t lineStart = yaml.rfind('\n', at) + 1;
    size_t indent = at - lineStart, end = yaml.find('\n', at);
    while (end != std::string::npos && end + 1 < yaml.size()) {
        size_t next = yaml.find_first_not_of(' ', end + 1);
        if (next == std::string::npos || next - (end + 1) <= indent) break;
        end = yaml.find('\n', end + 1);
    }
    return yaml.substr(lineStart, end == std::string::npos ? std::string::npos : end - lineStart);
}

}  // namespace

// One export of the CNN with untrained weights per test program; each test bundles a copy of it.
class ExportBundle : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        ProjectLoad load = loadProject(projectPath("fashion-mnist-cnn"));
        ASSERT_TRUE(load.ok()) << load.error;
        project_ = new Project(*load.project);
        GraphAnalysis a = analyzeGraph(project_->graph);
        torch::manual_seed(5);
        Network net(project_->graph, a);
        dir_ = makeTempDir();
        std::string state = nlohmann::json{{"task", nameOf(project_->training.task)}, {"classes", project_->dataset.classes}}.dump();
        ASSERT_EQ(saveCheckpoint(dir_ + "/w.ckpt", *net, nullptr, {1, state}), "");
        ExportOptions o;
        o.outDir = dir_ + "/export";
        o.samples = 8;
        report_ = exportProject(*project_, dir_ + "/w.ckpt", o);
        ASSERT_TRUE(report_.ok) << report_.error;
    }
    static void TearDownTestSuite() {
        delete project_;
        project_ = nullptr;
    }
    // A fresh copy of the export with a bundle written into it; "" when writeBundle failed.
    static std::string bundle(const BundleOptions& options) {
        std::string out = makeTempDir() + "/bundle";
        std::filesystem::copy(dir_ + "/export", out, std::filesystem::copy_options::recursive);
        std::string e = writeBundle(*project_, dir_ + "/w.ckpt", report_, out, options);
        EXPECT_EQ(e, "");
        return e.empty() ? out : std::string();
    }
    static Project* project_;
    static ExportReport report_;
    static std::string dir_;
};
Project* ExportBundle::project_ = nullptr;
ExportReport ExportBundle::report_;
std::string ExportBundle::dir_;

TEST_F(ExportBundle, DefaultsAreASmallCpuServiceWithTriton) {
    std::string out = bundle(BundleOptions{});
    ASSERT_FALSE(out.empty());
    std::string deployment = slurp(out + "/k8s/deployment.yaml"), hpa = slurp(out + "/k8s/hpa.yaml");
    EXPECT_NE(deployment.find("\n  replicas: 2\n"), std::string::npos);
    EXPECT_NE(yamlBlock(deployment, "requests:").find("cpu: \"250m\"\n              memory: \"256Mi\""), std::string::npos)
        << deployment;
    EXPECT_NE(yamlBlock(deployment, "limits:").find("cpu: \"1\"\n              memory: \"1Gi\""), std::string::npos);
    EXPECT_EQ(deployment.find("nvidia.com/gpu"), std::string::npos);
    EXPECT_NE(hpa.find("minReplicas: 2\n  maxReplicas: 10\n"), std::string::npos) << hpa;
    EXPECT_TRUE(std::filesystem::exists(out + "/triton/model_repository/fashion-mnist-cnn/config.pbtxt"));
    EXPECT_TRUE(std::filesystem::exists(out + "/triton/k8s/deployment.yaml"));
    // Every placeholder and section marker is gone from what was written.
    for (const char* f : {"README.md", "Dockerfile", "k8s/deployment.yaml", "k8s/hpa.yaml", "triton/k8s/deployment.yaml"})
        EXPECT_EQ(slurp(out + "/" + f).find("{{"), std::string::npos) << f;
}

TEST_F(ExportBundle, OptionsReachTheDeploymentAndTheHpa) {
    BundleOptions o;
    o.replicas = 7;
    o.cpuRequest = "0.5";
    o.memoryRequest = "512Mi";
    o.cpuLimit = "2";
    o.memoryLimit = "3Gi";
    std::string out = bundle(o);
    ASSERT_FALSE(out.empty());
    std::string deployment = slurp(out + "/k8s/deployment.yaml"), hpa = slurp(out + "/k8s/hpa.yaml");
    EXPECT_NE(deployment.find("\n  replicas: 7\n"), std::string::npos) << deployment;
    EXPECT_EQ(yamlBlock(deployment, "requests:"),
              "            requests:\n              cpu: \"0.5\"\n              memory: \"512Mi\"");
    EXPECT_EQ(yamlBlock(deployment, "limits:"), "            limits:\n              cpu: \"2\"\n              memory: \"3Gi\"");
    EXPECT_NE(hpa.find("minReplicas: 7\n  maxReplicas: 14\n"), std::string::npos) << hpa;
    EXPECT_EQ(bundleMaxReplicas(o), 14);
    std::string readme = slurp(out + "/README.md");
    EXPECT_NE(readme.find("scales 7..14 replicas"), std::string::npos);
    EXPECT_NE(readme.find("requests 0.5 CPU and 512Mi"), std::string::npos);
}

TEST_F(ExportBundle, GpuAddsTheNvidiaLimitAndSaysWhatItIsFor) {
    BundleOptions o;
    o.gpu = true;
    std::string out = bundle(o);
    ASSERT_FALSE(out.empty());
    std::string deployment = slurp(out + "/k8s/deployment.yaml");
    EXPECT_EQ(yamlBlock(deployment, "limits:"),
              "            limits:\n              cpu: \"1\"\n              memory: \"1Gi\"\n              nvidia.com/gpu: \"1\"");
    EXPECT_EQ(yamlBlock(deployment, "requests:").find("nvidia.com/gpu"), std::string::npos);
    std::string readme = slurp(out + "/README.md");
    EXPECT_NE(readme.find("`nvidia.com/gpu: 1`"), std::string::npos);
    EXPECT_NE(readme.find("ONNX Runtime's CPU execution provider"), std::string::npos);
}

TEST_F(ExportBundle, WithoutTritonThereIsNoTritonFolder) {
    BundleOptions o;
    o.triton = false;
    std::string out = bundle(o);
    ASSERT_FALSE(out.empty());
    EXPECT_FALSE(std::filesystem::exists(out + "/triton"));
    EXPECT_TRUE(std::filesystem::exists(out + "/k8s/deployment.yaml"));
    std::string readme = slurp(out + "/README.md");
    EXPECT_EQ(readme.find("triton/"), std::string::npos);
    EXPECT_EQ(readme.find("{{"), std::string::npos);
    // Bundling the same folder again without Triton removes what an earlier bundle put there.
    o.triton = true;
    ASSERT_EQ(writeBundle(*project_, dir_ + "/w.ckpt", report_, out, o), "");
    ASSERT_TRUE(std::filesystem::exists(out + "/triton/model_repository"));
    o.triton = false;
    ASSERT_EQ(writeBundle(*project_, dir_ + "/w.ckpt", report_, out, o), "");
    EXPECT_FALSE(std::filesystem::exists(out + "/triton"));
}

// The README's predict example is the first golden sample, named as it is, with its content type,
// and the file is there: the bundle's tests run the command as written.
TEST_F(ExportBundle, ReadmeSendsTheFirstGoldenSample) {
    std::string out = bundle(BundleOptions{});
    ASSERT_FALSE(out.empty());
    nlohmann::json golden = nlohmann::json::parse(slurp(out + "/samples/expected.json"));
    ASSERT_FALSE(golden["samples"].empty());
    const std::string file = golden["samples"][0]["file"];
    EXPECT_TRUE(std::filesystem::exists(out + "/" + file)) << file;
    std::string readme = slurp(out + "/README.md");
    EXPECT_NE(readme.find("--data-binary @" + file + "\n"), std::string::npos) << readme;
    EXPECT_NE(readme.find("data=open(\"" + file + "\", \"rb\")"), std::string::npos) << readme;
    if (file.size() > 4 && file.substr(file.size() - 4) == ".png") EXPECT_NE(readme.find("content-type: image/png"), std::string::npos);
    std::filesystem::remove_all(std::filesystem::path(out).parent_path());
}

// The bundle's self-test (server/selftest.js) judges the bundle before the export is called done: a
// labels.json that does not match the model makes the served answers differ from the studio's, and
// writeBundle says so, naming the sample.
TEST_F(ExportBundle, SelfTestRefusesABundleWhoseServerAnswersDiffer) {
    std::string out = makeTempDir() + "/bundle";
    std::filesystem::copy(dir_ + "/export", out, std::filesystem::copy_options::recursive);
    auto labels = nlohmann::json::parse(slurp(out + "/labels.json")).get<std::vector<std::string>>();
    std::reverse(labels.begin(), labels.end());
    std::ofstream(out + "/labels.json") << nlohmann::json(labels).dump();
    std::string e = writeBundle(*project_, dir_ + "/w.ckpt", report_, out, BundleOptions{});
    EXPECT_NE(e.find("self-test failed"), std::string::npos) << e;
    EXPECT_NE(e.find("sample 1 of"), std::string::npos) << e;
    EXPECT_NE(e.find("the studio said"), std::string::npos) << e;
    std::filesystem::remove_all(std::filesystem::path(out).parent_path());
}

// The preprocessing alone, pixel for pixel: a network that is only Input → Output shows the
// prepared image itself, so the exported model and the studio must give the same levels.
TEST(Export, RawImagePreprocessingMatchesTheStudioPixelForPixel) {
    const std::string dir = makeTempDir();
    cv::RNG rng(9);
    cv::Mat rgba(6, 5, CV_8UC4);
    rng.fill(rgba, cv::RNG::UNIFORM, 0, 256);
    ASSERT_TRUE(cv::imwrite(dir + "/rgba.png", rgba));
    cv::Mat bgr(6, 5, CV_8UC3);
    rng.fill(bgr, cv::RNG::UNIFORM, 0, 256);
    ASSERT_TRUE(cv::imwrite(dir + "/rgb.png", bgr));
    for (bool gray : {false, true}) {
        PipelineSpec pre;
        pre.background = {250, 128, 0};
        if (gray) pre.image.push_back(ImageStep::make("grayscale"));
        Graph g;
        chain(g, {image(g, gray ? 1 : 3, 6, 5), add(g, "Output")});
        SCOPED_TRACE(gray ? "gray" : "rgb");
        expectParity(g, pre, /*raw=*/true, {dir + "/rgba.png", dir + "/rgb.png"});
    }
}
