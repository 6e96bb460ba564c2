#include <gtest/gtest.h>

#include <map>

#include <opencv2/imgproc.hpp>

#include "preprocess/image_color.h"
#include "preprocess/image_op_kernels.h"
#include "preprocess/image_pipeline.h"
#include "preprocess/text_pipeline.h"

using namespace netloom;

namespace {

ImageStep step(const std::string& op, std::map<std::string, ParamValue> values = {}) { return ImageStep::make(op, values); }

}  // namespace

TEST(TextPipeline, CleansTokenizesStemsAndRemovesStopWords) {
    TextPipelineSpec spec;
    spec.removeStopWords = true;
    spec.stem = true;
    TextEncoder enc(spec);
    EXPECT_EQ(enc.clean("Hello, World! Don't"), "hello  world  dont");
    EXPECT_EQ(enc.tokenize("The runners were running quickly to the races"),
              (std::vector<std::string>{"runner", "run", "quick", "race"}));
}

TEST(TextPipeline, VocabularyFromTrainingOnlyWithPadAndOov) {
    TextPipelineSpec spec;
    spec.length = 6;
    spec.minFrequency = 2;
    TextEncoder enc(spec);
    enc.fit({"red red red blue", "blue green", "red"});
    // red (4), blue (2); green (1) is below min frequency.
    EXPECT_EQ(enc.vocabulary(), (std::vector<std::string>{"red", "blue"}));
    TextSteps s = enc.steps("Blue sky, red");
    EXPECT_EQ(s.tokens, (std::vector<std::string>{"blue", "sky", "red"}));
    EXPECT_EQ(s.ids, (std::vector<int64_t>{kPadId, kPadId, kPadId, 3, kOovId, 2}));
    EXPECT_EQ(s.outOfVocabulary, (std::vector<bool>{false, true, false}));
    EXPECT_EQ(s.padding, 3);
    // Truncation keeps the first `length` tokens.
    EXPECT_EQ(enc.encode("red red red red red red red blue").size(), 6u);
    EXPECT_EQ(enc.encode("red red red red red red red blue").back(), 2);
}

TEST(TextPipeline, StateRoundTripsThroughJson) {
    TextPipelineSpec spec;
    spec.stem = true;
    TextEncoder enc(spec);
    enc.fit({"cats and dogs", "dogs running"});
    std::string error;
    auto copy = TextEncoder::fromJson(enc.toJson(), error);
    ASSERT_TRUE(copy) << error;
    EXPECT_EQ(copy->encode("running cats"), enc.encode("running cats"));
}

TEST(ImagePipeline, LoadStepsResizeCropAndGray) {
    cv::Mat rgb(40, 60, CV_8UC3, cv::Scalar(255, 0, 0));
    ImageStep resize = step("resize", {{"width", int64_t{30}}, {"height", int64_t{20}}});
    ImageStep crop = step("center_crop", {{"width", int64_t{10}}, {"height", int64_t{10}}});
    ImagePipeline p({step("grayscale"), resize, crop});
    cv::Mat out = p.prepare(rgb);
    EXPECT_EQ(out.channels(), 1);
    EXPECT_EQ(out.cols, 10);
    EXPECT_EQ(out.rows, 10);
    // Pure red → 0.299·255 in gray.
    EXPECT_NEAR(out.at<uint8_t>(5, 5), 76, 1);
    EXPECT_EQ(p.outputChannels(3), 1);
}

TEST(ImagePipeline, ScaleAndNormalizeGiveKnownValues) {
    ImageStep norm = step("normalize", {{"mean", std::vector<double>{0.5}}, {"std", std::vector<double>{0.25}}});
    ImagePipeline p({step("scale"), norm});
    auto batch = torch::full({2, 1, 2, 2}, 255, torch::kUInt8);
    batch[1].fill_(0);
    auto x = p.toModelInput(batch, false, nullptr);
    EXPECT_EQ(x.scalar_type(), torch::kFloat32);
    EXPECT_FLOAT_EQ(x[0][0][0][0].item<float>(), 2.0f);   // (1 - 0.5) / 0.25
    EXPECT_FLOAT_EQ(x[1][0][0][0].item<float>(), -2.0f);  // (0 - 0.5) / 0.25
}

