#include "help_dialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include "util/data_dirs.h"

namespace netloom::ui {

QString HelpDialog::docsFolder() { return QString::fromStdString(findSharedPath("docs", "docs", "user-guide.md")); }

HelpDialog::HelpDialog(QWidget* parent) : QDialog(parent), browser_(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("HelpDialog"));
    setWindowTitle(tr("Netloom User Guide"));
    resize(900, 760);
    auto* layout = new QVBoxLayout(this);
    browser_->setOpenLinks(false);
    layout->addWidget(browser_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Links between the guide's pages stay in here; anything else opens in the user's browser.
    connect(browser_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.isRelative() && url.path().endsWith(QLatin1String(".md")))
            showPage(QFileInfo(url.path()).fileName());
        else
            QDesktopServices::openUrl(url);
    });
}

bool HelpDialog::showPage(const QString& page) {
    const QString folder = docsFolder();
    QFile file(folder + QLatin1Char('/') + page);
    if (!file.open(QIODevice::ReadOnly)) {
        browser_->setPlainText(tr("The guide is not installed here (looked for %1).").arg(file.fileName()));
        return false;
    }
    browser_->setSearchPaths({folder});  // images/ beside the pages
    browser_->setMarkdown(QString::fromUtf8(file.readAll()));
    return true;
}

QString HelpDialog::shownText() const { return browser_->toPlainText(); }

}  // namespace netloom::ui
