#pragma once
// A CSV table (rows of strings, as core read it) for a QTableView; rows are only touched when shown.
#include <QAbstractTableModel>
#include <memory>

#include "data/data_browser.h"

namespace netloom::ui {

class CsvTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;
    void setBrowser(std::shared_ptr<const DataBrowser> browser);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const DataBrowser> browser_;
};

// Per-column statistics of the same table.
class ColumnStatsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;
    void setBrowser(std::shared_ptr<const DataBrowser> browser);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const DataBrowser> browser_;
};

}  // namespace netloom::ui
