// previewImagePipeline: the preview's values around ImagePipeline::stepwise (one code path).
#include "preprocess/image_preview.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "preprocess/image_color.h"
#include "preprocess/image_pipeline.h"

namespace netloom {

std::vector<PreviewStep> previewImagePipeline(const std::vector<ImageStep>& steps, const RawImage& decoded, bool augment,
                                              uint64_t seed, std::string& error) {
    error.clear();
    if (decoded.empty() || decoded.width <= 0 || decoded.height <= 0 || (decoded.channels != 1 && decoded.channels != 3) ||
        decoded.pixels.size() != static_cast<size_t>(decoded.width) * decoded.height * decoded.channels) {
        error = "the sample is not a decoded gray or RGB image";
        return {};
    }
    try {
        ImagePipeline pipeline(steps);
        cv::Mat in(decoded.height, decoded.width, decoded.channels == 1 ? CV_8UC1 : CV_8UC3,
                   const_cast<uint8_t*>(decoded.pixels.data()));
        // Training decodes to gray when the pipeline wants it; do the same so the steps see what
        // training feeds them.
        cv::Mat start = in.clone();
        if (pipeline.wantsGray() && start.channels() == 3) start = rgbToGray(start);
        std::vector<PreviewStep> out;
        for (const PreviewImage& p : pipeline.stepwise(start, augment, seed)) {
            PreviewStep s;
            s.label = p.label;
            s.width = p.image.cols;
            s.height = p.image.rows;
            s.channels = p.image.channels();
            s.isFloat = p.isFloat;
            cv::Mat m = p.image.isContinuous() ? p.image : p.image.clone();
            const size_t n = static_cast<size_t>(m.total()) * m.channels();
            if (p.isFloat) {
                const float* f = m.ptr<float>();
                s.values.assign(f, f + n);
                auto [lo, hi] = std::minmax_element(s.values.begin(), s.values.end());
                if (lo != s.values.end()) {
                    s.minValue = *lo;
                    s.maxValue = *hi;
                }
            } else {
                s.pixels.assign(m.ptr<uint8_t>(), m.ptr<uint8_t>() + n);
            }
            out.push_back(std::move(s));
        }
        // The original as stored, before the gray conversion training applies on decode.
        if (!out.empty() && start.channels() != in.channels()) {
            out.front().channels = decoded.channels;
            out.front().pixels = decoded.pixels;
            out.insert(out.begin() + 1, PreviewStep{"decoded gray", start.cols, start.rows, 1, false,
                                                    std::vector<uint8_t>(start.ptr<uint8_t>(), start.ptr<uint8_t>() + start.total()),
                                                    {}, 0, 0});
        }
        return out;
    } catch (const std::exception& e) {
        error = e.what();
        // Torch messages carry a C++ backtrace after the first line; the sentence is enough.
        if (auto nl = error.find('\n'); nl != std::string::npos) error.resize(nl);
        return {};
    }
}

}  // namespace netloom
