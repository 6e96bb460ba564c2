#include "preprocess/image_color.h"

#include <cmath>

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

cv::Mat bilinearResize(const cv::Mat& image, int width, int height) {
    if (image.cols == width && image.rows == height) return image;
    cv::Mat f, resized, out;
    image.convertTo(f, CV_32F);
    cv::resize(f, resized, cv::Size(width, height), 0, 0, cv::INTER_LINEAR);
    resized.convertTo(out, CV_8U);  // saturate_cast: rounds half to even and clips to 0..255
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
