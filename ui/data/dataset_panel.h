#pragma once
// The dataset browser: where the data comes from (bound to the project), counts per class and
// split, a virtualised thumbnail grid or table or text list, the selected sample, and the inputs
// the loader skipped with their reasons.
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QProgressBar;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QTreeWidget;
class QCPBarsGroup;

namespace netloom {
struct DataSummary;
}

namespace netloom::ui {

class Chart;
class ColumnStatsModel;
class CsvTableModel;
class DatasetSource;
class GraphDocument;
class SettingsForm;
class ThumbnailModel;

class DatasetPanel : public QWidget {
    Q_OBJECT
public:
    DatasetPanel(GraphDocument* doc, DatasetSource* source, QWidget* parent = nullptr);

    ThumbnailModel* samples() const { return samples_; }
    QListView* sampleView() const { return sampleView_; }
    Chart* countsChart() const { return counts_; }
    QTreeWidget* skippedList() const { return skipped_; }
    QTableView* tableView() const { return table_; }
    int currentSample() const { return current_; }

public Q_SLOTS:
    void selectSample(int row);

Q_SIGNALS:
    void sampleSelected(int row);

private:
    QWidget* buildSourceForm();
    void showSettings();
    void browseForData();
    void showProblem(const netloom::DataSummary& summary);
    void onLoaded();
    void onFailed(const QString& error);
    void fillCounts();
    void fillTextLengths();
    void showSample(int row);
    void clearSample();

    GraphDocument* doc_;
    DatasetSource* source_;
    int current_ = -1;

    SettingsForm* form_;
    QLabel* problem_;          // why training cannot read the data as it is
    QPushButton* fixProblem_;  // the one-click fix (a resize step)

    QLabel* headline_;
    QLabel* error_;
    QProgressBar* busy_;
    Chart* counts_;
    QCPBarsGroup* barsGroup_ = nullptr;  // one for the chart's life; the bars come and go
    QStackedWidget* pages_;
    QListView* sampleView_;
    ThumbnailModel* samples_;
    QTableView* table_;
    CsvTableModel* tableModel_;
    QTableView* stats_;
    ColumnStatsModel* statsModel_;
    Chart* lengths_;
    QLabel* sampleImage_;
    QLabel* sampleCaption_;
    QTreeWidget* skipped_;
};

}  // namespace netloom::ui
