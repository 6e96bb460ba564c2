// The studio's data, preprocessing, training and export panels, driven as a user would, on the
// real example datasets (offscreen platform). With NETLOOM_SCREENSHOT_DIR set, the screenshots
// test also saves each panel as a PNG for docs/ (scripts/take-screenshots runs it under Xvfb).
#include <QDir>
#include <QFile>
#include <QListView>
#include <QListWidget>
#include <QProgressBar>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <fstream>

#include "charts/chart.h"
#include "data/dataset_panel.h"
#include "data/dataset_source.h"
#include "data/preview_panel.h"
#include "data/thumbnail_model.h"
#include "document/graph_document.h"
#include "export/export_dialog.h"
#include "main_window.h"
#include "training/runs_panel.h"
#include "training/training_charts.h"
#include "training/training_panel.h"
#include "training/training_session.h"

using namespace netloom;
using namespace netloom::ui;

namespace {

QString example(const char* name) { return QStringLiteral(NETLOOM_SOURCE_DIR "/projects/%1.netloom").arg(QLatin1String(name)); }

// A copy of an example in `dir`, so its runs/ folder lands there.
QString copyExample(const QTemporaryDir& dir, const char* name) {
    QString to = dir.filePath(QLatin1String(name) + QStringLiteral(".netloom"));
    QFile::remove(to);
    if (!QFile::copy(example(name), to)) return {};
    QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
    return to;
}

// A small PNG: a w×h gray gradient, written with Qt (no OpenCV in the test).
void writePng(const QString& path, int w, int h, int shade) {
    QImage img(w, h, QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) img.setPixel(x, y, qRgb((x * 8 + shade) % 256, (x * 8 + shade) % 256, (x * 8 + shade) % 256));
    QVERIFY(img.save(path, "PNG"));
}

bool waitLoaded(DatasetSource& source) {
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

QString screenshotDir() { return qEnvironmentVariable("NETLOOM_SCREENSHOT_DIR"); }

void saveShot(QWidget* w, const QString& name) {
    QPixmap shot = w->grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.width() > 200 && shot.height() > 200);
    if (!screenshotDir().isEmpty()) QVERIFY(shot.save(screenshotDir() + QLatin1Char('/') + name, "PNG"));
}

}  // namespace

class TestPanels : public QObject {
    Q_OBJECT

