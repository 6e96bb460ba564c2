// A newcomer's first steps in the studio, with real clicks and keys: the start page, a blank
// project, the Help menu, Save As's shortcut, a folder of images that training cannot read as it is
// (browsable anyway, fixed in one click), and a Train tab that starts clean for another project.
#include <QAction>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>
#include <sstream>

#include "charts/chart.h"
#include "cli/commands.h"
#include "messy_data.h"
#include "start/new_from_data_wizard.h"
#include "data/dataset_panel.h"
#include "data/dataset_source.h"
#include "document/graph_document.h"
#include "help_dialog.h"
#include "main_window.h"
#include "canvas/graph_scene.h"
#include "canvas/node_item.h"
#include "data/preview_panel.h"
#include "panels/inspector.h"
#include "start/start_page.h"
#include "training/training_charts.h"
#include "training/training_panel.h"
#include "training/training_session.h"

using namespace netloom;
using namespace netloom::ui;

namespace {

QAction* findAction(QWidget* window, const QString& name) {
    for (QAction* a : window->findChildren<QAction*>())
        if (a->objectName() == name) return a;
    return nullptr;
}

// A folder of two classes: 64×64 RGBA icons and a few 22×22 gray ones (another size).
void writeMixedFolder(const QString& root) {
    for (const char* cls : {"circle", "square"}) {
        QDir().mkpath(root + QLatin1Char('/') + QLatin1String(cls));
        for (int i = 0; i < 6; ++i) {
            QImage img(64, 64, QImage::Format_RGBA8888);
            img.fill(QColor(i * 30, 40, 200, 120 + i * 10));
            QVERIFY(img.save(QStringLiteral("%1/%2/big%3.png").arg(root, QLatin1String(cls)).arg(i)));
        }
        QImage small(22, 22, QImage::Format_Grayscale8);
        small.fill(QColor(90, 90, 90));
        QVERIFY(small.save(QStringLiteral("%1/%2/small.png").arg(root, QLatin1String(cls))));
    }
}

bool waitFor(const std::function<bool()>& done, int ms = 120000) {
    for (int waited = 0; waited < ms; waited += 50) {
        if (done()) return true;
        QTest::qWait(50);
    }
    return done();
}

// Replaces a field's text the way a user does: select all, then type key by key.
void typeInto(QWidget* field, const QString& text) {
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
}

// `netloom-cli validate FILE`: 0 when the network is valid and fits its data.
int validateExitCode(const QString& path, std::string& problems) {
    cli::Arguments args;
    args.positional = {path.toStdString()};
    std::ostringstream out, err;
    const int code = cli::validateCommand(args, out, err);
    problems = err.str();
    return code;
}

// The engine's proposal for the messy image folder a test writes into `dir` (netloom-cli new's).
void proposeFromMessyImages(const QTemporaryDir& dir, ProjectProposal& proposal) {
    testing::writeMessyData(dir.path().toStdString());
    DataInspection inspection = inspectData((dir.path() + QStringLiteral("/images")).toStdString());
    QVERIFY(inspection.ok());
    proposal = proposeProject(inspection);
    QVERIFY2(proposal.ok(), proposal.error.c_str());
}

bool waitForBrowser(DatasetSource& source) {
    for (int waited = 0; waited < 60000; waited += 50) {
        if (source.browser() && !source.isLoading()) return true;
        QTest::qWait(50);
    }
    return false;
}

}  // namespace

