#include "panels/problems_panel.h"

#include <QStyle>

#include "document/graph_document.h"

namespace netloom::ui {

ProblemsPanel::ProblemsPanel(GraphDocument* doc, QWidget* parent) : QListWidget(parent), doc_(doc) {
    connect(doc_, &GraphDocument::analysisChanged, this, &ProblemsPanel::refresh);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (int id = item->data(Qt::UserRole).toInt()) Q_EMIT nodeRequested(id);
    });
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        if (int id = item->data(Qt::UserRole).toInt()) Q_EMIT nodeRequested(id);
    });
    refresh();
}

void ProblemsPanel::refresh() {
    clear();
    for (const Problem& p : doc_->analysis().problems) {
        auto* item = new QListWidgetItem(QString::fromStdString(p.message), this);
        item->setData(Qt::UserRole, p.node);
        item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
}

}  // namespace netloom::ui
