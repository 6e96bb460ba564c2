#include "main_window.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QMessageBox>
#include <QPlainTextEdit>

#include "graph/graph_analysis.h"
#include "graph/model_summary.h"
#include "project/project.h"

namespace netloom::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    summary_ = new QPlainTextEdit(this);
    summary_->setReadOnly(true);
    summary_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setCentralWidget(summary_);
    setWindowTitle(tr("Netloom"));
    resize(1100, 700);
}

bool MainWindow::openProject(const QString& path) {
    ProjectLoad load = loadProject(path.toStdString());
    if (!load.ok()) {
        QMessageBox::critical(this, tr("Cannot open project"), QString::fromStdString(load.error));
        return false;
    }
    GraphAnalysis analysis = analyzeGraph(load.project->graph);
    std::string text = formatSummary(load.project->graph, analysis, load.project->name);
    for (const Problem& p : analysis.problems) text += "problem: " + p.message + "\n";
    summary_->setPlainText(QString::fromStdString(text));
    setWindowTitle(tr("%1 — Netloom").arg(QFileInfo(path).fileName()));
    return true;
}

}  // namespace netloom::ui
