#include "canvas/group_item.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <set>

#include "canvas/node_item.h"
#include "document/graph_document.h"
#include "graph/connection_rules.h"
#include "layout/graph_layout.h"

namespace netloom::ui {

namespace {
constexpr qreal kWidth = kLayoutNodeWidth, kHeight = kLayoutNodeHeight, kPort = 6;
constexpr qreal kMargin = 14, kHeader = 22;  // the expanded frame around the layers

QPointF toQt(LayoutPoint p) { return {p.x, p.y}; }

// The layer whose output leaves the group; failing that, one whose output no member takes.
NodeId exitOf(const Graph& graph, const NodeGroup& group) {
    if (auto out = edgesOutOfGroup(graph, group); !out.empty()) return graph.edge(out.front())->from;
    const std::set<NodeId> inside(group.members.begin(), group.members.end());
    for (auto it = group.members.rbegin(); it != group.members.rend(); ++it) {
        if (!graph.node(*it) || !hasOutputPort(graph, *it)) continue;
        bool feedsMember = false;
        for (const Edge& e : graph.outputsOf(*it)) feedsMember = feedsMember || inside.count(e.to);
        if (!feedsMember) return *it;
    }
    return 0;
}
}  // namespace

GroupItem::GroupItem(GraphDocument* doc, int index) : doc_(doc), index_(index) {
    setFlag(ItemSendsGeometryChanges);
    refresh();
}

void GroupItem::refresh() {
    if (index_ < 0 || index_ >= static_cast<int>(doc_->groups().size())) return;
    const NodeGroup& g = doc_->groups()[index_];
    const Graph& graph = doc_->graph();
    prepareGeometryChange();
    collapsed_ = g.collapsed;
    name_ = QString::fromStdString(g.name);
    int count = 0;
    double right = 0, bottom = 0;
    for (NodeId m : g.members)
        if (const Node* n = graph.node(m)) {
            ++count;
            right = count == 1 ? n->position.x + kWidth : std::max(right, n->position.x + kWidth);
            bottom = count == 1 ? n->position.y + kHeight : std::max(bottom, n->position.y + kHeight);
        }
    const LayoutPoint corner = groupCorner(graph, g).value_or(LayoutPoint{});
    corner_ = toQt(corner);
    extent_ = QSizeF(right - corner.x, bottom - corner.y);
    subtitle_ = tr("group of %n layers", nullptr, count);
    inputs_ = std::max(1, static_cast<int>(edgesIntoGroup(graph, g).size()));
    exit_ = exitOf(graph, g);
    const GraphAnalysis& a = doc_->analysis();
    auto it = exit_ ? a.nodes.find(exit_) : a.nodes.end();
    shape_ = it != a.nodes.end() && it->second.output ? QString::fromStdString(it->second.output->toString()) : QStringLiteral("?");
    setFlag(ItemIsMovable, collapsed_);
    setFlag(ItemIsSelectable, collapsed_);
    setZValue(collapsed_ ? 0 : -2);  // an expanded frame lies behind its layers and their edges
    setToolTip(collapsed_ ? tr("<b>%1</b> (%2)<br>%3<br>Double-click to expand").arg(name_.toHtmlEscaped(), subtitle_, shape_)
                          : tr("<b>%1</b><br>Double-click the title to collapse").arg(name_.toHtmlEscaped()));
    refreshing_ = true;
    setPos(collapsed_ ? corner_ : corner_ - QPointF(kMargin, kMargin + kHeader));
    refreshing_ = false;
    Q_EMIT geometryMoved();
    update();
}

QRectF GroupItem::frameRect() const {
    return QRectF(0, 0, extent_.width() + 2 * kMargin, extent_.height() + 2 * kMargin + kHeader);
}

QRectF GroupItem::boundingRect() const {
    if (!collapsed_) return frameRect().adjusted(-2, -2, 2, 2);
    return QRectF(-kPort - 2, -kPort - 2, kWidth + 2 * kPort + 4, kHeight + 2 * kPort + 4);
}

QPainterPath GroupItem::shape() const {
    QPainterPath path;
    // Expanded, only the header takes clicks: the layers inside stay reachable, and so does the
    // canvas for a rubber band.
    if (!collapsed_) path.addRect(QRectF(0, 0, frameRect().width(), kHeader));
    else path.addRoundedRect(QRectF(0, 0, kWidth, kHeight), 8, 8);
    return path;
}

QPointF GroupItem::inputPortPos(int port) const {
    return mapToScene(toQt(netloom::inputPortOffset(doc_->direction(), port, inputs_, kWidth, kHeight)));
}

QPointF GroupItem::outputPortPos() const {
    return mapToScene(toQt(netloom::outputPortOffset(doc_->direction(), kWidth, kHeight)));
}

bool GroupItem::outputPortAt(QPointF scenePos) const {
    return collapsed_ && exit_ && QLineF(scenePos, outputPortPos()).length() <= kPort + 4;
}

void GroupItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = option->palette;
    if (!collapsed_) {
        const QRectF frame = frameRect();
        QColor tint = pal.color(QPalette::Highlight);
        tint.setAlpha(22);
        painter->setPen(QPen(pal.color(QPalette::Mid), 1.2, Qt::DashLine));
        painter->setBrush(tint);
        painter->drawRoundedRect(frame, 10, 10);
        painter->setPen(pal.color(QPalette::Text));
        QFont f = painter->font();
        f.setBold(true);
        painter->setFont(f);
        painter->drawText(QRectF(10, 0, frame.width() - 20, kHeader), Qt::AlignLeft | Qt::AlignVCenter,
                          QStringLiteral("▾ ") + name_);
        return;
    }
    // Collapsed: a layer-sized block, told apart by a second outline (it stands for several).
    QPen border(pal.color(QPalette::Mid), 1.2);
    if (isSelected()) border = QPen(pal.color(QPalette::Highlight), 2.5);
    painter->setPen(border);
    painter->setBrush(pal.color(QPalette::AlternateBase));
    painter->drawRoundedRect(QRectF(4, 4, kWidth, kHeight), 8, 8);
    painter->setBrush(pal.color(QPalette::Base));
    painter->drawRoundedRect(QRectF(0, 0, kWidth, kHeight), 8, 8);
    if (option->levelOfDetailFromTransform(painter->worldTransform()) >= 0.3)
        paintNodeText(painter, pal, QStringLiteral("▸ ") + name_, subtitle_, shape_);
    painter->setPen(pal.color(QPalette::Dark));
    painter->setBrush(pal.color(QPalette::Button));
    const QPointF origin = pos();
    for (int p = 0; p < inputs_; ++p) painter->drawEllipse(inputPortPos(p) - origin, kPort, kPort);
    if (exit_) {
        painter->setBrush(pal.color(QPalette::Highlight));
        painter->drawEllipse(outputPortPos() - origin, kPort, kPort);
    }
}

QVariant GroupItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionHasChanged && !refreshing_) Q_EMIT geometryMoved();
    return QGraphicsObject::itemChange(change, value);
}

void GroupItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
    event->accept();
    // Later, not here: the scene replaces this item when the groups change.
    QMetaObject::invokeMethod(
        doc_, [doc = doc_, index = index_, collapse = !collapsed_] { doc->setGroupCollapsed(index, collapse); },
        Qt::QueuedConnection);
}

}  // namespace netloom::ui
