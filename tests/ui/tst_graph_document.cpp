// The editor's model: every edit is one undo step that restores the graph exactly.
#include <QDockWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "canvas/edge_item.h"
#include "canvas/graph_scene.h"
#include "canvas/node_item.h"
#include "document/graph_document.h"
#include "main_window.h"
#include "panels/layer_palette.h"
#include "panels/summary_table.h"

using namespace netloom;
using namespace netloom::ui;

class TestGraphDocument : public QObject {
    Q_OBJECT

private:
    static QString example(const char* name) { return QStringLiteral(NETLOOM_SOURCE_DIR "/projects/%1.netloom").arg(QLatin1String(name)); }

private Q_SLOTS:
    void addConnectUndoRedo() {
        GraphDocument doc;
        NodeId in = doc.addNode(QStringLiteral("Input"), {0, 0});
        NodeId flat = doc.addNode(QStringLiteral("Flatten"), {200, 0});
        QVERIFY(doc.connectPorts(in, flat, 0));
        QCOMPARE(doc.graph().edges().size(), size_t(1));
        doc.undoStack()->undo();
        QCOMPARE(doc.graph().edges().size(), size_t(0));
        doc.undoStack()->redo();
        QCOMPARE(doc.graph().edges().size(), size_t(1));
        QCOMPARE(doc.graph().node(flat)->name, std::string("flatten"));
    }

    void deleteWithEdgesIsOneStep() {
        GraphDocument doc;
        QVERIFY(doc.load(example("fashion-mnist-cnn"), nullptr));
        const Graph before = doc.graph();
        NodeId conv = doc.graph().nodeByName("conv1")->id;
        doc.removeNodes({conv});
        QVERIFY(!doc.graph().node(conv));
        QCOMPARE(doc.graph().edges().size(), before.edges().size() - 2);
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QVERIFY(doc.graph() == before);
    }

    // Undo merging is keyed by what is edited: the same setting typed key by key is one step, two
    // settings (or the same parameter of two preprocessing steps) are two, whatever the undo text.
    void settingsEditsMergeByWhatTheyEdit() {
        GraphDocument doc;
        QVERIFY(doc.load(example("fashion-mnist-cnn"), nullptr));
        QSignalSpy training(&doc, &GraphDocument::trainingChanged);
        QSignalSpy dataset(&doc, &GraphDocument::datasetChanged);
        QSignalSpy preprocessing(&doc, &GraphDocument::preprocessingChanged);
        for (int epochs : {1, 12, 123}) {
            ProjectSettings s = doc.settings();
            s.training.epochs = epochs;
            doc.setSettings(s, QStringLiteral("same text"), QStringLiteral("training.epochs"));
        }
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(training.count(), 3);
        QCOMPARE(dataset.count(), 0);  // typed: only the part that changed says so
        QCOMPARE(preprocessing.count(), 0);
        ProjectSettings s = doc.settings();
        s.training.seed = 7;
        doc.setSettings(s, QStringLiteral("same text"), QStringLiteral("training.seed"));
        QCOMPARE(doc.undoStack()->count(), 2);
        // Two steps' same parameter, with the same (translated) text: two undo steps.
        s = doc.settings();
        s.preprocess.image = {ImageStep::make("resize", {{"width", int64_t{20}}, {"height", int64_t{20}}}),
                              ImageStep::make("center_crop", {{"width", int64_t{16}}, {"height", int64_t{16}}})};
        doc.setSettings(s, QStringLiteral("steps"));
        const int before = doc.undoStack()->count();
        for (int row : {0, 1}) {
            ProjectSettings t = doc.settings();
            t.preprocess.image[static_cast<size_t>(row)].params.set("width", int64_t{18 - row});
            doc.setSettings(t, QStringLiteral("Edit width"), QStringLiteral("preprocess.image.%1.width").arg(row));
        }
        QCOMPARE(doc.undoStack()->count(), before + 2);
        QVERIFY(preprocessing.count() >= 3);
        doc.undoStack()->undo();
        QCOMPARE(doc.settings().preprocess.image[1].read().integer("width"), int64_t{16});
        QCOMPARE(doc.settings().preprocess.image[0].read().integer("width"), int64_t{18});
    }

