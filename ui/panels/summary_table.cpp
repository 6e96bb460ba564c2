#include "panels/summary_table.h"

#include <QHeaderView>

#include "document/graph_document.h"
#include "graph/model_summary.h"

namespace netloom::ui {

SummaryTable::SummaryTable(GraphDocument* doc, QWidget* parent) : QTableWidget(parent), doc_(doc) {
    setColumnCount(4);
    setHorizontalHeaderLabels({tr("Layer"), tr("Type"), tr("Output shape"), tr("Parameters")});
    // Columns sized to their contents once per refresh (in ResizeToContents mode the header
    // re-measured its column at every changed cell), from the rows in view and a hundred more, not
    // from every row of a large network.
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setResizeContentsPrecision(100);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setEditTriggers(NoEditTriggers);
    setSelectionBehavior(SelectRows);
    connect(doc_, &GraphDocument::analysisChanged, this, &SummaryTable::refreshWhenShown);
    connect(doc_, &GraphDocument::documentReset, this, &SummaryTable::refreshWhenShown);
    refresh();
}

void SummaryTable::refreshWhenShown() {
    stale_ = true;
    if (isVisible()) refresh();
}

void SummaryTable::showEvent(QShowEvent* event) {
    QTableWidget::showEvent(event);
    if (stale_) refresh();
}

void SummaryTable::setText(int row, int column, const QString& text, Qt::Alignment alignment) {
    QTableWidgetItem* cell = item(row, column);
    if (!cell) {
        cell = new QTableWidgetItem(text);
        cell->setTextAlignment(alignment);
        setItem(row, column, cell);
    } else if (cell->text() != text) {
        cell->setText(text);
    }
}

void SummaryTable::refresh() {
    stale_ = false;
    setUpdatesEnabled(false);
    const GraphAnalysis& a = doc_->analysis();
    const Graph& g = doc_->graph();
    const int rows = static_cast<int>(a.order.size()) + 1;  // the layers, then the total
    if (rowCount() != rows) {
        setRowCount(0);  // fresh items: the total row's bold font must not stay on a layer's row
        setRowCount(rows);
    }
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    int row = 0;
    for (NodeId id : a.order) {
        const Node* n = g.node(id);
        auto it = a.nodes.find(id);
        const bool known = it != a.nodes.end() && it->second.output;
        setText(row, 0, QString::fromStdString(n->name));
        setText(row, 1, QString::fromStdString(n->type));
        setText(row, 2, known ? QString::fromStdString(it->second.output->toString()) : QStringLiteral("?"));
        setText(row, 3, QString::fromStdString(withThousands(it != a.nodes.end() ? it->second.params : 0)), right);
        ++row;
    }
    QFont bold = font();
    bold.setBold(true);
    setText(row, 0, tr("Total"));
    setText(row, 3, QString::fromStdString(withThousands(a.totalParams)), right);
    item(row, 0)->setFont(bold);
    item(row, 3)->setFont(bold);
    resizeColumnsToContents();
    setUpdatesEnabled(true);
}

}  // namespace netloom::ui
