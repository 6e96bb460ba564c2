#include "preprocess/image_pipeline.h"

#include <fstream>
#include <iterator>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "preprocess/image_color.h"
#include "preprocess/image_op_kernels.h"

namespace netloom {

ImagePipeline::ImagePipeline(std::vector<ImageStep> steps) : steps_(std::move(steps)) {}

bool ImagePipeline::wantsGray() const {
    for (const auto& s : steps_) {
        if (s.op == "grayscale") return true;
        if (s.op == "rgb") return false;
    }
    return false;
}

int ImagePipeline::outputChannels(int channels) const {
    for (const auto& s : steps_)
        if (s.spec().channelsAfter) channels = s.spec().channelsAfter(channels);
    return channels;
}

cv::Mat ImagePipeline::prepare(const cv::Mat& decoded) const {
    cv::Mat m = decoded;
    for (const auto& s : steps_)
        if (s.stage() == ImageStage::Load) m = imageOpKernels(s.op)->load(m, s.read());
    return m;
}

torch::Tensor ImagePipeline::toModelInput(const torch::Tensor& batch, bool training, std::mt19937_64* rng) const {
    torch::Tensor x = batch;
    if (training && rng)
        for (const auto& s : steps_)
            if (s.stage() == ImageStage::Augment) x = imageOpKernels(s.op)->augment(x, s.read(), *rng);
    x = x.to(torch::kFloat32);
    for (const auto& s : steps_)
        if (s.stage() == ImageStage::Float) x = imageOpKernels(s.op)->apply(x, s.read(), training, rng);
    return x;
}

std::vector<PreviewImage> ImagePipeline::stepwise(const cv::Mat& decoded, bool augment, uint64_t seed) const {
    std::vector<PreviewImage> out;
    out.push_back({"original", decoded.clone(), false});
    cv::Mat m = decoded;
    for (const auto& s : steps_) {
        if (s.stage() != ImageStage::Load) continue;
        m = imageOpKernels(s.op)->load(m, s.read());
        out.push_back({s.summary(), m.clone(), false});
    }
    std::mt19937_64 rng(seed);
    torch::Tensor x = matToTensor(m).unsqueeze(0);
    if (augment)
        for (const auto& s : steps_)
            if (s.stage() == ImageStage::Augment) {
                x = imageOpKernels(s.op)->augment(x, s.read(), rng);
                out.push_back({s.summary(), tensorToMat(x[0]), false});
            }
    x = x.to(torch::kFloat32);
    for (const auto& s : steps_) {
        if (s.stage() != ImageStage::Float || (s.isAugmentation() && !augment)) continue;
        x = imageOpKernels(s.op)->apply(x, s.read(), augment, &rng);
        // Float results as an H×W×C float Mat for display with a colour bar.
        torch::Tensor hwc = x[0].permute({1, 2, 0}).contiguous();
        cv::Mat f(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)),
                  CV_32FC(static_cast<int>(hwc.size(2))), hwc.data_ptr<float>());
        out.push_back({s.summary(), f.clone(), true});
    }
    return out;
}

bool decodesToGray(const ImagePipeline& pipeline, const std::vector<int64_t>& inputDims) {
    return pipeline.wantsGray() || (inputDims.size() == 3 && inputDims[0] == 1);
}

torch::Tensor prepareImageFile(const std::string& path, const ImagePipeline& pipeline, const std::vector<int64_t>& background,
                               bool gray, std::string& error) {
    cv::Mat img = decodeImageFile(path, gray, background, error);
    if (img.empty()) return {};
    return matToTensor(pipeline.prepare(img));
}

torch::Tensor matToTensor(const cv::Mat& m) {
    cv::Mat c = m.isContinuous() ? m : m.clone();
    auto t = torch::from_blob(c.data, {c.rows, c.cols, c.channels()}, torch::kUInt8);
    // A copy, always: for one channel the permuted view is already "contiguous", and contiguous()
    // would hand back a tensor over `c`'s pixels, freed when this returns.
    return t.permute({2, 0, 1}).clone(at::MemoryFormat::Contiguous);
}

