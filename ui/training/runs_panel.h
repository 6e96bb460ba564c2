#pragma once
// Every run of the project, newest first, with its date, settings and best metrics. Selecting
// several overlays their validation curves; a run's folder opens in the file manager; a stopped
// run resumes from its `last` checkpoint; a finished one exports.
#include <QWidget>
#include <vector>

#include "train/run_history.h"

class QTreeWidget;
class QPushButton;

namespace netloom::ui {

class Chart;
class GraphDocument;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(GraphDocument* doc, QWidget* parent = nullptr);

    const std::vector<netloom::RunRecord>& runs() const { return runs_; }
    QTreeWidget* list() const { return list_; }
    Chart* overlay() const { return overlay_; }
    QStringList selectedRunDirs() const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void resumeRequested(const QString& runDir);
    void exportRequested(const QString& checkpoint);

private:
    void showOverlay();
    void fitColumns();

    GraphDocument* doc_;
    std::vector<netloom::RunRecord> runs_;
    QTreeWidget* list_;
    Chart* overlay_;
    QPushButton *open_, *resume_, *export_;
};

}  // namespace netloom::ui
