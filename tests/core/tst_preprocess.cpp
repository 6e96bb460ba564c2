#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "preprocess/image_pipeline.h"
#include "preprocess/text_pipeline.h"

using namespace netloom;

namespace {

ImageStep step(const std::string& op) {
    ImageStep s;
    s.op = op;
    return s;
}

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
    ImageStep resize = step("resize");
    resize.width = 30;
    resize.height = 20;
    ImageStep crop = step("center_crop");
    crop.width = 10;
    crop.height = 10;
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
    ImageStep norm = step("normalize");
    norm.mean = {0.5};
    norm.std = {0.25};
    ImagePipeline p({step("scale"), norm});
    auto batch = torch::full({2, 1, 2, 2}, 255, torch::kUInt8);
    batch[1].fill_(0);
    auto x = p.toModelInput(batch, false, nullptr);
    EXPECT_EQ(x.scalar_type(), torch::kFloat32);
    EXPECT_FLOAT_EQ(x[0][0][0][0].item<float>(), 2.0f);   // (1 - 0.5) / 0.25
    EXPECT_FLOAT_EQ(x[1][0][0][0].item<float>(), -2.0f);  // (0 - 0.5) / 0.25
}

TEST(ImagePipeline, AugmentationIsSeededAndTrainingOnly) {
    ImageStep flip = step("random_flip");
    flip.probability = 1.0;
    ImagePipeline p({flip, step("scale")});
    auto batch = torch::arange(4, torch::kUInt8).view({1, 1, 1, 4});
    std::mt19937_64 rng(1);
    auto trained = p.toModelInput(batch, true, &rng);
    EXPECT_FLOAT_EQ(trained[0][0][0][0].item<float>(), 3.0f / 255.0f) << "flipped while training";
    auto inference = p.toModelInput(batch, false, nullptr);
    EXPECT_FLOAT_EQ(inference[0][0][0][0].item<float>(), 0.0f) << "never augmented at inference";

    ImageStep rot = step("random_rotation");
    rot.degrees = 30;
    ImagePipeline r({rot});
    auto img = torch::randint(0, 255, {3, 1, 12, 12}, torch::kUInt8);
    std::mt19937_64 a(7), b(7);
    EXPECT_TRUE(torch::equal(r.toModelInput(img, true, &a), r.toModelInput(img, true, &b)));
}

TEST(ImagePipeline, StepwisePreviewShowsEveryStep) {
    ImageStep resize = step("resize");
    resize.width = 8;
    resize.height = 8;
    ImageStep canny = step("canny");
    ImagePipeline p({step("grayscale"), resize, canny, step("scale")});
    cv::Mat img(16, 16, CV_8UC3, cv::Scalar(0, 0, 0));
    cv::rectangle(img, cv::Rect(4, 4, 8, 8), cv::Scalar(255, 255, 255), cv::FILLED);
    auto steps = p.stepwise(img, false, 0);
    ASSERT_EQ(steps.size(), 5u);
    EXPECT_EQ(steps[0].label, "original");
    EXPECT_EQ(steps[2].label, "resize 8×8");
    EXPECT_EQ(steps[3].label, "canny");
    EXPECT_GT(cv::countNonZero(steps[3].image), 0) << "the square's edges are found";
    EXPECT_TRUE(steps[4].isFloat);
}
