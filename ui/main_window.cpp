#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

#include "canvas/editor_actions.h"
#include "canvas/graph_scene.h"
#include "canvas/graph_view.h"
#include "canvas/group_item.h"
#include "canvas/node_item.h"
#include "data/dataset_panel.h"
#include "data/dataset_source.h"
#include "data/preview_panel.h"
#include "export/cluster_job_dialog.h"
#include "export/export_dialog.h"
#include "help_dialog.h"
#include "start/new_from_data_wizard.h"
#include "start/start_page.h"
#include "training/runs_panel.h"
#include "training/training_panel.h"
#include "training/training_session.h"
#include "document/graph_document.h"
#include "graph/model_summary.h"
#include "panels/inspector.h"
#include "panels/layer_palette.h"
#include "panels/problems_panel.h"
#include "panels/summary_table.h"
#include "preferences/preferences.h"
#include "preferences/preferences_dialog.h"
#include "util/atomic_file.h"
#include "util/data_dirs.h"
#include "version.h"

namespace netloom::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      doc_(new GraphDocument(this)),
      scene_(new GraphScene(doc_, this)),
      view_(new GraphView(scene_, this)),
      inspector_(new Inspector(doc_, this)),
      palette_(new LayerPalette(this)),
      problems_(new ProblemsPanel(doc_, this)),
      summary_(new SummaryTable(doc_, this)),
      datasetSource_(new DatasetSource(doc_, this)),
      datasetPanel_(new DatasetPanel(doc_, datasetSource_)),
      previewPanel_(new PreviewPanel(doc_, datasetSource_)),
      trainingPanel_(new TrainingPanel(doc_)),
      runsPanel_(new RunsPanel(doc_)),
      paramsLabel_(new QLabel(this)),
      validLabel_(new QLabel(this)),
      actions_(new EditorActions(doc_, scene_, view_, this)) {
    buildModes();
    buildDocks();
    buildActions();
    buildHelpMenu();
    statusBar()->addPermanentWidget(validLabel_);
    statusBar()->addPermanentWidget(paramsLabel_);
    connect(doc_, &GraphDocument::analysisChanged, this, &MainWindow::updateStatus);
    connect(doc_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(doc_, &GraphDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(scene_, &QGraphicsScene::selectionChanged, this, [this] {
        QList<NodeId> sel = scene_->selectedNodes();
        inspector_->showNode(sel.size() == 1 ? sel.first() : 0);
    });
    connect(problems_, &ProblemsPanel::nodeRequested, this, [this](int id) {
        scene_->selectNodes({id});
        if (GroupItem* block = scene_->groupItemOf(id); block && block->collapsed()) {
            block->setSelected(true);  // the layer is inside: show the block that stands for it
            view_->centerOn(block);
        } else if (NodeItem* item = scene_->nodeItem(id)) {
            view_->centerOn(item);
        }
    });
    connect(view_, &GraphView::contextMenuRequested, this, [this](QPointF scenePos, QPoint globalPos) {
        actions_->contextMenu(scenePos, view_)->popup(globalPos);
    });
    connect(actions_, &EditorActions::renameRequested, this, [this](NodeId id) {
        scene_->selectNodes({id});
        if (auto* dock = inspector_->parentWidget()) {
            dock->show();
            dock->raise();
        }
        // After the event that asked (a menu closing hands the focus back to the canvas first).
        QTimer::singleShot(0, inspector_, &Inspector::focusName);
    });
    connect(actions_, &EditorActions::editRefused, this, [this](const QString& why) { statusBar()->showMessage(why, 8000); });
    connect(doc_, &GraphDocument::layoutStarted, this, [this] { statusBar()->showMessage(tr("Laying out…")); });
    connect(doc_, &GraphDocument::layoutFinished, this, [this] { statusBar()->clearMessage(); });
    connect(doc_, &GraphDocument::layoutError, this, [this](const QString& why) {
        statusBar()->showMessage(tr("Layout failed: %1").arg(why), 10000);
    });
    connect(palette_, &LayerPalette::layerActivated, this, [this](const QString& type) {
        NodeId id = doc_->addNode(type, view_->mapToScene(view_->viewport()->rect().center()) - QPointF(85, 32));
        if (id) scene_->selectNodes({id});
    });
    autosaveTimer_ = new QTimer(this);
    connect(autosaveTimer_, &QTimer::timeout, this, &MainWindow::autosave);
    applyPreferences();
    resize(1400, 860);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateTitle();
    updateStatus();
    QTimer::singleShot(0, this, &MainWindow::offerRecovery);
}

void MainWindow::buildModes() {
    modes_ = new QTabWidget;
    modes_->setObjectName(QStringLiteral("Modes"));
    modes_->setDocumentMode(true);
    // The Design tab shows the start page while there is nothing to design yet.
    designStack_ = new QStackedWidget;
    start_ = new StartPage;
    designStack_->addWidget(start_);
    designStack_->addWidget(view_);
    modes_->addTab(designStack_, tr("Design"));
    dataTabs_ = new QTabWidget;
    dataTabs_->addTab(datasetPanel_, tr("Browse"));
    dataTabs_->addTab(previewPanel_, tr("Preprocessing"));
    modes_->addTab(dataTabs_, tr("Data"));
    auto* train = new QSplitter(Qt::Vertical);
    train->addWidget(trainingPanel_);
    train->addWidget(runsPanel_);
    train->setStretchFactor(0, 3);
    train->setStretchFactor(1, 1);
    modes_->addTab(train, tr("Train"));
    setCentralWidget(modes_);
    // The dataset is read the first time someone looks at it (or trains), not at startup.
    connect(modes_, &QTabWidget::currentChanged, this, [this](int index) {
        if (modes_->widget(index) == dataTabs_) datasetSource_->activate();
    });
    // What the reader found is checked against the network (Output vs classes, Input vs sample).
    connect(datasetSource_, &DatasetSource::loadingStarted, this, [this] { doc_->setDataFacts(std::nullopt); });
    connect(datasetSource_, &DatasetSource::failed, this, [this] { doc_->setDataFacts(std::nullopt); });
    connect(datasetSource_, &DatasetSource::loaded, this, [this] {
        doc_->setDataFacts(DataFacts::of(datasetSource_->browser()->summary()));
    });
    connect(datasetPanel_, &DatasetPanel::sampleSelected, previewPanel_, &PreviewPanel::setSample);
    connect(trainingPanel_, &TrainingPanel::runEnded, runsPanel_, &RunsPanel::refresh);
    connect(runsPanel_, &RunsPanel::resumeRequested, trainingPanel_, &TrainingPanel::resumeRun);
    connect(runsPanel_, &RunsPanel::exportRequested, this, [this](const QString& checkpoint) { openExportDialog(checkpoint); });
}

void MainWindow::showMode(Mode mode) {
    switch (mode) {
    case Mode::Design: modes_->setCurrentIndex(0); break;
    case Mode::Data:
        modes_->setCurrentIndex(1);
        dataTabs_->setCurrentIndex(0);
        break;
    case Mode::Preprocessing:
        modes_->setCurrentIndex(1);
        dataTabs_->setCurrentIndex(1);
        break;
    case Mode::Train: modes_->setCurrentIndex(2); break;
    }
}

void MainWindow::openExportDialog(const QString& checkpoint) {
    ExportDialog dialog(doc_, checkpoint, this);
    dialog.exec();
}

bool MainWindow::askToStopTraining() {
    return QMessageBox::question(this, tr("Training is running"),
                                 tr("Stop training and close? The run keeps its last checkpoint and can be resumed.")) ==
           QMessageBox::Yes;
}

void MainWindow::buildDocks() {
    auto dock = [this](const QString& title, const char* name, QWidget* w, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(QLatin1String(name));
        d->setWidget(w);
        addDockWidget(area, d);
        return d;
    };
    dock(tr("Layers"), "paletteDock", palette_, Qt::LeftDockWidgetArea);
    dock(tr("Inspector"), "inspectorDock", inspector_, Qt::RightDockWidgetArea);
    QDockWidget* problems = dock(tr("Problems"), "problemsDock", problems_, Qt::BottomDockWidgetArea);
    QDockWidget* summary = dock(tr("Summary"), "summaryDock", summary_, Qt::BottomDockWidgetArea);
    tabifyDockWidget(problems, summary);
    summary->raise();
}

void MainWindow::buildActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    addNewProjectActions(file);
    QMenu* templates = file->addMenu(tr("&New from Example"));
    QDir examples(QString::fromStdString(findSharedPath("projects", "projects")));  // source tree or share/netloom
    for (const QFileInfo& info : examples.entryInfoList({QStringLiteral("*.netloom")}, QDir::Files, QDir::Name)) {
        templates->addAction(info.completeBaseName(), this, [this, info] {
            if (!maybeSave()) return;
            ProjectLoad load = loadProject(info.absoluteFilePath().toStdString());
            if (load.ok()) doc_->reset(*load.project);  // a template: no file path, saved with Save As
            view_->fitAll();
        });
    }
    file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] {
        if (!maybeSave()) return;
        QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), tr("Netloom projects (*.netloom)"));
        if (!path.isEmpty()) openProject(path);
    });
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    // Not every platform defines Save As; Ctrl+Shift+S is what users press.
    QKeySequence saveAsKey(QKeySequence::SaveAs);
    if (saveAsKey.isEmpty()) saveAsKey = QKeySequence(tr("Ctrl+Shift+S"));
    file->addAction(tr("Save &As…"), saveAsKey, this, &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = doc_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = doc_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    // "Undo Add Dense" as one translatable sentence (QUndoStack only prefixes the command's text).
    // Connected after the stack's own update, so this text is the one shown.
    auto labelUndo = [undo](const QString& text) { undo->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text)); };
    auto labelRedo = [redo](const QString& text) { redo->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text)); };
    connect(doc_->undoStack(), &QUndoStack::undoTextChanged, undo, labelUndo);
    connect(doc_->undoStack(), &QUndoStack::redoTextChanged, redo, labelRedo);
    labelUndo(doc_->undoStack()->undoText());
    labelRedo(doc_->undoStack()->redoText());
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    for (QAction* a : {actions_->cut(), actions_->copy(), actions_->paste(), actions_->duplicate(), actions_->remove(),
                       actions_->rename(), actions_->disconnectAction(), actions_->selectAll()})
        edit->addAction(a);
    edit->addSeparator();
    for (QAction* a : {actions_->group(), actions_->ungroup(), actions_->toggleGroup(), actions_->renameGroup()})
        edit->addAction(a);
    edit->addSeparator();
    // Only macOS has a standard key for Preferences; elsewhere Ctrl+, as most editors do.
    QKeySequence preferencesKey(QKeySequence::Preferences);
    if (preferencesKey.isEmpty()) preferencesKey = QKeySequence(tr("Ctrl+,"));
    QAction* preferences = edit->addAction(tr("Pre&ferences…"), preferencesKey, this, &MainWindow::openPreferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, this, [this] { view_->zoomBy(1.25); });
    viewMenu->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, this, [this] { view_->zoomBy(0.8); });
    viewMenu->addAction(actions_->fitToView());
    viewMenu->addAction(actions_->layout());
    QMenu* direction = viewMenu->addMenu(tr("Layout &Direction"));
    direction->addAction(actions_->topToBottom());
    direction->addAction(actions_->leftToRight());
    // Every dock and the toolbar, so that a closed one can be brought back.
    QMenu* panels = viewMenu->addMenu(tr("&Panels"));
    panels->setObjectName(QStringLiteral("ViewPanels"));
    for (QDockWidget* d : findChildren<QDockWidget*>()) panels->addAction(d->toggleViewAction());

    viewMenu->addSeparator();
    viewMenu->addAction(tr("&Design"), QKeySequence(tr("Ctrl+1")), this, [this] { showMode(Mode::Design); });
    viewMenu->addAction(tr("D&ata"), QKeySequence(tr("Ctrl+2")), this, [this] { showMode(Mode::Data); });
    viewMenu->addAction(tr("&Preprocessing"), QKeySequence(tr("Ctrl+3")), this, [this] { showMode(Mode::Preprocessing); });
    viewMenu->addAction(tr("&Train"), QKeySequence(tr("Ctrl+4")), this, [this] { showMode(Mode::Train); });

    QMenu* model = menuBar()->addMenu(tr("&Model"));
    QAction* trainAction = model->addAction(tr("&Train", "start training"), QKeySequence(tr("F5")), this, [this] {
        showMode(Mode::Train);
        trainingPanel_->startTraining();
    });
    model->addAction(tr("&Pause or Resume Training"), QKeySequence(tr("F6")), trainingPanel_, &TrainingPanel::togglePause);
    model->addAction(tr("&Stop Training"), QKeySequence(tr("Shift+F5")), trainingPanel_, &TrainingPanel::stopTraining);
    model->addSeparator();
    QAction* exportAction = model->addAction(tr("&Export…"), QKeySequence(tr("Ctrl+E")), this, [this] { openExportDialog(); });
    model->addAction(tr("Train on a &Cluster…"), this, [this] {
        ClusterJobDialog dialog(doc_, this);
        dialog.exec();
    })->setObjectName(QStringLiteral("TrainOnCluster"));

    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    // Undo and redo as icons (their text, "Undo Add Dense", is the tooltip): the toolbar keeps its
    // size whatever the last edit was, so nothing moves under the mouse.
    undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo"), style()->standardIcon(QStyle::SP_ArrowBack)));
    redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo"), style()->standardIcon(QStyle::SP_ArrowForward)));
    tools->addAction(undo);
    tools->addAction(redo);
    for (QAction* a : {undo, redo})
        if (auto* button = qobject_cast<QToolButton*>(tools->widgetForAction(a))) button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    tools->addSeparator();
    tools->addAction(actions_->layout());
    tools->addSeparator();
    tools->addAction(trainAction);
    tools->addAction(exportAction);
    panels->addAction(tools->toggleViewAction());
}

