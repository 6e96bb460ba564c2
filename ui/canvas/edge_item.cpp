#include "canvas/edge_item.h"

#include <QBrush>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QHash>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPen>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

#include "canvas/port_holder.h"
#include "document/graph_document.h"
#include "layout/graph_layout.h"

namespace netloom::ui {

namespace {
constexpr qreal kArrow = 7;
}

EdgeItem::EdgeItem(GraphDocument* doc, EdgeId id, const PortHolder* from, const PortHolder* to, int port)
    : doc_(doc), id_(id), from_(from), to_(to), port_(port), label_(new QGraphicsSimpleTextItem(this)) {
    setPen(QPen(QColor(0x7f, 0x8c, 0x8d), 1.6));
    setZValue(-1);
    setFlag(ItemIsSelectable);
    label_->setBrush(QColor(0x34, 0x49, 0x5e));
    updatePath();
}

void EdgeItem::attach(const PortHolder* from, const PortHolder* to, int port) {
    from_ = from;
    to_ = to;
    port_ = port;
    updatePath();
}

QPainterPath EdgeItem::curve(QPointF a, QPointF b, LayoutDirection direction) {
    QPainterPath path(a);
    if (direction == LayoutDirection::LeftToRight) {
        qreal dx = std::max<qreal>(40, (b.x() - a.x()) / 2);
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    } else {
        qreal dy = std::max<qreal>(40, (b.y() - a.y()) / 2);
        path.cubicTo(a + QPointF(0, dy), b - QPointF(0, dy), b);
    }
    return path;
}

void EdgeItem::updatePath() {
    const QPointF a = from_->outputPortPos(), b = to_->inputPortPos(port_);
    const EdgeRoute* route = doc_ ? doc_->route(id_) : nullptr;
    routed_ = false;
    QPainterPath path;
    QRectF labelBox;
    // The layout's route fits while both ports are where the layout put them.
    if (route && route->points.size() >= 4 && (route->points.size() - 1) % 3 == 0 &&
        QLineF(a, QPointF(route->points.front().x, route->points.front().y)).length() < 0.5 &&
        QLineF(b, QPointF(route->points.back().x, route->points.back().y)).length() < 0.5) {
        const auto& p = route->points;
        path.moveTo(p[0].x, p[0].y);
        for (size_t i = 1; i + 2 < p.size(); i += 3)
            path.cubicTo(p[i].x, p[i].y, p[i + 1].x, p[i + 1].y, p[i + 2].x, p[i + 2].y);
        if (route->label) labelBox = QRectF(route->label->x, route->label->y, route->label->width, route->label->height);
        routed_ = true;
    } else {
        path = curve(a, b, doc_ ? doc_->direction() : LayoutDirection::TopToBottom);
    }
    prepareGeometryChange();
    setPath(path);
    // The label in the box the layout reserved for it (core's size for this text); without a
    // route, beside the curve's middle.
    besideCurve_ = labelBox.isNull();
    if (besideCurve_) {
        curveMiddle_ = path.pointAtPercent(0.5);
        labelBox = besideCurve();
    }
    labelBox_ = labelBox;
    placeLabel();
}

QRectF EdgeItem::besideCurve() const {
    const LayoutPoint size = shapeLabelSize(label_->text().toStdString());
    return QRectF(curveMiddle_ + QPointF(6, -size.y / 2), QSizeF(size.x, size.y));
}

void EdgeItem::placeLabel() {
    // One font and its metrics for every label (measuring is the costly part of a re-label).
    static const QFont base = [] {
        QFont f;
        f.setPixelSize(11);
        return f;
    }();
    static const QFontMetricsF metrics(base);
    // Widths by text: a re-analysis gives hundreds of edges the same few labels ("64", "32×28×28").
    static QHash<QString, qreal> widths;
    auto known = widths.constFind(label_->text());
    if (known == widths.cend()) {
        if (widths.size() > 4096) widths.clear();
        known = widths.insert(label_->text(), metrics.horizontalAdvance(label_->text()));
    }
    const qreal textWidth = *known;
    int pixels = 11;
    if (textWidth > labelBox_.width() - 2 && textWidth > 0)
        pixels = std::max(6, static_cast<int>(11 * (labelBox_.width() - 2) / textWidth));
    if (label_->font().pixelSize() != pixels) {
        QFont f = base;
        f.setPixelSize(pixels);
        label_->setFont(f);
    }
    const QRectF text = label_->boundingRect();
    label_->setPos(labelBox_.center() - text.center());
}

QRectF EdgeItem::labelRect() const { return label_->sceneBoundingRect(); }

bool EdgeItem::setShapeLabel(const QString& text) {
    if (label_->text() == text) return false;
    label_->setText(text);
    if (besideCurve_) labelBox_ = besideCurve();  // sized for the text; a route's box stays
    placeLabel();
    return true;
}

QString EdgeItem::shapeLabel() const { return label_->text(); }

QRectF EdgeItem::boundingRect() const {
    return QGraphicsPathItem::boundingRect().adjusted(-kArrow, -kArrow, kArrow, kArrow);
}

QPainterPath EdgeItem::shape() const {
    // A band along the line, a few pixels wide, so a click near it selects it.
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    return stroker.createStroke(path());
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) {
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen = this->pen();
    if (isSelected()) pen = QPen(option->palette.color(QPalette::Highlight), 2.5);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    // The arrow at the input port, along the curve's last tangent.
    const QPainterPath& p = path();
    if (p.elementCount() < 2) return;
    const QPointF tip = p.pointAtPercent(1.0);
    const qreal angle = qDegreesToRadians(p.angleAtPercent(1.0));
    const QPointF back(-std::cos(angle), std::sin(angle));  // angleAtPercent: counter-clockwise, y up
    const QPointF side(-back.y(), back.x());
    QPolygonF head{tip, tip + back * kArrow + side * (kArrow / 2), tip + back * kArrow - side * (kArrow / 2)};
    painter->setBrush(pen.color());
    painter->drawPolygon(head);
}

}  // namespace netloom::ui
