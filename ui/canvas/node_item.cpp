#include "canvas/node_item.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "document/graph_document.h"
#include "graph/connection_rules.h"
#include "layout/graph_layout.h"

namespace netloom::ui {

namespace {
// The size core's layout assumes (core/layout/graph_layout.h).
constexpr qreal kWidth = kLayoutNodeWidth, kHeight = kLayoutNodeHeight, kPort = 6;

QPointF toQt(LayoutPoint p) { return {p.x, p.y}; }
}

NodeItem::NodeItem(GraphDocument* doc, NodeId id) : doc_(doc), id_(id) {
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    refresh();
}

QRectF NodeItem::boundingRect() const {
    return QRectF(-kPort - 2, -kPort - 2, kWidth + 2 * kPort + 4, kHeight + 2 * kPort + 4);
}

QPointF NodeItem::inputPortOffset(int port) const {
    return toQt(netloom::inputPortOffset(doc_->direction(), port, inputs_, kWidth, kHeight));
}

QPointF NodeItem::outputPortOffset() const { return toQt(netloom::outputPortOffset(doc_->direction(), kWidth, kHeight)); }

void NodeItem::refresh() {
    const Node* n = doc_->graph().node(id_);
    if (!n) return;
    prepareGeometryChange();
    const int inputsBefore = inputs_;
    inputs_ = doc_->inputPortCount(id_);
    title_ = QString::fromStdString(n->name);
    subtitle_ = QString::fromStdString(n->type);
    const GraphAnalysis& a = doc_->analysis();
    auto it = a.nodes.find(id_);
    shape_ = it != a.nodes.end() && it->second.output ? QString::fromStdString(it->second.output->toString()) : QStringLiteral("?");
    QStringList problems;
    for (const Problem& p : a.problemsOf(id_)) problems << QString::fromStdString(p.message);
    broken_ = !problems.isEmpty();
    QString tip = QStringLiteral("<b>%1</b> (%2)<br>%3").arg(title_.toHtmlEscaped(), subtitle_, shape_);
    if (it != a.nodes.end() && it->second.params) tip += tr("<br>%n parameters", nullptr, static_cast<int>(it->second.params));
    if (broken_) tip += QStringLiteral("<br><span style='color:#c0392b'>%1</span>").arg(problems.join(QStringLiteral("<br>")).toHtmlEscaped());
    setToolTip(tip);
    setPos(n->position.x, n->position.y);
    if (inputs_ != inputsBefore) Q_EMIT geometryMoved();  // its input ports moved: so do its edges
    update();
}

void paintNodeText(QPainter* painter, const QPalette& palette, const QString& title, const QString& subtitle,
                   const QString& shape) {
    painter->setPen(palette.color(QPalette::Text));
    QFont f = painter->font();
    f.setBold(true);
    painter->setFont(f);
    painter->drawText(QRectF(10, 4, kWidth - 20, 20), Qt::AlignLeft | Qt::AlignVCenter, title);
    f.setBold(false);
    painter->setFont(f);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(QRectF(10, 22, kWidth - 20, 18), Qt::AlignLeft | Qt::AlignVCenter, subtitle);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QRectF(10, 40, kWidth - 20, 20), Qt::AlignLeft | Qt::AlignVCenter, shape);
}

void NodeItem::setPortHighlight(QList<int> ports) {
    highlighted_ = std::move(ports);
    update();
}

bool NodeItem::hasOutputPort() const { return netloom::hasOutputPort(doc_->graph(), id_); }

QPointF NodeItem::inputPortPos(int port) const { return mapToScene(inputPortOffset(port)); }

QPointF NodeItem::outputPortPos() const { return mapToScene(outputPortOffset()); }

int NodeItem::inputPortAt(QPointF scenePos) const {
    for (int p = 0; p < inputs_; ++p)
        if (QLineF(scenePos, inputPortPos(p)).length() <= kPort + 4) return p;
    return -1;
}

bool NodeItem::outputPortAt(QPointF scenePos) const {
    return hasOutputPort() && QLineF(scenePos, outputPortPos()).length() <= kPort + 4;
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = option->palette;
    QColor fill = pal.color(QPalette::Base);
    QPen border(broken_ ? QColor(0xc0, 0x39, 0x2b) : pal.color(QPalette::Mid), broken_ ? 2.5 : 1.2);
    if (isSelected()) border = QPen(pal.color(QPalette::Highlight), 2.5);
    painter->setPen(border);
    painter->setBrush(fill);
    // Far out (a large network fitted, the overview) text is unreadable: a box is enough and fast.
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < 0.3) {
        painter->drawRect(QRectF(0, 0, kWidth, kHeight));
        return;
    }
    painter->drawRoundedRect(QRectF(0, 0, kWidth, kHeight), 8, 8);
    paintNodeText(painter, pal, title_, subtitle_, shape_);
    for (int p = 0; p < inputs_; ++p) {
        painter->setBrush(highlighted_.contains(p) ? QColor(0x27, 0xae, 0x60) : pal.color(QPalette::Button));
        painter->setPen(pal.color(QPalette::Dark));
        painter->drawEllipse(inputPortOffset(p), kPort, kPort);
    }
    if (hasOutputPort()) {
        painter->setBrush(pal.color(QPalette::Highlight));
        painter->drawEllipse(outputPortOffset(), kPort, kPort);
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionHasChanged) Q_EMIT geometryMoved();
    return QGraphicsObject::itemChange(change, value);
}

}  // namespace netloom::ui
