#pragma once
// The colour and geometry rules that training, prediction, the preview, the exported model and the
// server must compute identically, bit for bit, from the same file:
//   transparency  composite over the background colour: round((c·a + bg·(255 − a)) / 255)
//   gray          round(0.299·R + 0.587·G + 0.114·B), in float32, in that order
//   resize        bilinear with half-pixel centres (ONNX Resize, linear, half_pixel) in float32,
//                 then rounded and clipped to 0..255
// Each rule has its OpenCV form (for the studio) and its ONNX form (for the exported model) side by
// side here. Rounding is half to even, as ONNX's Round and the CPU's default rounding do.
// Private to netloom_core (OpenCV, ONNX).
#include <array>
#include <string>

#include <opencv2/core.hpp>

#include "export/onnx_graph.h"

namespace netloom {

using Rgb = std::array<int, 3>;

// uint8 RGBA → RGB composited over `background`.
cv::Mat compositeOverBackground(const cv::Mat& rgba, const Rgb& background);
cv::Mat rgbToGray(const cv::Mat& rgb);
cv::Mat grayToRgb(const cv::Mat& gray);
cv::Mat bilinearResize(const cv::Mat& image, int width, int height);

// ONNX forms, on float N×C×H×W values; each returns the new value's name.
std::string emitCompositeOverBackground(OnnxGraph& g, const std::string& rgba, const Rgb& background);
std::string emitRgbToGray(OnnxGraph& g, const std::string& rgb);
std::string emitBilinearResize(OnnxGraph& g, const std::string& x, int64_t height, int64_t width);

}  // namespace netloom
