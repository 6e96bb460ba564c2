#include "canvas/editor_actions.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCursor>
#include <QGraphicsItem>
#include <QInputDialog>
#include <QKeySequence>
#include <QMenu>
#include <QMimeData>
#include <set>

#include "canvas/edge_item.h"
#include "canvas/graph_scene.h"
#include "canvas/graph_view.h"
#include "canvas/group_item.h"
#include "canvas/node_item.h"
#include "document/graph_document.h"
#include "graph/layer_registry.h"
#include "layout/graph_layout.h"

namespace netloom::ui {

namespace {
const char* kClipboardMime = "application/x-netloom-graph";

QByteArray clipboardJson() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime) return {};
    return mime->hasFormat(QLatin1String(kClipboardMime)) ? mime->data(QLatin1String(kClipboardMime)) : mime->text().toUtf8();
}
}  // namespace

QAction* EditorActions::make(const QString& text, const QKeySequence& key, const char* name) {
    auto* a = new QAction(text, this);
    a->setShortcut(key);
    a->setObjectName(QLatin1String(name));
    return a;
}

EditorActions::EditorActions(GraphDocument* doc, GraphScene* scene, GraphView* view, QObject* parent)
    : QObject(parent), doc_(doc), scene_(scene), view_(view) {
    cut_ = make(tr("Cu&t"), QKeySequence::Cut, "EditCut");
    copy_ = make(tr("&Copy"), QKeySequence::Copy, "EditCopy");
    paste_ = make(tr("&Paste"), QKeySequence::Paste, "EditPaste");
    duplicate_ = make(tr("D&uplicate"), QKeySequence(tr("Ctrl+D")), "EditDuplicate");
    remove_ = make(tr("&Delete"), QKeySequence::Delete, "EditDelete");
    rename_ = make(tr("&Rename…"), QKeySequence(tr("F2")), "EditRename");
    disconnect_ = make(tr("Dis&connect"), QKeySequence(), "EditDisconnect");
    selectAll_ = make(tr("Select &All"), QKeySequence::SelectAll, "EditSelectAll");
    layout_ = make(tr("&Layout"), QKeySequence(tr("Ctrl+L")), "ViewLayout");
    layout_->setToolTip(tr("Lay the network out in ranks from the inputs to the outputs, edges routed around the layers"));
    topToBottom_ = make(tr("&Top to Bottom"), QKeySequence(), "ViewTopToBottom");
    leftToRight_ = make(tr("&Left to Right"), QKeySequence(), "ViewLeftToRight");
    fitToView_ = make(tr("&Fit to View"), QKeySequence(tr("Ctrl+0")), "ViewFit");
    group_ = make(tr("&Group"), QKeySequence(tr("Ctrl+G")), "EditGroup");
    group_->setToolTip(tr("Make the selected layers a named block that can be collapsed into one node"));
    ungroup_ = make(tr("U&ngroup"), QKeySequence(tr("Ctrl+Shift+G")), "EditUngroup");
    toggleGroup_ = make(tr("Collapse Group"), QKeySequence(), "EditToggleGroup");
    renameGroup_ = make(tr("Rename Group…"), QKeySequence(), "EditRenameGroup");
    directionGroup_ = new QActionGroup(this);
    for (QAction* a : {topToBottom_, leftToRight_}) {
        a->setCheckable(true);
        directionGroup_->addAction(a);
    }

    connect(cut_, &QAction::triggered, this, [this] {
        copySelection();
        doc_->removeNodes(scene_->selectedNodes());
    });
    connect(copy_, &QAction::triggered, this, &EditorActions::copySelection);
    connect(paste_, &QAction::triggered, this, [this] { pasteAt(cursorScenePos()); });
    connect(duplicate_, &QAction::triggered, this, [this] {
        const QList<NodeId> selected = scene_->selectedNodes();
        if (selected.isEmpty()) return;
        const QByteArray json = doc_->copyAsJson(selected);
        scene_->selectNodes(doc_->pasteJson(json, clearOffset(json, std::nullopt)));
    });
    connect(remove_, &QAction::triggered, this, [this] {
        doc_->removeNodes(scene_->selectedNodes(), scene_->selectedEdges());  // one undo step
    });
    connect(rename_, &QAction::triggered, this, [this] {
        for (QGraphicsItem* i : scene_->selectedItems())
            if (auto* g = dynamic_cast<GroupItem*>(i); g && g->collapsed()) {  // a selected block: its name
                renameGroup_->trigger();
                return;
            }
        const QList<NodeId> selected = scene_->selectedNodes();
        if (selected.size() == 1) Q_EMIT renameRequested(selected.first());
    });
    connect(group_, &QAction::triggered, this, [this] {
        QString why;
        if (!doc_->groupNodes(scene_->selectedNodes(), {}, &why)) Q_EMIT editRefused(why);
    });
    connect(ungroup_, &QAction::triggered, this, [this] {
        QList<int> groups = selectedGroups();
        if (groups.isEmpty()) return;
        if (groups.size() == 1) {  // its own step, which a layout making room can join
            doc_->ungroup(groups.first());
            return;
        }
        std::sort(groups.begin(), groups.end(), std::greater<int>());  // indices stay valid
        doc_->undoStack()->beginMacro(tr("Ungroup"));
        for (int g : groups) doc_->ungroup(g);
        doc_->undoStack()->endMacro();
    });
    connect(toggleGroup_, &QAction::triggered, this, [this] {
        const QList<int> groups = selectedGroups();
        if (groups.size() == 1) doc_->setGroupCollapsed(groups.first(), !doc_->groups().at(groups.first()).collapsed);
    });
    connect(renameGroup_, &QAction::triggered, this, [this] {
        const QList<int> groups = selectedGroups();
        if (groups.size() != 1) return;
        const QString old = QString::fromStdString(doc_->groups().at(groups.first()).name);
        bool ok = false;
        const QString name = QInputDialog::getText(view_, tr("Rename Group"), tr("Name:"), QLineEdit::Normal, old, &ok);
        QString why;
        if (ok && !doc_->renameGroup(groups.first(), name, &why)) Q_EMIT editRefused(why);
    });
    connect(scene_, &QGraphicsScene::selectionChanged, this, &EditorActions::updateGroupActions);
    connect(doc_, &GraphDocument::groupsChanged, this, &EditorActions::updateGroupActions);
    connect(disconnect_, &QAction::triggered, this, [this] {
        // The selected connections, and every connection of the selected layers.
        std::set<EdgeId> edges;
        for (EdgeId e : scene_->selectedEdges()) edges.insert(e);
        for (NodeId n : scene_->selectedNodes()) {
            for (const Edge& e : doc_->graph().inputsOf(n)) edges.insert(e.id);
            for (const Edge& e : doc_->graph().outputsOf(n)) edges.insert(e.id);
        }
        doc_->disconnectEdges(QList<EdgeId>(edges.begin(), edges.end()));
    });
    connect(selectAll_, &QAction::triggered, this, [this] {
        for (NodeItem* n : scene_->nodeItems()) n->setSelected(true);
    });
    connect(layout_, &QAction::triggered, this, [this] { doc_->requestLayout(); });
    connect(topToBottom_, &QAction::triggered, this, [this] { doc_->requestLayout(LayoutDirection::TopToBottom); });
    connect(leftToRight_, &QAction::triggered, this, [this] { doc_->requestLayout(LayoutDirection::LeftToRight); });
    connect(fitToView_, &QAction::triggered, view_, &GraphView::fitAll);
    connect(doc_, &GraphDocument::layoutFinished, view_, &GraphView::fitAll);
    connect(doc_, &GraphDocument::directionChanged, this, &EditorActions::updateDirection);
    connect(doc_, &GraphDocument::documentReset, this, &EditorActions::updateDirection);
    updateDirection();
}

