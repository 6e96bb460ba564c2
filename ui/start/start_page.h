#pragma once
// What an empty studio shows instead of a blank canvas: the ways to begin — a project from the
// user's own data, a blank project, a file, an example, a recent project.
#include <QStringList>
#include <QWidget>

class QListWidget;
class QPushButton;

namespace netloom::ui {

class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);
    void setRecent(const QStringList& paths);
    void setExamples(const QStringList& paths);
    QPushButton* newFromDataButton() const { return fromData_; }

Q_SIGNALS:
    void newFromDataRequested();
    void newBlankRequested();
    void openRequested();
    void projectChosen(const QString& path);  // an example or a recent project

private:
    QPushButton* fromData_;
    QListWidget* examples_;
    QListWidget* recent_;
};

}  // namespace netloom::ui