// File ▸ New (a blank project: an Input and an Output to build between) and New from Data.
void MainWindow::addNewProjectActions(QMenu* file) {
    QAction* blank = file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newBlankProject);
    blank->setObjectName(QStringLiteral("FileNew"));
    QAction* fromData = file->addAction(tr("New from &Data…"), QKeySequence(tr("Ctrl+Shift+N")), this, &MainWindow::newFromData);
    fromData->setObjectName(QStringLiteral("FileNewFromData"));
    connect(start_, &StartPage::newBlankRequested, this, &MainWindow::newBlankProject);
    connect(start_, &StartPage::newFromDataRequested, this, &MainWindow::newFromData);
    connect(start_, &StartPage::openRequested, this, [this] {
        QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(), tr("Netloom projects (*.netloom)"));
        if (!path.isEmpty()) openProject(path);
    });
    connect(start_, &StartPage::projectChosen, this, [this](const QString& path) { openProject(path); });
    QStringList examples;
    QDir folder(QString::fromStdString(findSharedPath("projects", "projects")));
    for (const QFileInfo& info : folder.entryInfoList({QStringLiteral("*.netloom")}, QDir::Files, QDir::Name))
        examples << info.absoluteFilePath();
    start_->setExamples(examples);
    connect(doc_, &GraphDocument::documentReset, this, &MainWindow::showStartPageWhenEmpty);
    connect(doc_, &GraphDocument::filePathChanged, this, &MainWindow::showStartPageWhenEmpty);
    connect(doc_, &GraphDocument::nodeAdded, this, &MainWindow::showStartPageWhenEmpty);
    showStartPageWhenEmpty();
}

