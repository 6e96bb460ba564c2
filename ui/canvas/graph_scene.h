#pragma once
// The canvas's scene: a mirror of the document. It creates and removes items when the document
// says so, and turns gestures into document edits; it never changes the model itself.
#include <QGraphicsScene>
#include <QHash>
#include <memory>

#include "graph/graph.h"

namespace netloom::ui {

class GraphDocument;
class NodeItem;
class EdgeItem;
class GroupItem;
class PortHolder;
class NewEdgeInteraction;

class GraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit GraphScene(GraphDocument* doc, QObject* parent = nullptr);
    ~GraphScene() override;

    GraphDocument* document() const { return doc_; }
    QList<NodeItem*> nodeItems() const { return nodes_.values(); }
    NodeItem* nodeItem(NodeId id) const { return nodes_.value(id); }
    EdgeItem* edgeItem(EdgeId id) const { return edges_.value(id); }
    QList<GroupItem*> groupItems() const { return groups_; }
    // The item drawing the layer's group (collapsed or expanded), or null.
    GroupItem* groupItemOf(NodeId id) const;
    // The selected layers; a selected collapsed group counts as all of its layers.
    QList<NodeId> selectedNodes() const;
    QList<EdgeId> selectedEdges() const;
    void selectNodes(const QList<NodeId>& ids);

Q_SIGNALS:
    void connectionRefused(const QString& reason, QPointF scenePos);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void rebuild();
    void addNode(NodeId id);
    void addEdge(EdgeId id);
    void refreshAll();
    // Only these nodes, and the edges leaving them (their shape labels).
    void refreshNodes(const QList<netloom::NodeId>& ids);
    void removeEdge(EdgeId id);
    // Group items anew from the document; the layers of collapsed groups hidden, the connections
    // attached to what is visible (a layer or its collapsed group).
    void rebuildGroups();
    void attachEdge(EdgeItem* item);
    // A connection into or out of a collapsed group came or went: its ports are counted and
    // numbered again, and every connection re-attached.
    void renumberGroupPorts();
    // What stands for the layer on the canvas: its own item, or its collapsed group's.
    const PortHolder* holderOf(NodeId id) const;
    GroupItem* collapsedGroupOf(NodeId id) const;
    void updateEdgesAt(NodeId id);

    GraphDocument* doc_;
    QHash<NodeId, NodeItem*> nodes_;
    QHash<EdgeId, EdgeItem*> edges_;
    QMultiHash<NodeId, EdgeItem*> edgesAt_;  // both ends: a moved node updates only its own edges
    QList<GroupItem*> groups_;                // by index in the document's groups
    std::unique_ptr<NewEdgeInteraction> newEdge_;
};

}  // namespace netloom::ui
