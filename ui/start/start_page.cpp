#include "start/start_page.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace netloom::ui {

namespace {

QListWidget* projectList(QWidget* parent) {
    auto* list = new QListWidget(parent);
    list->setMinimumWidth(260);
    list->setMaximumHeight(180);
    return list;
}

void fill(QListWidget* list, const QStringList& paths, const QString& none) {
    list->clear();
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(QFileInfo(path).completeBaseName(), list);
        item->setToolTip(path);
        item->setData(Qt::UserRole, path);
    }
    if (paths.isEmpty()) {
        auto* item = new QListWidgetItem(none, list);
        item->setFlags(Qt::NoItemFlags);
    }
}

}  // namespace

StartPage::StartPage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("StartPage"));
    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto* title = new QLabel(tr("<h2>Start a network</h2>"));
    title->setAlignment(Qt::AlignCenter);
    outer->addWidget(title);
    auto* hint = new QLabel(tr("Point Netloom at your data: it looks at it, proposes the preprocessing and a network "
                               "that fits, and you train at once. Or start blank, open a project, or try an example."));
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignCenter);
    hint->setMaximumWidth(620);
    auto* hintRow = new QHBoxLayout;
    hintRow->addStretch(1);
    hintRow->addWidget(hint);
    hintRow->addStretch(1);
    outer->addLayout(hintRow);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    fromData_ = new QPushButton(tr("New from Data…"));
    fromData_->setObjectName(QStringLiteral("StartNewFromData"));
    fromData_->setDefault(true);
    auto* blank = new QPushButton(tr("Blank Project"));
    blank->setObjectName(QStringLiteral("StartBlank"));
    auto* open = new QPushButton(tr("Open…"));
    open->setObjectName(QStringLiteral("StartOpen"));
    for (QPushButton* b : {fromData_, blank, open}) {
        b->setMinimumHeight(36);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    outer->addLayout(buttons);

    auto* lists = new QGridLayout;
    lists->addWidget(new QLabel(tr("Examples")), 0, 1);
    lists->addWidget(new QLabel(tr("Recent projects")), 0, 2);
    examples_ = projectList(this);
    examples_->setObjectName(QStringLiteral("StartExamples"));
    recent_ = projectList(this);
    recent_->setObjectName(QStringLiteral("StartRecent"));
    lists->addWidget(examples_, 1, 1);
    lists->addWidget(recent_, 1, 2);
    lists->setColumnStretch(0, 1);
    lists->setColumnStretch(3, 1);
    outer->addLayout(lists);
    outer->addStretch(2);

    connect(fromData_, &QPushButton::clicked, this, &StartPage::newFromDataRequested);
    connect(blank, &QPushButton::clicked, this, &StartPage::newBlankRequested);
    connect(open, &QPushButton::clicked, this, &StartPage::openRequested);
    for (QListWidget* list : {examples_, recent_})
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
            const QString path = item->data(Qt::UserRole).toString();
            if (!path.isEmpty()) Q_EMIT projectChosen(path);
        });
    setRecent({});
    setExamples({});
}

void StartPage::setRecent(const QStringList& paths) { fill(recent_, paths, tr("none yet")); }
void StartPage::setExamples(const QStringList& paths) { fill(examples_, paths, tr("no examples installed")); }

}  // namespace netloom::ui