void MainWindow::newFromData() {
    if (!maybeSave()) return;
    NewFromDataWizard wizard(this);
    if (wizard.exec() != QDialog::Accepted) return;
    openProject(wizard.savedPath());
    showMode(Mode::Design);
}

void MainWindow::newBlankProject() {
    if (!maybeSave()) return;
    Project project;
    project.name = tr("untitled").toStdString();
    Node input;
    input.type = "Input";
    input.name = "input";
    Node output;
    output.type = "Output";
    output.name = "output";
    output.position = {0, 200};
    const NodeId in = project.graph.addNode(input), out = project.graph.addNode(output);
    project.graph.connect(in, out, 0);
    doc_->reset(project);
    showMode(Mode::Design);
    QTimer::singleShot(0, view_, &GraphView::fitAll);
}

void MainWindow::showStartPageWhenEmpty() {
    const bool empty = doc_->graph().nodes().empty() && doc_->filePath().isEmpty();
    designStack_->setCurrentWidget(empty ? static_cast<QWidget*>(start_) : view_);
}

// Help ▸ User Guide and About.
void MainWindow::buildHelpMenu() {
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* guide = help->addAction(tr("&User Guide"), QKeySequence::HelpContents, this, [this] {
        auto* dialog = new HelpDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->showPage(QStringLiteral("user-guide.md"));
        dialog->show();
    });
    guide->setObjectName(QStringLiteral("HelpUserGuide"));
    help->addAction(tr("&About Netloom"), this, [this] {
        QMessageBox::about(this, tr("About Netloom"),
                           tr("<h3>Netloom %1</h3><p>Design, train and deploy neural networks.</p>"
                              "<p>Built with Qt %2, LibTorch, OpenCV and ONNX; exports are verified with ONNX Runtime.</p>")
                               .arg(QStringLiteral(NETLOOM_VERSION), QString::fromLatin1(qVersion())));
    });
}

