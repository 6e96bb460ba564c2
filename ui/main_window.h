#pragma once
// The studio's main window: it assembles the document, the canvas and the panels and owns the
// menus. Editing logic lives in the document; drawing in the canvas; each panel in its own file.
#include <QMainWindow>

class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace netloom::ui {

class EditorActions;
class GraphDocument;
class GraphScene;
class GraphView;
class Inspector;
class LayerPalette;
class ProblemsPanel;
class SummaryTable;
class DatasetSource;
class DatasetPanel;
class PreviewPanel;
class TrainingPanel;
class RunsPanel;
class StartPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    bool openProject(const QString& path);
    GraphDocument* document() const { return doc_; }
    GraphScene* scene() const { return scene_; }
    GraphView* view() const { return view_; }
    EditorActions* editorActions() const { return actions_; }
    DatasetPanel* datasetPanel() const { return datasetPanel_; }
    PreviewPanel* previewPanel() const { return previewPanel_; }
    TrainingPanel* trainingPanel() const { return trainingPanel_; }
    RunsPanel* runsPanel() const { return runsPanel_; }
    DatasetSource* datasetSource() const { return datasetSource_; }
    // The studio's modes: the graph editor, the data (browser and preprocessing), training.
    enum class Mode { Design, Data, Preprocessing, Train };
    void showMode(Mode mode);
    void openExportDialog(const QString& checkpoint = {});
    // File ▸ New from Data…: the wizard that makes a project from the user's own data.
    void newFromData();
    // Where autosave keeps the unsaved state of the open document.
    static QString recoveryPath();
    // Writes the recovery file when there are unsaved changes (the autosave timer calls it).
    void autosave();
    // Edit ▸ Preferences…; after OK, applyPreferences() (autosave interval, training defaults).
    void openPreferences();
    void applyPreferences();
    int autosaveIntervalMs() const;  // 0 when autosave is off

protected:
    void closeEvent(QCloseEvent* event) override;
    // At startup, when a recovery file exists: restore it? (A question box; tests answer instead.)
    virtual bool askToRecover();
    // Closing while training runs: stop it (keeping its checkpoint) and close?
    virtual bool askToStopTraining();

private:
    void buildActions();
    void buildDocks();
    void buildModes();
    void buildHelpMenu();
    void addNewProjectActions(QMenu* file);
    void newBlankProject();
    void showStartPageWhenEmpty();
    bool maybeSave();
    bool save();
    bool saveAs();
    void updateTitle();
    void updateStatus();
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void offerRecovery();

    GraphDocument* doc_;
    GraphScene* scene_;
    GraphView* view_;
    Inspector* inspector_;
    LayerPalette* palette_;
    ProblemsPanel* problems_;
    SummaryTable* summary_;
    DatasetSource* datasetSource_;
    DatasetPanel* datasetPanel_;
    PreviewPanel* previewPanel_;
    TrainingPanel* trainingPanel_;
    RunsPanel* runsPanel_;
    QTabWidget* modes_ = nullptr;
    QStackedWidget* designStack_ = nullptr;
    StartPage* start_ = nullptr;
    QTabWidget* dataTabs_ = nullptr;
    QLabel* paramsLabel_;
    QLabel* validLabel_;
    QMenu* recentMenu_ = nullptr;
    QTimer* autosaveTimer_ = nullptr;
    EditorActions* actions_;
};

}  // namespace netloom::ui