QList<int> EditorActions::selectedGroups() const {
    QList<int> groups;
    for (NodeId id : scene_->selectedNodes())
        if (int g = doc_->groupOf(id); g >= 0 && !groups.contains(g)) groups << g;
    return groups;
}

void EditorActions::updateGroupActions() {
    const QList<int> groups = selectedGroups();
    const bool one = groups.size() == 1;
    group_->setEnabled(!scene_->selectedNodes().isEmpty() && groups.isEmpty());
    ungroup_->setEnabled(!groups.isEmpty());
    toggleGroup_->setEnabled(one);
    renameGroup_->setEnabled(one);
    toggleGroup_->setText(one && doc_->groups().at(groups.first()).collapsed ? tr("Expand Group") : tr("Collapse Group"));
}

void EditorActions::updateDirection() {
    (doc_->direction() == LayoutDirection::LeftToRight ? leftToRight_ : topToBottom_)->setChecked(true);
}

std::optional<QPointF> EditorActions::cursorScenePos() const {
    const QPoint inView = view_->viewport()->mapFromGlobal(QCursor::pos());
    if (!view_->isVisible() || !view_->viewport()->rect().contains(inView)) return std::nullopt;
    return view_->mapToScene(inView);
}

void EditorActions::copySelection() {
    QList<NodeId> ids = scene_->selectedNodes();
    if (ids.isEmpty()) return;
    auto* mime = new QMimeData;
    QByteArray json = doc_->copyAsJson(ids);
    mime->setData(QLatin1String(kClipboardMime), json);
    mime->setText(QString::fromUtf8(json));  // pasteable into another window or a text editor
    QApplication::clipboard()->setMimeData(mime);
}

QPointF EditorActions::clearOffset(const QByteArray& json, std::optional<QPointF> at) const {
    ProjectLoad load = parseProject(json.toStdString());
    if (!load.ok() || load.project->graph.nodes().empty()) return QPointF(40, 40);
    const Graph& clip = load.project->graph;
    double left = 1e18, top = 1e18;
    for (const auto& [id, n] : clip.nodes()) {
        left = std::min(left, n.position.x);
        top = std::min(top, n.position.y);
    }
    QPointF offset = at ? *at - QPointF(left, top) : QPointF(40, 40);
    const QSizeF size(kLayoutNodeWidth, kLayoutNodeHeight);
    auto collides = [&](QPointF d) {
        for (const auto& [cid, c] : clip.nodes()) {
            const QRectF pasted(QPointF(c.position.x, c.position.y) + d, size);
            for (const auto& [id, n] : doc_->graph().nodes())
                if (pasted.adjusted(-8, -8, 8, 8).intersects(QRectF(QPointF(n.position.x, n.position.y), size))) return true;
        }
        return false;
    };
    // Step along the layout's cross direction and down until the copy lies clear.
    const QPointF step = doc_->direction() == LayoutDirection::LeftToRight ? QPointF(40, 90) : QPointF(90, 40);
    for (int k = 0; k < 400 && collides(offset); ++k) offset += step;
    return offset;
}

