#pragma once
// What the panel tests and the screenshot program share: the examples, copies of them, small PNGs,
// waiting for a dataset, and a Train tab as the main window wires it.
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "data/dataset_source.h"
#include "document/graph_document.h"
#include "training/runs_panel.h"
#include "training/training_panel.h"

namespace netloom::ui::testing {

inline QString example(const char* name) { return QStringLiteral(NETLOOM_SOURCE_DIR "/projects/%1.netloom").arg(QLatin1String(name)); }

// A copy of an example in `dir`, so its runs/ folder lands there.
inline QString copyExample(const QTemporaryDir& dir, const char* name) {
    QString to = dir.filePath(QLatin1String(name) + QStringLiteral(".netloom"));
    QFile::remove(to);
    if (!QFile::copy(example(name), to)) return {};
    QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
    return to;
}

// A small PNG: a w×h gray gradient, written with Qt (no OpenCV in the test).
inline void writePng(const QString& path, int w, int h, int shade) {
    QImage img(w, h, QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) img.setPixel(x, y, qRgb((x * 8 + shade) % 256, (x * 8 + shade) % 256, (x * 8 + shade) % 256));
    QVERIFY(img.save(path, "PNG"));
}

inline bool waitLoaded(DatasetSource& source) {
    if (source.browser() && !source.isLoading()) return true;
    QSignalSpy loaded(&source, &DatasetSource::loaded);
    QSignalSpy failed(&source, &DatasetSource::failed);
    for (int waited = 0; loaded.count() + failed.count() == 0 && waited < 60000; waited += 50) QTest::qWait(50);
    return loaded.count() > 0;
}

// A document with a training panel and its run list, wired as the Train tab wires them.
struct TrainTab {
    GraphDocument doc;
    TrainingPanel panel{&doc};
    RunsPanel runs{&doc};
    TrainTab() { QObject::connect(&panel, &TrainingPanel::runEnded, &runs, &RunsPanel::refresh); }
    bool open(const QString& project, int epochs, int64_t maxBatchesPerEpoch) {
        if (!doc.load(project, nullptr)) return false;
        ProjectSettings s = doc.settings();
        s.training.epochs = epochs;
        doc.setSettings(s, QStringLiteral("epochs"));
        TrainOptions quick;
        quick.maxBatchesPerEpoch = maxBatchesPerEpoch;
        panel.setExtraOptions(quick);
        return true;
    }
};

}  // namespace netloom::ui::testing
