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
class PortHolder;

class EdgeItem : public QGraphicsPathItem {
public:
    EdgeItem(GraphDocument* doc, EdgeId id, const PortHolder* from, const PortHolder* to, int port);
    EdgeId edgeId() const { return id_; }
    // New ends: a layer's ports, or a collapsed group's standing in for them.
    void attach(const PortHolder* from, const PortHolder* to, int port);
    void updatePath();
    // A new shape label in the box updatePath() chose; the path stays (a re-analysis changes
    // labels, not ends). Returns whether the text changed.
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
    const PortHolder* from_;
    const PortHolder* to_;
    int port_;
    void placeLabel();  // the text in labelBox_, shrunk to fit
    QRectF besideCurve() const;  // the label's box beside the curve's middle, sized for its text

    QGraphicsSimpleTextItem* label_;
    QRectF labelBox_;
    QPointF curveMiddle_;  // where a label beside the edge's own curve goes
    bool besideCurve_ = true;  // the label is beside the curve, not in a box the layout reserved
    bool routed_ = false;
};

}  // namespace netloom::ui
