#pragma once
#include <QMainWindow>

class QPlainTextEdit;

namespace netloom::ui {

// The studio's main window. For now it shows the project's validated summary; the editor,
// dataset browser and training panels dock into it.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    bool openProject(const QString& path);

private:
    QPlainTextEdit* summary_ = nullptr;
};

}  // namespace netloom::ui