    QTemporaryDir work_;
    QString trainedProject_;  // a project with one finished run (trainTwoEpochs)

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(work_.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    void datasetKinds_data() {
        QTest::addColumn<QString>("project");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("classes");
        QTest::newRow("idx") << example("fashion-mnist-cnn") << int(DataBrowser::Kind::Images) << 10;
        QTest::newRow("csv") << example("breast-cancer-autoencoder") << int(DataBrowser::Kind::Table) << 2;
        QTest::newRow("text") << example("fortune-text-classifier") << int(DataBrowser::Kind::Text) << 4;
    }

    void datasetKinds() {
        QFETCH(QString, project);
        QFETCH(int, kind);
        QFETCH(int, classes);
        GraphDocument doc;
        DatasetSource source(&doc);
        DatasetPanel panel(&doc, &source);
        panel.resize(1200, 800);
        panel.show();
        QVERIFY(doc.load(project, nullptr));
        source.activate();
        QVERIFY2(waitLoaded(source), qPrintable(source.error()));
        auto b = source.browser();
        QCOMPARE(int(b->kind()), kind);
        QVERIFY(b->sampleCount() > 100);
        QCOMPARE(int(b->summary().classNames.size()), classes);
        // Three bar series (train, validation, test), one bar per class each.
        QCOMPARE(panel.countsChart()->plottableCount(), 3);
        auto* bars = qobject_cast<QCPBars*>(panel.countsChart()->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->dataCount(), classes);
        if (kind == int(DataBrowser::Kind::Images)) {
            QCOMPARE(panel.samples()->rowCount(), 70000);
            // Thumbnails arrive lazily for the rows on screen, and only those.
            QTRY_VERIFY_WITH_TIMEOUT(panel.samples()->thumbnailsMade() > 10, 20000);
            QVERIFY(panel.samples()->thumbnailsMade() < 2000);
            // Scrolling to the end shows the last rows without touching the rest.
            panel.sampleView()->scrollToBottom();
            QTRY_VERIFY_WITH_TIMEOUT(!panel.samples()->data(panel.samples()->index(69999), Qt::DecorationRole).isNull(), 20000);
            QVERIFY(panel.samples()->thumbnailsMade() < 4000);
        } else if (kind == int(DataBrowser::Kind::Table)) {
            QCOMPARE(panel.tableView()->model()->rowCount(), 569);
            QVERIFY(b->columnStats().size() > 30);
            QVERIFY(b->columnStats()[0].numeric);
            QVERIFY(b->columnStats()[0].max > b->columnStats()[0].min);
        } else {
            QCOMPARE(b->textLengths().size(), size_t(b->sampleCount()));
            QVERIFY(!b->trainingTexts().empty());
        }
        panel.selectSample(3);
        QCOMPARE(panel.currentSample(), 3);
    }

    void imageFolderListsUnreadableFiles() {
        QTemporaryDir dir;
        for (const char* c : {"cats", "dogs"}) {
            QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data/%1").arg(QLatin1String(c))));
            for (int i = 0; i < 6; ++i) writePng(dir.filePath(QStringLiteral("data/%1/%2.png").arg(QLatin1String(c)).arg(i)), 16, 12, i * 20);
        }
        QFile broken(dir.filePath(QStringLiteral("data/dogs/broken.png")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a png at all");
        broken.close();
        GraphDocument doc;
        QVERIFY(doc.load(example("fashion-mnist-cnn"), nullptr));
        ProjectSettings s = doc.settings();
        s.dataset.kind = "image_folder";
        s.dataset.path = dir.filePath(QStringLiteral("data")).toStdString();
        s.dataset.validationSplit = 0.2;
        s.dataset.testSplit = 0.2;
        s.dataset.classes.clear();
        doc.setSettings(s, QStringLiteral("use folders"));
        DatasetSource source(&doc);
        DatasetPanel panel(&doc, &source);
        panel.show();
        source.activate();
        QVERIFY2(waitLoaded(source), qPrintable(source.error()));
        auto b = source.browser();
        QCOMPARE(b->summary().classNames, (std::vector<std::string>{"cats", "dogs"}));
        QCOMPARE(b->summary().skipped.size(), size_t(1));
        QVERIFY(QString::fromStdString(b->summary().skipped[0].location).endsWith(QLatin1String("broken.png")));
        QCOMPARE(panel.skippedList()->topLevelItemCount(), 1);
        QVERIFY(!panel.skippedList()->topLevelItem(0)->text(1).isEmpty());
        RawImage first = b->image(0);
        QCOMPARE(first.width, 16);
        QCOMPARE(first.height, 12);
        // Editing the dataset settings reloads; undo goes back to the previous dataset.
        QSignalSpy loaded(&source, &DatasetSource::loaded);
        doc.undoStack()->undo();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 60000);
        QCOMPARE(source.browser()->summary().kind, std::string("idx"));
    }

    void previewFollowsPipelineEdits() {
        GraphDocument doc;
        DatasetSource source(&doc);
        PreviewPanel preview(&doc, &source);
        preview.show();
        QVERIFY(doc.load(example("fashion-mnist-cnn"), nullptr));
        source.activate();
        QVERIFY(waitLoaded(source));
        preview.setSample(5);
        QVERIFY(preview.stepCaptions().contains(QStringLiteral("original")));
        QVERIFY(preview.stepCaptions().contains(QStringLiteral("scale")));
        const int before = preview.stepCaptions().size();
        // A resize step added in the project shows at once, computed by the core pipeline.
        ProjectSettings s = doc.settings();
        ImageStep resize;
        resize.op = "resize";
        resize.width = 14;
        resize.height = 10;
        s.preprocess.image.insert(s.preprocess.image.begin(), resize);
        doc.setSettings(s, QStringLiteral("add resize"));
        QCOMPARE(preview.stepCaptions().size(), before + 1);
        QVERIFY(preview.stepCaptions().contains(QStringLiteral("resize 14×10")));
        QVERIFY(preview.stepImageSizes().contains(QSize(14, 10)));
        QCOMPARE(preview.stepList()->count(), int(s.preprocess.image.size()));
        // Augmentation shows only when asked for, and a reroll draws it again.
        s = doc.settings();
        ImageStep flip;
        flip.op = "random_rotation";
        flip.degrees = 30;
        s.preprocess.image.push_back(flip);
        doc.setSettings(s, QStringLiteral("add rotation"));
        QVERIFY(!preview.stepCaptions().contains(QStringLiteral("random_rotation")));
        preview.setAugment(true);
        QVERIFY(preview.stepCaptions().contains(QStringLiteral("random_rotation")));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QVERIFY(!preview.stepCaptions().contains(QStringLiteral("resize 14×10")));
        QCOMPARE(preview.stepList()->count(), int(doc.project().preprocess.image.size()));
    }

    void textPreviewShowsTokensIdsAndPadding() {
        GraphDocument doc;
        DatasetSource source(&doc);
        PreviewPanel preview(&doc, &source);
        QVERIFY(doc.load(example("fortune-text-classifier"), nullptr));
        source.activate();
        QVERIFY(waitLoaded(source));
        preview.setSample(1);
        QString html = preview.textHtml();
        QVERIFY(html.contains(QLatin1String("Tokens")));
        QVERIFY(html.contains(QStringLiteral("length %1").arg(doc.project().preprocess.text.length)));
        ProjectSettings s = doc.settings();
        s.preprocess.text.length = 7;
        doc.setSettings(s, QStringLiteral("shorter"));
        QVERIFY(preview.textHtml().contains(QLatin1String("length 7")));
    }

    void trainTwoEpochsFromThePanel() {
        trainedProject_ = copyExample(work_, "fashion-mnist-mlp");
        QVERIFY(!trainedProject_.isEmpty());
        TrainTab tab;
        QVERIFY(tab.open(trainedProject_, 2, 6));
        TrainingPanel& panel = tab.panel;
        RunsPanel& runs = tab.runs;
        panel.resize(1200, 700);
        panel.show();
        QSignalSpy batches(panel.session(), &TrainingSession::batches);
        QSignalSpy epochs(panel.session(), &TrainingSession::epochFinished);
        QSignalSpy ended(panel.session(), &TrainingSession::threadEnded);
        QVERIFY(panel.startTraining());
        QVERIFY(panel.isTraining());
        QVERIFY(!panel.startTraining());  // one run at a time
        QTRY_VERIFY_WITH_TIMEOUT(ended.count() == 1, 180000);
        QVERIFY2(panel.statusText().contains(QLatin1String("Finished")), qPrintable(panel.statusText()));
        QVERIFY(batches.count() >= 1);
        QCOMPARE(epochs.count(), 2);
        QCOMPARE(panel.charts()->batchPoints(), 12);
        QCOMPARE(panel.charts()->epochPoints(), 2);
        QVERIFY(panel.charts()->bestEpoch() >= 1);
        QCOMPARE(panel.progressBar()->value(), 1000);
        QVERIFY(QFile::exists(panel.runDir() + QStringLiteral("/best.ckpt")));
        QCOMPARE(int(runs.runs().size()), 1);
        QCOMPARE(int(runs.runs()[0].epochs.size()), 2);
        QVERIFY(runs.runs()[0].finished);
        QCOMPARE(runs.list()->topLevelItemCount(), 1);
        // Charts export as PNG and SVG.
        QVERIFY(panel.charts()->lossChart()->savePngFile(work_.filePath(QStringLiteral("loss.png"))));
        QVERIFY(panel.charts()->lossChart()->saveSvgFile(work_.filePath(QStringLiteral("loss.svg"))));
        QVERIFY(QFileInfo(work_.filePath(QStringLiteral("loss.svg"))).size() > 1000);
        // Hover finds the value under the mouse.
        Chart* loss = panel.charts()->lossChart();
        loss->refresh();
        QTest::qWait(50);
        QPointF at(loss->xAxis->coordToPixel(2.0), loss->yAxis->coordToPixel(1.0));
        QVERIFY(loss->valuesAt(at).contains(QLatin1String("validation")));
    }

    void pauseStopAndResume() {
        TrainTab tab;
        QVERIFY(tab.open(copyExample(work_, "fashion-mnist-cnn"), 2, 400));
        TrainingPanel& panel = tab.panel;
        RunsPanel& runs = tab.runs;
        QSignalSpy batches(panel.session(), &TrainingSession::batches);
        QSignalSpy paused(panel.session(), &TrainingSession::pausedChanged);
        QSignalSpy ended(panel.session(), &TrainingSession::threadEnded);
        QVERIFY(panel.startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(batches.count() > 0, 60000);
        panel.togglePause();
        QTRY_VERIFY_WITH_TIMEOUT(paused.count() == 1, 20000);
        QCOMPARE(paused.last().at(0).toBool(), true);
        // Paused: no batches arrive.
        QTest::qWait(300);
        const int during = batches.count();
        QTest::qWait(700);
        QCOMPARE(batches.count(), during);
        panel.togglePause();
        QTRY_VERIFY_WITH_TIMEOUT(paused.count() == 2, 20000);
        panel.stopTraining();
        QTRY_VERIFY_WITH_TIMEOUT(ended.count() == 1, 60000);
        QVERIFY2(panel.statusText().contains(QLatin1String("stopped")), qPrintable(panel.statusText()));
        QCOMPARE(int(runs.runs().size()), 1);
        QVERIFY(runs.runs()[0].resumable());
        // Resume the stopped run from the run list: it completes its epochs.
        QSignalSpy epochs(panel.session(), &TrainingSession::epochFinished);
        QVERIFY(panel.resumeRun(QString::fromStdString(runs.runs()[0].dir)));
        QTRY_VERIFY_WITH_TIMEOUT(ended.count() == 2, 240000);
        QCOMPARE(epochs.count(), 2);
        QVERIFY2(panel.statusText().contains(QLatin1String("completed")), qPrintable(panel.statusText()));
        QVERIFY(!runs.runs()[0].resumable());
    }

    void exportFromTheDialog() {
        QVERIFY(!trainedProject_.isEmpty());
        GraphDocument doc;
        QVERIFY(doc.load(trainedProject_, nullptr));
        const QString bundle = qEnvironmentVariableIsSet("NETLOOM_PANEL_BUNDLE_DIR")
                                   ? qEnvironmentVariable("NETLOOM_PANEL_BUNDLE_DIR")
                                   : work_.filePath(QStringLiteral("bundle"));
        QDir(bundle).removeRecursively();
        ExportDialog dialog(&doc);
        dialog.setDestination(bundle);
        dialog.show();
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport();
        QVERIFY(dialog.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 180000);
        QVERIFY2(dialog.succeeded(), qPrintable(dialog.reportText()));
        QVERIFY(dialog.checks()->topLevelItemCount() >= 1);
        for (int i = 0; i < dialog.checks()->topLevelItemCount(); ++i)
            QCOMPARE(dialog.checks()->topLevelItem(i)->text(4), QStringLiteral("passed"));
        QStringList files;
        for (int i = 0; i < dialog.files()->count(); ++i) files << dialog.files()->item(i)->text();
        for (const char* f : {"model.onnx", "Dockerfile", "k8s/deployment.yaml", "server/server.js"})
            QVERIFY2(files.contains(QLatin1String(f)), f);
        QVERIFY(dialog.kubectlCommand().contains(bundle + QStringLiteral("/k8s")));
        // A checkpoint that is not there is refused before any work starts.
        dialog.setCheckpoint(work_.filePath(QStringLiteral("missing.ckpt")));
        dialog.startExport();
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.reportText().contains(QLatin1String("checkpoint")));
    }

    void closingDuringTrainingStopsAndKeepsTheCheckpoint() {
        struct Window : MainWindow {
            bool askToStopTraining() override { return true; }
        } window;
        QString project = copyExample(work_, "fashion-mnist-cnn");
        QVERIFY(window.openProject(project));
        TrainOptions slow;
        slow.maxBatchesPerEpoch = 400;
        window.trainingPanel()->setExtraOptions(slow);
        QSignalSpy batches(window.trainingPanel()->session(), &TrainingSession::batches);
        QVERIFY(window.trainingPanel()->startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(batches.count() > 0, 60000);
        const QString runDir = window.trainingPanel()->runDir();
        QVERIFY(window.close());
        QVERIFY(!window.trainingPanel()->isTraining());
        QVERIFY(QFile::exists(runDir + QStringLiteral("/last.ckpt")));
    }

    void screenshots() {
        QString project = copyExample(work_, "fashion-mnist-cnn");
        MainWindow window;
        QVERIFY(window.openProject(project));
        window.resize(1500, 950);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Design.
        QTest::qWait(200);
        saveShot(&window, QStringLiteral("studio-design.png"));
        // Data: the browser with thumbnails.
        window.showMode(MainWindow::Mode::Data);
        QVERIFY(waitLoaded(*window.datasetSource()));
        QTRY_VERIFY_WITH_TIMEOUT(window.datasetPanel()->samples()->thumbnailsMade() > 40, 20000);
        QTest::qWait(300);
        saveShot(&window, QStringLiteral("studio-data.png"));
        // Preprocessing with augmentation, as a user exploring it would set it up.
        ProjectSettings s = window.document()->settings();
        ImageStep rotate, normalize;
        rotate.op = "random_rotation";
        rotate.degrees = 20;
        normalize.op = "normalize";
        normalize.mean = {0.286};
        normalize.std = {0.353};
        s.preprocess.image.insert(s.preprocess.image.begin() + 1, rotate);
        s.preprocess.image.push_back(normalize);
        window.document()->setSettings(s, QStringLiteral("augment"));
        window.showMode(MainWindow::Mode::Preprocessing);
        window.previewPanel()->setSample(1);
        window.previewPanel()->setAugment(true);
        QTest::qWait(200);
        QVERIFY(window.previewPanel()->stepCaptions().contains(QStringLiteral("normalize")));
        saveShot(&window, QStringLiteral("studio-preprocessing.png"));
        window.document()->undoStack()->undo();
        // Train: three short epochs with the real charts.
        window.showMode(MainWindow::Mode::Train);
        ProjectSettings t = window.document()->settings();
        t.training.epochs = 3;
        window.document()->setSettings(t, QStringLiteral("three epochs"));
        TrainOptions quick;
        quick.maxBatchesPerEpoch = 60;
        window.trainingPanel()->setExtraOptions(quick);
        QSignalSpy ended(window.trainingPanel()->session(), &TrainingSession::threadEnded);
        QVERIFY(window.trainingPanel()->startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(ended.count() == 1, 300000);
        window.runsPanel()->list()->topLevelItem(0)->setSelected(true);
        QTest::qWait(400);
        QCOMPARE(window.trainingPanel()->charts()->epochPoints(), 3);
        saveShot(&window, QStringLiteral("studio-train.png"));
        // Export.
        ExportDialog dialog(window.document(), QString::fromStdString(window.runsPanel()->runs()[0].dir) + QStringLiteral("/best.ckpt"), &window);
        dialog.setDestination(work_.filePath(QStringLiteral("shot-bundle")));
        dialog.show();
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 180000);
        QVERIFY2(dialog.succeeded(), qPrintable(dialog.reportText()));
        QTest::qWait(200);
        saveShot(&dialog, QStringLiteral("studio-export.png"));
    }
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
