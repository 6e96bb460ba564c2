#include "data/csv_table_model.h"

#include <QColor>
#include <QLocale>

namespace netloom::ui {

void TableBrowserModel::setBrowser(std::shared_ptr<const DataBrowser> browser) {
    beginResetModel();
    browser_ = browser && browser->kind() == DataBrowser::Kind::Table ? std::move(browser) : nullptr;
    endResetModel();
}

int CsvTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !browser_ ? 0 : static_cast<int>(browser_->table().rows.size());
}

int CsvTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !browser_ ? 0 : static_cast<int>(browser_->table().columns.size());
}

QVariant CsvTableModel::data(const QModelIndex& index, int role) const {
    if (!browser_ || !index.isValid()) return {};
    const std::string& v = browser_->table().rows[static_cast<size_t>(index.row())][static_cast<size_t>(index.column())];
    if (role == Qt::DisplayRole) return QString::fromStdString(v);
    if (role == Qt::ForegroundRole && isMissingValue(v)) return QColor(200, 40, 40);
    if (role == Qt::ToolTipRole && isMissingValue(v)) return tr("Missing value");
    return {};
}

QVariant CsvTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (!browser_ || role != Qt::DisplayRole) return {};
    if (orientation == Qt::Horizontal) return QString::fromStdString(browser_->table().columns[static_cast<size_t>(section)]);
    return static_cast<qlonglong>(browser_->table().rowLines[static_cast<size_t>(section)]);  // the file's line number
}

int ColumnStatsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !browser_ ? 0 : static_cast<int>(browser_->columnStats().size());
}

int ColumnStatsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : 8; }

QVariant ColumnStatsModel::data(const QModelIndex& index, int role) const {
    if (!browser_ || !index.isValid() || role != Qt::DisplayRole) return {};
    const ColumnStats& s = browser_->columnStats()[static_cast<size_t>(index.row())];
    QLocale locale;
    auto num = [&](double v) { return s.numeric ? locale.toString(v, 'g', 5) : QString(); };
    switch (index.column()) {
    case 0: return QString::fromStdString(s.name);
    case 1: return s.numeric ? tr("numeric") : tr("categorical");
    case 2: return static_cast<qlonglong>(s.missing);
    case 3: return static_cast<qlonglong>(s.distinct);
    case 4: return s.numeric ? num(s.min) : QString::fromStdString(s.mostFrequent);
    case 5: return num(s.max);
    case 6: return num(s.mean);
    case 7: return num(s.stddev);
    }
    return {};
}

QVariant ColumnStatsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    static const char* names[] = {QT_TR_NOOP("Column"), QT_TR_NOOP("Type"),  QT_TR_NOOP("Missing"), QT_TR_NOOP("Distinct"),
                                  QT_TR_NOOP("Min / most frequent"), QT_TR_NOOP("Max"), QT_TR_NOOP("Mean"), QT_TR_NOOP("Std")};
    return section >= 0 && section < 8 ? tr(names[section]) : QVariant();
}

}  // namespace netloom::ui
