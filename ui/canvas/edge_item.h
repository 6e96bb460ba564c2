#pragma once
// A connection on the canvas, labelled with the tensor shape it carries.
#include <QGraphicsPathItem>

#include "graph/graph.h"

class QGraphicsSimpleTextItem;

namespace netloom::ui {

class NodeItem;

class EdgeItem : public QGraphicsPathItem {
public:
    EdgeItem(EdgeId id, NodeItem* from, NodeItem* to, int port);
    EdgeId edgeId() const { return id_; }
    void updatePath();
    void setShapeLabel(const QString& text);
    static QPainterPath curve(QPointF a, QPointF b);

private:
    EdgeId id_;
    NodeItem* from_;
    NodeItem* to_;
    int port_;
    QGraphicsSimpleTextItem* label_;
};

}  // namespace netloom::ui
