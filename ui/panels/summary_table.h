#pragma once
// The Keras-style summary as a table: layer, type, output shape, parameters, and the totals.
#include <QTableWidget>

namespace netloom::ui {

class GraphDocument;

class SummaryTable : public QTableWidget {
    Q_OBJECT
public:
    explicit SummaryTable(GraphDocument* doc, QWidget* parent = nullptr);

private:
    void refresh();
    GraphDocument* doc_;
};

}  // namespace netloom::ui
