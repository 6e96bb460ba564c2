#pragma once
// A layer on the canvas. It holds its node's id only and reads everything else from the document.
#include <QGraphicsObject>

#include "canvas/port_holder.h"
#include "graph/graph.h"

class QPainter;
class QPalette;

namespace netloom::ui {

class GraphDocument;

// A layer's three lines in its box (bold title, type, shape), as layers and collapsed groups draw them.
void paintNodeText(QPainter* painter, const QPalette& palette, const QString& title, const QString& subtitle,
                   const QString& shape);

class NodeItem : public QGraphicsObject, public PortHolder {
    Q_OBJECT
public:
    NodeItem(GraphDocument* doc, NodeId id);
    NodeId nodeId() const { return id_; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // Scene coordinates. Ports sit on the top and bottom edges in a top-to-bottom layout, on the
    // left and right edges in a left-to-right one (the document's direction).
    QPointF inputPortPos(int port) const override;
    QPointF outputPortPos() const override;
    int inputPortAt(QPointF scenePos) const;  // -1 when none
    bool outputPortAt(QPointF scenePos) const;
    bool hasOutputPort() const;

    void refresh();                       // re-read name, shape, problems from the document
    void setPortHighlight(QList<int> ports);  // input ports that would accept the edge being drawn
    const QList<int>& highlightedPorts() const { return highlighted_; }

Q_SIGNALS:
    void geometryMoved();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    QPointF inputPortOffset(int port) const;  // item coordinates
    QPointF outputPortOffset() const;

    GraphDocument* doc_;
    NodeId id_;
    int inputs_ = 0;
    QString title_, subtitle_, shape_;
    bool broken_ = false;
    QList<int> highlighted_;
};

}  // namespace netloom::ui
