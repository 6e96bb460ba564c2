#pragma once
// The canvas's view: zoom (wheel, Ctrl±), pan (middle drag), rubber-band selection, drops from
// the palette.
#include <QGraphicsView>

namespace netloom::ui {

class GraphScene;
class Minimap;

class GraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphView(GraphScene* scene, QWidget* parent = nullptr);
    void zoomBy(qreal factor);
    // Fits the whole graph, however large (the zoom may go below the usual minimum to do so).
    void fitAll();
    Minimap* minimap() const { return minimap_; }

Q_SIGNALS:
    // A right click (or the menu key) over the canvas.
    void contextMenuRequested(QPointF scenePos, QPoint globalPos);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;    // space held: drag pans
    void keyReleaseEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    GraphScene* scene_;
    bool panning_ = false;
    qreal minScale_ = 0.1;
    Minimap* minimap_;
    QPoint panStart_;
};

// The MIME type the palette drags: the layer type name as UTF-8.
inline const char* layerMimeType() { return "application/x-netloom-layer"; }

}  // namespace netloom::ui
