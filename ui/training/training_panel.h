#pragma once
// Train the open project: the hyperparameters (bound to the project, undoable), start, pause,
// resume and stop, the device, progress with ETA and samples/s, and the live charts.
#include <QElapsedTimer>
#include <QWidget>

#include "train/trainer.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace netloom::ui {

class GraphDocument;
class SettingsForm;
class TrainingCharts;
class TrainingSession;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPanel(GraphDocument* doc, QWidget* parent = nullptr);
    ~TrainingPanel() override;

    TrainingSession* session() const { return session_; }
    TrainingCharts* charts() const { return charts_; }
    bool isTraining() const;
    QString runDir() const { return runDir_; }
    QString statusText() const;
    QProgressBar* progressBar() const { return progress_; }

    // Where runs of this document go: next to the project file when that folder is writable,
    // otherwise in the user's data folder.
    static QString runsFolderFor(const GraphDocument* doc);

    // Extra options for every run started here (tests and quick checks limit batches per epoch).
    void setExtraOptions(const netloom::TrainOptions& options) { extra_ = options; }

public Q_SLOTS:
    // Shows the project's settings; the device line also reflects the preferences' defaults.
    void showSettings();
    bool startTraining();
    bool resumeRun(const QString& runDir);
    void togglePause();
    void stopTraining();

Q_SIGNALS:
    void runEnded(const QString& runDir);  // finished, stopped or failed: the run list refreshes

private:
    QWidget* buildForm();
    QString epochText(const netloom::EpochEvent& e) const;
    void resetForAnotherProject();
    void forgetStaleProblem();
    QString finalEvaluationText(const netloom::RunFinished& r) const;
    bool launch(const netloom::TrainOptions& requested);
    // Fills what neither the options nor the project decide ("auto" device, 0 threads) from Preferences.
    netloom::TrainOptions withPreferredDefaults(netloom::TrainOptions options) const;
    void setRunning(bool running);

    GraphDocument* doc_;
    TrainingSession* session_;
    TrainingCharts* charts_;
    netloom::TrainOptions extra_;
    QString runDir_;
    QElapsedTimer clock_;
    QElapsedTimer pausedAt_;      // running while paused
    qint64 pausedMs_ = 0;         // time spent paused in this run
    bool showingProblem_ = false; // the status names a refusal or a failure
    int64_t firstStep_ = -1, totalSteps_ = 0, batchesPerEpoch_ = 0, firstEpoch_ = 1, epochs_ = 0;

    SettingsForm* form_;
    QPushButton *start_, *pause_, *stop_;
    QLabel *deviceLabel_, *status_, *result_;
    QProgressBar* progress_;
};

}  // namespace netloom::ui
