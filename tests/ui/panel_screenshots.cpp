// The docs' screenshots of the studio's panels (docs/images/studio-*.png), with real data and a
// real short training run. Not a test: scripts/take-screenshots runs it (under Xvfb when there is
// no display) with NETLOOM_SCREENSHOT_DIR pointing at docs/images.
#include <QDir>
#include <QListWidget>
#include <QStandardPaths>
#include <QTreeWidget>

#include "data/dataset_panel.h"
#include "data/preview_panel.h"
#include "data/thumbnail_model.h"
#include "export/export_dialog.h"
#include "main_window.h"
#include "panel_helpers.h"
#include "training/training_charts.h"
#include "training/training_session.h"

using namespace netloom;
using namespace netloom::ui;
using namespace netloom::ui::testing;

namespace {

QString screenshotDir() { return qEnvironmentVariable("NETLOOM_SCREENSHOT_DIR"); }

void saveShot(QWidget* w, const QString& name) {
    QPixmap shot = w->grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.width() > 200 && shot.height() > 200);
    QVERIFY(shot.save(screenshotDir() + QLatin1Char('/') + name, "PNG"));
}

}  // namespace

class PanelScreenshots : public QObject {
    Q_OBJECT

    QTemporaryDir work_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(work_.isValid());
        QVERIFY2(!screenshotDir().isEmpty(), "set NETLOOM_SCREENSHOT_DIR (scripts/take-screenshots does)");
        QStandardPaths::setTestModeEnabled(true);
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
        ImageStep rotate = ImageStep::make("random_rotation", {{"degrees", 20.0}});
        ImageStep normalize =
            ImageStep::make("normalize", {{"mean", std::vector<double>{0.286}}, {"std", std::vector<double>{0.353}}});
        s.preprocess.image.insert(s.preprocess.image.begin() + 1, rotate);
        s.preprocess.image.push_back(normalize);
        window.document()->setSettings(s, QStringLiteral("augment"));
        window.showMode(MainWindow::Mode::Preprocessing);
        window.previewPanel()->setSample(1);
        window.previewPanel()->setAugment(true);
        QTest::qWait(200);
        QVERIFY(window.previewPanel()->stepCaptions().filter(QStringLiteral("normalize")).size() == 1);
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

QTEST_MAIN(PanelScreenshots)
#include "panel_screenshots.moc"
