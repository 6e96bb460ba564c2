#include "canvas/graph_scene.h"

#include <QGraphicsSceneMouseEvent>

#include "canvas/edge_item.h"
#include "canvas/new_edge_interaction.h"
#include "canvas/node_item.h"
#include "document/graph_document.h"

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
    connect(doc_, &GraphDocument::edgeAdded, this, &GraphScene::addEdge);
    connect(doc_, &GraphDocument::edgeRemoved, this, &GraphScene::removeEdge);
    connect(doc_, &GraphDocument::nodeMoved, this, [this](int id) {
        const Node* node = doc_->graph().node(id);
        if (NodeItem* n = nodes_.value(id); n && node) n->setPos(node->position.x, node->position.y);
    });
    connect(doc_, &GraphDocument::analysisChanged, this, &GraphScene::refreshAll);
    connect(doc_, &GraphDocument::routesChanged, this, [this] {
        for (EdgeItem* e : edges_) e->updatePath();
    });
    connect(doc_, &GraphDocument::directionChanged, this, [this] {
        for (NodeItem* n : nodes_) n->refresh();
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
    for (const auto& [id, n] : doc_->graph().nodes()) addNode(id);
    for (const auto& [id, e] : doc_->graph().edges()) addEdge(id);
    refreshAll();
}

void GraphScene::addNode(NodeId id) {
    auto* item = new NodeItem(doc_, id);
    addItem(item);
    nodes_.insert(id, item);
    connect(item, &NodeItem::geometryMoved, this, [this, id] {
        for (auto it = edgesAt_.constFind(id); it != edgesAt_.cend() && it.key() == id; ++it) it.value()->updatePath();
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
}

void GraphScene::removeEdge(EdgeId id) {
    EdgeItem* item = edges_.take(id);
    if (!item) return;
    for (auto it = edgesAt_.begin(); it != edgesAt_.end();) {
        if (it.value() == item) it = edgesAt_.erase(it);
        else ++it;
    }
    delete item;
}

void GraphScene::refreshAll() {
    const GraphAnalysis& a = doc_->analysis();
    for (NodeItem* n : nodes_) n->refresh();
    for (EdgeItem* e : edges_) {
        const Edge* edge = doc_->graph().edge(e->edgeId());
        auto it = edge ? a.nodes.find(edge->from) : a.nodes.end();
        if (e->setShapeLabel(it != a.nodes.end() && it->second.output ? QString::fromStdString(it->second.output->toString())
                                                                       : QStringLiteral("?")))
            e->updatePath();
    }
}

QList<NodeId> GraphScene::selectedNodes() const {
    QList<NodeId> ids;
    for (QGraphicsItem* i : selectedItems())
        if (auto* n = dynamic_cast<NodeItem*>(i)) ids << n->nodeId();
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
            if (n->outputPortAt(event->scenePos())) {
                newEdge_ = std::make_unique<NewEdgeInteraction>(this, n);
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
    // A finished drag becomes one move command for everything that moved.
    QHash<NodeId, QPointF> moved;
    for (NodeItem* n : nodes_) {
        const Node* node = doc_->graph().node(n->nodeId());
        if (node && (node->position.x != n->pos().x() || node->position.y != n->pos().y())) moved.insert(n->nodeId(), n->pos());
    }
    if (!moved.isEmpty()) doc_->moveNodes(moved);
}

}  // namespace netloom::ui
