// The editor driven as a user drives it: a drop from the palette, a drag between ports, typing
// into the inspector, keyboard shortcuts, and the crash-recovery file.
#include <QApplication>
#include <QDir>
#include <QContextMenuEvent>
#include <QCursor>
#include <QDockWidget>
#include <QDropEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QToolButton>
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
#include "canvas/editor_actions.h"
#include "canvas/graph_scene.h"
#include "canvas/graph_view.h"
#include "canvas/group_item.h"
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

// A right click as the window system delivers it to the canvas: the button press, then the
// context-menu event at the same place. Returns the menu that opened.
QMenu* rightClick(QGraphicsView* view, QPoint at) {
    QTest::mousePress(view->viewport(), Qt::RightButton, {}, at);
    QTest::mouseRelease(view->viewport(), Qt::RightButton, {}, at);
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &event);
    return qobject_cast<QMenu*>(QApplication::activePopupWidget());
}

// Clicks a menu entry where it is drawn.
void clickEntry(QMenu* menu, QAction* action) {
    QVERIFY(menu->actions().contains(action));
    QVERIFY(action->isEnabled());
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
}

QAction* entry(QMenu* menu, const QString& objectName) {
    for (QAction* a : menu->actions())
        if (a->objectName() == objectName) return a;
    return nullptr;
}

// Opens a project in a shown main window and waits for the routes of its layout.
void openShown(MainWindow& w, const char* name) {
    QVERIFY(w.openProject(example(name)));
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTRY_VERIFY(!w.document()->routes().empty());
    QCoreApplication::processEvents();  // the queued fit-to-view
}

