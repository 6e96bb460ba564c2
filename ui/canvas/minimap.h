#pragma once
// The overview in the canvas's corner: the whole graph small, the part the canvas shows as a frame.
// Click or drag in it to move the canvas there. It appears while part of the graph is out of sight
// (a large network at a readable zoom) and hides when the whole graph is shown.
#include <QGraphicsView>

namespace netloom::ui {

class Minimap : public QGraphicsView {
public:
    explicit Minimap(QGraphicsView* main);
    // Refits the overview to the graph and shows or hides it for the main view's zoom.
    void refresh();

protected:
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void centreMainOn(QPoint pos);

    QGraphicsView* main_;
};

}  // namespace netloom::ui
