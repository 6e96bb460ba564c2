#include "preprocess/image_pipeline.h"

#include <fstream>
#include <iterator>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace netloom {

bool isLoadStep(const std::string& op) {
    return op == "grayscale" || op == "rgb" || op == "resize" || op == "center_crop" || op == "canny";
}

bool isUint8Augmentation(const std::string& op) {
    return op == "random_flip" || op == "random_rotation" || op == "random_crop";
}

ImagePipeline::ImagePipeline(std::vector<ImageStep> steps) : steps_(std::move(steps)) {}

bool ImagePipeline::wantsGray() const {
    for (const auto& s : steps_) {
        if (s.op == "grayscale") return true;
        if (s.op == "rgb") return false;
    }
    return false;
}

int ImagePipeline::outputChannels(int channels) const {
    for (const auto& s : steps_) {
        if (s.op == "grayscale" || s.op == "canny") channels = 1;
        if (s.op == "rgb") channels = 3;
    }
    return channels;
}

cv::Mat ImagePipeline::applyLoadStep(const ImageStep& s, const cv::Mat& in) const {
    cv::Mat out;
    if (s.op == "grayscale") {
        if (in.channels() == 1) return in;
        cv::cvtColor(in, out, cv::COLOR_RGB2GRAY);
    } else if (s.op == "rgb") {
        if (in.channels() == 3) return in;
        cv::cvtColor(in, out, cv::COLOR_GRAY2RGB);
    } else if (s.op == "resize") {
        if (in.cols == s.width && in.rows == s.height) return in;
        cv::resize(in, out, cv::Size(static_cast<int>(s.width), static_cast<int>(s.height)), 0, 0, cv::INTER_LINEAR);
    } else if (s.op == "center_crop") {
        int w = static_cast<int>(std::min<int64_t>(s.width, in.cols));
        int h = static_cast<int>(std::min<int64_t>(s.height, in.rows));
        out = in(cv::Rect((in.cols - w) / 2, (in.rows - h) / 2, w, h)).clone();
    } else if (s.op == "canny") {
        cv::Mat gray = in;
        if (in.channels() == 3) cv::cvtColor(in, gray, cv::COLOR_RGB2GRAY);
        cv::Canny(gray, out, s.low, s.high);
    } else {
        return in;
    }
    return out;
}

cv::Mat ImagePipeline::prepare(const cv::Mat& decoded) const {
    cv::Mat m = decoded;
    for (const auto& s : steps_)
        if (isLoadStep(s.op)) m = applyLoadStep(s, m);
    return m;
}

