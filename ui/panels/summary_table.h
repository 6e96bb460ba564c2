#pragma once
// The Keras-style summary as a table: layer, type, output shape, parameters, and the totals.
// It follows the analysis while shown; hidden (a closed or background dock), it catches up when
// shown again, so an edit of a large network does not pay for a table nobody sees.
#include <QTableWidget>

namespace netloom::ui {

class GraphDocument;

class SummaryTable : public QTableWidget {
    Q_OBJECT
public:
    explicit SummaryTable(GraphDocument* doc, QWidget* parent = nullptr);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refreshWhenShown();
    void refresh();
    // The cell's text, set only when it differs (unchanged rows cost a comparison).
    void setText(int row, int column, const QString& text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter);

    GraphDocument* doc_;
    bool stale_ = true;
};

}  // namespace netloom::ui
