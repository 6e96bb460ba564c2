#include "panels/summary_table.h"

#include <QHeaderView>

#include "document/graph_document.h"
#include "graph/model_summary.h"

namespace netloom::ui {

SummaryTable::SummaryTable(GraphDocument* doc, QWidget* parent) : QTableWidget(parent), doc_(doc) {
    setColumnCount(4);
    setHorizontalHeaderLabels({tr("Layer"), tr("Type"), tr("Output shape"), tr("Parameters")});
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setEditTriggers(NoEditTriggers);
    setSelectionBehavior(SelectRows);
    connect(doc_, &GraphDocument::analysisChanged, this, &SummaryTable::refresh);
    refresh();
}

void SummaryTable::refresh() {
    const GraphAnalysis& a = doc_->analysis();
    const Graph& g = doc_->graph();
    setRowCount(0);
    for (NodeId id : a.order) {
        const Node* n = g.node(id);
        auto it = a.nodes.find(id);
        int row = rowCount();
        insertRow(row);
        setItem(row, 0, new QTableWidgetItem(QString::fromStdString(n->name)));
        setItem(row, 1, new QTableWidgetItem(QString::fromStdString(n->type)));
        bool known = it != a.nodes.end() && it->second.output;
        setItem(row, 2, new QTableWidgetItem(known ? QString::fromStdString(it->second.output->toString()) : QStringLiteral("?")));
        auto* params = new QTableWidgetItem(QString::fromStdString(withThousands(it != a.nodes.end() ? it->second.params : 0)));
        params->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, 3, params);
    }
    int row = rowCount();
    insertRow(row);
    auto* total = new QTableWidgetItem(tr("Total"));
    QFont bold = total->font();
    bold.setBold(true);
    total->setFont(bold);
    setItem(row, 0, total);
    auto* sum = new QTableWidgetItem(QString::fromStdString(withThousands(a.totalParams)));
    sum->setFont(bold);
    sum->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setItem(row, 3, sum);
}

}  // namespace netloom::ui