class TestFirstHour : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void emptyStudioShowsTheStartPageAndBlankStartsACanvas() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* start = w.findChild<StartPage*>();
        QVERIFY(start && start->isVisible());
        QVERIFY(start->newFromDataButton()->isVisible());
        auto* examples = start->findChild<QListWidget*>(QStringLiteral("StartExamples"));
        QVERIFY(examples->count() >= 5);
        QPushButton* blank = start->findChild<QPushButton*>(QStringLiteral("StartBlank"));
        QTest::mouseClick(blank, Qt::LeftButton);
        QVERIFY(!start->isVisible());
        QCOMPARE(w.document()->graph().nodes().size(), size_t(2));  // Input → Output, ready to build between
        QVERIFY(w.document()->analysis().ok());
    }

    void fileMenuHasNewAndShortcutsUsersExpect() {
        MainWindow w;
        QAction* blank = findAction(&w, QStringLiteral("FileNew"));
        QVERIFY(blank);
        QCOMPARE(blank->shortcut(), QKeySequence(QKeySequence::New));
        QAction* fromData = findAction(&w, QStringLiteral("FileNewFromData"));
        QVERIFY(fromData);
        QCOMPARE(fromData->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+N")));
        bool saveAs = false;
        for (QAction* a : w.findChildren<QAction*>())
            if (a->text().contains(QLatin1String("Save &As"))) saveAs = !a->shortcut().isEmpty();
        QVERIFY2(saveAs, "Save As has a shortcut");
        QStringList menus;
        for (QAction* a : w.menuBar()->actions()) menus << a->text();
        QVERIFY(menus.contains(QStringLiteral("&Help")));
        // Ctrl+N from the keyboard: a blank project.
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(w.document()->graph().nodes().size(), size_t(2));
    }

    void helpShowsTheUserGuideOffline() {
        MainWindow w;
        QAction* guide = findAction(&w, QStringLiteral("HelpUserGuide"));
        QVERIFY(guide);
        guide->trigger();
        auto* dialog = w.findChild<HelpDialog*>();
        QVERIFY(dialog);
        QVERIFY2(dialog->shownText().contains(QLatin1String("netloom-cli")), qPrintable(dialog->shownText().left(200)));
        dialog->close();
    }

    void imagesOfSeveralSizesAreBrowsableAndFixedInOneClick() {
        QTemporaryDir dir;
        writeMixedFolder(dir.path() + QStringLiteral("/icons"));
        GraphDocument doc;
        Project p;
        p.name = "icons";
        p.dataset.kind = "image_folder";
        p.dataset.path = (dir.path() + QStringLiteral("/icons")).toStdString();
        doc.reset(p);
        DatasetSource source(&doc);
        DatasetPanel panel(&doc, &source);
        panel.show();
        source.activate();
        QVERIFY(waitForBrowser(source));
        QCOMPARE(source.browser()->sampleCount(), int64_t(14));  // every file, both sizes
        auto* problem = panel.findChild<QLabel*>(QStringLiteral("DataProblem"));
        auto* fix = panel.findChild<QPushButton*>(QStringLiteral("FixDataProblem"));
        QVERIFY(problem->isVisible());
        QVERIFY(fix->isVisible());
        QVERIFY2(fix->text().contains(QStringLiteral("64×64")), qPrintable(fix->text()));
        QSignalSpy loaded(&source, &DatasetSource::loaded);
        QTest::mouseClick(fix, Qt::LeftButton);
        QCOMPARE(doc.project().preprocess.image.size(), size_t(1));
        QCOMPARE(doc.project().preprocess.image[0].op, std::string("resize"));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0 && !source.isLoading(), 60000);
        QVERIFY(source.browser()->summary().problem.empty());
        QVERIFY(!problem->isVisible());
        QCOMPARE(source.browser()->summary().trainSize + source.browser()->summary().validationSize +
                     source.browser()->summary().testSize,
                 int64_t(14));
    }

    void aDatasetNotChosenYetIsAHintNotAnError() {
        GraphDocument doc;
        Project p;
        p.dataset.kind = "image_folder";  // chosen in the form, no folder yet
        doc.reset(p);
        DatasetSource source(&doc);
        DatasetPanel panel(&doc, &source);
        panel.show();
        QSignalSpy failed(&source, &DatasetSource::failed);
        source.activate();
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 20000);
        bool errorShown = false;
        for (QLabel* l : panel.findChildren<QLabel*>())
            if (l->isVisible() && l->text().contains(QLatin1String("cannot be read"))) errorShown = true;
        QVERIFY(!errorShown);
        bool hint = false;
        for (QLabel* l : panel.findChildren<QLabel*>())
            if (l->text().contains(QLatin1String("Choose the data folder"))) hint = true;
        QVERIFY(hint);
    }

    void anotherProjectStartsTheTrainTabClean() {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("mlp.netloom"));
        QVERIFY(QFile::copy(QStringLiteral(NETLOOM_SOURCE_DIR "/projects/fashion-mnist-mlp.netloom"), project));
        QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);
        MainWindow w;
        QVERIFY(w.openProject(project));
        TrainOptions quick;
        quick.maxBatchesPerEpoch = 3;
        w.trainingPanel()->setExtraOptions(quick);
        ProjectSettings s = w.document()->settings();
        s.training.epochs = 1;
        w.document()->setSettings(s, QStringLiteral("one epoch"));
        QSignalSpy ended(w.trainingPanel()->session(), &TrainingSession::threadEnded);
        QVERIFY(w.trainingPanel()->startTraining());
        QTRY_VERIFY_WITH_TIMEOUT(ended.count() == 1, 120000);
        QVERIFY(w.trainingPanel()->charts()->epochPoints() == 1);
        QVERIFY(w.openProject(QStringLiteral(NETLOOM_SOURCE_DIR "/projects/fortune-text-classifier.netloom")));
        QCOMPARE(w.trainingPanel()->charts()->epochPoints(), 0);
        QCOMPARE(w.trainingPanel()->progressBar()->value(), 0);
        QVERIFY(w.trainingPanel()->runDir().isEmpty());
        QVERIFY(!w.trainingPanel()->progressBar()->format().contains(QLatin1String("ETA")));
    }

    // The wizard through its real widgets, on data no example prepared: a path typed key by key,
    // the report of what was found, an image size typed over the automatic one, the proposal,
    // Finish. The saved project validates against its data without edits.
    void wizardMakesAProjectFromMessyImages() {
        QTemporaryDir dir;
        const testing::MessyCounts counts = testing::writeMessyData(dir.path().toStdString());
        NewFromDataWizard wizard;
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());  // nothing looked at yet
        QSignalSpy inspected(&wizard, &NewFromDataWizard::inspectionFinished);
        typeInto(wizard.dataPathField(), dir.path() + QStringLiteral("/images"));
        QVERIFY(waitFor([&] { return !inspected.isEmpty() && wizard.button(QWizard::NextButton)->isEnabled(); }));
        QVERIFY(wizard.inspection()->ok());
        QCOMPARE(wizard.inspection()->kind, std::string("image_folder"));
        const QString report = wizard.findChild<QTextBrowser*>(QStringLiteral("inspectionReport"))->toPlainText();
        QVERIFY2(report.contains(QStringLiteral("%1 gray").arg(counts.gray)), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("%1 RGBA").arg(counts.rgba)), qPrintable(report));
        QVERIFY2(report.contains(QLatin1String("lonely 1")), qPrintable(report));

        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(NewFromDataWizard::ChoicesPage));
        auto* width = wizard.findChild<QSpinBox*>(QStringLiteral("width"));
        auto* height = wizard.findChild<QSpinBox*>(QStringLiteral("height"));
        QVERIFY(width->isEnabled());
        typeInto(width, QStringLiteral("24"));
        typeInto(height, QStringLiteral("20"));
        QCOMPARE(width->value(), 24);
        QCOMPARE(height->value(), 20);
        auto* projectPath = wizard.findChild<QLineEdit*>(QStringLiteral("projectPath"));
        const QString saved = dir.path() + QStringLiteral("/mine.netloom");
        typeInto(projectPath, saved);

        QSignalSpy proposed(&wizard, &NewFromDataWizard::proposalFinished);
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(NewFromDataWizard::ReviewPage));
        QVERIFY(waitFor([&] { return !proposed.isEmpty() && wizard.button(QWizard::FinishButton)->isEnabled(); }));
        QVERIFY2(wizard.proposal()->ok(), wizard.proposal()->error.c_str());
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        QCOMPARE(wizard.savedPath(), QFileInfo(saved).absoluteFilePath());

        ProjectLoad load = loadProject(saved.toStdString());
        QVERIFY2(load.ok(), load.error.c_str());
        const Project& project = *load.project;
        QVERIFY(project.dataset.validationSplit > 0 && project.dataset.testSplit > 0);
        std::string problems;
        QCOMPARE(validateExitCode(saved, problems), 0);
        QVERIFY2(problems.empty(), problems.c_str());
        // The size typed in the wizard is the network's input.
        bool resized = false;
        for (const ImageStep& step : project.preprocess.image)
            if (step.op == "resize") resized = step.read().integer("width") == 24 && step.read().integer("height") == 20;
        QVERIFY2(resized, serializeProject(project).c_str());

        // The studio opens it, and its canvas shows no problem.
        MainWindow w;
        QVERIFY(w.openProject(saved));
        QVERIFY2(w.document()->analysis().ok(), "the proposed network is valid in the studio");
    }

    void wizardSaysWhyDataCannotBeUsedAndKeepsNextOff() {
        QTemporaryDir dir;
        NewFromDataWizard wizard;
        wizard.show();
        QSignalSpy inspected(&wizard, &NewFromDataWizard::inspectionFinished);
        typeInto(wizard.dataPathField(), dir.path() + QStringLiteral("/nothing-here"));
        QVERIFY(waitFor([&] { return !inspected.isEmpty(); }));
        QVERIFY(!wizard.inspection()->ok());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        const QString report = wizard.findChild<QTextBrowser*>(QStringLiteral("inspectionReport"))->toPlainText();
        QVERIFY2(report.contains(QLatin1String("nothing-here")), qPrintable(report));
    }

    void wizardMakesAProjectFromATableWithGaps() {
        QTemporaryDir dir;
        testing::writeMessyData(dir.path().toStdString());
        NewFromDataWizard wizard;
        wizard.show();
        QSignalSpy inspected(&wizard, &NewFromDataWizard::inspectionFinished);
        wizard.setDataPath(dir.path() + QStringLiteral("/table.csv"));
        QVERIFY(waitFor([&] { return !inspected.isEmpty() && wizard.button(QWizard::NextButton)->isEnabled(); }));
        QCOMPARE(wizard.inspection()->kind, std::string("csv"));
        QVERIFY(wizard.inspection()->missingValues > 0);
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QVERIFY(!wizard.findChild<QSpinBox*>(QStringLiteral("width"))->isEnabled());  // images only
        QSignalSpy proposed(&wizard, &NewFromDataWizard::proposalFinished);
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QVERIFY(waitFor([&] { return !proposed.isEmpty() && wizard.button(QWizard::FinishButton)->isEnabled(); }));
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(QFileInfo::exists(wizard.savedPath()));
        std::string problems;
        QCOMPARE(validateExitCode(wizard.savedPath(), problems), 0);
        QVERIFY2(problems.empty(), problems.c_str());
    }

    // The network knows its data in the studio too: an Output that does not match the classes is
    // a problem on the canvas and in Problems as soon as the data has been read, not at Start;
    // fixing it clears it everywhere.
    void aNetworkThatDoesNotFitItsDataIsAProblemBeforeStart() {
        QTemporaryDir dir;
        ProjectProposal proposal;
        proposeFromMessyImages(dir, proposal);
        if (QTest::currentTestFailed()) return;
        Project project = *proposal.project;
        NodeId logits = 0;
        for (const auto& [id, node] : project.graph.nodes())
            if (node.type == "Dense") logits = id;  // the last Dense feeds the Output
        QVERIFY(logits);
        project.graph.node(logits)->params.set("units", ParamValue(int64_t(5)));  // 3 classes
        const QString path = dir.path() + QStringLiteral("/wrong.netloom");
        QVERIFY(saveProject(project, path.toStdString()).empty());

        MainWindow w;
        QVERIFY(w.openProject(path));
        GraphDocument* doc = w.document();
        auto classProblem = [doc] {
            for (const Problem& p : doc->analysis().problems)
                if (QString::fromStdString(p.message).contains(QLatin1String("class"))) return true;
            return false;
        };
        QVERIFY2(waitFor(classProblem), "the Output against 3 classes is reported once the data is read");
        std::string problems;
        QCOMPARE(validateExitCode(path, problems), 1);  // the same verdict as netloom-cli validate
        QVERIFY(doc->setParameter(logits, QStringLiteral("units"), ParamValue(int64_t(3))));
        QVERIFY(waitFor([&] { return !classProblem(); }, 5000));
        QVERIFY2(doc->analysis().ok(), doc->analysis().problems.empty() ? "" : doc->analysis().problems.front().message.c_str());
    }

    // The Input follows the data: a new project's Input takes the resize step's size; typing
    // another size into the preprocessing's step form changes the Input, the shapes after it on
    // the canvas and the inspector's (read-only) fields; unticking "Follows the data" keeps the shape.
    void theInputFollowsTheResizeStep() {
        QTemporaryDir dir;
        ProjectProposal proposal;
        proposeFromMessyImages(dir, proposal);
        if (QTest::currentTestFailed()) return;
        const QString path = dir.path() + QStringLiteral("/follows.netloom");
        QVERIFY(saveProject(*proposal.project, path.toStdString()).empty());

        MainWindow w;
        w.show();
        QVERIFY(w.openProject(path));
        GraphDocument* doc = w.document();
        NodeId input = 0, first = 0;
        for (const auto& [id, node] : doc->graph().nodes())
            if (node.type == "Input") input = id;
        QVERIFY(input);
        QVERIFY(followsData(*doc->graph().node(input)));
        for (const Edge& e : doc->graph().outputsOf(input)) first = e.to;  // the first Conv2d
        QVERIFY(first);
        auto inputDims = [doc, input] {
            auto it = doc->analysis().nodes.find(input);
            return it != doc->analysis().nodes.end() && it->second.output ? it->second.output->dims : std::vector<int64_t>{};
        };
        const std::vector<int64_t> before = inputDims();
        QCOMPARE(before, expectedSampleShape(doc->project()));
        QVERIFY(before.size() == 3 && before[1] != 20 && before[2] != 24);

        // The inspector shows the image fields only, filled from the data and read-only.
        auto* inspector = w.findChild<Inspector*>();
        QVERIFY(inspector);
        w.scene()->nodeItem(input)->setSelected(true);
        QCOMPARE(inspector->shownNode(), input);
        auto* follows = inspector->findChild<QCheckBox*>(QStringLiteral("shape_from"));
        QVERIFY(follows && follows->isChecked());
        QVERIFY(!inspector->findChild<QSpinBox*>(QStringLiteral("size")));
        QVERIFY(!inspector->findChild<QSpinBox*>(QStringLiteral("length")));
        auto inspectorValue = [inspector](const char* name) {
            auto* box = inspector->findChild<QSpinBox*>(QLatin1String(name));
            return box ? box->value() : -1;
        };
        QCOMPARE(inspectorValue("width"), int(before[2]));
        QVERIFY(!inspector->findChild<QSpinBox*>(QStringLiteral("width"))->isEnabled());

        // The resize step, typed key by key in the Preprocessing tab.
        w.showMode(MainWindow::Mode::Preprocessing);
        PreviewPanel* preview = w.previewPanel();
        auto* steps = preview->findChild<QListWidget*>(QStringLiteral("PipelineSteps"));
        int resizeRow = -1;
        for (size_t i = 0; i < doc->project().preprocess.image.size(); ++i)
            if (doc->project().preprocess.image[i].op == "resize") resizeRow = static_cast<int>(i);
        QVERIFY(resizeRow >= 0);
        steps->setCurrentRow(resizeRow);
        QWidget* form = preview->findChild<QWidget*>(QStringLiteral("StepParameters"));
        QWidget* width = form->findChild<QWidget*>(QStringLiteral("width"));
        QWidget* height = form->findChild<QWidget*>(QStringLiteral("height"));
        QVERIFY(width && height);
        typeInto(width, QStringLiteral("24"));
        QTest::keyClick(width, Qt::Key_Return);
        typeInto(height, QStringLiteral("20"));
        QTest::keyClick(height, Qt::Key_Return);
        const ImageStep& resize = doc->project().preprocess.image[static_cast<size_t>(resizeRow)];
        QCOMPARE(resize.read().integer("width"), int64_t(24));
        QCOMPARE(resize.read().integer("height"), int64_t(20));

        const std::vector<int64_t> after{before[0], 20, 24};
        QVERIFY(waitFor([&] { return inputDims() == after; }, 5000));
        const QString shape = QString::fromStdString(formatDims(after));
        QVERIFY(waitFor([&] { return w.scene()->nodeItem(input)->toolTip().contains(shape); }, 5000));
        QVERIFY2(w.scene()->nodeItem(first)->toolTip().contains(QStringLiteral("×20×24")),
                 qPrintable(w.scene()->nodeItem(first)->toolTip()));  // the shapes after it follow
        QVERIFY(waitFor([&] { return inspectorValue("width") == 24 && inspectorValue("height") == 20; }, 5000));
        QVERIFY2(doc->analysis().ok(), doc->analysis().problems.empty() ? "" : doc->analysis().problems.front().message.c_str());
        QVERIFY(doc->graph().node(input)->params.find("width") == nullptr ||
                std::get<int64_t>(*doc->graph().node(input)->params.find("width")) != 24);  // the file keeps "data"

        // Fixed from here: the shape it has now, written into its fields; one undo step back.
        follows = inspector->findChild<QCheckBox*>(QStringLiteral("shape_from"));
        QTest::mouseClick(follows, Qt::LeftButton);
        QVERIFY(!followsData(*doc->graph().node(input)));
        QCOMPARE(std::get<int64_t>(*doc->graph().node(input)->params.find("width")), int64_t(24));
        QCOMPARE(std::get<int64_t>(*doc->graph().node(input)->params.find("height")), int64_t(20));
        QCOMPARE(inputDims(), after);
        QVERIFY(waitFor([&] {
            auto* box = inspector->findChild<QSpinBox*>(QStringLiteral("width"));
            return box && box->isEnabled();
        }, 5000));
        doc->undoStack()->undo();
        QVERIFY(followsData(*doc->graph().node(input)));

        // The saved file validates as the studio shows it.
        QString error;
        QVERIFY2(doc->saveAs(path, &error), qPrintable(error));
        std::string problems;
        QCOMPARE(validateExitCode(path, problems), 0);
    }
};

QTEST_MAIN(TestFirstHour)
#include "tst_first_hour.moc"