QList<NodeId> EditorActions::pasteAt(std::optional<QPointF> at) {
    const QByteArray json = clipboardJson();
    if (json.isEmpty()) return {};
    QList<NodeId> ids = doc_->pasteJson(json, clearOffset(json, at));
    scene_->selectNodes(ids);
    return ids;
}

QMenu* EditorActions::contextMenu(QPointF scenePos, QWidget* parent) {
    auto* menu = new QMenu(parent);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    NodeItem* node = nullptr;
    EdgeItem* edge = nullptr;
    GroupItem* block = nullptr;
    for (QGraphicsItem* item : scene_->items(scenePos)) {
        if (!item->isVisible()) continue;
        for (QGraphicsItem* i = item; i && !node && !edge && !block; i = i->parentItem()) {
            node = dynamic_cast<NodeItem*>(i);
            edge = dynamic_cast<EdgeItem*>(i);
            block = dynamic_cast<GroupItem*>(i);
        }
        if (node || edge || block) break;
    }
    if (block) {
        // A collapsed group, or an expanded one's title: the group's own menu.
        const NodeGroup& g = doc_->groups().at(static_cast<size_t>(block->index()));
        scene_->clearSelection();
        if (block->collapsed()) block->setSelected(true);
        else scene_->selectNodes(QList<NodeId>(g.members.begin(), g.members.end()));
        updateGroupActions();
        menu->setObjectName(QStringLiteral("GroupMenu"));
        menu->addAction(toggleGroup_);
        menu->addAction(renameGroup_);
        menu->addAction(ungroup_);
        menu->addSeparator();
        menu->addAction(cut_);
        menu->addAction(copy_);
        menu->addAction(remove_);
        menu->addSeparator();
        menu->addAction(layout_);
    } else if (node) {
        if (!node->isSelected()) scene_->selectNodes({node->nodeId()});
        updateGroupActions();
        menu->setObjectName(QStringLiteral("LayerMenu"));
        rename_->setEnabled(scene_->selectedNodes().size() == 1);
        menu->addAction(rename_);
        menu->addAction(duplicate_);
        menu->addSeparator();
        menu->addAction(cut_);
        menu->addAction(copy_);
        menu->addAction(remove_);
        menu->addAction(disconnect_);
        menu->addSeparator();
        if (group_->isEnabled()) menu->addAction(group_);
        if (toggleGroup_->isEnabled()) menu->addAction(toggleGroup_);
        if (ungroup_->isEnabled()) menu->addAction(ungroup_);
        menu->addAction(layout_);
    } else if (edge) {
        scene_->clearSelection();
        edge->setSelected(true);
        menu->setObjectName(QStringLiteral("ConnectionMenu"));
        menu->addAction(disconnect_);
    } else {
        scene_->clearSelection();
        menu->setObjectName(QStringLiteral("CanvasMenu"));
        QMenu* add = menu->addMenu(tr("&Add Layer Here"));
        add->setObjectName(QStringLiteral("AddLayerMenu"));
        const LayerRegistry& registry = LayerRegistry::instance();
        for (const std::string& category : registry.categories()) {
            QMenu* group = add->addMenu(QString::fromStdString(category));
            for (const LayerSpec& spec : registry.all()) {
                if (spec.category != category) continue;
                const QString type = QString::fromStdString(spec.type);
                QAction* a = group->addAction(type, this, [this, type, scenePos] {
                    NodeId id = doc_->addNode(type, scenePos - QPointF(kLayoutNodeWidth / 2, kLayoutNodeHeight / 2));
                    if (id) scene_->selectNodes({id});
                });
                a->setObjectName(QStringLiteral("Add") + type);
                a->setToolTip(QString::fromStdString(spec.description));
            }
        }
        QAction* pasteHere = menu->addAction(tr("&Paste Here"), this, [this, scenePos] { pasteAt(scenePos); });
        pasteHere->setObjectName(QStringLiteral("PasteHere"));
        pasteHere->setEnabled(!clipboardJson().isEmpty());
        menu->addAction(selectAll_);
        menu->addSeparator();
        menu->addAction(layout_);
        QMenu* direction = menu->addMenu(tr("Layout &Direction"));
        direction->addAction(topToBottom_);
        direction->addAction(leftToRight_);
        menu->addAction(fitToView_);
    }
    connect(menu, &QMenu::aboutToHide, this, [this] { rename_->setEnabled(true); });
    return menu;
}

}  // namespace netloom::ui
