#include "canvas/graph_view.h"

#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include "canvas/graph_scene.h"
#include "document/graph_document.h"

namespace netloom::ui {

GraphView::GraphView(GraphScene* scene, QWidget* parent) : QGraphicsView(scene, parent), scene_(scene) {
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
    qreal next = std::clamp(current * factor, 0.1, 4.0);
    scale(next / current, next / current);
}

void GraphView::fitAll() {
    QRectF bounds = scene_->itemsBoundingRect().adjusted(-40, -40, 40, 40);
    if (!bounds.isEmpty()) fitInView(bounds, Qt::KeepAspectRatio);
    if (transform().m11() > 1.5) zoomBy(1.5 / transform().m11());
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