    // The scene refreshes only what changed: an edit names its node and those downstream whose
    // shapes moved, not every node of the network.
    void analysisNamesOnlyTheNodesThatChanged() {
        GraphDocument doc;
        QVERIFY(doc.load(example("fashion-mnist-cnn"), nullptr));
        QSignalSpy spy(&doc, &GraphDocument::analysisChanged);
        QVERIFY(spy.wait(1000));  // the first emission after loading names everything
        QCOMPARE(spy.takeFirst().at(0).value<QList<NodeId>>().size(), int(doc.graph().nodes().size()));
        const NodeId output = doc.graph().nodeByName("output") ? doc.graph().nodeByName("output")->id : 0;
        NodeId dropout = 0;
        for (const auto& [id, node] : doc.graph().nodes())
            if (node.type == "Dropout") dropout = id;
        QVERIFY(dropout);
        QVERIFY(doc.setParameter(dropout, QStringLiteral("rate"), 0.25));  // no shape changes
        QVERIFY(spy.wait(1000));
        const QList<NodeId> changed = spy.takeFirst().at(0).value<QList<NodeId>>();
        QCOMPARE(changed, QList<NodeId>{dropout});
        QVERIFY(!changed.contains(output));
    }

    void parameterEditsMergeIntoOneStep() {
        GraphDocument doc;
        QVERIFY(doc.load(example("fashion-mnist-cnn"), nullptr));
        NodeId conv = doc.graph().nodeByName("conv1")->id;
        for (int filters : {33, 34, 35, 36}) QVERIFY(doc.setParameter(conv, QStringLiteral("filters"), int64_t{filters}));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.analysis().nodes.at(conv).output->dims[0], int64_t{36});
        doc.undoStack()->undo();
        QCOMPARE(std::get<int64_t>(*doc.graph().node(conv)->params.find("filters")), int64_t{32});
    }

    void invalidValuesAreRefusedWithAReason() {
        GraphDocument doc;
        NodeId conv = doc.addNode(QStringLiteral("Conv2d"), {0, 0});
        QString why;
        QVERIFY(!doc.setParameter(conv, QStringLiteral("kernel"), int64_t{0}, &why));
        QVERIFY2(why.contains(QStringLiteral("must be in 1..1024")), qPrintable(why));
        QCOMPARE(doc.undoStack()->count(), 1);  // only the add
    }

    void connectionsAreCheckedBeforeTheyExist_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("reason");
        QTest::newRow("rank") << "Dense" << "Dense expects a vector, got 1×28×28 — add Flatten";
        QTest::newRow("dtype") << "Embedding" << "Embedding expects token ids";
    }
    void connectionsAreCheckedBeforeTheyExist() {
        QFETCH(QString, target);
        QFETCH(QString, reason);
        GraphDocument doc;
        NodeId in = doc.addNode(QStringLiteral("Input"), {0, 0});
        NodeId t = doc.addNode(target, {200, 0});
        QString why;
        QVERIFY(!doc.connectPorts(in, t, 0, &why));
        QVERIFY2(why.contains(reason), qPrintable(why));
    }

    void cyclesAndOccupiedPortsAreRefused() {
        GraphDocument doc;
        NodeId in = doc.addNode(QStringLiteral("Input"), {0, 0});
        NodeId a = doc.addNode(QStringLiteral("ReLU"), {0, 0});
        NodeId b = doc.addNode(QStringLiteral("ReLU"), {0, 0});
        QVERIFY(doc.connectPorts(in, a, 0));
        QVERIFY(doc.connectPorts(a, b, 0));
        QString why;
        QVERIFY(!doc.connectPorts(b, a, 0, &why));
        QVERIFY(why.contains(QStringLiteral("already connected")) || why.contains(QStringLiteral("cycle")));
        NodeId add = doc.addNode(QStringLiteral("Add"), {0, 0});
        QCOMPARE(doc.inputPortCount(add), 2);
        QVERIFY(doc.connectPorts(a, add, 0));
        QVERIFY(doc.connectPorts(b, add, 1));
        QCOMPARE(doc.inputPortCount(add), 3);  // a variadic layer offers one more
        QVERIFY(!doc.connectPorts(add, a, 0, &why));
    }

    void moveAndAutoLayoutAreOneStepEach() {
        GraphDocument doc;
        QVERIFY(doc.load(example("fashion-mnist-resnet"), nullptr));
        // A layout in another direction than the file's, so that every position changes.
        doc.autoLayout(LayoutDirection::LeftToRight);
        doc.undoStack()->clear();
        const Graph before = doc.graph();
        doc.autoLayout(LayoutDirection::TopToBottom);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.direction(), LayoutDirection::TopToBottom);
        // Top to bottom: every edge goes down to a later rank, along a route.
        for (const auto& [id, e] : doc.graph().edges()) {
            QVERIFY(doc.graph().node(e.to)->position.y > doc.graph().node(e.from)->position.y);
            QVERIFY(doc.route(id));
        }
        doc.undoStack()->undo();
        QVERIFY(doc.graph() == before);
        QCOMPARE(doc.direction(), LayoutDirection::LeftToRight);
        for (const auto& [id, e] : doc.graph().edges()) QVERIFY(doc.graph().node(e.to)->position.x > doc.graph().node(e.from)->position.x);
    }

    // Ctrl+L's path: the layout runs on a worker thread and arrives as one undo step; an edit made
    // while it runs is not lost, the graph is laid out again with it.
    void layoutOffTheGuiThreadIsOneStepAndSeesLateEdits() {
        GraphDocument doc;
        QVERIFY(doc.load(example("fashion-mnist-resnet"), nullptr));
        QSignalSpy finished(&doc, &GraphDocument::layoutFinished);
        doc.requestLayout(LayoutDirection::LeftToRight);
        QVERIFY(doc.isLayingOut());
        const NodeId extra = doc.addNode(QStringLiteral("Dropout"), {5000, 5000});  // while it runs
        QVERIFY(doc.connectPorts(doc.graph().nodeByName("gap")->id, extra, 0));
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!doc.isLayingOut());
        QCOMPARE(doc.undoStack()->count(), 3);  // add, connect, layout
        QCOMPARE(doc.direction(), LayoutDirection::LeftToRight);
        const Node* gap = doc.graph().nodeByName("gap");
        QVERIFY(doc.graph().node(extra)->position.x > gap->position.x);  // the late layer has its rank
        QVERIFY(doc.graph().node(extra)->position.y != 5000);  // moved by the layout, not left where it was put
        doc.undoStack()->undo();
        QCOMPARE(doc.graph().node(extra)->position.x, 5000.0);
        QCOMPARE(doc.direction(), LayoutDirection::TopToBottom);
    }

    // A file laid out by the engine gets its routes back when opened (computed on a worker thread);
    // a layer moved by hand leaves its edges to the canvas's own curves.
    void openingALaidOutFileAdoptsItsRoutes() {
        MainWindow w;
        QVERIFY(w.openProject(example("fashion-mnist-resnet")));
        GraphDocument* doc = w.document();
        QTRY_VERIFY(!doc->routes().empty());
        QCOMPARE(doc->routes().size(), doc->graph().edges().size());
        QCOMPARE(doc->undoStack()->count(), 0);  // nothing to undo, nothing unsaved
        QVERIFY(!doc->isModified());
        QList<EdgeItem*> edges;
        for (QGraphicsItem* i : w.scene()->items())
            if (auto* e = dynamic_cast<EdgeItem*>(i)) edges << e;
        QCOMPARE(edges.size(), static_cast<int>(doc->graph().edges().size()));
        for (EdgeItem* e : edges) QVERIFY(e->followsRoute());
        const NodeId conv = doc->graph().nodeByName("block1_conv1")->id;
        doc->moveNodes({{conv, QPointF(-900, -900)}});
        int routed = 0;
        for (EdgeItem* e : edges) {
            const Edge* edge = doc->graph().edge(e->edgeId());
            const bool touches = edge->from == conv || edge->to == conv;
            QCOMPARE(e->followsRoute(), !touches);
            routed += e->followsRoute();
        }
        QCOMPARE(routed, static_cast<int>(edges.size()) - 2);
    }

    void renameIsOneStepAndRefusesDuplicates() {
        GraphDocument doc;
        QVERIFY(doc.load(example("fashion-mnist-cnn"), nullptr));
        const NodeId conv = doc.graph().nodeByName("conv1")->id;
        QString why;
        QVERIFY(!doc.renameNode(conv, QStringLiteral("relu1"), &why));
        QVERIFY2(why.contains(QStringLiteral("relu1")), qPrintable(why));
        QVERIFY(!doc.renameNode(conv, QStringLiteral("   "), &why));
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(doc.renameNode(conv, QStringLiteral(" stem "), &why));
        QCOMPARE(doc.graph().node(conv)->name, std::string("stem"));
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.graph().node(conv)->name, std::string("conv1"));
    }

    void copyPasteKeepsInnerEdgesAndRenames() {
        GraphDocument doc;
        QVERIFY(doc.load(example("fashion-mnist-cnn"), nullptr));
        QList<NodeId> ids{doc.graph().nodeByName("conv1")->id, doc.graph().nodeByName("relu1")->id};
        QList<NodeId> pasted = doc.pasteJson(doc.copyAsJson(ids), QPointF(40, 40));
        QCOMPARE(pasted.size(), 2);
        QCOMPARE(doc.graph().node(pasted[0])->name, std::string("conv1_2"));
        QCOMPARE(doc.graph().inputsOf(pasted[1]).size(), size_t(1));
        QCOMPARE(doc.graph().inputsOf(pasted[1])[0].from, pasted[0]);
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(doc.pasteJson("not json", {}).isEmpty());
    }

    void undoingEverythingGivesIdenticalJson() {
        GraphDocument doc;
        QVERIFY(doc.load(example("fashion-mnist-resnet"), nullptr));
        const std::string before = serializeProject(doc.project());
        NodeId conv = doc.graph().nodeByName("block1_conv1")->id;
        doc.setParameter(conv, QStringLiteral("kernel"), int64_t{5});
        doc.moveNodes({{conv, QPointF(5, 5)}});
        doc.autoLayout();
        doc.pasteJson(doc.copyAsJson({conv}), QPointF(10, 10));
        doc.removeNodes({doc.graph().nodeByName("block2_add")->id});
        NodeId extra = doc.addNode(QStringLiteral("Dropout"), {0, 0});
        doc.connectPorts(doc.graph().nodeByName("gap")->id, extra, 0);
        QVERIFY(serializeProject(doc.project()) != before);
        while (doc.undoStack()->canUndo()) doc.undoStack()->undo();
        QCOMPARE(serializeProject(doc.project()), before);
        while (doc.undoStack()->canRedo()) doc.undoStack()->redo();
        while (doc.undoStack()->canUndo()) doc.undoStack()->undo();
        QCOMPARE(serializeProject(doc.project()), before);
    }

    void saveAndReopenRoundTrip() {
        QTemporaryDir dir;
        GraphDocument doc;
        QVERIFY(doc.load(example("fashion-mnist-cnn"), nullptr));
        doc.setParameter(doc.graph().nodeByName("conv1")->id, QStringLiteral("filters"), int64_t{16});
        QVERIFY(doc.isModified());
        QString path = dir.filePath(QStringLiteral("copy.netloom"));
        QString error;
        QVERIFY2(doc.saveAs(path, &error), qPrintable(error));
        QVERIFY(!doc.isModified());
        GraphDocument again;
        QVERIFY(again.load(path, nullptr));
        QCOMPARE(serializeProject(again.project()), serializeProject(doc.project()));
        QCOMPARE(again.analysis().totalParams, int64_t{160 + (16 * 9 * 64 + 64) + (3136 * 128 + 128) + (128 * 10 + 10)});
    }

    void sceneMirrorsTheModel() {
        GraphDocument doc;
        GraphScene scene(&doc);
        QVERIFY(doc.load(example("fashion-mnist-cnn"), nullptr));
        QCOMPARE(scene.nodeItems().size(), 13);
        doc.removeNodes({doc.graph().nodeByName("relu1")->id});
        QCOMPARE(scene.nodeItems().size(), 12);
        doc.undoStack()->undo();
        QCOMPARE(scene.nodeItems().size(), 13);
    }

    void mainWindowShowsTheSummaryAndPalette() {
        qputenv("NETLOOM_NO_RECOVERY", "1");
        MainWindow w;
        QVERIFY(w.openProject(example("fashion-mnist-cnn")));
        // The summary follows the analysis once its dock is in view (hidden, it waits).
        SummaryTable* table = w.findChild<SummaryTable*>();
        w.show();
        auto* dock = w.findChild<QDockWidget*>(QStringLiteral("summaryDock"));
        QVERIFY(dock);
        dock->show();
        dock->raise();
        QTRY_VERIFY(table->isVisible());
        QTRY_COMPARE(table->rowCount(), 14);  // 13 layers + total
        QCOMPARE(table->item(13, 3)->text(), QStringLiteral("421,642"));
        QCOMPARE(table->item(0, 0)->text(), QString::fromStdString(w.document()->graph().node(w.document()->analysis().order.front())->name));
        // An edit while it is out of sight shows when it comes back.
        dock->hide();
        w.document()->removeNodes({w.document()->graph().nodeByName("relu1")->id});
        QCoreApplication::processEvents();
        dock->show();
        QTRY_COMPARE(table->rowCount(), 13);
        QCOMPARE(table->item(12, 0)->text(), QStringLiteral("Total"));
        QVERIFY(table->item(12, 0)->font().bold());
        QVERIFY(!table->item(11, 0)->font().bold());
        LayerPalette* palette = w.findChild<LayerPalette*>();
        palette->setFilter(QStringLiteral("pool"));
        QCOMPARE(palette->visibleLayerCount(), 3);  // MaxPool2d, AvgPool2d, GlobalAvgPool2d
    }
};

QTEST_MAIN(TestGraphDocument)
#include "tst_graph_document.moc"
