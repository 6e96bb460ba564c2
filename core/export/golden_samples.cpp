#include "export/golden_samples.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace netloom {

std::vector<GoldenSample> goldenSamples(const Dataset& data, int64_t count) {
    struct Source {
        const char* name;
        const Split* split;
        const std::vector<std::string>* texts;
    };
    const Source sources[] = {{"test", &data.test, &data.testTexts},
                              {"validation", &data.validation, &data.validationTexts},
                              {"training", &data.train, &data.trainTexts}};
    std::vector<GoldenSample> out;
    for (const Source& source : sources) {
        if (source.split->size() == 0) continue;
        const int64_t n = std::min(count, source.split->size());
        for (int64_t i = 0; i < n; ++i) {
            const size_t row = static_cast<size_t>(i);
            GoldenSample g;
            g.split = source.name;
            g.stored = source.split->row(i);
            if (row < source.split->sources.size()) g.sourceFile = source.split->sources[row];
            if (row < source.texts->size()) g.text = (*source.texts)[row];
            out.push_back(std::move(g));
        }
        break;
    }
    return out;
}

namespace {

// Any decoded image (8 or 16 bits; gray, gray+alpha, BGR, BGRA) as RGBA, as sharp's
// toColourspace('srgb').ensureAlpha() gives it.
cv::Mat toRgba(const cv::Mat& decoded) {
    cv::Mat eight, rgba;
    if (decoded.depth() != CV_8U) decoded.convertTo(eight, CV_8U, decoded.depth() == CV_16U ? 1.0 / 257.0 : 1.0);
    else eight = decoded;
    switch (eight.channels()) {
    case 1: cv::cvtColor(eight, rgba, cv::COLOR_GRAY2RGBA); break;
    case 2: {
        std::vector<cv::Mat> planes;
        cv::split(eight, planes);
        cv::Mat channels[] = {planes[0], planes[0], planes[0], planes[1]};
        cv::merge(channels, 4, rgba);
        break;
    }
    case 4: cv::cvtColor(eight, rgba, cv::COLOR_BGRA2RGBA); break;
    default: cv::cvtColor(eight, rgba, cv::COLOR_BGR2RGBA);
    }
    return rgba;
}

}  // namespace

torch::Tensor clientRgba(const GoldenSample& sample, std::string& error) {
    cv::Mat rgba;
    if (!sample.sourceFile.empty()) {
        cv::Mat decoded = cv::imread(sample.sourceFile, cv::IMREAD_UNCHANGED);
        if (decoded.empty()) {
            error = sample.sourceFile + ": cannot be decoded";
            return {};
        }
        rgba = toRgba(decoded);
    } else {  // a stored row is gray or RGB (not OpenCV's BGR)
        cv::Mat stored = tensorToMat(sample.stored);
        cv::cvtColor(stored, rgba, stored.channels() == 1 ? cv::COLOR_GRAY2RGBA : cv::COLOR_RGB2RGBA);
    }
    return matToTensor(rgba).permute({1, 2, 0}).contiguous();  // H×W×4
}

}  // namespace netloom
