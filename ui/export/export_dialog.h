#pragma once
// Export a trained run: choose the checkpoint and the destination, set the deployment options,
// and get the verification report (engine, max difference, top-1 agreement) and the bundle's
// files. A failed verification is shown as a failure, never as success. The work runs on a
// worker thread; the dialog stays responsive.
#include <QDialog>
#include <QFutureWatcher>

#include "export/onnx_export.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace netloom::ui {

class GraphDocument;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(GraphDocument* doc, const QString& checkpoint = {}, QWidget* parent = nullptr);
    ~ExportDialog() override;

    void setDestination(const QString& dir);
    void setCheckpoint(const QString& checkpoint);
    QString destination() const;
    bool isRunning() const { return watcher_.isRunning(); }
    // After a run: whether the export and its verification passed, and the bundle was written.
    bool succeeded() const { return succeeded_; }
    QString reportText() const;
    QTreeWidget* checks() const { return checks_; }
    QListWidget* files() const { return files_; }
    QString dockerCommand() const;
    QString kubectlCommand() const;

public Q_SLOTS:
    void startExport();
    // Closing waits for a running export to finish: the folder is never left half written.
    void reject() override;

Q_SIGNALS:
    void exportFinished(bool ok);

private:
    // Everything the finished export needs, fixed when it starts: the form may change meanwhile.
    struct Outcome {
        netloom::ExportReport report;
        std::string bundleError;
        bool bundleWritten = false;
        bool bundleWanted = false;
        QString outDir;
    };
    void setRunning(bool running);
    void fillCheckpoints();
    void onFinished();

    GraphDocument* doc_;
    QFutureWatcher<Outcome> watcher_;
    bool succeeded_ = false;

    QComboBox* checkpoint_;
    QLineEdit* destination_;
    QCheckBox *rawImage_, *triton_, *gpu_, *bundle_;
    QWidget *what_, *options_;
    QString lastOutDir_;
    QSpinBox* replicas_;
    QLineEdit *cpuRequest_, *memoryRequest_;
    QProgressBar* progress_;
    QLabel* stage_;
    QLabel* summary_;
    QTreeWidget* checks_;
    QListWidget* files_;
    QPushButton *export_, *openFolder_, *copyDocker_, *copyKubectl_;
};

}  // namespace netloom::ui
