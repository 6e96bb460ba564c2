#include "charts/chart.h"

#include <QFileDialog>
#include <QMenu>
#include <QSvgGenerator>
#include <QToolTip>
#include <cmath>

namespace netloom::ui {

Chart::Chart(const QString& title, QWidget* parent) : QCustomPlot(parent) {
    setMinimumSize(260, 180);
    plotLayout()->insertRow(0);
    auto* heading = new QCPTextElement(this, title, QFont(font().family(), font().pointSize(), QFont::Bold));
    plotLayout()->addElement(0, 0, heading);
    legend->setVisible(false);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    legend->setFont(small);
    legend->setBrush(QColor(255, 255, 255, 220));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    replotTimer_.setSingleShot(true);
    replotTimer_.setInterval(400);
    connect(&replotTimer_, &QTimer::timeout, this, &Chart::refresh);
    connect(this, &QCustomPlot::mouseMove, this, &Chart::onMouseMove);
    setObjectName(title);
}

void Chart::placeLegendAbove() {
    legend->setVisible(true);
    axisRect()->insetLayout()->take(legend);
    plotLayout()->insertRow(1);
    plotLayout()->addElement(1, 0, legend);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    plotLayout()->setRowStretchFactor(1, 0.001);
}

void Chart::scheduleReplot() {
    if (!replotTimer_.isActive()) replotTimer_.start();
}

void Chart::refresh() {
    if (autoRescale) {
        rescaleAxes(true);
        for (QCPAxis* axis : {xAxis, yAxis}) {
            QCPRange r = axis->range();
            // A flat curve (a constant learning rate of 0.001) sits mid-axis on a scale of its own size.
            if (r.size() <= 0) {
                const double pad = r.lower != 0 ? std::abs(r.lower) * 0.5 : 0.5;
                r = QCPRange(r.lower - pad, r.upper + pad);
            }
            else if (axis == yAxis) r = QCPRange(r.lower - r.size() * 0.05, r.upper + r.size() * 0.05);
            axis->setRange(r);
        }
    }
    replot(QCustomPlot::rpQueuedReplot);
}

bool Chart::savePngFile(const QString& path) { return savePng(path, width(), height(), 2.0); }

bool Chart::saveSvgFile(const QString& path) {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size());
    svg.setViewBox(rect());
    svg.setTitle(objectName());
    QCPPainter painter;
    if (!painter.begin(&svg)) return false;
    toPainter(&painter, width(), height());
    painter.end();
    return true;
}

void Chart::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Save as PNG…"), this, [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), objectName() + QStringLiteral(".png"),
                                                    tr("PNG images (*.png)"));
        if (!path.isEmpty()) savePngFile(path);
    });
    menu.addAction(tr("Save as SVG…"), this, [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), objectName() + QStringLiteral(".svg"),
                                                    tr("SVG drawings (*.svg)"));
        if (!path.isEmpty()) saveSvgFile(path);
    });
    menu.addAction(tr("Reset zoom"), this, &Chart::refresh);
    menu.exec(event->globalPos());
}

QString Chart::valuesAt(const QPointF& pixel) const {
    QStringList lines;
    for (int g = 0; g < graphCount(); ++g) {
        QCPGraph* graph = this->graph(g);
        if (!graph->visible() || graph->data()->isEmpty()) continue;
        double x = graph->keyAxis()->pixelToCoord(pixel.x());
        auto it = graph->data()->findBegin(x, true);
        if (it == graph->data()->constEnd()) continue;
        // The nearer of the two neighbours.
        auto next = it + 1;
        if (next != graph->data()->constEnd() && std::abs(next->key - x) < std::abs(it->key - x)) it = next;
        double px = graph->keyAxis()->coordToPixel(it->key);
        if (std::abs(px - pixel.x()) > 30) continue;
        lines << tr("%1: %2  (x = %3)")
                     .arg(graph->name())
                     .arg(QString::number(it->value, 'g', 5))
                     .arg(QString::number(it->key, 'g', 4));
    }
    return lines.join(QLatin1Char('\n'));
}

void Chart::onMouseMove(QMouseEvent* event) {
    QString text = valuesAt(event->position());
    if (text.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

}  // namespace netloom::ui
