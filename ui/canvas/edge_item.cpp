#include "canvas/edge_item.h"

#include <QBrush>
#include <QFont>
#include <QGraphicsSimpleTextItem>
#include <QPen>

#include "canvas/node_item.h"

namespace netloom::ui {

EdgeItem::EdgeItem(EdgeId id, NodeItem* from, NodeItem* to, int port)
    : id_(id), from_(from), to_(to), port_(port), label_(new QGraphicsSimpleTextItem(this)) {
    setPen(QPen(QColor(0x7f, 0x8c, 0x8d), 1.6));
    setZValue(-1);
    setFlag(ItemIsSelectable);
    QFont f = label_->font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    label_->setFont(f);
    label_->setBrush(QColor(0x34, 0x49, 0x5e));
    updatePath();
}

QPainterPath EdgeItem::curve(QPointF a, QPointF b) {
    QPainterPath path(a);
    qreal dx = std::max<qreal>(40, (b.x() - a.x()) / 2);
    path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    return path;
}

void EdgeItem::updatePath() {
    QPointF a = from_->outputPortPos(), b = to_->inputPortPos(port_);
    setPath(curve(a, b));
    QPointF mid = path().pointAtPercent(0.5);
    label_->setPos(mid + QPointF(-label_->boundingRect().width() / 2, -18));
}

void EdgeItem::setShapeLabel(const QString& text) {
    label_->setText(text);
    updatePath();
}

}  // namespace netloom::ui
