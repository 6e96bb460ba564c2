#pragma once
// A connection on the canvas, labelled with the tensor shape it carries. It follows the route the
// last layout computed while its ends are where that layout put them, and its own curve otherwise
// (a layer moved by hand); it ends in an arrow at the input port.
#include <QGraphicsPathItem>

#include "graph/graph.h"
#include "project/setting_enums.h"

class QGraphicsSimpleTextItem;

namespace netloom::ui {

class GraphDocument;
class NodeItem;

class EdgeItem : public QGraphicsPathItem {
public:
    EdgeItem(GraphDocument* doc, EdgeId id, NodeItem* from, NodeItem* to, int port);
    EdgeId edgeId() const { return id_; }
    void updatePath();
    // Returns whether the text changed (then updatePath() places it).
    bool setShapeLabel(const QString& text);
    QString shapeLabel() const;
    // Whether the edge is drawn along the layout's route (false: its own curve).
    bool followsRoute() const { return routed_; }
    // The label's box in scene coordinates.
    QRectF labelRect() const;
    // A curve from an output port to an input port that leaves and enters along the direction.
    static QPainterPath curve(QPointF a, QPointF b, LayoutDirection direction);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    GraphDocument* doc_;
    EdgeId id_;
    NodeItem* from_;
    NodeItem* to_;
    int port_;
    QGraphicsSimpleTextItem* label_;
    bool routed_ = false;
};

}  // namespace netloom::ui
