#pragma once
// A group of layers on the canvas (project.editor.groups), read from the document by its index.
// Collapsed, it is one node-sized block standing in for its layers: the group's name, its layer
// count and the shape leaving it; an input port for each connection entering it (numbered as the
// layout numbers them, core/layout/graph_layout.h) and an output port when a connection leaves it.
// Dragging it moves its layers; a double-click expands it. Expanded, it is a frame behind its
// layers with the name in a header; a double-click on the header collapses it.
#include <QGraphicsObject>

#include "canvas/port_holder.h"
#include "graph/graph.h"

namespace netloom::ui {

class GraphDocument;

class GroupItem : public QGraphicsObject, public PortHolder {
    Q_OBJECT
public:
    GroupItem(GraphDocument* doc, int index);
    int index() const { return index_; }
    bool collapsed() const { return collapsed_; }
    QString name() const { return name_; }
    // Where the block stands: the top-left corner of its layers' box (collapsed), or the frame's.
    QPointF corner() const { return corner_; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    // Collapsed only: the block's ports.
    QPointF inputPortPos(int port) const override;
    QPointF outputPortPos() const override;
    bool outputPortAt(QPointF scenePos) const;
    int inputPortCount() const { return inputs_; }
    // The layer a connection drawn from the block's output starts at (0 when none has an output).
    NodeId exitNode() const { return exit_; }

    // Re-reads the members' places, the ports and the shape from the document.
    void refresh();

Q_SIGNALS:
    void geometryMoved();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    QRectF frameRect() const;  // item coordinates; the expanded frame around the layers

    GraphDocument* doc_;
    int index_;
    bool collapsed_ = false;
    QString name_, subtitle_, shape_;
    QPointF corner_;
    QSizeF extent_;  // the layers' box (expanded)
    int inputs_ = 0;
    NodeId exit_ = 0;
    bool refreshing_ = false;
};

}  // namespace netloom::ui
