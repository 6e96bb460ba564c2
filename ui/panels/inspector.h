#pragma once
// Typed editors for the selected layer's parameters, with the registry's ranges. Invalid values
// are refused with the reason; every change is an undoable command (spin-box drags merge).
#include <QWidget>

#include "graph/graph.h"

class QFormLayout;
class QLabel;
class QLineEdit;

namespace netloom::ui {

class GraphDocument;

class Inspector : public QWidget {
    Q_OBJECT
public:
    explicit Inspector(GraphDocument* doc, QWidget* parent = nullptr);
    void showNode(NodeId id);  // 0: nothing selected
    NodeId shownNode() const { return node_; }
    // Puts the keyboard in the layer's name field, its text selected (F2, "Rename…").
    void focusName();

private:
    void rebuild();

    GraphDocument* doc_;
    NodeId node_ = 0;
    NodeParams shown_;  // the parameters the form shows (an Input's resolved from the data)
    QFormLayout* form_;
    QLabel* header_;
    QLabel* message_;
    QLineEdit* name_ = nullptr;
    bool updating_ = false;
};

}  // namespace netloom::ui
