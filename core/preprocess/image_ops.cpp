// Every image preprocessing operation: its declaration (netloom_model), then its OpenCV/LibTorch
// implementation and ONNX emitter (netloom_core, compiled with NETLOOM_KERNELS). Adding an
// operation means adding it here, once, and a parity case in tests/core/tst_export.cpp.
#ifndef NETLOOM_KERNELS
#include "preprocess/image_ops.h"

#include <sstream>

// Labels are English source text; the studio translates them (lupdate reads this file).
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace netloom {

namespace {

std::string number(double v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

std::string numbers(const std::vector<double>& v) {
    std::string s;
    for (size_t k = 0; k < v.size(); ++k) s += (k ? ", " : "") + number(v[k]);
    return s;
}

ParamSpec labelled(ParamSpec p, const char* label) {
    p.label = label;
    return p;
}

ParamSpec required(ParamSpec p) {
    p.required = true;
    return p;
}

ImageOpSpec op(std::string name, const char* label, ImageStage stage, std::string description) {
    ImageOpSpec s;
    s.op = std::move(name);
    s.label = label;
    s.stage = stage;
    s.description = std::move(description);
    s.trainingOnly = stage == ImageStage::Augment;
    return s;
}

std::vector<ImageOpSpec> declare() {
    std::vector<ImageOpSpec> ops;

    ImageOpSpec gray = op("grayscale", QT_TRANSLATE_NOOP("ImageOp", "Grayscale"), ImageStage::Load,
                          "One channel: 0.299·R + 0.587·G + 0.114·B, rounded to whole levels.");
    gray.channelsAfter = [](int) { return 1; };
    ops.push_back(gray);

    ImageOpSpec rgb = op("rgb", QT_TRANSLATE_NOOP("ImageOp", "RGB"), ImageStage::Load,
                         "Three channels: a gray image is copied into R, G and B.");
    rgb.channelsAfter = [](int) { return 3; };
    ops.push_back(rgb);

    ImageOpSpec resize = op("resize", QT_TRANSLATE_NOOP("ImageOp", "Resize"), ImageStage::Load,
                            "Scales every image to width × height (bilinear), whatever its size.");
    resize.params = {required(labelled(intParam("width", 32, 1, 16384, "Width in pixels after the step."), QT_TRANSLATE_NOOP("ImageOp", "Width"))),
                     required(labelled(intParam("height", 32, 1, 16384, "Height in pixels after the step."), QT_TRANSLATE_NOOP("ImageOp", "Height")))};
    resize.summary = [](const ParamReader& p) {
        return std::to_string(p.integer("width")) + "×" + std::to_string(p.integer("height"));
    };
    ops.push_back(resize);

    ImageOpSpec crop = op("center_crop", QT_TRANSLATE_NOOP("ImageOp", "Center crop"), ImageStage::Load,
                          "Keeps the central width × height pixels (all of a smaller image).");
    crop.params = resize.params;
    crop.params[0].help = "Width of the kept centre.";
    crop.params[1].help = "Height of the kept centre.";
    crop.summary = resize.summary;
    ops.push_back(crop);

    ImageOpSpec canny = op("canny", QT_TRANSLATE_NOOP("ImageOp", "Canny edges"), ImageStage::Load,
                           "Edge map (one channel); not available in the exported model.");
    canny.exportable = false;
    canny.params = {labelled(floatParam("low", 50, 0, 10000, "Lower hysteresis threshold."), QT_TRANSLATE_NOOP("ImageOp", "Low threshold")),
                    labelled(floatParam("high", 150, 0, 10000, "Upper hysteresis threshold."), QT_TRANSLATE_NOOP("ImageOp", "High threshold"))};
    canny.channelsAfter = [](int) { return 1; };
    canny.summary = [](const ParamReader& p) { return number(p.number("low")) + "–" + number(p.number("high")); };
    ops.push_back(canny);

    ImageOpSpec flip = op("random_flip", QT_TRANSLATE_NOOP("ImageOp", "Random flip"), ImageStage::Augment,
                          "Mirrors an image left to right with the given probability (training only).");
    flip.params = {labelled(floatParam("probability", 0.5, 0, 1, "Chance that an image is flipped."), QT_TRANSLATE_NOOP("ImageOp", "Probability"))};
    flip.summary = [](const ParamReader& p) { return "p=" + number(p.number("probability")); };
    ops.push_back(flip);

    ImageOpSpec rotation = op("random_rotation", QT_TRANSLATE_NOOP("ImageOp", "Random rotation"), ImageStage::Augment,
                              "Rotates by a random angle in ±degrees, filling with black (training only).");
    rotation.params = {labelled(floatParam("degrees", 10, 0, 180, "Largest rotation either way."), QT_TRANSLATE_NOOP("ImageOp", "Degrees (±)"))};
    rotation.summary = [](const ParamReader& p) { return "±" + number(p.number("degrees")) + "°"; };
    ops.push_back(rotation);

    ImageOpSpec randomCrop = op("random_crop", QT_TRANSLATE_NOOP("ImageOp", "Random crop"), ImageStage::Augment,
                                "Pads with black, then crops back to the size at a random offset (training only).");
    randomCrop.params = {labelled(intParam("padding", 2, 0, 1024, "Pixels of padding on each side."), QT_TRANSLATE_NOOP("ImageOp", "Padding"))};
    randomCrop.summary = [](const ParamReader& p) { return "pad " + std::to_string(p.integer("padding")); };
    ops.push_back(randomCrop);

    ImageOpSpec scale = op("scale", QT_TRANSLATE_NOOP("ImageOp", "Scale to 0–1"), ImageStage::Float,
                           "Divides by 255: pixel levels become numbers from 0 to 1.");
    ops.push_back(scale);

    ImageOpSpec normalize = op("normalize", QT_TRANSLATE_NOOP("ImageOp", "Normalize"), ImageStage::Float,
                               "Subtracts a mean and divides by a standard deviation, per channel.");
    normalize.params = {required(labelled(floatListParam("mean", {0.5}, -1e6, 1e6, 1, 4, "One value for all channels, or one per channel."), QT_TRANSLATE_NOOP("ImageOp", "Mean"))),
                        required(labelled(floatListParam("std", {0.5}, 1e-12, 1e6, 1, 4, "One value for all channels, or one per channel."), QT_TRANSLATE_NOOP("ImageOp", "Std")))};
    normalize.check = [](const ParamReader& p) -> std::string {
        if (p.numbers("mean").size() != p.numbers("std").size())
            return "normalize needs mean and std lists of the same length (1 to 4 channels)";
        return {};
    };
    normalize.summary = [](const ParamReader& p) {
        return "mean [" + numbers(p.numbers("mean")) + "] std [" + numbers(p.numbers("std")) + "]";
    };
    ops.push_back(normalize);

    ImageOpSpec jitter = op("color_jitter", QT_TRANSLATE_NOOP("ImageOp", "Colour jitter"), ImageStage::Float,
                            "Random brightness and contrast per image (training only).");
    jitter.trainingOnly = true;
    jitter.params = {labelled(floatParam("brightness", 0.2, 0, 1, "Largest brightness shift, as a fraction of the range."), QT_TRANSLATE_NOOP("ImageOp", "Brightness")),
                     labelled(floatParam("contrast", 0.2, 0, 1, "Largest contrast change, as a fraction."), QT_TRANSLATE_NOOP("ImageOp", "Contrast"))};
    jitter.summary = [](const ParamReader& p) {
        return "b=" + number(p.number("brightness")) + " c=" + number(p.number("contrast"));
    };
    ops.push_back(jitter);
    return ops;
}

}  // namespace

const ParamSpec* ImageOpSpec::param(const std::string& name) const {
    for (const ParamSpec& p : params)
        if (p.name == name) return &p;
    return nullptr;
}

const std::vector<ImageOpSpec>& imageOps() {
    static const std::vector<ImageOpSpec> ops = declare();
    return ops;
}

const ImageOpSpec* findImageOp(const std::string& name) {
    for (const ImageOpSpec& s : imageOps())
        if (s.op == name) return &s;
    return nullptr;
}

std::vector<std::string> imageOpNames() {
    std::vector<std::string> names;
    for (const ImageOpSpec& s : imageOps()) names.push_back(s.op);
    return names;
}

}  // namespace netloom

#else  // NETLOOM_KERNELS
// ---- OpenCV/LibTorch implementations and ONNX emitters ------------------------------------
#include "preprocess/image_op_kernels.h"

#include <opencv2/imgproc.hpp>

#include "preprocess/image_color.h"
#include "preprocess/image_pipeline.h"

namespace netloom {

namespace {

// --- load stage (uint8, one image) ---

cv::Mat centerCrop(const cv::Mat& in, const ParamReader& p) {
    int w = static_cast<int>(std::min<int64_t>(p.integer("width"), in.cols));
    int h = static_cast<int>(std::min<int64_t>(p.integer("height"), in.rows));
    return in(cv::Rect((in.cols - w) / 2, (in.rows - h) / 2, w, h)).clone();
}

cv::Mat canny(const cv::Mat& in, const ParamReader& p) {
    cv::Mat gray = in.channels() == 3 ? rgbToGray(in) : in, out;
    cv::Canny(gray, out, p.number("low"), p.number("high"));
    return out;
}

// --- augmentation (uint8 N×C×H×W, training only) ---

torch::Tensor randomFlip(const torch::Tensor& x, const ParamReader& p, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<int64_t> rows;
    for (int64_t i = 0; i < x.size(0); ++i)
        if (unit(rng) < p.number("probability")) rows.push_back(i);
    if (rows.empty()) return x;
    auto idx = torch::tensor(rows, torch::kInt64);
    torch::Tensor out = x.clone();
    out.index_copy_(0, idx, out.index_select(0, idx).flip({3}));
    return out;
}

torch::Tensor randomCrop(const torch::Tensor& x, const ParamReader& p, std::mt19937_64& rng) {
    int64_t pad = p.integer("padding");
    auto padded = torch::constant_pad_nd(x, {pad, pad, pad, pad}, 0);
    auto out = torch::empty_like(x);
    std::uniform_int_distribution<int64_t> off(0, 2 * pad);
    for (int64_t i = 0; i < x.size(0); ++i)
        out[i].copy_(padded[i].narrow(1, off(rng), x.size(2)).narrow(2, off(rng), x.size(3)));
    return out;
}

torch::Tensor randomRotation(const torch::Tensor& x, const ParamReader& p, std::mt19937_64& rng) {
    auto out = torch::empty_like(x);
    std::uniform_real_distribution<double> angle(-p.number("degrees"), p.number("degrees"));
    for (int64_t i = 0; i < x.size(0); ++i) {
        cv::Mat img = tensorToMat(x[i]);
        cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f(img.cols / 2.0f, img.rows / 2.0f), angle(rng), 1.0);
        cv::Mat dst;
        cv::warpAffine(img, dst, rot, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
        out[i].copy_(matToTensor(dst));
    }
    return out;
}

// --- float stage (float N×C×H×W) ---

// One value for all channels, or one per channel (a gray image takes the first).
std::vector<float> perChannel(const std::vector<double>& v, int64_t channels) {
    std::vector<float> out(channels);
    for (int64_t k = 0; k < channels; ++k) out[k] = static_cast<float>(v[v.size() == 1 ? 0 : std::min<size_t>(k, v.size() - 1)]);
    return out;
}

torch::Tensor normalize(torch::Tensor x, const ParamReader& p) {
    int64_t c = x.size(1);
    auto m = torch::tensor(perChannel(p.numbers("mean"), c)).view({1, c, 1, 1});
    auto d = torch::tensor(perChannel(p.numbers("std"), c)).view({1, c, 1, 1});
    return x.sub_(m).div_(d);
}

torch::Tensor colorJitter(torch::Tensor x, const ParamReader& p, bool training, std::mt19937_64* rng) {
    if (!training || !rng) return x;
    int64_t n = x.size(0);
    std::uniform_real_distribution<double> b(-p.number("brightness"), p.number("brightness"));
    std::uniform_real_distribution<double> c(1 - p.number("contrast"), 1 + p.number("contrast"));
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

// --- ONNX: the same steps on float N×C×H×W inside the exported model ---

void emitGray(ImageEmitContext& c) {
    if (c.channels == 1) return;
    c.x = emitRgbToGray(c.g, c.x);
    c.channels = 1;
}

void emitRgb(ImageEmitContext& c) {
    if (c.channels == 1) {
        std::string out = c.g.fresh("rgb");
        attr(c.g.node("Concat", {c.x, c.x, c.x}, {out}), "axis", int64_t{1});
        c.x = out;
    }
    c.channels = 3;
}

void emitResize(ImageEmitContext& c) {
    c.x = emitBilinearResize(c.g, c.x, c.params.integer("height"), c.params.integer("width"));
}

void emitCenterCrop(ImageEmitContext& c) {
    // Offsets from the runtime size: start = (size - crop) / 2, as the studio computes.
    OnnxGraph& g = c.g;
    std::string shape = g.op("Shape", {c.x}, "crop_shape");
    std::string hw = g.op("Slice", {shape, g.ints("two", {2}), g.ints("four", {4})}, "crop_hw");
    std::string crop = g.ints("crop_size", {c.params.integer("height"), c.params.integer("width")});
    // A crop larger than the image keeps all of it, as the studio does.
    std::string kept = g.op("Min", {hw, crop}, "crop_kept");
    std::string room = g.op("Sub", {hw, kept}, "crop_room");
    std::string start = g.op("Div", {room, g.ints("two_i", {2})}, "crop_start");
    std::string end = g.op("Add", {start, kept}, "crop_end");
    c.x = g.op("Slice", {c.x, start, end, g.ints("crop_axes", {2, 3})}, "cropped");
}

void emitScale(ImageEmitContext& c) { c.x = c.g.op("Mul", {c.x, c.g.floats("inv255", {1.0f / 255.0f})}, "scaled"); }

void emitNormalize(ImageEmitContext& c) {
    const int64_t n = c.channels;
    c.x = c.g.op("Sub", {c.x, c.g.floats("mean", perChannel(c.params.numbers("mean"), n), {1, n, 1, 1})}, "normalized");
    c.x = c.g.op("Div", {c.x, c.g.floats("std", perChannel(c.params.numbers("std"), n), {1, n, 1, 1})}, "normalized");
}

}  // namespace

const ImageOpKernels* imageOpKernels(const std::string& op) {
    static const std::map<std::string, ImageOpKernels> table = {
        {"grayscale", {[](const cv::Mat& m, const ParamReader&) { return m.channels() == 1 ? m : rgbToGray(m); }, {}, {}, emitGray}},
        {"rgb", {[](const cv::Mat& m, const ParamReader&) { return m.channels() == 3 ? m : grayToRgb(m); }, {}, {}, emitRgb}},
        {"resize",
         {[](const cv::Mat& m, const ParamReader& p) {
              return bilinearResize(m, static_cast<int>(p.integer("width")), static_cast<int>(p.integer("height")));
          },
          {}, {}, emitResize}},
        {"center_crop", {centerCrop, {}, {}, emitCenterCrop}},
        {"canny", {canny, {}, {}, {}}},
        {"random_flip", {{}, randomFlip, {}, {}}},
        {"random_rotation", {{}, randomRotation, {}, {}}},
        {"random_crop", {{}, randomCrop, {}, {}}},
        {"scale", {{}, {}, [](torch::Tensor x, const ParamReader&, bool, std::mt19937_64*) { return x.mul_(1.0f / 255.0f); }, emitScale}},
        {"normalize", {{}, {}, [](torch::Tensor x, const ParamReader& p, bool, std::mt19937_64*) { return normalize(x, p); },
                       emitNormalize}},
        {"color_jitter", {{}, {}, colorJitter, {}}},
    };
    auto it = table.find(op);
    return it == table.end() ? nullptr : &it->second;
}

}  // namespace netloom
#endif  // NETLOOM_KERNELS
