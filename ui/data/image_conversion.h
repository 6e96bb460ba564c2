#pragma once
// Core's torch-free images as QImages: uint8 gray/RGB as they are, float steps through a
// colour map (the preview shows the range beside it with a ColorBar).
#include <QImage>

#include "preprocess/image_preview.h"

namespace netloom::ui {

QImage toQImage(const RawImage& image);
// uint8 steps as they are; float steps mapped min→max through a perceptual colour map (one
// channel) or, for three channels, rescaled to 0..255 per image.
QImage toQImage(const PreviewStep& step);
// The colour map used for one-channel float images, t in [0, 1].
QColor colorMapAt(double t);

}  // namespace netloom::ui
