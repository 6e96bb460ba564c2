#pragma once
// Help ▸ User Guide: the guide shipped with Netloom (docs/*.md), rendered in the studio, offline.
#include <QDialog>

class QTextBrowser;

namespace netloom::ui {

class HelpDialog : public QDialog {
    Q_OBJECT
public:
    explicit HelpDialog(QWidget* parent = nullptr);
    // Shows docs/<page> ("user-guide.md"); false when it is not installed.
    bool showPage(const QString& page);
    QString shownText() const;
    // Where the guide is: PREFIX/share/netloom/docs, or the source tree's docs/.
    static QString docsFolder();

private:
    QTextBrowser* browser_;
};

}  // namespace netloom::ui