torch::Tensor ImagePipeline::applyAugmentation(const ImageStep& s, torch::Tensor x, std::mt19937_64& rng) const {
    const int64_t n = x.size(0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    if (s.op == "random_flip") {
        std::vector<int64_t> rows;
        for (int64_t i = 0; i < n; ++i)
            if (unit(rng) < s.probability) rows.push_back(i);
        if (!rows.empty()) {
            auto idx = torch::tensor(rows, torch::kInt64);
            x = x.clone();
            x.index_copy_(0, idx, x.index_select(0, idx).flip({3}));
        }
    } else if (s.op == "random_crop") {
        int64_t p = s.padding;
        auto padded = torch::constant_pad_nd(x, {p, p, p, p}, 0);
        auto out = torch::empty_like(x);
        std::uniform_int_distribution<int64_t> off(0, 2 * p);
        for (int64_t i = 0; i < n; ++i)
            out[i].copy_(padded[i].narrow(1, off(rng), x.size(2)).narrow(2, off(rng), x.size(3)));
        x = out;
    } else if (s.op == "random_rotation") {
        auto out = torch::empty_like(x);
        std::uniform_real_distribution<double> angle(-s.degrees, s.degrees);
        for (int64_t i = 0; i < n; ++i) {
            cv::Mat img = tensorToMat(x[i]);
            cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f(img.cols / 2.0f, img.rows / 2.0f), angle(rng), 1.0);
            cv::Mat dst;
            cv::warpAffine(img, dst, rot, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
            out[i].copy_(matToTensor(dst));
        }
        x = out;
    }
    return x;
}

torch::Tensor ImagePipeline::applyFloatStep(const ImageStep& s, torch::Tensor x, bool training,
                                            std::mt19937_64* rng) const {
    if (s.op == "scale") return x.mul_(1.0f / 255.0f);
    if (s.op == "normalize") {
        int64_t c = x.size(1);
        std::vector<float> mean(c), std(c);
        for (int64_t k = 0; k < c; ++k) {
            // One value for all channels, or one per channel.
            mean[k] = static_cast<float>(s.mean[s.mean.size() == 1 ? 0 : std::min<size_t>(k, s.mean.size() - 1)]);
            std[k] = static_cast<float>(s.std[s.std.size() == 1 ? 0 : std::min<size_t>(k, s.std.size() - 1)]);
        }
        auto m = torch::tensor(mean).view({1, c, 1, 1});
        auto d = torch::tensor(std).view({1, c, 1, 1});
        return x.sub_(m).div_(d);
    }
    if (s.op == "color_jitter" && training && rng) {
        int64_t n = x.size(0);
        std::uniform_real_distribution<double> b(-s.brightness, s.brightness), c(1 - s.contrast, 1 + s.contrast);
        std::vector<float> shift(n), gain(n);
        for (int64_t i = 0; i < n; ++i) {
            shift[i] = static_cast<float>(b(*rng));
            gain[i] = static_cast<float>(c(*rng));
        }
        auto mean = x.mean({1, 2, 3}, true);
        auto g = torch::tensor(gain).view({n, 1, 1, 1});
        auto sh = torch::tensor(shift).view({n, 1, 1, 1});
        // Brightness in units of the value range: 1.0 after scale, 255 before.
        float range = x.max().item<float>() > 1.5f ? 255.0f : 1.0f;
        return ((x - mean) * g + mean + sh * range).clamp_(0, range);
    }
    return x;
}

torch::Tensor ImagePipeline::toModelInput(const torch::Tensor& batch, bool training, std::mt19937_64* rng) const {
    torch::Tensor x = batch;
    if (training && rng)
        for (const auto& s : steps_)
            if (isUint8Augmentation(s.op)) x = applyAugmentation(s, x, *rng);
    x = x.to(torch::kFloat32);
    for (const auto& s : steps_)
        if (!isLoadStep(s.op) && !isUint8Augmentation(s.op)) x = applyFloatStep(s, x, training, rng);
    return x;
}

std::vector<PreviewImage> ImagePipeline::stepwise(const cv::Mat& decoded, bool augment, uint64_t seed) const {
    std::vector<PreviewImage> out;
    out.push_back({"original", decoded.clone(), false});
    cv::Mat m = decoded;
    for (const auto& s : steps_) {
        if (!isLoadStep(s.op)) continue;
        m = applyLoadStep(s, m);
        std::string label = s.op;
        if (s.op == "resize" || s.op == "center_crop")
            label += " " + std::to_string(s.width) + "×" + std::to_string(s.height);
        out.push_back({label, m.clone(), false});
    }
    std::mt19937_64 rng(seed);
    torch::Tensor x = matToTensor(m).unsqueeze(0);
    if (augment)
        for (const auto& s : steps_)
            if (isUint8Augmentation(s.op)) {
                x = applyAugmentation(s, x, rng);
                out.push_back({s.op, tensorToMat(x[0]), false});
            }
    x = x.to(torch::kFloat32);
    for (const auto& s : steps_) {
        if (isLoadStep(s.op) || isUint8Augmentation(s.op)) continue;
        if (s.op == "color_jitter" && !augment) continue;
        x = applyFloatStep(s, x, augment, &rng);
        // Float results as an H×W×C float Mat for display with a colour bar.
        torch::Tensor hwc = x[0].permute({1, 2, 0}).contiguous();
        cv::Mat f(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)),
                  CV_32FC(static_cast<int>(hwc.size(2))), hwc.data_ptr<float>());
        out.push_back({s.op, f.clone(), true});
    }
    return out;
}

torch::Tensor matToTensor(const cv::Mat& m) {
    cv::Mat c = m.isContinuous() ? m : m.clone();
    auto t = torch::from_blob(c.data, {c.rows, c.cols, c.channels()}, torch::kUInt8);
    return t.permute({2, 0, 1}).contiguous();
}

cv::Mat tensorToMat(const torch::Tensor& chw) {
    torch::Tensor hwc = chw.permute({1, 2, 0}).contiguous();
    cv::Mat m(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)), CV_8UC(static_cast<int>(hwc.size(2))),
              hwc.data_ptr<uint8_t>());
    return m.clone();
}

static cv::Mat toGrayOrRgb(const cv::Mat& img, bool gray) {
    cv::Mat out;
    if (img.depth() != CV_8U) {
        // 16-bit PNGs and friends: scale into 8 bits.
        double scale = img.depth() == CV_16U ? 1.0 / 257.0 : 1.0;
        img.convertTo(out, CV_8U, scale);
    } else {
        out = img;
    }
    int ch = out.channels();
    cv::Mat res;
    if (gray) {
        if (ch == 1) return out;
        cv::cvtColor(out, res, ch == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    } else {
        if (ch == 1) cv::cvtColor(out, res, cv::COLOR_GRAY2RGB);
        else cv::cvtColor(out, res, ch == 4 ? cv::COLOR_BGRA2RGB : cv::COLOR_BGR2RGB);
    }
    return res;
}

cv::Mat decodeImageFile(const std::string& path, bool gray, std::string& error) {
    // Read the bytes ourselves so files and uploads share one decoder (and one set of error messages).
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open the file";
        return {};
    }
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return decodeImageBytes(bytes, gray, error);
}

cv::Mat decodeImageBytes(const std::vector<unsigned char>& bytes, bool gray, std::string& error) {
    cv::Mat img;
    try {
        img = cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        error = "cannot decode: " + std::string(e.what());
        return {};
    }
    if (img.empty()) {
        error = "not a readable PNG, JPEG or BMP image";
        return {};
    }
    return toGrayOrRgb(img, gray);
}

}  // namespace netloom
