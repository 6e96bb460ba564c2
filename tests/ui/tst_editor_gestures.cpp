// The editor driven as a user drives it: a drop from the palette, a drag between ports, typing
// into the inspector, keyboard shortcuts, and the crash-recovery file.
#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QMimeData>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTreeWidget>
#include <algorithm>
#include <memory>

#include "canvas/edge_item.h"
#include "canvas/graph_scene.h"
#include "canvas/graph_view.h"
#include "canvas/node_item.h"
#include "document/graph_document.h"
#include "graph/layer_registry.h"
#include "main_window.h"
#include "panels/inspector.h"
#include "panels/layer_palette.h"

using namespace netloom;
using namespace netloom::ui;

namespace {

QString example(const char* name) { return QStringLiteral(NETLOOM_SOURCE_DIR "/projects/%1.netloom").arg(QLatin1String(name)); }

// A main window whose startup question "recover unsaved work?" is answered by the test.
class AnsweringWindow : public MainWindow {
public:
    explicit AnsweringWindow(bool answer) : answer_(answer) {}
    int asked = 0;

protected:
    bool askToRecover() override {
        ++asked;
        return answer_;
    }

private:
    bool answer_;
};

// A canvas on its own, shown so that mouse events reach a real window.
struct Canvas {
    GraphDocument doc;
    GraphScene scene{&doc};
    GraphView view{&scene};
    Canvas() { view.resize(1000, 700); }
    QWidget* viewport() const { return view.viewport(); }
    QPoint at(QPointF scenePos) const { return view.mapFromScene(scenePos); }
};

int64_t intParam(const GraphDocument& doc, NodeId id, const char* name) {
    const Node* n = doc.graph().node(id);
    const LayerSpec* spec = LayerRegistry::instance().find(n->type);
    return ParamReader(spec->params, n->params).integer(name);
}

// Drags with the left button from one viewport point to another, through the middle.
void drag(QWidget* viewport, QPoint from, QPoint to) {
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, (from + to) / 2);
    QTest::mouseMove(viewport, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
}

}  // namespace

