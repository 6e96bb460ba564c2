#pragma once
// File ▸ New from Data…: the studio's face of core's new-project engine (project/new_project.h),
// the same engine `netloom-cli new` runs. Three pages:
//   1. Your data — a folder or file; the engine looks at it on a worker thread and says what it found.
//   2. Your choices — task, image size and channels, splits, epochs, where the project is saved;
//      every field starts at what the engine would choose.
//   3. The project — the engine proposes it (on a worker: normalisation reads the training split)
//      and says why it chose what it chose; Finish saves it and the studio opens it.
#include <QFutureWatcher>
#include <QWizard>
#include <optional>

#include "project/new_project.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTextBrowser;

namespace netloom::ui {

class NewFromDataWizard : public QWizard {
    Q_OBJECT
public:
    explicit NewFromDataWizard(QWidget* parent = nullptr);

    // Where Finish saved the project (empty until then).
    QString savedPath() const { return savedPath_; }

    // Tests and the Data tab start the wizard on a path.
    void setDataPath(const QString& path);
    // The fields, named for tests that drive the wizard key by key.
    QLineEdit* dataPathField() const { return dataPath_; }
    bool inspecting() const { return inspectWatcher_.isRunning(); }
    bool proposing() const { return proposeWatcher_.isRunning(); }

    const std::optional<DataInspection>& inspection() const { return inspection_; }
    const std::optional<ProjectProposal>& proposal() const { return proposal_; }

    enum PageId { DataPage, ChoicesPage, ReviewPage };

Q_SIGNALS:
    void inspectionFinished();
    void proposalFinished();

private:
    QWizardPage* buildDataPage();
    QWizardPage* buildChoicesPage();
    QWizardPage* buildReviewPage();

    void inspectLater();
    void inspect();
    void showInspection();
    void fillChoicesFromInspection();
    NewProjectChoices choices() const;
    void propose();
    void showProposal();
    bool saveProposal();

    QLineEdit* dataPath_ = nullptr;
    QTextBrowser* found_ = nullptr;
    QLineEdit* name_ = nullptr;
    QComboBox* task_ = nullptr;
    QSpinBox* width_ = nullptr;
    QSpinBox* height_ = nullptr;
    QComboBox* channels_ = nullptr;
    QDoubleSpinBox* validation_ = nullptr;
    QDoubleSpinBox* test_ = nullptr;
    QSpinBox* epochs_ = nullptr;
    QLineEdit* projectPath_ = nullptr;
    QLabel* imageOnly_ = nullptr;
    QTextBrowser* review_ = nullptr;

    QTimer* inspectTimer_ = nullptr;
    QFutureWatcher<DataInspection> inspectWatcher_;
    QFutureWatcher<ProjectProposal> proposeWatcher_;
    QString inspectedPath_;  // the path the shown inspection is of
    std::optional<DataInspection> inspection_;
    std::optional<ProjectProposal> proposal_;
    QString savedPath_;
};

}  // namespace netloom::ui
