// The studio's data, preprocessing, training and export panels, driven as a user would, on the
// real example datasets (offscreen platform). Each test stands alone, in any order; the docs'
// screenshots are made by panel_screenshots (scripts/take-screenshots), not by this suite.
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
#include "forms/param_editor.h"
#include "panel_helpers.h"
#include "preprocess/image_ops.h"
#include "project/settings.h"

using namespace netloom;
using namespace netloom::ui;
using namespace netloom::ui::testing;

namespace {

// A value of several characters inside the spec's range whose first keystrokes are valid too
// ("32" for 1..4096: typing stops at neither "3" nor the field's old value).
QString typedValue(const ParamSpec& p) {
    if (p.kind == ParamKind::Int) {
        for (int64_t v : {32, 12, 10})
            if (v >= p.min && v <= p.max && ParamValue(v) != p.defaultValue) return QString::number(v);
        return QString::number(static_cast<int64_t>(p.min) + 1);
    }
    for (double v : {0.125, 0.375, 12.5})
        if (v >= p.min && v <= p.max && ParamValue(v) != p.defaultValue) return QString::number(v);
    return QString::number(p.min);
}

QString formatted(const ParamValue& v) {
    if (auto i = std::get_if<int64_t>(&v)) return QString::number(*i);
    if (auto d = std::get_if<double>(&v)) return QString::number(*d, 'g', QLocale::FloatingPointShortest);
    return {};
}

// Clicks into the field, selects what is there and types `text` key by key, then Tab.
void typeInto(QWidget* field, const QString& text) {
    field->setFocus();
    QTest::mouseClick(field, Qt::LeftButton);
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    for (QChar c : text) {
        QTest::keyClicks(field, QString(c));
        QCoreApplication::processEvents();
    }
    QTest::keyClick(field, Qt::Key_Return);
    QCoreApplication::processEvents();
}

}  // namespace

class TestPanels : public QObject {
    Q_OBJECT

    QTemporaryDir work_;
    QString trainedProject_;  // a project with one finished run: made by the first test that needs it

    // A copy of the MLP example with one finished two-epoch run in its runs/ folder.
    QString trainedProject() {
        if (!trainedProject_.isEmpty()) return trainedProject_;
        QString project = copyExample(work_, "fashion-mnist-mlp");
        TrainTab tab;
        if (!tab.open(project, 2, 6)) return {};
        QSignalSpy ended(tab.panel.session(), &TrainingSession::threadEnded);
        if (!tab.panel.startTraining()) return {};
        for (int waited = 0; ended.count() == 0 && waited < 180000; waited += 50) QTest::qWait(50);
        if (ended.count() == 0 || !QFile::exists(tab.panel.runDir() + QStringLiteral("/best.ckpt"))) return {};
        trainedProject_ = project;
        return project;
    }

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
        ImageStep resize = ImageStep::make("resize", {{"width", int64_t{14}}, {"height", int64_t{10}}});
        s.preprocess.image.insert(s.preprocess.image.begin(), resize);
        doc.setSettings(s, QStringLiteral("add resize"));
        QCOMPARE(preview.stepCaptions().size(), before + 1);
        QVERIFY(preview.stepCaptions().contains(QStringLiteral("resize 14×10")));
        QVERIFY(preview.stepImageSizes().contains(QSize(14, 10)));
        QCOMPARE(preview.stepList()->count(), int(s.preprocess.image.size()));
        // Augmentation shows only when asked for, and a reroll draws it again.
        s = doc.settings();
        s.preprocess.image.push_back(ImageStep::make("random_rotation", {{"degrees", 30.0}}));
        doc.setSettings(s, QStringLiteral("add rotation"));
        QVERIFY(!preview.stepCaptions().contains(QStringLiteral("random_rotation ±30°")));
        preview.setAugment(true);
        QVERIFY(preview.stepCaptions().contains(QStringLiteral("random_rotation ±30°")));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QVERIFY(!preview.stepCaptions().contains(QStringLiteral("resize 14×10")));
        QCOMPARE(preview.stepList()->count(), int(doc.project().preprocess.image.size()));
    }

    // Every numeric field of the training and preprocessing forms, typed key by key as a user types
    // (with the first keystrokes alone being valid numbers too), keeps the whole value.
    void typedValuesAreKeptKeyByKey() {
        GraphDocument doc;
        QVERIFY(doc.load(example("fashion-mnist-cnn"), nullptr));
        TrainingPanel training(&doc);
        training.show();
        int typed = 0;
        for (const SettingSpec* spec : settingsUnder("training.")) {
            if (spec->value.kind != ParamKind::Int && spec->value.kind != ParamKind::Float) continue;
            ParamEditor* editor = training.findChild<ParamEditor*>(QString::fromStdString(spec->key));
            QVERIFY2(editor, spec->key.c_str());
            if (!editor->isEnabled()) continue;  // not relevant for these settings (momentum for Adam)
            const QString text = typedValue(spec->value);
            typeInto(editor->field(), text);
            QCOMPARE(formatted(spec->get(doc.project())), text);
            ++typed;
        }
        QVERIFY(typed >= 6);
        // The tiny learning rate the loader accepts survives an edit of another field.
        typeInto(training.findChild<ParamEditor*>(QStringLiteral("training.optimizer.learning_rate"))->field(), QStringLiteral("1e-08"));
        typeInto(training.findChild<ParamEditor*>(QStringLiteral("training.epochs"))->field(), QStringLiteral("7"));
        QCOMPARE(doc.project().training.optimizer.learningRate, 1e-8);
        QCOMPARE(doc.project().training.epochs, int64_t{7});

        DatasetSource source(&doc);
        PreviewPanel preview(&doc, &source);
        preview.show();
        for (const ImageOpSpec& op : imageOps()) {
            ProjectSettings s = doc.settings();
            s.preprocess.image = {ImageStep::make(op.op)};
            if (op.param("width")) s.preprocess.image[0] = ImageStep::make(op.op, {{"width", int64_t{8}}, {"height", int64_t{8}}});
            if (op.op == "normalize")
                s.preprocess.image[0] = ImageStep::make(op.op, {{"mean", std::vector<double>{0.5}}, {"std", std::vector<double>{0.5}}});
            doc.setSettings(s, QStringLiteral("one step"));
            preview.stepList()->setCurrentRow(0);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);  // the previous step's editors
            for (const ParamSpec& p : op.params) {
                if (p.kind != ParamKind::Int && p.kind != ParamKind::Float) continue;
                QWidget* field = preview.findChild<QWidget*>(QString::fromStdString(p.name));
                QVERIFY2(field, (op.op + "." + p.name).c_str());
                const QString text = typedValue(p);
                typeInto(field, text);
                QCOMPARE(formatted(doc.project().preprocess.image[0].read().value(p.name)), text);
                ++typed;
            }
        }
        QVERIFY(typed >= 16);
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
        const QString project = copyExample(work_, "fashion-mnist-mlp");
        QVERIFY(!project.isEmpty());
        TrainTab tab;
        QVERIFY(tab.open(project, 2, 6));
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
        const QString project = trainedProject();
        QVERIFY(!project.isEmpty());
        GraphDocument doc;
        QVERIFY(doc.load(project, nullptr));
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
};

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