bool MainWindow::openProject(const QString& path) {
    QString error;
    if (!doc_->load(path, &error)) {
        QMessageBox::critical(this, tr("Cannot open project"), error);
        return false;
    }
    addRecent(QFileInfo(path).absoluteFilePath());
    QTimer::singleShot(0, view_, &GraphView::fitAll);
    // Read the data in the background, so the network is checked against it before Start.
    if (doc_->project().dataset.kind != "none") datasetSource_->activate();
    return true;
}

bool MainWindow::save() {
    if (doc_->filePath().isEmpty()) return saveAs();
    QString error;
    if (!doc_->saveAs(doc_->filePath(), &error)) {
        QMessageBox::critical(this, tr("Cannot save"), error);
        return false;
    }
    QFile::remove(recoveryPath());
    return true;
}

bool MainWindow::saveAs() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project"), doc_->filePath(), tr("Netloom projects (*.netloom)"));
    if (path.isEmpty()) return false;
    if (!path.endsWith(QLatin1String(".netloom"))) path += QLatin1String(".netloom");
    QString error;
    if (!doc_->saveAs(path, &error)) {
        QMessageBox::critical(this, tr("Cannot save"), error);
        return false;
    }
    addRecent(path);
    QFile::remove(recoveryPath());
    return true;
}

