#include "forms/settings_form.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "document/graph_document.h"
#include "forms/param_editor.h"
#include "preferences/theme.h"
#include "project/settings.h"

namespace netloom::ui {

QString settingLabel(const std::string& key) {
    const SettingSpec* spec = findSetting(key);
    return spec ? QCoreApplication::translate("Setting", spec->label.c_str()) : QString::fromStdString(key);
}

SettingsForm::SettingsForm(GraphDocument* doc, const std::vector<std::string>& prefixes, QWidget* parent)
    : QWidget(parent), doc_(doc), form_(new QFormLayout), message_(new QLabel) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form_);
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: %1").arg(errorColor().name()));
    message_->hide();
    layout->addWidget(message_);
    for (const std::string& prefix : prefixes) {
        for (const SettingSpec* spec : settingsUnder(prefix)) {
            auto* editor = new ParamEditor(spec->value, this);
            editor->setObjectName(QString::fromStdString(spec->key));
            editor->field()->setObjectName(QString::fromStdString(spec->key));
            const std::string key = spec->key;
            editor->edited = [this, key](const ParamValue& v) { apply(key, v); };
            editor->rejected = [this, key](const QString& why) {
                message_->setText(tr("%1: %2").arg(settingLabel(key), why));
                message_->show();
            };
            form_->addRow(settingLabel(key), editor);
            editors_[key] = editor;
        }
    }
    showValues();
}

ParamEditor* SettingsForm::editor(const std::string& key) const {
    auto it = editors_.find(key);
    return it == editors_.end() ? nullptr : it->second;
}

void SettingsForm::showValues() {
    const Project& p = doc_->project();
    for (auto& [key, editor] : editors_) {
        const SettingSpec* spec = findSetting(key);
        editor->setValue(spec->get(p));
        const bool relevant = spec->isRelevant(p);
        editor->setEnabled(relevant);
        if (QWidget* label = form_->labelForField(editor)) label->setEnabled(relevant);
    }
}

// Only this setting changes; the undo step merges with the previous edit of the same setting.
void SettingsForm::apply(const std::string& key, const ParamValue& value) {
    ProjectSettings s = doc_->settings();
    Project edited = doc_->project();
    if (std::string why = applySetting(edited, key, value); !why.empty()) {
        message_->setText(QString::fromStdString(why));
        message_->show();
        return;
    }
    message_->hide();
    s.dataset = edited.dataset;
    s.preprocess = edited.preprocess;
    s.training = edited.training;
    doc_->setSettings(s, tr("Change %1").arg(settingLabel(key)), QString::fromStdString(key));
}

}  // namespace netloom::ui
