#pragma once
// Every validation problem of the graph; activating one selects and centres its layer.
#include <QListWidget>

#include "graph/graph.h"

namespace netloom::ui {

class GraphDocument;

class ProblemsPanel : public QListWidget {
    Q_OBJECT
public:
    explicit ProblemsPanel(GraphDocument* doc, QWidget* parent = nullptr);

Q_SIGNALS:
    void nodeRequested(int id);

private:
    void refresh();
    GraphDocument* doc_;
};

}  // namespace netloom::ui
