#pragma once
// Model ▸ Train on a Cluster…: the training-job bundle (export/job_bundle.h) for the open project —
// pods, GPUs, the image, the claims — written to a folder, with the kubectl command to start it.
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace netloom::ui {

class GraphDocument;

class ClusterJobDialog : public QDialog {
    Q_OBJECT
public:
    explicit ClusterJobDialog(GraphDocument* doc, QWidget* parent = nullptr);

    void setDestination(const QString& dir);
    // Writes the bundle; false with the reason shown when the options or the folder are unusable.
    bool writeBundle();
    QString result() const;
    QSpinBox* workers() const { return workers_; }
    QSpinBox* gpus() const { return gpus_; }
    QLineEdit* dataClaim() const { return dataClaim_; }

private:
    GraphDocument* doc_;
    QLineEdit *destination_, *image_, *dataClaim_, *runsClaim_, *cpuRequest_, *memoryRequest_;
    QSpinBox *workers_, *gpus_;
    QLabel* result_;
    QPushButton* write_;
};

}  // namespace netloom::ui
