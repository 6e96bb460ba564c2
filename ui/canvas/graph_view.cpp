#include "canvas/graph_view.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include "canvas/graph_scene.h"
#include "canvas/minimap.h"
#include "document/graph_document.h"

namespace netloom::ui {

GraphView::GraphView(GraphScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent), scene_(scene), minimap_(new Minimap(this)) {
    setRenderHint(QPainter::Antialiasing);
    setDragMode(RubberBandDrag);
    setAcceptDrops(true);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    setSceneRect(-5000, -5000, 10000, 10000);
    connect(scene_, &GraphScene::connectionRefused, this, [this](const QString& why, QPointF at) {
        QToolTip::showText(mapToGlobal(mapFromScene(at)), why, this);
    });
}

void GraphView::zoomBy(qreal factor) {
    qreal current = transform().m11();
    qreal next = std::clamp(current * factor, minScale_, 4.0);
    scale(next / current, next / current);
    minimap_->refresh();
}

void GraphView::fitAll() {
    QRectF bounds = scene_->itemsBoundingRect().adjusted(-40, -40, 40, 40);
    if (bounds.isEmpty()) return;
    // The scrollable area grows with the graph (a 1,000-layer network is taller than the initial
    // 10,000 units), else fitInView could not centre it.
    setSceneRect(sceneRect().united(bounds.adjusted(-bounds.width(), -bounds.height(), bounds.width(), bounds.height())));
    fitInView(bounds, Qt::KeepAspectRatio);
    minScale_ = std::min(0.1, transform().m11());
    if (transform().m11() > 1.5) zoomBy(1.5 / transform().m11());
    minimap_->refresh();
}

void GraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    minimap_->refresh();
}

void GraphView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    minimap_->refresh();
}

void GraphView::contextMenuEvent(QContextMenuEvent* event) {
    Q_EMIT contextMenuRequested(mapToScene(event->pos()), event->globalPos());
    event->accept();
}

void GraphView::wheelEvent(QWheelEvent* event) { zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15); }

void GraphView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::MiddleButton) {
        panning_ = true;
        panStart_ = event->pos();
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent* event) {
    if (panning_) {
        QPoint d = event->pos() - panStart_;
        panStart_ = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent* event) {
    if (panning_ && event->button() == Qt::MiddleButton) {
        panning_ = false;
        unsetCursor();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        setDragMode(ScrollHandDrag);
        setInteractive(false);  // while space is held a drag pans, even over a layer
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        setInteractive(true);
        setDragMode(RubberBandDrag);
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void GraphView::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasFormat(layerMimeType())) event->acceptProposedAction();
}

void GraphView::dragMoveEvent(QDragMoveEvent* event) {
    if (event->mimeData()->hasFormat(layerMimeType())) event->acceptProposedAction();
}

void GraphView::dropEvent(QDropEvent* event) {
    QString type = QString::fromUtf8(event->mimeData()->data(layerMimeType()));
    QPointF at = mapToScene(event->position().toPoint()) - QPointF(85, 32);
    NodeId id = scene_->document()->addNode(type, at);
    if (id) scene_->selectNodes({id});
    event->acceptProposedAction();
}

}  // namespace netloom::ui
