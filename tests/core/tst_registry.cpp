#include <gtest/gtest.h>

#include <set>

#include "graph/layer_registry.h"

using namespace netloom;

TEST(Registry, DeclaresTheWholeLayerSet) {
    const auto& registry = LayerRegistry::instance();
    for (const char* type : {"Input", "Dense", "Conv2d", "MaxPool2d", "AvgPool2d", "GlobalAvgPool2d", "BatchNorm",
                             "Dropout", "Flatten", "Reshape", "ReLU", "LeakyReLU", "Sigmoid", "Tanh", "GELU",
                             "Softmax", "Embedding", "LSTM", "GRU", "Add", "Concat", "Output"})
        EXPECT_NE(registry.find(type), nullptr) << type;
    EXPECT_EQ(registry.find("Conv3d"), nullptr);
}

TEST(Registry, EachTypeDeclaredOnceWithCompleteEntry) {
    std::set<std::string> seen;
    for (const LayerSpec& s : LayerRegistry::instance().all()) {
        EXPECT_TRUE(seen.insert(s.type).second) << s.type << " declared twice";
        EXPECT_FALSE(s.category.empty()) << s.type;
        EXPECT_FALSE(s.description.empty()) << s.type;
        EXPECT_FALSE(s.nameStem.empty()) << s.type;
        EXPECT_TRUE(static_cast<bool>(s.inferShape)) << s.type;
        EXPECT_TRUE(s.maxInputs == kVariadic || s.maxInputs >= s.minInputs) << s.type;
        std::set<std::string> names;
        for (const ParamSpec& p : s.params) {
            EXPECT_TRUE(names.insert(p.name).second) << s.type << "." << p.name;
            // Every default must pass its own spec, or a freshly dropped layer would be invalid.
            EXPECT_EQ(checkParamValue(p, p.defaultValue), "") << s.type << "." << p.name;
        }
    }
}

TEST(Registry, CategoriesKeepDeclarationOrder) {
    auto cats = LayerRegistry::instance().categories();
    ASSERT_GE(cats.size(), 5u);
    EXPECT_EQ(cats.front(), "Input/Output");
}

struct ParamCase {
    const char* layer;
    const char* param;
    ParamValue value;
    bool valid;
};

class ParamChecks : public ::testing::TestWithParam<ParamCase> {};

TEST_P(ParamChecks, RangesAndKindsAreEnforced) {
    const ParamCase& c = GetParam();
    const LayerSpec* spec = LayerRegistry::instance().find(c.layer);
    ASSERT_NE(spec, nullptr);
    const ParamSpec* p = spec->param(c.param);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(checkParamValue(*p, c.value).empty(), c.valid) << checkParamValue(*p, c.value);
}

INSTANTIATE_TEST_SUITE_P(
    Registry, ParamChecks,
    ::testing::Values(ParamCase{"Conv2d", "kernel", int64_t{3}, true}, ParamCase{"Conv2d", "kernel", int64_t{0}, false},
                      ParamCase{"Conv2d", "kernel", std::string("3x3"), false},
                      ParamCase{"Dropout", "rate", 0.3, true}, ParamCase{"Dropout", "rate", 1.5, false},
                      ParamCase{"Dropout", "rate", int64_t{0}, true},
                      ParamCase{"Input", "kind", std::string("tokens"), true},
                      ParamCase{"Input", "kind", std::string("audio"), false},
                      ParamCase{"LSTM", "bidirectional", true, true},
                      ParamCase{"LSTM", "bidirectional", int64_t{1}, false},
                      ParamCase{"Reshape", "shape", std::vector<int64_t>{1, 28, 28}, true},
                      ParamCase{"Reshape", "shape", std::vector<int64_t>{}, false},
                      ParamCase{"Dense", "units", int64_t{1} << 40, false}));