bool overlapsAnother(const GraphDocument& doc, NodeId id) {
    const Node* n = doc.graph().node(id);
    const QRectF r(n->position.x, n->position.y, kLayoutNodeWidth, kLayoutNodeHeight);
    for (const auto& [other, m] : doc.graph().nodes())
        if (other != id && r.intersects(QRectF(m.position.x, m.position.y, kLayoutNodeWidth, kLayoutNodeHeight))) return true;
    return false;
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

    // Dropping a new connection on an input that already has one replaces it, in one undo step.
    void droppingOnAnOccupiedInputReplacesIt() {
        Canvas c;
        NodeId in = c.doc.addNode(QStringLiteral("Input"), {0, 0});
        NodeId a = c.doc.addNode(QStringLiteral("ReLU"), {-200, 200});
        NodeId b = c.doc.addNode(QStringLiteral("ReLU"), {200, 200});
        NodeId sink = c.doc.addNode(QStringLiteral("ReLU"), {0, 420});
        QVERIFY(c.doc.connectPorts(in, a, 0));
        QVERIFY(c.doc.connectPorts(in, b, 0));
        QVERIFY(c.doc.connectPorts(a, sink, 0));
        c.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&c.view));
        c.view.fitAll();
        const int steps = c.doc.undoStack()->count();
        NodeItem* source = c.scene.nodeItem(b);
        NodeItem* target = c.scene.nodeItem(sink);
        const QPoint start = c.at(source->outputPortPos()), end = c.at(target->inputPortPos(0));
        QTest::mousePress(c.viewport(), Qt::LeftButton, {}, start);
        QTest::mouseMove(c.viewport(), (start + end) / 2);
        QCOMPARE(target->highlightedPorts(), QList<int>{0});  // the occupied port offers itself
        QTest::mouseMove(c.viewport(), end);
        QTest::mouseRelease(c.viewport(), Qt::LeftButton, {}, end);
        const auto inputs = c.doc.graph().inputsOf(sink);
        QCOMPARE(inputs.size(), size_t(1));
        QCOMPARE(inputs[0].from, b);
        QCOMPARE(c.doc.undoStack()->count(), steps + 1);
        c.doc.undoStack()->undo();
        QCOMPARE(c.doc.graph().inputsOf(sink).size(), size_t(1));
        QCOMPARE(c.doc.graph().inputsOf(sink)[0].from, a);
        // A cycle stays refused on an occupied port too.
        QString why;
        QVERIFY(!c.doc.connectPorts(sink, a, 0, &why, true));
        QVERIFY2(why.contains(QStringLiteral("cycle")), qPrintable(why));
    }

    // Ctrl+L on the residual example: one undo step, applied when the worker thread is done; top to
    // bottom with ports on the top and bottom edges, every edge along its route, the graph fitted.
    void ctrlLLaysOutTopToBottomAndFits() {
        MainWindow w;
        openShown(w, "fashion-mnist-resnet");
        GraphDocument* doc = w.document();
        doc->moveNodes({{doc->graph().nodeByName("stem")->id, QPointF(3000, -2000)}});  // a mess to tidy
        doc->undoStack()->clear();
        GraphView* view = w.view();
        view->setFocus();
        QSignalSpy finished(doc, &GraphDocument::layoutFinished);
        QTest::keyClick(view, Qt::Key_L, Qt::ControlModifier);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCoreApplication::processEvents();
        for (const auto& [id, e] : doc->graph().edges()) {
            const Node* from = doc->graph().node(e.from);
            const Node* to = doc->graph().node(e.to);
            QVERIFY(to->position.y >= from->position.y + kLayoutNodeHeight);
            NodeItem* source = w.scene()->nodeItem(e.from);
            NodeItem* target = w.scene()->nodeItem(e.to);
            // Output port in the middle of the bottom edge, input ports along the top edge.
            QCOMPARE(source->outputPortPos(), QPointF(from->position.x + kLayoutNodeWidth / 2, from->position.y + kLayoutNodeHeight));
            QCOMPARE(target->inputPortPos(e.port).y(), to->position.y);
        }
        int edgeItems = 0;
        QList<QRectF> labels;
        for (QGraphicsItem* i : w.scene()->items()) {
            auto* e = dynamic_cast<EdgeItem*>(i);
            if (!e) continue;
            ++edgeItems;
            QVERIFY(e->followsRoute());
            for (const QRectF& other : labels) QVERIFY(!e->labelRect().intersects(other));
            for (NodeItem* n : w.scene()->nodeItems()) QVERIFY(!e->labelRect().intersects(n->sceneBoundingRect().adjusted(6, 6, -6, -6)));
            labels << e->labelRect();
        }
        QCOMPARE(edgeItems, static_cast<int>(doc->graph().edges().size()));
        // Fit to view: every layer is inside the viewport.
        const QRect viewport = view->viewport()->rect();
        for (NodeItem* n : w.scene()->nodeItems())
            QVERIFY(viewport.contains(view->mapFromScene(n->sceneBoundingRect()).boundingRect()));
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->graph().nodeByName("stem")->position.x, 3000.0);
    }

    // View > Layout Direction > Left to Right: ports move to the sides, and the choice is saved.
    void leftToRightMovesThePortsAndIsSaved() {
        MainWindow w;
        openShown(w, "fashion-mnist-cnn");
        GraphDocument* doc = w.document();
        QSignalSpy finished(doc, &GraphDocument::layoutFinished);
        w.editorActions()->leftToRight()->trigger();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(doc->direction(), LayoutDirection::LeftToRight);
        QVERIFY(w.editorActions()->leftToRight()->isChecked());
        const NodeId conv = doc->graph().nodeByName("conv1")->id;
        const Node* n = doc->graph().node(conv);
        QCOMPARE(w.scene()->nodeItem(conv)->outputPortPos(), QPointF(n->position.x + kLayoutNodeWidth, n->position.y + kLayoutNodeHeight / 2));
        QCOMPARE(w.scene()->nodeItem(conv)->inputPortPos(0).x(), n->position.x);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(doc->saveAs(dir.filePath(QStringLiteral("lr.netloom")), &error), qPrintable(error));
        ProjectLoad back = loadProject(dir.filePath(QStringLiteral("lr.netloom")).toStdString());
        QVERIFY(back.ok());
        QCOMPARE(back.project->editor.direction, LayoutDirection::LeftToRight);
    }

    // Right click on a layer: its menu; Rename… puts the keyboard in the inspector's name field.
    void layerMenuRenamesThroughTheInspector() {
        MainWindow w;
        openShown(w, "fashion-mnist-cnn");
        GraphDocument* doc = w.document();
        const NodeId conv = doc->graph().nodeByName("conv1")->id;
        QMenu* menu = rightClick(w.view(), w.view()->mapFromScene(w.scene()->nodeItem(conv)->sceneBoundingRect().center()));
        QVERIFY(menu);
        QCOMPARE(menu->objectName(), QStringLiteral("LayerMenu"));
        QCOMPARE(w.scene()->selectedNodes(), QList<NodeId>{conv});
        for (QAction* a : {w.editorActions()->duplicate(), w.editorActions()->remove(), w.editorActions()->disconnectAction(),
                           w.editorActions()->layout()})
            QVERIFY(menu->actions().contains(a));
        clickEntry(menu, w.editorActions()->rename());
        auto* name = w.findChild<Inspector*>()->findChild<QLineEdit*>(QStringLiteral("layerName"));
        QVERIFY(name);
        QTRY_VERIFY(!menu->isVisible());
        // The window's keyboard goes to the name field (the offscreen platform may leave the window
        // inactive after a popup closes, so ask the window rather than the application).
        QTRY_COMPARE(w.focusWidget(), static_cast<QWidget*>(name));
        QCOMPARE(name->selectedText(), QStringLiteral("conv1"));
        QTest::keyClicks(name, QStringLiteral("stem"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(doc->graph().node(conv)->name, std::string("stem"));
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    // F2 on the selected layer, and a taken name refused in the inspector with the reason.
    void f2RenamesAndATakenNameIsRefused() {
        MainWindow w;
        openShown(w, "fashion-mnist-cnn");
        GraphDocument* doc = w.document();
        const NodeId conv = doc->graph().nodeByName("conv1")->id;
        GraphView* view = w.view();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(w.scene()->nodeItem(conv)->mapToScene(QPointF(85, 14))));
        QCOMPARE(w.scene()->selectedNodes(), QList<NodeId>{conv});
        view->setFocus();
        QTest::keyClick(view, Qt::Key_F2);
        auto* name = w.findChild<Inspector*>()->findChild<QLineEdit*>(QStringLiteral("layerName"));
        QTRY_VERIFY(name && name->hasFocus());
        QTest::keyClicks(name, QStringLiteral("relu1"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(doc->graph().node(conv)->name, std::string("conv1"));
        QCOMPARE(doc->undoStack()->count(), 0);
        QCOMPARE(name->text(), QStringLiteral("conv1"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("features"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(doc->graph().node(conv)->name, std::string("features"));
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    // Right click on a connection: Disconnect removes it (one step).
    void connectionMenuDisconnects() {
        MainWindow w;
        openShown(w, "fashion-mnist-cnn");
        GraphDocument* doc = w.document();
        const NodeId relu = doc->graph().nodeByName("relu1")->id;
        const EdgeId edge = doc->graph().inputsOf(relu).at(0).id;
        EdgeItem* item = nullptr;
        for (QGraphicsItem* i : w.scene()->items())
            if (auto* e = dynamic_cast<EdgeItem*>(i); e && e->edgeId() == edge) item = e;
        QVERIFY(item);
        QMenu* menu = rightClick(w.view(), w.view()->mapFromScene(item->path().pointAtPercent(0.5)));
        QVERIFY(menu);
        QCOMPARE(menu->objectName(), QStringLiteral("ConnectionMenu"));
        clickEntry(menu, w.editorActions()->disconnectAction());
        QVERIFY(!doc->graph().edge(edge));
        QCOMPARE(doc->undoStack()->count(), 1);
    }

    // Right click on the empty canvas: add a layer there; paste there, moved clear of the others.
    void canvasMenuAddsAndPastesWhereClicked() {
        MainWindow w;
        openShown(w, "fashion-mnist-cnn");
        GraphDocument* doc = w.document();
        GraphView* view = w.view();
        const QRectF all = w.scene()->itemsBoundingRect();
        const QPointF empty = all.topRight() + QPointF(260, 100);
        view->centerOn(empty);
        QMenu* menu = rightClick(view, view->mapFromScene(empty));
        QVERIFY(menu);
        QCOMPARE(menu->objectName(), QStringLiteral("CanvasMenu"));
        QMenu* add = menu->findChild<QMenu*>(QStringLiteral("AddLayerMenu"));
        QVERIFY(add);
        QAction* dropout = add->findChild<QAction*>(QStringLiteral("AddDropout"));
        if (!dropout)
            for (QMenu* group : add->findChildren<QMenu*>())
                for (QAction* a : group->actions())
                    if (a->objectName() == QStringLiteral("AddDropout")) dropout = a;
        QVERIFY(dropout);
        dropout->trigger();
        menu->close();
        QCOMPARE(w.scene()->selectedNodes().size(), 1);
        const NodeId added = w.scene()->selectedNodes().first();
        QCOMPARE(doc->graph().node(added)->type, std::string("Dropout"));
        QVERIFY(QLineF(w.scene()->nodeItem(added)->sceneBoundingRect().center(), empty).length() < 1.5);

        // Copy conv1, then Paste Here right on top of relu1: it lands clear of every layer.
        w.scene()->selectNodes({doc->graph().nodeByName("conv1")->id});
        w.editorActions()->copy()->trigger();
        const Node* relu = doc->graph().nodeByName("relu1");
        const QPointF onRelu(relu->position.x + 10, relu->position.y + 10);
        menu = rightClick(view, view->mapFromScene(onRelu + QPointF(-400, 0)));  // the canvas beside it
        QVERIFY(menu);
        QAction* pasteHere = entry(menu, QStringLiteral("PasteHere"));
        QVERIFY(pasteHere);
        menu->close();
        const QList<NodeId> pasted = w.editorActions()->pasteAt(onRelu);
        QCOMPARE(pasted.size(), 1);
        QVERIFY(!overlapsAnother(*doc, pasted.first()));
        // Ctrl+V twice with the pointer away from the canvas: each copy offset, none on another.
        view->setFocus();
        QCursor::setPos(w.mapToGlobal(QPoint(-50, -50)));
        QTest::keyClick(view, Qt::Key_V, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_V, Qt::ControlModifier);
        const int count = static_cast<int>(doc->graph().nodes().size());
        QCOMPARE(count, 13 + 1 + 1 + 2);
        for (const auto& [id, n] : doc->graph().nodes()) QVERIFY2(!overlapsAnother(*doc, id), n.name.c_str());
    }

    // Ctrl+G on a residual block: one undo step makes a named, collapsed block drawn as one node
    // whose ports carry the block's outer connections, and (the canvas being laid out) lays the graph
    // out again in the same step; it drags as one, lays out as one, expands with a double-click
    // (the layout making room, still one step), is saved, and goes with Delete and Ctrl+Shift+G.
    void ctrlGCollapsesAResidualBlockIntoOneNode() {
        MainWindow w;
        openShown(w, "fashion-mnist-resnet");
        GraphDocument* doc = w.document();
        GraphScene* scene = w.scene();
        GraphView* view = w.view();
        const Graph& g = doc->graph();
        QList<NodeId> block;
        for (const char* name : {"block1_conv1", "block1_bn1", "block1_relu1", "block1_conv2", "block1_bn2", "block1_add", "block1_relu2"})
            block << g.nodeByName(name)->id;
        const NodeId stemRelu = g.nodeByName("stem_relu")->id, pool = g.nodeByName("pool1")->id;
        QHash<NodeId, QPointF> before;
        for (NodeId id : block) before.insert(id, QPointF(g.node(id)->position.x, g.node(id)->position.y));
        auto cornerOf = [&](auto position) {  // the top-left corner of the block's layers
            QPointF c = position(block.first());
            for (NodeId id : block) c = QPointF(std::min(c.x(), position(id).x()), std::min(c.y(), position(id).y()));
            return c;
        };
        auto now = [&](NodeId id) { return QPointF(g.node(id)->position.x, g.node(id)->position.y); };
        const QPointF cornerBefore = cornerOf([&](NodeId id) { return before.value(id); });
        scene->selectNodes(block);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_G, Qt::ControlModifier);
        QCOMPARE(doc->groups().size(), size_t{1});
        QCOMPARE(doc->undoStack()->count(), 1);
        QTRY_VERIFY(!doc->isLayingOut());
        QCOMPARE(doc->undoStack()->count(), 1);  // the layout that closed the gap is part of that step
        const NodeGroup& made = doc->groups().front();
        QVERIFY(made.collapsed);
        QCOMPARE(made.name, std::string("group 1"));
        QCOMPARE(scene->groupItems().size(), 1);
        GroupItem* item = scene->groupItems().first();
        QVERIFY(item->isVisible() && item->collapsed());
        for (NodeId id : block) QVERIFY(!scene->nodeItem(id)->isVisible());
        // Its ports: the two connections from stem_relu enter at ports 0 and 1 (conv and the skip
        // into the add); the block's output feeds pool1; the inner connections are hidden.
        QCOMPARE(item->inputPortCount(), 2);
        for (const auto& [id, e] : g.edges()) {
            EdgeItem* edge = scene->edgeItem(id);
            const bool inside = block.contains(e.from) && block.contains(e.to);
            QCOMPARE(edge->isVisible(), !inside);
            if (e.from == stemRelu && block.contains(e.to))
                QCOMPARE(edge->path().pointAtPercent(1), item->inputPortPos(e.to == block.first() ? 0 : 1));
            if (e.to == pool) QCOMPARE(edge->path().pointAtPercent(0), item->outputPortPos());
        }
        // The block's layers kept their arrangement; nothing visible overlaps the block.
        for (NodeId id : block) QCOMPARE(now(id) - item->corner(), before.value(id) - cornerBefore);
        auto overlapsBlock = [&](GroupItem* b) {
            const QRectF box(b->corner(), QSizeF(kLayoutNodeWidth, kLayoutNodeHeight));
            for (NodeItem* n : scene->nodeItems())
                if (n->isVisible() && box.intersects(n->sceneBoundingRect().adjusted(8, 8, -8, -8))) return true;
            return false;
        };
        QVERIFY(!overlapsBlock(item));

        // A drag moves every layer of the block by the same amount, as one step.
        const QPoint grab = view->mapFromScene(item->mapToScene(QPointF(85, 14)));
        drag(view->viewport(), grab, grab + QPoint(120, 40));
        QCOMPARE(doc->undoStack()->count(), 2);
        const QPointF moved = QPointF(g.node(block.first())->position.x, g.node(block.first())->position.y) - before.value(block.first());
        QVERIFY(!moved.isNull());
        for (NodeId id : block)
            QCOMPARE(QPointF(g.node(id)->position.x, g.node(id)->position.y), before.value(id) + moved);
        QCOMPARE(item->corner(), item->pos());

        // Ctrl+L lays the block out as one node: nothing overlaps it, its connections are routed,
        // its layers keep their arrangement inside.
        QSignalSpy finished(doc, &GraphDocument::layoutFinished);
        QTest::keyClick(view, Qt::Key_L, Qt::ControlModifier);
        QTRY_COMPARE(finished.count(), 1);
        QCoreApplication::processEvents();
        item = scene->groupItems().first();
        QVERIFY(!overlapsBlock(item));
        for (const auto& [id, e] : g.edges())
            if (scene->edgeItem(id)->isVisible()) QVERIFY2(scene->edgeItem(id)->followsRoute(), qPrintable(QString::number(id)));
        for (NodeId id : block) QCOMPARE(now(id) - item->corner(), before.value(id) - cornerBefore);

        // A double-click expands it: its layers come back in a frame and the layout makes room for
        // them (no two layers overlap), in one step; undo collapses it and puts everything back.
        const int stepsBefore = doc->undoStack()->index();
        QHash<NodeId, QPointF> collapsedPlaces;
        for (const auto& [id, n] : g.nodes()) collapsedPlaces.insert(id, now(id));
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(item->mapToScene(QPointF(85, 14))));
        QTRY_VERIFY(!doc->groups().front().collapsed);
        QTRY_VERIFY(!doc->isLayingOut());
        QCOMPARE(doc->undoStack()->index(), stepsBefore + 1);
        item = scene->groupItems().first();
        QVERIFY(!item->collapsed());
        for (NodeId id : block) QVERIFY(scene->nodeItem(id)->isVisible());
        for (const auto& [id, n] : g.nodes()) QVERIFY2(!overlapsAnother(*doc, id), n.name.c_str());
        for (NodeId id : block) QVERIFY(item->sceneBoundingRect().contains(scene->nodeItem(id)->sceneBoundingRect()));
        for (const auto& [id, e] : g.edges()) QVERIFY(scene->edgeItem(id)->followsRoute());
        doc->undoStack()->undo();
        QVERIFY(doc->groups().front().collapsed);
        QVERIFY(!scene->nodeItem(block.first())->isVisible());
        for (const auto& [id, n] : g.nodes()) QCOMPARE(now(id), collapsedPlaces.value(id));

        // Saved with the project; training and export read the same 26 layers.
        QTemporaryDir dir;
        QString error;
        QVERIFY2(doc->saveAs(dir.filePath(QStringLiteral("grouped.netloom")), &error), qPrintable(error));
        ProjectLoad back = loadProject(dir.filePath(QStringLiteral("grouped.netloom")).toStdString());
        QVERIFY(back.ok());
        QCOMPARE(back.project->editor.groups, doc->groups());
        QCOMPARE(back.project->graph.nodes().size(), size_t{26});

        // Delete on the selected block removes its layers and the group in one step; undo brings both.
        const int steps = doc->undoStack()->index();
        scene->clearSelection();
        scene->groupItems().first()->setSelected(true);
        QCOMPARE(scene->selectedNodes().size(), block.size());
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(doc->undoStack()->index(), steps + 1);
        QVERIFY(doc->groups().empty());
        QVERIFY(!g.node(block.first()));
        QVERIFY(scene->groupItems().isEmpty());
        doc->undoStack()->undo();
        QCOMPARE(doc->groups().size(), size_t{1});
        QCOMPARE(scene->groupItems().size(), 1);
        QVERIFY(!scene->nodeItem(block.first())->isVisible());

        // A layer already in a group cannot join another; Ctrl+Shift+G ungroups.
        QString why;
        QVERIFY(!doc->groupNodes({block.first(), pool}, {}, &why));
        QVERIFY(why.contains(QLatin1String("block1_conv1")));
        scene->clearSelection();
        scene->groupItems().first()->setSelected(true);
        const int beforeUngroup = doc->undoStack()->index();
        QTest::keyClick(view, Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(doc->groups().empty());
        QTRY_VERIFY(!doc->isLayingOut());
        QCOMPARE(doc->undoStack()->index(), beforeUngroup + 1);  // the layout making room joined it
        for (NodeId id : block) QVERIFY(scene->nodeItem(id)->isVisible());
        for (const auto& [id, e] : g.edges()) QVERIFY(scene->edgeItem(id)->isVisible());
        for (const auto& [id, n] : g.nodes()) QVERIFY2(!overlapsAnother(*doc, id), n.name.c_str());
    }

    // Two selected blocks go together: Ctrl+Shift+G ungroups both in one step, Delete removes both
    // with their layers; the selection's listeners are told once, after the blocks are gone.
    void twoSelectedBlocksUngroupAndDeleteTogether() {
        MainWindow w;
        openShown(w, "fashion-mnist-cnn");
        GraphDocument* doc = w.document();
        GraphScene* scene = w.scene();
        auto id = [&](const char* name) { return doc->graph().nodeByName(name)->id; };
        QVERIFY(doc->groupNodes({id("conv1"), id("relu1")}));
        QVERIFY(doc->groupNodes({id("conv2"), id("relu2")}));
        QTRY_VERIFY(!doc->isLayingOut());
        auto selectBoth = [&] {
            scene->clearSelection();
            for (GroupItem* g : scene->groupItems()) g->setSelected(true);
        };
        selectBoth();
        QCOMPARE(scene->selectedNodes().size(), 4);
        QSignalSpy selection(scene, &QGraphicsScene::selectionChanged);
        w.view()->setFocus();
        const int steps = doc->undoStack()->index();
        QTest::keyClick(w.view(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(doc->groups().empty());
        QVERIFY(scene->groupItems().isEmpty());
        QCOMPARE(doc->undoStack()->index(), steps + 1);
        QVERIFY(selection.count() >= 1);
        QTRY_VERIFY(!doc->isLayingOut());
        doc->undoStack()->undo();
        QCOMPARE(doc->groups().size(), size_t{2});
        selectBoth();
        QTest::keyClick(w.view(), Qt::Key_Delete);
        QVERIFY(doc->groups().empty());
        QCOMPARE(doc->graph().nodes().size(), size_t{9});
        doc->undoStack()->undo();
        QCOMPARE(doc->groups().size(), size_t{2});
        QCOMPARE(doc->graph().nodes().size(), size_t{13});
    }

    // Right click on a collapsed block: its own menu; Expand there, then Collapse from a layer's menu.
    void groupMenuExpandsAndCollapses() {
        MainWindow w;
        openShown(w, "fashion-mnist-cnn");
        GraphDocument* doc = w.document();
        const NodeId conv = doc->graph().nodeByName("conv1")->id, relu = doc->graph().nodeByName("relu1")->id;
        QVERIFY(doc->groupNodes({conv, relu}, QStringLiteral("features")));
        QTRY_VERIFY(!doc->isLayingOut());
        GroupItem* item = w.scene()->groupItems().first();
        QMenu* menu = rightClick(w.view(), w.view()->mapFromScene(item->mapToScene(QPointF(85, 30))));
        QVERIFY(menu);
        QCOMPARE(menu->objectName(), QStringLiteral("GroupMenu"));
        QCOMPARE(w.editorActions()->toggleGroup()->text(), w.editorActions()->tr("Expand Group"));
        clickEntry(menu, w.editorActions()->toggleGroup());
        QVERIFY(!doc->groups().front().collapsed);
        QTRY_VERIFY(!menu->isVisible());
        QTRY_VERIFY(!doc->isLayingOut());  // the layout making room for the layers is in
        menu = rightClick(w.view(), w.view()->mapFromScene(w.scene()->nodeItem(relu)->sceneBoundingRect().center()));
        QVERIFY(menu);
        QCOMPARE(menu->objectName(), QStringLiteral("LayerMenu"));
        clickEntry(menu, w.editorActions()->toggleGroup());
        QVERIFY(doc->groups().front().collapsed);
        QCOMPARE(doc->undoStack()->count(), 3);
    }

    // Every dock is in View > Panels: a closed one comes back from there.
    void viewMenuBringsBackEveryDock() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QMenu* panels = w.menuBar()->findChild<QMenu*>(QStringLiteral("ViewPanels"));
        QVERIFY(panels);
        const QList<QDockWidget*> docks = w.findChildren<QDockWidget*>();
        QVERIFY(docks.size() >= 4);
        for (QDockWidget* d : docks) {
            QVERIFY2(panels->actions().contains(d->toggleViewAction()), qPrintable(d->windowTitle()));
            d->close();
            QVERIFY(!d->isVisible());
            d->toggleViewAction()->trigger();
            QVERIFY(d->isVisible());
        }
        QVERIFY(panels->actions().contains(w.findChild<QToolBar*>(QStringLiteral("mainToolBar"))->toggleViewAction()));
    }

    // The toolbar does not change size when the undo text does (nothing moves under the mouse).
    void toolbarKeepsItsSizeWhenTheUndoTextChanges() {
        MainWindow w;
        openShown(w, "fashion-mnist-cnn");
        auto* tools = w.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
        QVERIFY(tools);
        QList<QRect> before;
        for (QToolButton* b : tools->findChildren<QToolButton*>()) before << b->geometry();
        w.document()->addNode(QStringLiteral("BatchNorm"), {900, 900});
        w.document()->renameNode(w.document()->graph().nodeByName("conv1")->id, QStringLiteral("a_much_longer_layer_name_than_before"));
        QCoreApplication::processEvents();
        QList<QRect> after;
        for (QToolButton* b : tools->findChildren<QToolButton*>()) after << b->geometry();
        QCOMPARE(after, before);
    }
};

QTEST_MAIN(TestEditorGestures)
#include "tst_editor_gestures.moc"
