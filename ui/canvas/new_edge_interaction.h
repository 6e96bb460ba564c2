#pragma once
// The "drag from an output port to an input port" gesture: a temporary curve follows the mouse,
// ports that would accept the edge light up, and the release asks the document to connect (on an
// occupied input, replacing its connection in the same undo step).
#include <QPointF>
#include <QString>

#include "graph/graph.h"

class QGraphicsPathItem;

namespace netloom::ui {

class GraphScene;
class PortHolder;

class NewEdgeInteraction {
public:
    // From `source`'s output, drawn from `from`'s output port (the layer, or its collapsed group).
    NewEdgeInteraction(GraphScene* scene, NodeId source, const PortHolder* from);
    ~NewEdgeInteraction();
    void move(QPointF scenePos);
    // Returns the refusal reason, or an empty string when connected (or dropped on nothing).
    QString finish(QPointF scenePos);

private:
    GraphScene* scene_;
    NodeId source_;
    const PortHolder* from_;
    QGraphicsPathItem* preview_;
};

}  // namespace netloom::ui