class TestEditorGestures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        // Recovery file and settings go to ~/.qttest, never to a user's real ones.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(MainWindow::recoveryPath().contains(QLatin1String("/.qttest/")), qPrintable(MainWindow::recoveryPath()));
        QFile::remove(MainWindow::recoveryPath());
    }

    void dropFromPaletteAddsTheLayerWhereDropped() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // The payload comes from the palette's own model, as a drag from it would carry.
        QTreeWidget* tree = w.findChild<LayerPalette*>()->findChild<QTreeWidget*>();
        QVERIFY(tree);
        QAbstractItemModel* model = tree->model();
        QVERIFY(model->mimeTypes().contains(QLatin1String(layerMimeType())));
        const QModelIndexList dense =
            model->match(model->index(0, 0), Qt::UserRole, QStringLiteral("Dense"), 1, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(dense.size(), 1);
        QVERIFY(model->flags(dense.first()) & Qt::ItemIsDragEnabled);
        std::unique_ptr<QMimeData> mime(model->mimeData(dense));
        QVERIFY(mime && mime->hasFormat(QLatin1String(layerMimeType())));
        std::unique_ptr<QMimeData> category(model->mimeData({model->index(0, 0)}));
        QVERIFY(!category);  // a category heading is not a layer

        auto* view = w.findChild<GraphView*>();
        QVERIFY(view);
        QWidget* viewport = view->viewport();
        QVERIFY(viewport->acceptDrops());
        const QPoint dropAt(viewport->width() / 3, viewport->height() / 2);
        const QPointF scenePoint = view->mapToScene(dropAt);
        QDragEnterEvent enter(dropAt, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(dropAt, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(QPointF(dropAt), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
        QVERIFY(drop.isAccepted());

        GraphDocument* doc = w.document();
        QCOMPARE(doc->graph().nodes().size(), size_t(1));
        const Node& node = doc->graph().nodes().begin()->second;
        QCOMPARE(node.type, std::string("Dense"));
        NodeItem* item = w.scene()->nodeItem(node.id);
        QVERIFY(item);
        // Centred under the pointer.
        QVERIFY2(QLineF(item->sceneBoundingRect().center(), scenePoint).length() < 1.0,
                 qPrintable(QStringLiteral("node at %1,%2, dropped at %3,%4")
                                .arg(item->sceneBoundingRect().center().x())
                                .arg(item->sceneBoundingRect().center().y())
                                .arg(scenePoint.x())
                                .arg(scenePoint.y())));
        QCOMPARE(w.scene()->selectedNodes(), QList<NodeId>{node.id});
        QCOMPARE(doc->undoStack()->count(), 1);

        doc->undoStack()->undo();
        QVERIFY(doc->graph().nodes().empty());
        QVERIFY(w.scene()->nodeItems().isEmpty());
    }

    void draggingFromAnOutputToAnInputConnects() {
        Canvas c;
        NodeId in = c.doc.addNode(QStringLiteral("Input"), {0, 0});
        NodeId flatten = c.doc.addNode(QStringLiteral("Flatten"), {320, 140});
        NodeId dense = c.doc.addNode(QStringLiteral("Dense"), {320, -140});  // 1×28×28 does not fit: stays dark
        c.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&c.view));
        c.view.fitAll();
        NodeItem* source = c.scene.nodeItem(in);
        NodeItem* target = c.scene.nodeItem(flatten);
        const QPoint from = c.at(source->outputPortPos()), to = c.at(target->inputPortPos(0));
        const int itemsBefore = c.scene.items().size();

        QTest::mousePress(c.viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(c.viewport(), (from + to) / 2);
        QCOMPARE(target->highlightedPorts(), QList<int>{0});
        QVERIFY(c.scene.nodeItem(dense)->highlightedPorts().isEmpty());
        QCOMPARE(c.scene.items().size(), itemsBefore + 1);  // the curve that follows the mouse
        QVERIFY(c.doc.graph().edges().empty());             // nothing is connected before the release
        QTest::mouseMove(c.viewport(), to);
        QTest::mouseRelease(c.viewport(), Qt::LeftButton, {}, to);

        QCOMPARE(c.doc.graph().edges().size(), size_t(1));
        const Edge& e = c.doc.graph().edges().begin()->second;
        QCOMPARE(e.from, in);
        QCOMPARE(e.to, flatten);
        QCOMPARE(e.port, 0);
        QVERIFY(target->highlightedPorts().isEmpty());  // the lights go out with the gesture
        QCOMPARE(source->pos(), QPointF(0, 0));          // pressing on a port does not move the layer
        QVERIFY(c.scene.selectedNodes().isEmpty());      // nor start a rubber band
        QCOMPARE(c.doc.undoStack()->count(), 4);         // three adds and the connection
        QTRY_VERIFY(std::any_of(c.scene.items().cbegin(), c.scene.items().cend(),
                                [](QGraphicsItem* i) { return dynamic_cast<EdgeItem*>(i) != nullptr; }));
        c.doc.undoStack()->undo();
        QVERIFY(c.doc.graph().edges().empty());
    }

    void refusedConnectionsSayWhy_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("reason");
        QTest::newRow("port already fed") << "lone" << "a" << 0 << "already connected";
        QTest::newRow("cycle") << "b" << "add" << 1 << "cycle";
        QTest::newRow("shape") << "in" << "dense" << 0 << "add Flatten";
        QTest::newRow("itself") << "lone" << "lone" << 0 << "cannot feed itself";
    }
    void refusedConnectionsSayWhy() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, port);
        QFETCH(QString, reason);
        // in → a → add:0 → b;  dense and lone unconnected.
        Canvas c;
        QHash<QString, NodeId> ids;
        ids[QStringLiteral("in")] = c.doc.addNode(QStringLiteral("Input"), {0, 0});
        ids[QStringLiteral("a")] = c.doc.addNode(QStringLiteral("ReLU"), {260, 0});
        ids[QStringLiteral("add")] = c.doc.addNode(QStringLiteral("Add"), {520, 0});
        ids[QStringLiteral("b")] = c.doc.addNode(QStringLiteral("ReLU"), {780, 0});
        ids[QStringLiteral("dense")] = c.doc.addNode(QStringLiteral("Dense"), {260, 220});
        ids[QStringLiteral("lone")] = c.doc.addNode(QStringLiteral("ReLU"), {520, 220});
        QVERIFY(c.doc.connectPorts(ids["in"], ids["a"], 0));
        QVERIFY(c.doc.connectPorts(ids["a"], ids["add"], 0));
        QVERIFY(c.doc.connectPorts(ids["add"], ids["b"], 0));
        c.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&c.view));
        c.view.fitAll();
        const std::string before = serializeProject(c.doc.project());
        const int steps = c.doc.undoStack()->count();
        QSignalSpy refused(&c.scene, &GraphScene::connectionRefused);

        NodeItem* source = c.scene.nodeItem(ids.value(from));
        NodeItem* target = c.scene.nodeItem(ids.value(to));
        QVERIFY(source && target);
        QVERIFY(port < c.doc.inputPortCount(target->nodeId()));
        const QPoint start = c.at(source->outputPortPos()), end = c.at(target->inputPortPos(port));
        QTest::mousePress(c.viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(c.viewport(), end);
        QVERIFY(!target->highlightedPorts().contains(port));  // the refused port never lights up
        QTest::mouseRelease(c.viewport(), Qt::LeftButton, {}, end);

        QCOMPARE(serializeProject(c.doc.project()), before);
        QCOMPARE(c.doc.undoStack()->count(), steps);
        QCOMPARE(refused.count(), 1);
        const QString why = refused.first().at(0).toString();
        QVERIFY2(why.contains(reason), qPrintable(why));
        // A sentence: a capital, several words.
        QVERIFY2(why.at(0).isUpper() && why.split(QLatin1Char(' ')).size() >= 3, qPrintable(why));
        QVERIFY(QLineF(refused.first().at(1).toPointF(), c.view.mapToScene(end)).length() < 2.0);
        QTRY_COMPARE(QToolTip::text(), why);  // the view shows it where the mouse was released
        QToolTip::hideText();
    }

    void inspectorEditsAreOneUndoStepEach() {
        MainWindow w;
        QVERIFY(w.openProject(example("fashion-mnist-cnn")));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCoreApplication::processEvents();  // the queued fit-to-view
        GraphDocument* doc = w.document();
        const NodeId logits = doc->graph().nodeByName("logits")->id;
        auto* view = w.findChild<GraphView*>();
        NodeItem* item = w.scene()->nodeItem(logits);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(item->mapToScene(QPointF(85, 14))));
        QCOMPARE(w.scene()->selectedNodes(), QList<NodeId>{logits});
        auto* inspector = w.findChild<Inspector*>();
        QCOMPARE(inspector->shownNode(), logits);
        QCOMPARE(doc->undoStack()->count(), 0);  // a click selects, it does not move

        // The inspector rebuilds its editors when the node changes, so look the box up each time.
        auto unitsBox = [inspector] { return inspector->findChild<QSpinBox*>(QStringLiteral("units")); };
        QVERIFY(unitsBox());
        QCOMPARE(unitsBox()->value(), 10);

        // Type a value: committed on Enter, not on every keystroke.
        QSpinBox* box = unitsBox();
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, QStringLiteral("48"));
        QCOMPARE(intParam(*doc, logits, "units"), int64_t{10});
        QTest::keyClick(box, Qt::Key_Return);
        QCOMPARE(intParam(*doc, logits, "units"), int64_t{48});
        QCOMPARE(doc->undoStack()->count(), 1);
        doc->undoStack()->undo();
        QCOMPARE(intParam(*doc, logits, "units"), int64_t{10});
        QCOMPARE(unitsBox()->value(), 10);  // the editor shows the restored value

        // Three arrow steps: three edits, one undo step.
        box = unitsBox();
        box->setFocus();
        for (int k = 0; k < 3; ++k) QTest::keyClick(box, Qt::Key_Up);
        QCOMPARE(intParam(*doc, logits, "units"), int64_t{13});
        QCOMPARE(doc->undoStack()->count(), 1);
        doc->undoStack()->undo();
        QCOMPARE(intParam(*doc, logits, "units"), int64_t{10});
        QCOMPARE(unitsBox()->value(), 10);
    }

    void closingWithASelectedLayerTellsNoOne() {
        // The document dies before the scene; a selection change announced by the dying scene
        // reached the inspector, which read the deleted document (a crash on quit).
        auto w = std::make_unique<MainWindow>();
        QVERIFY(w->openProject(example("fashion-mnist-cnn")));
        w->scene()->selectNodes({w->document()->graph().nodeByName("conv1")->id});
        QCOMPARE(w->findChild<Inspector*>()->shownNode(), w->document()->graph().nodeByName("conv1")->id);
        QSignalSpy selection(w->scene(), &QGraphicsScene::selectionChanged);
        w.reset();
        QCOMPARE(selection.count(), 0);
    }

    void autosaveWritesTheRecoveryFileAndStartupRestoresIt() {
        const QByteArray noRecovery = qgetenv("NETLOOM_NO_RECOVERY");
        qunsetenv("NETLOOM_NO_RECOVERY");
        auto restoreEnv = qScopeGuard([&] {
            if (!noRecovery.isNull()) qputenv("NETLOOM_NO_RECOVERY", noRecovery);
            QFile::remove(MainWindow::recoveryPath());
        });
        const QString recovery = MainWindow::recoveryPath();
        QFile::remove(recovery);

        std::string edited;
        {
            AnsweringWindow first(true);
            QVERIFY(first.openProject(example("fashion-mnist-cnn")));
            QCoreApplication::processEvents();  // startup's recovery check: no file, no question
            QCOMPARE(first.asked, 0);
            first.autosave();
            QVERIFY(!QFile::exists(recovery));  // nothing unsaved, nothing written

            GraphDocument* doc = first.document();
            const NodeId conv = doc->graph().nodeByName("conv1")->id;
            QVERIFY(doc->setParameter(conv, QStringLiteral("filters"), int64_t{20}));
            first.autosave();
            QVERIFY(QFile::exists(recovery));
            ProjectLoad saved = loadProject(recovery.toStdString());
            QVERIFY2(saved.ok(), saved.error.c_str());
            QCOMPARE(std::get<int64_t>(*saved.project->graph.nodeByName("conv1")->params.find("filters")), int64_t{20});

            // Undone back to the file on disk: a stale recovery file would offer back the undone edit.
            doc->undoStack()->undo();
            first.autosave();
            QVERIFY(!QFile::exists(recovery));
            doc->undoStack()->redo();
            first.autosave();
            QVERIFY(QFile::exists(recovery));
            edited = serializeProject(doc->project());
            // Destroyed without a close: as far as the recovery file knows, a crash.
        }
        QVERIFY(QFile::exists(recovery));

        AnsweringWindow second(true);  // as main() starts: construct, then the event loop runs
        QTRY_COMPARE(second.asked, 1);
        QCOMPARE(serializeProject(second.document()->project()), edited);
        QCOMPARE(second.scene()->nodeItems().size(), 13);
        // Recovered work is unsaved work: it must not be thrown away by a close without a question.
        QVERIFY(second.document()->isModified());

        QTemporaryDir dir;
        QString error;
        QVERIFY2(second.document()->saveAs(dir.filePath(QStringLiteral("recovered.netloom")), &error), qPrintable(error));
        QVERIFY(second.close());  // a clean close
        QVERIFY(!QFile::exists(recovery));
    }

    void decliningRecoveryDiscardsTheFile() {
        const QByteArray noRecovery = qgetenv("NETLOOM_NO_RECOVERY");
        qunsetenv("NETLOOM_NO_RECOVERY");
        auto restoreEnv = qScopeGuard([&] {
            if (!noRecovery.isNull()) qputenv("NETLOOM_NO_RECOVERY", noRecovery);
            QFile::remove(MainWindow::recoveryPath());
        });
        const QString recovery = MainWindow::recoveryPath();
        {
            AnsweringWindow first(false);
            first.document()->addNode(QStringLiteral("Input"), {0, 0});
            first.autosave();
        }
        QVERIFY(QFile::exists(recovery));
        AnsweringWindow second(false);
        QTRY_COMPARE(second.asked, 1);
        QVERIFY(second.document()->graph().nodes().empty());
        QVERIFY(!QFile::exists(recovery));
    }

    void selectAllDeleteUndoFromTheKeyboard() {
        MainWindow w;
        QVERIFY(w.openProject(example("fashion-mnist-cnn")));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        GraphDocument* doc = w.document();
        const std::string before = serializeProject(doc->project());
        auto* view = w.findChild<GraphView*>();
        view->setFocus();

        QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(w.scene()->selectedNodes().size(), 13);
        QTest::keyClick(view, Qt::Key_Delete);
        QVERIFY(doc->graph().nodes().empty());
        QVERIFY(doc->graph().edges().empty());
        QVERIFY(w.scene()->nodeItems().isEmpty());
        QCOMPARE(doc->undoStack()->count(), 1);
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(serializeProject(doc->project()), before);
        QCOMPARE(w.scene()->nodeItems().size(), 13);
    }

    void rubberBandSelectionDeletesAndRestoresInOneStep() {
        MainWindow w;
        QVERIFY(w.openProject(example("fashion-mnist-cnn")));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QCoreApplication::processEvents();  // the queued fit-to-view
        GraphDocument* doc = w.document();
        const std::string before = serializeProject(doc->project());
        auto* view = w.findChild<GraphView*>();
        view->setFocus();

        // A rectangle around everything selects the layers and the connections between them.
        const QRectF all = w.scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20);
        QVERIFY(view->viewport()->rect().contains(view->mapFromScene(all.topLeft())));
        QVERIFY(view->viewport()->rect().contains(view->mapFromScene(all.bottomRight())));
        drag(view->viewport(), view->mapFromScene(all.topLeft()), view->mapFromScene(all.bottomRight()));
        QCOMPARE(w.scene()->selectedNodes().size(), 13);
        QCOMPARE(w.scene()->selectedEdges().size(), 12);

        QTest::keyClick(view, Qt::Key_Delete);
        QVERIFY(doc->graph().nodes().empty());
        QVERIFY(doc->graph().edges().empty());
        QCOMPARE(doc->undoStack()->count(), 1);
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(serializeProject(doc->project()), before);
    }
};

QTEST_MAIN(TestEditorGestures)
#include "tst_editor_gestures.moc"
