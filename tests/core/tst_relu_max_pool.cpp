// ReLU followed by MaxPool2d in one pass (graph/layers/relu_max_pool.h) must give what LibTorch's
// relu then max_pool2d give, bit for bit, forward and backward: the examples train to the same
// losses with the same seeds. Inputs are made to hurt: ties (values on a coarse grid), all-negative
// windows, zeros of both signs, NaN, odd sizes, padding, ceil_mode and overlapping windows.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <ostream>
#include <string>

#include "graph/graph_analysis.h"
#include "graph/layers/paired_linear.h"
#include "graph/layers/relu_max_pool.h"
#include "train/cpu_threads.h"
#include "train/network.h"
#include "test_graphs.h"

using namespace netloom;
using netloom::testing::add;
using netloom::testing::chain;

namespace {

// Same bits everywhere (NaN equals NaN, -0 differs from +0).
bool sameBits(const torch::Tensor& a, const torch::Tensor& b) {
    return a.sizes() == b.sizes() && torch::equal(a.contiguous().view(torch::kInt32), b.contiguous().view(torch::kInt32));
}

// Values on a grid of halves in [-2, 2] (many ties and exact zeros), some -0 and a few NaN.
torch::Tensor hostileInput(std::vector<int64_t> shape, uint64_t seed) {
    torch::manual_seed(seed);
    torch::Tensor x = torch::randint(-4, 5, shape).to(torch::kFloat32) / 2;
    torch::Tensor flat = x.view(-1);
    for (int64_t i = 0; i < flat.numel(); i += 13) flat[i] = -0.0f;
    for (int64_t i = 7; i < flat.numel(); i += 97) flat[i] = std::numeric_limits<float>::quiet_NaN();
    return x;
}

struct Case {
    const char* name;
    int64_t height, width;
    PoolWindow window;
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class ReluMaxPool : public ::testing::TestWithParam<Case> {};

}  // namespace

TEST_P(ReluMaxPool, EqualsReluThenMaxPoolBitForBitWithGradients) {
    const Case c = GetParam();
    const PoolWindow w = c.window;
    for (uint64_t seed : {1u, 2u, 3u}) {
        torch::Tensor base = hostileInput({3, 5, c.height, c.width}, seed);
        torch::Tensor x1 = base.clone().requires_grad_(true);
        torch::Tensor x2 = base.clone().requires_grad_(true);
        torch::Tensor expected = torch::max_pool2d(torch::relu(x1), {w.kernel, w.kernel}, {w.stride, w.stride},
                                                   {w.padding, w.padding}, {1, 1}, w.ceil);
        torch::Tensor got = reluMaxPool2d(x2, w);
        ASSERT_TRUE(sameBits(got, expected)) << c.name << " seed " << seed << " forward";
        // A gradient with ties of its own, zeros of both signs and no NaN.
        torch::manual_seed(seed + 100);
        torch::Tensor grad = torch::randint(-3, 4, expected.sizes()).to(torch::kFloat32) / 4;
        grad.view(-1).index_put_({torch::indexing::Slice(0, torch::indexing::None, 5)}, -0.0f);
        expected.backward(grad);
        got.backward(grad);
        ASSERT_TRUE(sameBits(x2.grad(), x1.grad())) << c.name << " seed " << seed << " gradient";
        // Without autograd the kernel takes its no-gradient path: the same output.
        torch::NoGradGuard noGrad;
        EXPECT_TRUE(sameBits(reluMaxPool2d(base, w), expected.detach())) << c.name << " seed " << seed << " no grad";
    }
}

INSTANTIATE_TEST_SUITE_P(
    Windows, ReluMaxPool,
    ::testing::Values(Case{"k2_s2_even", 8, 12, {2, 2, 0, false}}, Case{"k2_s2_odd_floor", 7, 9, {2, 2, 0, false}},
                      Case{"k2_s2_odd_ceil", 7, 9, {2, 2, 0, true}}, Case{"k2_s1_overlapping", 6, 5, {2, 1, 0, false}},
                      Case{"k3_s1_pad1_overlapping", 5, 7, {3, 1, 1, false}}, Case{"k3_s2_pad1", 9, 8, {3, 2, 1, false}},
                      Case{"k3_s3_ceil", 10, 11, {3, 3, 0, true}}, Case{"k2_s2_pad1_ceil", 5, 6, {2, 2, 1, true}},
                      Case{"k4_s2_pad2", 6, 9, {4, 2, 2, false}}, Case{"k2_s2_one_row", 1, 10, {2, 2, 0, true}}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// A convolution computed channels-last leaves its output laid out N×H×W×C; pooling reads that
// layout and writes planar output (8×8 blocks transposed in registers, the rest one by one): 19
// channels and 10+ outputs per row reach both, with the same bits as the planar path.
TEST(ReluMaxPoolChannelsLast, EqualsReluThenMaxPoolBitForBitWithGradients) {
    for (const PoolWindow& w : {PoolWindow{2, 2, 0, false}, PoolWindow{2, 2, 0, true}, PoolWindow{3, 2, 1, false},
                                PoolWindow{3, 1, 1, false}}) {
        const std::string name = "k" + std::to_string(w.kernel) + "s" + std::to_string(w.stride) + "p" +
                                 std::to_string(w.padding) + (w.ceil ? "ceil" : "");
        torch::Tensor base = hostileInput({3, 19, 21, 23}, 7).contiguous(at::MemoryFormat::ChannelsLast);
        ASSERT_FALSE(base.is_contiguous());
        torch::Tensor x1 = base.clone().requires_grad_(true);
        torch::Tensor x2 = base.clone().requires_grad_(true);
        torch::Tensor expected = torch::max_pool2d(torch::relu(x1.contiguous()), {w.kernel, w.kernel}, {w.stride, w.stride},
                                                   {w.padding, w.padding}, {1, 1}, w.ceil);
        torch::Tensor got = reluMaxPool2d(x2, w);
        ASSERT_TRUE(got.is_contiguous()) << name << ": planar output";
        ASSERT_TRUE(sameBits(got, expected)) << name << " forward";
        torch::manual_seed(11);
        torch::Tensor grad = torch::randint(-3, 4, expected.sizes()).to(torch::kFloat32) / 4;
        expected.backward(grad);
        got.backward(grad);
        ASSERT_TRUE(sameBits(x2.grad().contiguous(), x1.grad().contiguous())) << name << " gradient";
        torch::NoGradGuard noGrad;
        EXPECT_TRUE(sameBits(reluMaxPool2d(base, w), expected.detach())) << name << " no grad";
    }
}

// What the kernel does not cover goes through LibTorch's own operations, with the same result.
TEST(ReluMaxPoolFallback, DoublesAndUnbatchedImagesTakeLibTorchsPath) {
    torch::Tensor d = hostileInput({2, 3, 6, 6}, 9).to(torch::kFloat64);
    EXPECT_TRUE(torch::equal(reluMaxPool2d(d, {2, 2, 0, false}).nan_to_num(), torch::max_pool2d(torch::relu(d), {2, 2}).nan_to_num()));
    torch::Tensor unbatched = hostileInput({3, 6, 6}, 10);
    EXPECT_TRUE(sameBits(reluMaxPool2d(unbatched, {2, 2, 0, false}), torch::max_pool2d(torch::relu(unbatched), {2, 2})));
}

TEST(ReluMaxPoolFolding, OnlyAReluWhoseOnlyReaderIsAMaxPoolFolds) {
    Graph g;
    auto ids = chain(g, {add(g, "Input", {{"kind", std::string("image")}, {"channels", int64_t{1}}, {"height", int64_t{8}}, {"width", int64_t{8}}}),
                         add(g, "Conv2d", {{"filters", int64_t{2}}}), add(g, "ReLU"), add(g, "MaxPool2d"),
                         add(g, "ReLU"), add(g, "AvgPool2d")});
    EXPECT_TRUE(reluFoldsIntoMaxPool(g, ids[2]));
    EXPECT_FALSE(reluFoldsIntoMaxPool(g, ids[4])) << "its reader is an AvgPool2d";
    EXPECT_FALSE(reluFoldsIntoMaxPool(g, ids[1])) << "not a ReLU";
    g.connect(ids[2], add(g, "Flatten"), 0);
    EXPECT_FALSE(reluFoldsIntoMaxPool(g, ids[2])) << "a second reader needs the rectified values";
}

// The reference CNN built as a network (the fold applies) against the same computation written
// with LibTorch's operations on the network's own weights: the same loss and gradients, bit for bit.
// Input channels 1, 3 and 4 take the channels-last convolution forward; 6 the planar one.
// Without a bias the convolution stays planar.
class ReferenceCnn : public ::testing::TestWithParam<std::tuple<int64_t, int64_t, bool>> {};

TEST_P(ReferenceCnn, TrainsOnExactlyTheSameNumbers) {
    const auto [channels, filters, bias] = GetParam();
    Graph g;
    chain(g, {add(g, "Input", {{"kind", std::string("image")}, {"channels", channels}, {"height", int64_t{17}}, {"width", int64_t{15}}}),
              add(g, "Conv2d", {{"filters", filters}, {"kernel", int64_t{3}}, {"bias", bias}}, "conv"), add(g, "ReLU"),
              add(g, "MaxPool2d", {{"kernel", int64_t{2}}, {"ceil_mode", true}}), add(g, "Flatten"),
              add(g, "Dense", {{"units", int64_t{5}}}, "dense"), add(g, "Output")});
    GraphAnalysis analysis = analyzeGraph(g);
    ASSERT_TRUE(analysis.ok());
    torch::manual_seed(5);
    Network net(g, analysis);
    torch::Tensor x = torch::randn({6, channels, 17, 15});
    torch::Tensor y = torch::randint(0, 5, {6});
    torch::Tensor loss = torch::cross_entropy_loss(net->forward(x), y);
    loss.backward();

    auto params = net->named_parameters();
    torch::Tensor cw = params["conv.weight"].detach().clone().requires_grad_(true);
    torch::Tensor cb = bias ? params["conv.bias"].detach().clone().requires_grad_(true) : torch::Tensor();
    torch::Tensor dw = params["dense.weight"].detach().clone().requires_grad_(true);
    torch::Tensor db = params["dense.bias"].detach().clone().requires_grad_(true);
    torch::Tensor h = torch::max_pool2d(torch::relu(torch::conv2d(x, cw, cb)), {2, 2}, {2, 2}, {0, 0}, {1, 1}, true);
    torch::Tensor reference = torch::cross_entropy_loss(torch::linear(h.flatten(1), dw, db), y);
    reference.backward();
    EXPECT_TRUE(sameBits(loss.detach(), reference.detach()));
    EXPECT_TRUE(sameBits(params["conv.weight"].grad(), cw.grad()));
    if (bias) EXPECT_TRUE(sameBits(params["conv.bias"].grad(), cb.grad()));
    EXPECT_TRUE(sameBits(params["dense.weight"].grad(), dw.grad()));
}

INSTANTIATE_TEST_SUITE_P(ReluMaxPoolFolding, ReferenceCnn,
                         ::testing::Values(std::make_tuple(int64_t{3}, int64_t{4}, true), std::make_tuple(int64_t{3}, int64_t{32}, true),
                                           std::make_tuple(int64_t{1}, int64_t{32}, true), std::make_tuple(int64_t{4}, int64_t{16}, true),
                                           std::make_tuple(int64_t{6}, int64_t{8}, true), std::make_tuple(int64_t{3}, int64_t{8}, false)),
                         [](const auto& info) {
                             return "in" + std::to_string(std::get<0>(info.param)) + "_filters" +
                                    std::to_string(std::get<1>(info.param)) + (std::get<2>(info.param) ? "" : "_no_bias");
                         });

// Dense's backward with its two products side by side (graph/layers/paired_linear.h) equals
// torch::linear's gradients bit for bit: the reference CNN's own 128×30752 → 10, a batch of
// one, odd sizes, no bias, an input that needs no gradient.
TEST(PairedLinear, EqualsLibTorchsLinearBitForBitWithGradients) {
    struct Shape {
        int64_t batch, in, out;
        bool bias, inputGrad;
    };
    // As training sets the threads for a network with convolutions: two for LibTorch, one for BLAS.
    configureCpuThreads(2, CpuWork::Convolutions);
    for (const Shape& s : {Shape{128, 30752, 10, true, true}, Shape{130, 200, 3, true, true}, Shape{65, 129, 17, false, true},
                           Shape{1, 10, 4, true, true}, Shape{7, 33, 5, true, false}, Shape{300, 70, 129, false, false}}) {
        const std::string name = std::to_string(s.batch) + "x" + std::to_string(s.in) + "->" + std::to_string(s.out);
        torch::manual_seed(s.batch * 31 + s.in);
        torch::Tensor x = torch::randn({s.batch, s.in});
        torch::Tensor w = torch::randn({s.out, s.in}) / std::sqrt(static_cast<double>(s.in));
        torch::Tensor b = s.bias ? torch::randn({s.out}) : torch::Tensor();
        torch::Tensor g = torch::randn({s.batch, s.out});
        auto run = [&](bool paired) {
            torch::Tensor xi = x.clone().requires_grad_(s.inputGrad), wi = w.clone().requires_grad_(true);
            torch::Tensor bi = s.bias ? b.clone().requires_grad_(true) : torch::Tensor();
            torch::Tensor y = paired ? pairedLinear(xi, wi, bi) : torch::linear(xi, wi, bi);
            y.backward(g);
            return std::vector<torch::Tensor>{y.detach(), s.inputGrad ? xi.grad() : torch::zeros({1}), wi.grad(),
                                              s.bias ? bi.grad() : torch::zeros({1})};
        };
        std::vector<torch::Tensor> expected = run(false), got = run(true);
        const char* what[] = {"output", "input gradient", "weight gradient", "bias gradient"};
        for (size_t k = 0; k < expected.size(); ++k) EXPECT_TRUE(sameBits(got[k], expected[k])) << name << " " << what[k];
    }
    configureCpuThreads(0, CpuWork::MatrixProducts);
}

// Two blocks, 3 → 4 → 8 channels: both convolutions run channels-last, so the second one passes
// its input gradient back through the first block's pooling (the same bits as plain LibTorch).
TEST(ReluMaxPoolFolding, TwoBlocksPassTheGradientThroughBothConvolutions) {
    Graph g;
    chain(g, {add(g, "Input", {{"kind", std::string("image")}, {"channels", int64_t{3}}, {"height", int64_t{22}}, {"width", int64_t{20}}}),
              add(g, "Conv2d", {{"filters", int64_t{4}}, {"kernel", int64_t{3}}}, "conv1"), add(g, "ReLU"), add(g, "MaxPool2d"),
              add(g, "Conv2d", {{"filters", int64_t{8}}, {"kernel", int64_t{3}}, {"padding", int64_t{1}}}, "conv2"),
              add(g, "ReLU"), add(g, "MaxPool2d"), add(g, "Flatten"), add(g, "Dense", {{"units", int64_t{3}}}, "dense"),
              add(g, "Output")});
    GraphAnalysis analysis = analyzeGraph(g);
    ASSERT_TRUE(analysis.ok());
    torch::manual_seed(8);
    Network net(g, analysis);
    torch::Tensor x = torch::randn({5, 3, 22, 20});
    torch::Tensor y = torch::randint(0, 3, {5});
    torch::cross_entropy_loss(net->forward(x), y).backward();

    auto params = net->named_parameters();
    std::map<std::string, torch::Tensor> copy;
    for (const auto& item : params) copy[item.key()] = item.value().detach().clone().requires_grad_(true);
    auto block = [](const torch::Tensor& in, const torch::Tensor& w, const torch::Tensor& b, int64_t padding) {
        return torch::max_pool2d(torch::relu(torch::conv2d(in, w, b, 1, padding)), {2, 2});
    };
    torch::Tensor h = block(block(x, copy["conv1.weight"], copy["conv1.bias"], 0), copy["conv2.weight"], copy["conv2.bias"], 1);
    torch::cross_entropy_loss(torch::linear(h.flatten(1), copy["dense.weight"], copy["dense.bias"]), y).backward();
    for (const auto& item : params)
        EXPECT_TRUE(sameBits(item.value().grad(), copy[item.key()].grad())) << item.key();
}
