#include "preprocess/image_color.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace netloom {

namespace {

constexpr float kGrayWeights[3] = {0.299f, 0.587f, 0.114f};

uint8_t roundToLevel(float v) {
    float r = std::nearbyint(v);  // half to even, like ONNX Round
    return static_cast<uint8_t>(r < 0 ? 0 : r > 255 ? 255 : r);
}

}  // namespace

cv::Mat compositeOverBackground(const cv::Mat& rgba, const Rgb& background) {
    CV_Assert(rgba.type() == CV_8UC4);
    cv::Mat out(rgba.rows, rgba.cols, CV_8UC3);
    for (int y = 0; y < rgba.rows; ++y) {
        const uint8_t* in = rgba.ptr<uint8_t>(y);
        uint8_t* o = out.ptr<uint8_t>(y);
        for (int x = 0; x < rgba.cols; ++x, in += 4, o += 3) {
            const float a = in[3];
            for (int c = 0; c < 3; ++c)
                o[c] = roundToLevel((static_cast<float>(in[c]) * a + static_cast<float>(background[c]) * (255.0f - a)) / 255.0f);
        }
    }
    return out;
}

cv::Mat rgbToGray(const cv::Mat& rgb) {
    CV_Assert(rgb.type() == CV_8UC3);
    cv::Mat out(rgb.rows, rgb.cols, CV_8UC1);
    for (int y = 0; y < rgb.rows; ++y) {
        const uint8_t* in = rgb.ptr<uint8_t>(y);
        uint8_t* o = out.ptr<uint8_t>(y);
        for (int x = 0; x < rgb.cols; ++x, in += 3) {
            float sum = static_cast<float>(in[0]) * kGrayWeights[0] + static_cast<float>(in[1]) * kGrayWeights[1];
            sum += static_cast<float>(in[2]) * kGrayWeights[2];
            o[x] = roundToLevel(sum);
        }
    }
    return out;
}

cv::Mat grayToRgb(const cv::Mat& gray) {
    cv::Mat out;
    cv::cvtColor(gray, out, cv::COLOR_GRAY2RGB);
    return out;
}

namespace {

// Where output pixel `i` samples along one axis of `in` pixels resized to `out`: ONNX Resize's
// linear mode with half_pixel coordinates, in float32 (the two neighbours and their weights).
struct Taps {
    int first, second;
    float weightFirst, weightSecond;
};

std::vector<Taps> linearTaps(int in, int out) {
    std::vector<Taps> taps(static_cast<size_t>(out));
    const float scale = static_cast<float>(out) / static_cast<float>(in);
    for (int i = 0; i < out; ++i) {
        float at = (static_cast<float>(i) + 0.5f) / scale - 0.5f;
        at = std::max(0.0f, std::min(at, static_cast<float>(in - 1)));
        const int a = std::min(static_cast<int>(at), in - 1);
        const int b = std::min(a + 1, in - 1);
        // The weight of a neighbour is the distance to the other one.
        float toA = std::fabs(at - static_cast<float>(a)), toB = std::fabs(at - static_cast<float>(b));
        if (a == b) toA = toB = 0.5f;
        taps[static_cast<size_t>(i)] = {a, b, toB, toA};
    }
    return taps;
}

}  // namespace

// The formula ONNX Runtime evaluates for Resize (linear, half_pixel), term for term in the same
// float32 order, so the studio and the exported model give the same levels, not just close ones.
cv::Mat bilinearResize(const cv::Mat& image, int width, int height) {
    if (image.cols == width && image.rows == height) return image;
    const int channels = image.channels();
    const std::vector<Taps> xs = linearTaps(image.cols, width), ys = linearTaps(image.rows, height);
    cv::Mat out(height, width, CV_8UC(channels));
    for (int y = 0; y < height; ++y) {
        const Taps& ty = ys[static_cast<size_t>(y)];
        const uint8_t* row1 = image.ptr<uint8_t>(ty.first);
        const uint8_t* row2 = image.ptr<uint8_t>(ty.second);
        uint8_t* o = out.ptr<uint8_t>(y);
        for (int x = 0; x < width; ++x) {
            const Taps& tx = xs[static_cast<size_t>(x)];
            for (int c = 0; c < channels; ++c) {
                const float x11 = row1[tx.first * channels + c], x21 = row1[tx.second * channels + c];
                const float x12 = row2[tx.first * channels + c], x22 = row2[tx.second * channels + c];
                const float v = tx.weightFirst * ty.weightFirst * x11 + tx.weightSecond * ty.weightFirst * x21 +
                                tx.weightFirst * ty.weightSecond * x12 + tx.weightSecond * ty.weightSecond * x22;
                o[x * channels + c] = roundToLevel(v);
            }
        }
    }
    return out;
}

std::string emitCompositeOverBackground(OnnxGraph& g, const std::string& rgba, const Rgb& bg) {
    std::string color = g.op("Slice", {rgba, g.ints("zero", {0}), g.ints("three", {3}), g.ints("channel_axis", {1})}, "color");
    std::string alpha = g.op("Slice", {rgba, g.ints("three", {3}), g.ints("four", {4}), g.ints("channel_axis", {1})}, "alpha");
    std::string background = g.floats("background", {static_cast<float>(bg[0]), static_cast<float>(bg[1]), static_cast<float>(bg[2])},
                                      {1, 3, 1, 1});
    std::string clear = g.op("Sub", {g.floats("max_u8", {255.0f}), alpha}, "clear");
    std::string front = g.op("Mul", {color, alpha}, "front");
    std::string back = g.op("Mul", {background, clear}, "back");
    std::string sum = g.op("Add", {front, back}, "composite");
    std::string scaled = g.op("Div", {sum, g.floats("max_u8", {255.0f})}, "composite");
    return g.op("Round", {scaled}, "composite");
}

std::string emitRgbToGray(OnnxGraph& g, const std::string& rgb) {
    std::string w = g.floats("gray_weights", {kGrayWeights[0], kGrayWeights[1], kGrayWeights[2]}, {1, 3, 1, 1});
    std::string weighted = g.op("Mul", {rgb, w}, "gray");
    std::string sum = g.fresh("gray_sum");
    auto& reduce = g.node("ReduceSum", {weighted, g.ints("gray_axis", {1})}, {sum});
    attr(reduce, "keepdims", int64_t{1});
    return g.op("Round", {sum}, "gray");
}

std::string emitBilinearResize(OnnxGraph& g, const std::string& x, int64_t height, int64_t width) {
    // sizes = [N, C] of the input followed by the target H, W.
    std::string shape = g.op("Shape", {x}, "resize_shape");
    std::string nc = g.op("Slice", {shape, g.ints("zero", {0}), g.ints("two", {2})}, "resize_nc");
    std::string sizes = g.fresh("resize_sizes");
    attr(g.node("Concat", {nc, g.ints("resize_hw", {height, width})}, {sizes}), "axis", int64_t{0});
    std::string out = g.fresh("resized");
    auto& node = g.node("Resize", {x, "", "", sizes}, {out});
    attr(node, "mode", std::string("linear"));
    attr(node, "coordinate_transformation_mode", std::string("half_pixel"));  // OpenCV INTER_LINEAR
    std::string rounded = g.op("Round", {out}, "resized");
    return g.op("Clip", {rounded, g.floats("zero_f", {0.0f}), g.floats("max_u8", {255.0f})}, "resized");
}

}  // namespace netloom
