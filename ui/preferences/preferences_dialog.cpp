#include "preferences/preferences_dialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>
#include <algorithm>

#include "preferences/language.h"
#include "preferences/theme.h"

namespace netloom::ui {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Preferences)
};

QLabel* note(const QString& text) {
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    label->setFont(f);
    label->setEnabled(false);  // the palette's muted text colour, in every theme
    return label;
}

void selectData(QComboBox* box, const QString& data) { box->setCurrentIndex(std::max(0, box->findData(data))); }

}  // namespace

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("PreferencesDialog"));
    setWindowTitle(Tr::tr("Preferences"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    language_ = new QComboBox;
    language_->setObjectName(QStringLiteral("language"));
    language_->addItem(Tr::tr("System", "language"), QString());
    for (const LanguageChoice& l : shippedLanguages()) language_->addItem(l.nativeName, l.code);
    form->addRow(Tr::tr("&Language"), language_);
    form->addRow(QString(), note(Tr::tr("Takes effect the next time Netloom starts.")));

    theme_ = new QComboBox;
    theme_->setObjectName(QStringLiteral("theme"));
    theme_->addItem(Tr::tr("System", "theme"), QStringLiteral("system"));
    theme_->addItem(Tr::tr("Light"), QStringLiteral("light"));
    theme_->addItem(Tr::tr("Dark"), QStringLiteral("dark"));
    form->addRow(Tr::tr("&Theme"), theme_);

    device_ = new QComboBox;
    device_->setObjectName(QStringLiteral("device"));
    device_->addItem(Tr::tr("Automatic (GPU when available)"), QStringLiteral("auto"));
    device_->addItem(Tr::tr("CPU"), QStringLiteral("cpu"));
    device_->addItem(Tr::tr("GPU (CUDA)"), QStringLiteral("cuda"));
    form->addRow(Tr::tr("Training &device"), device_);
    threads_ = new QSpinBox;
    threads_->setObjectName(QStringLiteral("threads"));
    threads_->setRange(0, std::max(1, QThread::idealThreadCount()) * 2);
    threads_->setSpecialValueText(Tr::tr("one per core"));
    form->addRow(Tr::tr("CPU &threads"), threads_);
    form->addRow(QString(), note(Tr::tr("For trainings whose project leaves the device on \"auto\" and the threads on 0.")));

    autosave_ = new QSpinBox;
    autosave_->setObjectName(QStringLiteral("autosave"));
    autosave_->setRange(0, 3600);
    autosave_->setSingleStep(10);
    autosave_->setSuffix(Tr::tr(" s"));
    autosave_->setSpecialValueText(Tr::tr("never"));
    form->addRow(Tr::tr("&Autosave every"), autosave_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    // Named here too: Qt's own catalogue (qtbase_xx) is not always installed.
    buttons->button(QDialogButtonBox::Ok)->setText(Tr::tr("OK"));
    buttons->button(QDialogButtonBox::Cancel)->setText(Tr::tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    setValue(Preferences::load());
}

Preferences PreferencesDialog::value() const {
    Preferences p;
    p.language = language_->currentData().toString();
    p.theme = theme_->currentData().toString();
    p.device = device_->currentData().toString();
    p.threads = threads_->value();
    p.autosaveSeconds = autosave_->value();
    return p;
}

void PreferencesDialog::setValue(const Preferences& p) {
    selectData(language_, p.language);
    selectData(theme_, p.theme);
    selectData(device_, p.device);
    threads_->setValue(p.threads);
    autosave_->setValue(p.autosaveSeconds);
}

void PreferencesDialog::accept() {
    const Preferences p = value();
    p.save();
    applyTheme(p.theme);
    QDialog::accept();
}

}  // namespace netloom::ui
