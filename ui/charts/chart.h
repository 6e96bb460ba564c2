#pragma once
// A QCustomPlot with what every Netloom chart needs: hover shows the values under the mouse,
// a context menu saves PNG or SVG, and replots are throttled so a stream of points never stalls
// the event loop.
#include <QTimer>
#include "charts/qcustomplot_include.h"

namespace netloom::ui {

class Chart : public QCustomPlot {
    Q_OBJECT
public:
    explicit Chart(const QString& title, QWidget* parent = nullptr);

    // Replot soon (at most every 400 ms), rescaling the axes to the data first.
    void scheduleReplot();
    // Rescale and replot now.
    void refresh();

    bool savePngFile(const QString& path);
    bool saveSvgFile(const QString& path);
    // What the hover tooltip shows at a pixel position (empty when nothing is near).
    QString valuesAt(const QPointF& pixel) const;

    // Moves the legend out of the plot, to a row of its own under the title (for bar charts,
    // whose bars would hide behind an inset legend).
    void placeLegendAbove();

    // Rescale keeps some headroom and never collapses an axis to a point.
    bool autoRescale = true;

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void onMouseMove(QMouseEvent* event);
    QTimer replotTimer_;
};

}  // namespace netloom::ui
