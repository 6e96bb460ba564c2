#include "canvas/graph_scene.h"

#include <QGraphicsSceneMouseEvent>
#include <QSet>
#include <QSignalBlocker>
#include <algorithm>
#include <utility>

#include "canvas/edge_item.h"
#include "canvas/group_item.h"
#include "canvas/new_edge_interaction.h"
#include "canvas/node_item.h"
#include "document/graph_document.h"
#include "layout/graph_layout.h"

namespace netloom::ui {

GraphScene::GraphScene(GraphDocument* doc, QObject* parent) : QGraphicsScene(parent), doc_(doc) {
    // Items move together (drags, auto-layout): a BSP index would be rebuilt on every move.
    setItemIndexMethod(NoIndex);
    connect(doc_, &GraphDocument::documentReset, this, &GraphScene::rebuild);
    connect(doc_, &GraphDocument::nodeAdded, this, &GraphScene::addNode);
    connect(doc_, &GraphDocument::nodeRemoved, this, [this](int id) {
        edgesAt_.remove(id);
        delete nodes_.take(id);
    });
    connect(doc_, &GraphDocument::groupsChanged, this, &GraphScene::rebuildGroups);
    connect(doc_, &GraphDocument::edgeAdded, this, &GraphScene::addEdge);
    connect(doc_, &GraphDocument::edgeRemoved, this, &GraphScene::removeEdge);
    connect(doc_, &GraphDocument::nodeMoved, this, [this](int id) {
        const Node* node = doc_->graph().node(id);
        if (NodeItem* n = nodes_.value(id); n && node) n->setPos(node->position.x, node->position.y);
        if (GroupItem* g = groupItemOf(id)) g->refresh();
    });
    connect(doc_, &GraphDocument::analysisChanged, this, &GraphScene::refreshNodes);
    connect(doc_, &GraphDocument::routesChanged, this, [this] {
        for (EdgeItem* e : edges_) e->updatePath();
    });
    connect(doc_, &GraphDocument::directionChanged, this, [this] {
        for (NodeItem* n : nodes_) n->refresh();
        for (GroupItem* g : groups_) g->refresh();
        for (EdgeItem* e : edges_) e->updatePath();
    });
    rebuild();
}

// ~QGraphicsScene deletes the items and announces the lost selection; its listeners (the
// inspector, through the main window) would read a document that is already gone.
GraphScene::~GraphScene() { blockSignals(true); }

void GraphScene::rebuild() {
    newEdge_.reset();
    clear();
    nodes_.clear();
    edges_.clear();
    edgesAt_.clear();
    groups_.clear();
    for (const auto& [id, n] : doc_->graph().nodes()) addNode(id);
    for (const auto& [id, e] : doc_->graph().edges()) addEdge(id);
    rebuildGroups();
    refreshAll();
}

void GraphScene::rebuildGroups() {
    newEdge_.reset();  // it may start at a block that goes now
    // The items go quietly (their indices may name groups that are gone: a listener asking for the
    // selection now would read them), then one selection change if one of them was selected.
    const QList<GroupItem*> old = std::exchange(groups_, {});
    bool wasSelected = false;
    {
        const QSignalBlocker quiet(this);
        for (GroupItem* g : old) {
            wasSelected = wasSelected || g->isSelected();
            delete g;
        }
    }
    const auto& groups = doc_->groups();
    QSet<NodeId> hidden;
    for (int i = 0; i < static_cast<int>(groups.size()); ++i) {
        auto* item = new GroupItem(doc_, i);
        addItem(item);
        groups_.append(item);
        connect(item, &GroupItem::geometryMoved, this, [this, i] {
            if (i < static_cast<int>(doc_->groups().size()))
                for (NodeId m : doc_->groups()[static_cast<size_t>(i)].members) updateEdgesAt(m);
        });
        if (groups[i].collapsed) hidden.unite(QSet<NodeId>(groups[i].members.begin(), groups[i].members.end()));
    }
    for (NodeItem* n : nodes_) {
        n->setVisible(!hidden.contains(n->nodeId()));
        if (hidden.contains(n->nodeId())) n->setSelected(false);
    }
    for (EdgeItem* e : edges_) attachEdge(e);
    if (wasSelected) Q_EMIT selectionChanged();
}

GroupItem* GraphScene::groupItemOf(NodeId id) const {
    const int g = doc_->groupOf(id);
    return g >= 0 && g < groups_.size() ? groups_.at(g) : nullptr;
}

GroupItem* GraphScene::collapsedGroupOf(NodeId id) const {
    GroupItem* g = groupItemOf(id);
    return g && g->collapsed() ? g : nullptr;
}

const PortHolder* GraphScene::holderOf(NodeId id) const {
    if (GroupItem* g = collapsedGroupOf(id)) return g;
    return nodes_.value(id);
}

void GraphScene::attachEdge(EdgeItem* item) {
    const Edge* e = doc_->graph().edge(item->edgeId());
    if (!e) return;
    GroupItem* fromGroup = collapsedGroupOf(e->from);
    GroupItem* toGroup = collapsedGroupOf(e->to);
    item->setVisible(!(fromGroup && fromGroup == toGroup));  // inside a collapsed group
    int port = e->port;
    if (toGroup) {  // the group's k-th input port takes the k-th connection entering it
        const auto into = edgesIntoGroup(doc_->graph(), doc_->groups().at(static_cast<size_t>(toGroup->index())));
        port = static_cast<int>(std::find(into.begin(), into.end(), e->id) - into.begin());
    }
    item->attach(holderOf(e->from), holderOf(e->to), port);
}

void GraphScene::renumberGroupPorts() {
    for (GroupItem* g : groups_) g->refresh();
    for (EdgeItem* e : edges_) attachEdge(e);
}

void GraphScene::updateEdgesAt(NodeId id) {
    for (auto it = edgesAt_.constFind(id); it != edgesAt_.cend() && it.key() == id; ++it) it.value()->updatePath();
}

void GraphScene::addNode(NodeId id) {
    auto* item = new NodeItem(doc_, id);
    addItem(item);
    nodes_.insert(id, item);
    connect(item, &NodeItem::geometryMoved, this, [this, id] {
        updateEdgesAt(id);
        if (GroupItem* g = groupItemOf(id)) g->refresh();  // its frame follows a dragged layer
    });
}

void GraphScene::addEdge(EdgeId id) {
    const Edge* e = doc_->graph().edge(id);
    if (!e || !nodes_.contains(e->from) || !nodes_.contains(e->to)) return;
    auto* item = new EdgeItem(doc_, id, nodes_.value(e->from), nodes_.value(e->to), e->port);
    addItem(item);
    edges_.insert(id, item);
    edgesAt_.insert(e->from, item);
    edgesAt_.insert(e->to, item);
    // A connection into or out of a collapsed group attaches to the group, and renumbers its ports.
    if (collapsedGroupOf(e->from) || collapsedGroupOf(e->to)) renumberGroupPorts();
}

void GraphScene::removeEdge(EdgeId id) {
    EdgeItem* item = edges_.take(id);
    if (!item) return;
    bool atCollapsedGroup = false;
    for (auto it = edgesAt_.begin(); it != edgesAt_.end();) {
        if (it.value() == item) {
            atCollapsedGroup = atCollapsedGroup || collapsedGroupOf(it.key());
            it = edgesAt_.erase(it);
        } else {
            ++it;
        }
    }
    delete item;
    if (atCollapsedGroup) renumberGroupPorts();  // the group lost a port
}

void GraphScene::refreshNodes(const QList<NodeId>& ids) {
    const GraphAnalysis& a = doc_->analysis();
    const QSet<NodeId> changed(ids.begin(), ids.end());
    for (NodeId id : ids)
        if (NodeItem* n = nodes_.value(id)) n->refresh();
    for (GroupItem* g : groups_) g->refresh();  // their shapes and ports; a project has few groups
    for (EdgeItem* e : edges_) {
        const Edge* edge = doc_->graph().edge(e->edgeId());
        if (!edge || !changed.contains(edge->from)) continue;
        auto it = a.nodes.find(edge->from);
        e->setShapeLabel(it != a.nodes.end() && it->second.output ? QString::fromStdString(it->second.output->toString())
                                                                   : QStringLiteral("?"));
    }
}

void GraphScene::refreshAll() {
    const GraphAnalysis& a = doc_->analysis();
    for (NodeItem* n : nodes_) n->refresh();
    for (EdgeItem* e : edges_) {
        const Edge* edge = doc_->graph().edge(e->edgeId());
        auto it = edge ? a.nodes.find(edge->from) : a.nodes.end();
        e->setShapeLabel(it != a.nodes.end() && it->second.output ? QString::fromStdString(it->second.output->toString())
                                                                   : QStringLiteral("?"));
    }
}

QList<NodeId> GraphScene::selectedNodes() const {
    QList<NodeId> ids;
    for (QGraphicsItem* i : selectedItems()) {
        if (auto* n = dynamic_cast<NodeItem*>(i)) ids << n->nodeId();
        if (auto* g = dynamic_cast<GroupItem*>(i); g && g->collapsed() && g->index() < static_cast<int>(doc_->groups().size()))
            for (NodeId m : doc_->groups()[static_cast<size_t>(g->index())].members) ids << m;
    }
    return ids;
}

QList<EdgeId> GraphScene::selectedEdges() const {
    QList<EdgeId> ids;
    for (QGraphicsItem* i : selectedItems())
        if (auto* e = dynamic_cast<EdgeItem*>(i)) ids << e->edgeId();
    return ids;
}

void GraphScene::selectNodes(const QList<NodeId>& ids) {
    clearSelection();
    for (NodeId id : ids)
        if (NodeItem* n = nodes_.value(id)) n->setSelected(true);
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        for (NodeItem* n : nodes_) {
            if (n->isVisible() && n->outputPortAt(event->scenePos())) {
                newEdge_ = std::make_unique<NewEdgeInteraction>(this, n->nodeId(), n);
                newEdge_->move(event->scenePos());
                event->accept();
                return;
            }
        }
        for (GroupItem* g : groups_) {
            if (g->outputPortAt(event->scenePos())) {  // from the layer whose output leaves the block
                newEdge_ = std::make_unique<NewEdgeInteraction>(this, g->exitNode(), g);
                newEdge_->move(event->scenePos());
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void GraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (newEdge_) {
        newEdge_->move(event->scenePos());
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (newEdge_) {
        QString why = newEdge_->finish(event->scenePos());
        newEdge_.reset();
        if (!why.isEmpty()) Q_EMIT connectionRefused(why, event->scenePos());
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    // A finished drag becomes one move command for everything that moved; a dragged collapsed
    // group moves its layers with it.
    QHash<NodeId, QPointF> moved;
    for (NodeItem* n : nodes_) {
        const Node* node = doc_->graph().node(n->nodeId());
        if (n->isVisible() && node && (node->position.x != n->pos().x() || node->position.y != n->pos().y()))
            moved.insert(n->nodeId(), n->pos());
    }
    for (GroupItem* g : groups_) {
        const QPointF delta = g->pos() - g->corner();
        if (!g->collapsed() || delta.isNull() || g->index() >= static_cast<int>(doc_->groups().size())) continue;
        for (NodeId m : doc_->groups().at(static_cast<size_t>(g->index())).members)
            if (const Node* node = doc_->graph().node(m)) moved.insert(m, QPointF(node->position.x, node->position.y) + delta);
    }
    if (!moved.isEmpty()) doc_->moveNodes(moved);
}

}  // namespace netloom::ui