TEST(ImagePipeline, AugmentationIsSeededAndTrainingOnly) {
    ImageStep flip = step("random_flip", {{"probability", 1.0}});
    ImagePipeline p({flip, step("scale")});
    auto batch = torch::arange(4, torch::kUInt8).view({1, 1, 1, 4});
    std::mt19937_64 rng(1);
    auto trained = p.toModelInput(batch, true, &rng);
    EXPECT_FLOAT_EQ(trained[0][0][0][0].item<float>(), 3.0f / 255.0f) << "flipped while training";
    auto inference = p.toModelInput(batch, false, nullptr);
    EXPECT_FLOAT_EQ(inference[0][0][0][0].item<float>(), 0.0f) << "never augmented at inference";

    ImageStep rot = step("random_rotation", {{"degrees", 30.0}});
    ImagePipeline r({rot});
    auto img = torch::randint(0, 255, {3, 1, 12, 12}, torch::kUInt8);
    std::mt19937_64 a(7), b(7);
    EXPECT_TRUE(torch::equal(r.toModelInput(img, true, &a), r.toModelInput(img, true, &b)));
}

TEST(ImagePipeline, StepwisePreviewShowsEveryStep) {
    ImageStep resize = step("resize", {{"width", int64_t{8}}, {"height", int64_t{8}}});
    ImageStep canny = step("canny");
    ImagePipeline p({step("grayscale"), resize, canny, step("scale")});
    cv::Mat img(16, 16, CV_8UC3, cv::Scalar(0, 0, 0));
    cv::rectangle(img, cv::Rect(4, 4, 8, 8), cv::Scalar(255, 255, 255), cv::FILLED);
    auto steps = p.stepwise(img, false, 0);
    ASSERT_EQ(steps.size(), 5u);
    EXPECT_EQ(steps[0].label, "original");
    EXPECT_EQ(steps[2].label, "resize 8×8");
    EXPECT_EQ(steps[3].label, "canny 50–150");
    EXPECT_GT(cv::countNonZero(steps[3].image), 0) << "the square's edges are found";
    EXPECT_TRUE(steps[4].isFloat);
}

// Every operation is declared with a label and an implementation for its stage; exportable
// inference steps also have an ONNX emitter (their parity is proven in tst_export).
TEST(ImageOps, EveryOperationHasItsImplementation) {
    for (const ImageOpSpec& op : imageOps()) {
        const ImageOpKernels* k = imageOpKernels(op.op);
        ASSERT_NE(k, nullptr) << op.op;
        EXPECT_FALSE(op.label.empty()) << op.op;
        EXPECT_FALSE(op.description.empty()) << op.op;
        switch (op.stage) {
        case ImageStage::Load: EXPECT_TRUE(static_cast<bool>(k->load)) << op.op; break;
        case ImageStage::Augment: EXPECT_TRUE(static_cast<bool>(k->augment)) << op.op; break;
        case ImageStage::Float: EXPECT_TRUE(static_cast<bool>(k->apply)) << op.op; break;
        }
        EXPECT_EQ(static_cast<bool>(k->emit), op.exportable && !op.trainingOnly) << op.op;
        for (const ParamSpec& p : op.params) EXPECT_EQ(checkParamValue(p, p.defaultValue), "") << op.op << "." << p.name;
    }
}

// One rule for transparency, in float32 with half-to-even rounding: a half-transparent pixel over
// white, and the fully transparent and opaque ends.
TEST(ImageColor, CompositesOverTheBackground) {
    cv::Mat rgba(1, 3, CV_8UC4);
    rgba.at<cv::Vec4b>(0, 0) = {200, 100, 0, 128};
    rgba.at<cv::Vec4b>(0, 1) = {10, 20, 30, 0};
    rgba.at<cv::Vec4b>(0, 2) = {10, 20, 30, 255};
    cv::Mat rgb = compositeOverBackground(rgba, {255, 255, 255});
    EXPECT_EQ(rgb.at<cv::Vec3b>(0, 0), cv::Vec3b(227, 177, 127));  // (200·128 + 255·127) / 255 = 227.39
    EXPECT_EQ(rgb.at<cv::Vec3b>(0, 1), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(rgb.at<cv::Vec3b>(0, 2), cv::Vec3b(10, 20, 30));
}