bool MainWindow::maybeSave() {
    if (!doc_->isModified()) return true;
    auto answer = QMessageBox::warning(this, tr("Unsaved changes"), tr("The project has unsaved changes. Save them?"),
                                       QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Ask everything first, act after: a Cancel anywhere leaves the run and the project as they were.
    if (trainingPanel_->isTraining() && !askToStopTraining()) {
        event->ignore();
        return;
    }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (trainingPanel_->isTraining()) trainingPanel_->session()->stopAndWait(60000);
    QFile::remove(recoveryPath());
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::updateTitle() {
    QString name = doc_->filePath().isEmpty() ? tr("Untitled") : QFileInfo(doc_->filePath()).fileName();
    setWindowTitle(tr("%1[*] — Netloom").arg(name));
    setWindowModified(doc_->isModified());
}

void MainWindow::updateStatus() {
    const GraphAnalysis& a = doc_->analysis();
    paramsLabel_->setText(tr("%1 parameters").arg(QString::fromStdString(withThousands(a.totalParams))));
    validLabel_->setText(a.ok() ? tr("Valid") : tr("%n problem(s)", nullptr, static_cast<int>(a.problems.size())));
}

void MainWindow::addRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("recentFiles"), recent.mid(0, 8));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    if (!recentMenu_) return;
    recentMenu_->clear();
    for (const QString& path : QSettings().value(QStringLiteral("recentFiles")).toStringList())
        recentMenu_->addAction(path, this, [this, path] {
            if (maybeSave()) openProject(path);
        });
    recentMenu_->setEnabled(!recentMenu_->isEmpty());
    if (start_) start_->setRecent(QSettings().value(QStringLiteral("recentFiles")).toStringList());
}

QString MainWindow::recoveryPath() {
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/recovery.netloom");
}

void MainWindow::autosave() {
    if (!doc_->isModified()) {
        QFile::remove(recoveryPath());  // undone back to the saved state: nothing to recover
        return;
    }
    writeFileAtomically(recoveryPath().toStdString(), serializeProject(doc_->project()));
}

void MainWindow::openPreferences() {
    PreferencesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) applyPreferences();  // the dialog applies the theme itself
}

int MainWindow::autosaveIntervalMs() const { return autosaveTimer_->isActive() ? autosaveTimer_->interval() : 0; }

void MainWindow::applyPreferences() {
    const Preferences prefs = Preferences::load();
    if (prefs.autosaveSeconds > 0) autosaveTimer_->start(prefs.autosaveSeconds * 1000);
    else autosaveTimer_->stop();
    trainingPanel_->showSettings();  // the default device and threads show there
}

bool MainWindow::askToRecover() {
    return QMessageBox::question(this, tr("Recover unsaved work?"),
                                 tr("Netloom did not close cleanly last time. Recover the unsaved project?")) ==
           QMessageBox::Yes;
}

void MainWindow::offerRecovery() {
    if (!QFile::exists(recoveryPath()) || qEnvironmentVariableIsSet("NETLOOM_NO_RECOVERY")) return;
    if (askToRecover()) {
        ProjectLoad load = loadProject(recoveryPath().toStdString());
        if (load.ok()) {
            doc_->reset(*load.project);
            doc_->undoStack()->resetClean();  // recovered work is unsaved: closing asks to save it
        }
    } else {
        QFile::remove(recoveryPath());
    }
}

}  // namespace netloom::ui
