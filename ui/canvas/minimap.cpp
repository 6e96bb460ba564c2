#include "canvas/minimap.h"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace netloom::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Editor)
};
}  // namespace

Minimap::Minimap(QGraphicsView* main) : QGraphicsView(main->scene(), main), main_(main) {
    setObjectName(QStringLiteral("Minimap"));
    setInteractive(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setRenderHint(QPainter::Antialiasing, false);
    setFrameShape(QFrame::Box);
    setFixedSize(220, 160);
    setCursor(Qt::PointingHandCursor);
    setToolTip(Tr::tr("Overview: click or drag to move the canvas"));
    hide();
    auto repaint = [this] { viewport()->update(); };
    connect(main_->horizontalScrollBar(), &QScrollBar::valueChanged, this, repaint);
    connect(main_->verticalScrollBar(), &QScrollBar::valueChanged, this, repaint);
}

void Minimap::refresh() {
    // Wanted while part of the graph is out of sight (a large network read at a readable zoom).
    const QRectF bounds = scene()->itemsBoundingRect().adjusted(-40, -40, 40, 40);
    const QRectF shown = main_->mapToScene(main_->viewport()->rect()).boundingRect();
    const bool wanted = !bounds.isEmpty() && !shown.contains(bounds.adjusted(30, 30, -30, -30));
    setVisible(wanted);
    if (!wanted) return;
    move(main_->width() - width() - 18, main_->height() - height() - 18);
    setSceneRect(bounds);
    fitInView(bounds, Qt::KeepAspectRatio);
    viewport()->update();
}

void Minimap::drawForeground(QPainter* painter, const QRectF&) {
    // The part of the graph the canvas shows.
    const QRectF shown = main_->mapToScene(main_->viewport()->rect()).boundingRect();
    QColor frame = palette().color(QPalette::Highlight);
    painter->setPen(QPen(frame, 0));
    frame.setAlpha(40);
    painter->setBrush(frame);
    painter->drawRect(shown);
}

void Minimap::centreMainOn(QPoint pos) {
    main_->centerOn(mapToScene(pos));
    viewport()->update();
}

void Minimap::mousePressEvent(QMouseEvent* event) { centreMainOn(event->pos()); }

void Minimap::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) centreMainOn(event->pos());
}

void Minimap::wheelEvent(QWheelEvent* event) { event->ignore(); }

}  // namespace netloom::ui