cv::Mat tensorToMat(const torch::Tensor& chw) {
    torch::Tensor hwc = chw.permute({1, 2, 0}).contiguous();
    cv::Mat m(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)), CV_8UC(static_cast<int>(hwc.size(2))),
              hwc.data_ptr<uint8_t>());
    return m.clone();
}

// Any decoded image (8 or 16 bits; gray, gray+alpha, BGR or BGRA) → uint8 gray or RGB, with
// transparency composited over the background. One rule for training, prediction and the preview.
static cv::Mat toGrayOrRgb(const cv::Mat& img, bool gray, const std::vector<int64_t>& background) {
    cv::Mat eight;
    if (img.depth() != CV_8U) {
        // 16-bit PNGs and friends: scale into 8 bits.
        double scale = img.depth() == CV_16U ? 1.0 / 257.0 : 1.0;
        img.convertTo(eight, CV_8U, scale);
    } else {
        eight = img;
    }
    cv::Mat rgb;
    switch (eight.channels()) {
    case 1:
        return gray ? eight : grayToRgb(eight);
    case 2: {  // gray + alpha
        cv::Mat rgba;
        std::vector<cv::Mat> planes;
        cv::split(eight, planes);
        cv::Mat channels[] = {planes[0], planes[0], planes[0], planes[1]};
        cv::merge(channels, 4, rgba);
        rgb = compositeOverBackground(rgba, {int(background[0]), int(background[1]), int(background[2])});
        break;
    }
    case 4: {
        cv::Mat rgba;
        cv::cvtColor(eight, rgba, cv::COLOR_BGRA2RGBA);
        rgb = compositeOverBackground(rgba, {int(background[0]), int(background[1]), int(background[2])});
        break;
    }
    default:
        cv::cvtColor(eight, rgb, cv::COLOR_BGR2RGB);
    }
    return gray ? rgbToGray(rgb) : rgb;
}

cv::Mat decodeImageFile(const std::string& path, bool gray, const std::vector<int64_t>& background, std::string& error) {
    // Read the bytes ourselves so files and uploads share one decoder (and one set of error messages).
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open the file";
        return {};
    }
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return decodeImageBytes(bytes, gray, background, error);
}

// Whether a JPEG's bytes reach its end-of-image marker. libjpeg decodes a truncated file with a
// warning and grey rows where the data stops; such a file is refused instead. Walks the segments
// (an EXIF thumbnail's markers stay inside its APP1 segment) and the entropy-coded scans (where
// 0xFF is followed by 0x00 or a restart marker); bytes after the end-of-image marker are ignored.
static bool jpegIsComplete(const std::vector<unsigned char>& b) {
    size_t i = 2;  // after SOI
    while (i + 1 < b.size()) {
        if (b[i] != 0xFF) return false;
        unsigned char marker = b[i + 1];
        if (marker == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (marker == 0xD9) return true;  // EOI
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
            i += 2;
            continue;
        }
        if (i + 3 >= b.size()) return false;
        const size_t length = (static_cast<size_t>(b[i + 2]) << 8) | b[i + 3];
        i += 2 + length;
        if (marker != 0xDA) continue;
        // Entropy-coded data up to the next marker that is not stuffing or a restart.
        while (i + 1 < b.size() && !(b[i] == 0xFF && b[i + 1] != 0x00 && !(b[i + 1] >= 0xD0 && b[i + 1] <= 0xD7))) ++i;
    }
    return false;
}

cv::Mat decodeImageBytes(const std::vector<unsigned char>& bytes, bool gray, const std::vector<int64_t>& background,
                         std::string& error) {
    if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF && !jpegIsComplete(bytes)) {
        error = "truncated JPEG (the data ends before the end-of-image marker)";
        return {};
    }
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
    return toGrayOrRgb(img, gray, background);
}

}  // namespace netloom
