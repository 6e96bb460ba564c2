#include "export/golden_samples.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "data/csv_table.h"
#include "data/tabular_encoder.h"

namespace netloom {

std::vector<GoldenSample> goldenSamples(const Dataset& data, int64_t count) {
    struct Source {
        const char* name;
        const Split* split;
        const std::vector<std::string>* texts;
        const std::vector<std::vector<std::string>>* rows;
    };
    const Source sources[] = {{"test", &data.test, &data.testTexts, &data.testRows},
                              {"validation", &data.validation, &data.validationTexts, &data.validationRows},
                              {"training", &data.train, &data.trainTexts, &data.trainRows}};
    std::vector<GoldenSample> out;
    for (const Source& source : sources) {
        if (source.split->size() == 0) continue;
        const int64_t n = std::min(count, source.split->size());
        // Which rows: the first n; for tables, rows with a missing value among them first (up to half),
        // so the proof covers how the server fills them.
        std::vector<int64_t> picked;
        if (data.tabular && !source.rows->empty()) {
            std::vector<int64_t> rest;
            for (int64_t i = 0; i < source.split->size() && static_cast<size_t>(i) < source.rows->size(); ++i) {
                const auto& values = (*source.rows)[static_cast<size_t>(i)];
                const auto& columns = data.tabular->columns();
                const auto& indexes = data.tabular->sourceIndexes();
                bool missing = false, refused = false;
                for (size_t k = 0; k < indexes.size() && k < columns.size(); ++k) {
                    if (indexes[k] >= values.size()) continue;
                    const std::string& v = values[indexes[k]];
                    double x;
                    missing |= isMissingValue(v);
                    // Text in a numeric column: the studio counts it as missing, the server refuses
                    // it as a client's mistake; such a row proves nothing about either.
                    refused |= columns[k].numeric && !isMissingValue(v) && !parseNumber(v, x);
                }
                if (refused) continue;
                if (missing && static_cast<int64_t>(picked.size()) < (n + 1) / 2) picked.push_back(i);
                else if (static_cast<int64_t>(rest.size()) < n) rest.push_back(i);
            }
            for (size_t k = 0; static_cast<int64_t>(picked.size()) < n && k < rest.size(); ++k) picked.push_back(rest[k]);
        } else {
            for (int64_t i = 0; i < n; ++i) picked.push_back(i);
        }
        for (int64_t i : picked) {
            const size_t row = static_cast<size_t>(i);
            GoldenSample g;
            g.split = source.name;
            g.stored = source.split->row(i);
            if (row < source.split->sources.size()) g.sourceFile = source.split->sources[row];
            if (row < source.texts->size()) g.text = (*source.texts)[row];
            if (row < source.rows->size() && data.tabular) {
                const auto& values = (*source.rows)[row];
                const auto& columns = data.tabular->columns();
                const auto& indexes = data.tabular->sourceIndexes();
                for (size_t k = 0; k < columns.size() && k < indexes.size(); ++k)
                    if (indexes[k] < values.size()) g.row.emplace_back(columns[k].name, values[indexes[k]]);
            }
            out.push_back(std::move(g));
        }
        break;
    }
    return out;
}

std::string csvValues(const GoldenSample& sample) {
    std::vector<std::string> values;
    for (const auto& [name, value] : sample.row) values.push_back(value);
    return csvRecord(values);
}

std::string csvHeader(const GoldenSample& sample) {
    std::vector<std::string> names;
    for (const auto& [name, value] : sample.row) names.push_back(name);
    return csvRecord(names);
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
