// netloom-cli predict --json lists probabilities in the model's class order (the order of the class
// names it was trained with), not sorted by name; --top K keeps the K most probable, in that order.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "cli/commands.h"
#include "graph/graph_analysis.h"
#include "train/checkpoint.h"
#include "train/network.h"
#include "test_graphs.h"

using namespace netloom;
using namespace netloom::testing;

namespace {

// An untrained CNN of the Fashion-MNIST example, saved with its classes in training order.
struct PredictFixture {
    std::string dir, checkpoint;
    std::vector<std::string> classes;
    std::vector<std::string> images;
};

PredictFixture makeFixture() {
    PredictFixture s;
    ProjectLoad load = loadProject(projectPath("fashion-mnist-cnn"));
    EXPECT_TRUE(load.ok()) << load.error;
    GraphAnalysis a = analyzeGraph(load.project->graph);
    torch::manual_seed(3);
    Network net(load.project->graph, a);
    s.dir = makeTempDir();
    s.checkpoint = s.dir + "/w.ckpt";
    s.classes = load.project->dataset.classes;
    std::string state = nlohmann::json{{"task", "classification"}, {"classes", s.classes}}.dump();
    EXPECT_EQ(saveCheckpoint(s.checkpoint, *net, nullptr, {1, state}), "");
    // A colour image, a gray one, one with alpha (the example's preprocessing does not resize: 28×28).
    cv::RNG rng(7);
    for (int type : {CV_8UC3, CV_8UC1, CV_8UC4}) {
        cv::Mat m(28, 28, type);
        rng.fill(m, cv::RNG::UNIFORM, 0, 256);
        s.images.push_back(s.dir + "/in" + std::to_string(s.images.size()) + ".png");
        EXPECT_TRUE(cv::imwrite(s.images.back(), m));
    }
    return s;
}

nlohmann::ordered_json predictJson(const PredictFixture& s, const std::string& top = {}) {
    cli::Arguments args;
    args.positional = {projectPath("fashion-mnist-cnn")};
    args.positional.insert(args.positional.end(), s.images.begin(), s.images.end());
    args.options = {{"weights", s.checkpoint}, {"json", "1"}};
    if (!top.empty()) args.options["top"] = top;
    std::ostringstream out, err;
    EXPECT_EQ(cli::predictCommand(args, out, err), 0) << err.str();
    return nlohmann::ordered_json::parse(out.str());
}

std::vector<std::string> keys(const nlohmann::ordered_json& object) {
    std::vector<std::string> out;
    for (const auto& item : object.items()) out.push_back(item.key());
    return out;
}

}  // namespace

TEST(CliPredict, JsonListsProbabilitiesInTheModelsClassOrder) {
    PredictFixture s = makeFixture();
    ASSERT_FALSE(std::is_sorted(s.classes.begin(), s.classes.end())) << "the classes must not be in name order for this test";
    nlohmann::ordered_json all = predictJson(s);
    ASSERT_EQ(all.size(), s.images.size());
    for (const auto& r : all) {
        ASSERT_TRUE(r.contains("probabilities")) << r.dump();
        EXPECT_EQ(keys(r["probabilities"]), s.classes) << r["input"];
        double sum = 0, best = -1;
        std::string argmax;
        for (const auto& [name, p] : r["probabilities"].items()) {
            sum += p.get<double>();
            if (p.get<double>() > best) best = p.get<double>(), argmax = name;
        }
        EXPECT_NEAR(sum, 1.0, 1e-5);
        EXPECT_EQ(r["label"], argmax);
    }
    std::filesystem::remove_all(s.dir);
}

TEST(CliPredict, TopKeepsTheMostProbableStillInClassOrder) {
    PredictFixture s = makeFixture();
    nlohmann::ordered_json all = predictJson(s), top = predictJson(s, "3");
    ASSERT_EQ(top.size(), all.size());
    for (size_t i = 0; i < all.size(); ++i) {
        std::vector<std::pair<double, std::string>> ranked;
        for (const auto& [name, p] : all[i]["probabilities"].items()) ranked.push_back({p.get<double>(), name});
        std::sort(ranked.rbegin(), ranked.rend());
        std::vector<std::string> kept = keys(top[i]["probabilities"]);
        ASSERT_EQ(kept.size(), 3u) << top[i].dump();
        // The three most probable classes...
        for (size_t k = 0; k < 3; ++k) EXPECT_NE(std::find(kept.begin(), kept.end(), ranked[k].second), kept.end()) << ranked[k].second;
        // ...listed as the model orders its classes.
        std::vector<size_t> positions;
        for (const auto& name : kept) positions.push_back(std::find(s.classes.begin(), s.classes.end(), name) - s.classes.begin());
        EXPECT_TRUE(std::is_sorted(positions.begin(), positions.end())) << top[i]["probabilities"].dump();
    }
    std::filesystem::remove_all(s.dir);
}
