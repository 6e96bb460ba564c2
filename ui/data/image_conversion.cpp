#include "data/image_conversion.h"

#include <QColor>
#include <algorithm>
#include <array>
#include <cmath>

namespace netloom::ui {

namespace {

QImage fromBytes(int width, int height, int channels, const uint8_t* data) {
    if (width <= 0 || height <= 0 || !data) return {};
    QImage::Format format = channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8;
    // The QImage does not own the bytes; copy() detaches it before they go away.
    return QImage(data, width, height, width * channels, format).copy();
}

}  // namespace

QImage toQImage(const RawImage& image) {
    if (image.empty() || (image.channels != 1 && image.channels != 3)) return {};
    return fromBytes(image.width, image.height, image.channels, image.pixels.data());
}

QColor colorMapAt(double t) {
    // A few anchors of the viridis map, linearly interpolated: readable in gray print and for
    // colour-blind readers, which a rainbow map is not.
    static const std::array<std::array<int, 3>, 5> anchors = {
        {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * (anchors.size() - 1);
    size_t i = std::min(static_cast<size_t>(t), anchors.size() - 2);
    double f = t - static_cast<double>(i);
    auto mix = [&](int k) { return static_cast<int>(std::lround(anchors[i][k] * (1 - f) + anchors[i + 1][k] * f)); };
    return QColor(mix(0), mix(1), mix(2));
}

QImage toQImage(const PreviewStep& step) {
    if (!step.isFloat) {
        if (step.pixels.size() != static_cast<size_t>(step.width) * step.height * step.channels) return {};
        return fromBytes(step.width, step.height, step.channels, step.pixels.data());
    }
    if (step.values.size() != static_cast<size_t>(step.width) * step.height * step.channels) return {};
    const double lo = step.minValue, span = step.maxValue > step.minValue ? step.maxValue - step.minValue : 1.0;
    if (step.channels == 3) {
        QImage out(step.width, step.height, QImage::Format_RGB888);
        for (int y = 0; y < step.height; ++y) {
            uchar* line = out.scanLine(y);
            for (int x = 0; x < step.width * 3; ++x)
            {
                const double v = (step.values[static_cast<size_t>(y) * step.width * 3 + x] - lo) / span * 255.0;
                line[x] = std::isfinite(v) ? static_cast<uchar>(std::clamp(v, 0.0, 255.0)) : 0;  // NaN/inf: black
            }
        }
        return out;
    }
    QImage out(step.width, step.height, QImage::Format_RGB32);
    for (int y = 0; y < step.height; ++y)
        for (int x = 0; x < step.width; ++x) {
            // Multi-channel images other than RGB show their first channel.
            float v = step.values[(static_cast<size_t>(y) * step.width + x) * step.channels];
            out.setPixel(x, y, colorMapAt((v - lo) / span).rgb());
        }
    return out;
}

}  // namespace netloom::ui
