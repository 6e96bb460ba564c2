#pragma once
// A CSV table (rows of strings, as core read it) for a QTableView; rows are only touched when shown.
#include <QAbstractTableModel>
#include <memory>

#include "data/data_browser.h"

namespace netloom::ui {

// What both table views share: the browser of a tabular dataset, or none.
class TableBrowserModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;
    // Keeps the browser only when it holds a table; anything else empties the model.
    void setBrowser(std::shared_ptr<const DataBrowser> browser);

protected:
    std::shared_ptr<const DataBrowser> browser_;
};

class CsvTableModel : public TableBrowserModel {
    Q_OBJECT
public:
    using TableBrowserModel::TableBrowserModel;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
};

// Per-column statistics of the same table.
class ColumnStatsModel : public TableBrowserModel {
    Q_OBJECT
public:
    using TableBrowserModel::TableBrowserModel;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
};

}  // namespace netloom::ui
