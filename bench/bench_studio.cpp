// The studio while it trains (issues 7 and 8): how long the GUI event loop stalls, and what the
// live charts cost in training speed. A 10 ms timer runs on the GUI thread during a CNN run on
// Fashion-MNIST started from the training panel of a shown main window; each timer lateness is a
// stall sample. Compare the samples/s it prints with `netloom-cli train` on the same settings.
//   QT_QPA_PLATFORM=offscreen build/bench/bench_studio [PROJECT] [BATCHES_PER_EPOCH] [EPOCHS]
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

#include "document/graph_document.h"
#include "main_window.h"
#include "training/training_panel.h"
#include "training/training_session.h"
#include "train/cpu_threads.h"

using namespace netloom;
using namespace netloom::ui;

int main(int argc, char** argv) {
    netloom::configureMalloc();  // as the studio does
    QApplication app(argc, argv);
    const QString source = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(NETLOOM_SOURCE_DIR "/bench/projects/reference-cnn.netloom");
    const int batches = argc > 2 ? std::atoi(argv[2]) : 0;
    const int epochs = argc > 3 ? std::atoi(argv[3]) : 1;
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("project.netloom"));
    QFile::copy(source, project);
    QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);

    MainWindow window;
    if (!window.openProject(project)) return 2;
    window.resize(1500, 950);
    window.show();
    window.showMode(MainWindow::Mode::Train);
    ProjectSettings s = window.document()->settings();
    s.training.epochs = epochs;
    window.document()->setSettings(s, QStringLiteral("bench"));
    TrainOptions options;
    options.maxBatchesPerEpoch = batches;
    window.trainingPanel()->setExtraOptions(options);

    std::vector<double> stalls;
    double samplesPerSecond = 0, seconds = 0;
    QElapsedTimer tick;
    QTimer probe;
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        if (tick.isValid()) stalls.push_back(std::max(0.0, tick.nsecsElapsed() / 1e6 - 10.0));
        tick.restart();
    });
    QObject::connect(window.trainingPanel()->session(), &TrainingSession::epochFinished, [&](const EpochEvent& e) {
        samplesPerSecond = e.samplesPerSecond;
        seconds += e.seconds;
        std::printf("epoch %lld: %.1f s, %.0f samples/s, val accuracy %.4f\n", static_cast<long long>(e.epoch), e.seconds,
                    e.samplesPerSecond, e.validation.accuracy);
    });
    QObject::connect(window.trainingPanel()->session(), &TrainingSession::threadEnded, &app, [&] {
        probe.stop();
        std::sort(stalls.begin(), stalls.end());
        auto pct = [&](double p) { return stalls.empty() ? 0.0 : stalls[static_cast<size_t>(p * (stalls.size() - 1))]; };
        std::printf("event-loop stall over %zu ticks: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", stalls.size(), pct(0.5),
                    pct(0.99), stalls.empty() ? 0.0 : stalls.back());
        std::printf("training in the studio: %.0f samples/s (last epoch), %.1f s of epochs\n", samplesPerSecond, seconds);
        std::fflush(stdout);
        window.document()->undoStack()->setClean();  // quitting closes the window: nothing to ask about
        app.quit();
    });
    QTimer::singleShot(0, [&] {
        probe.start();
        if (!window.trainingPanel()->startTraining()) {
            std::fprintf(stderr, "bench_studio: training did not start\n");
            app.exit(1);
        }
    });
    return app.exec();
}
