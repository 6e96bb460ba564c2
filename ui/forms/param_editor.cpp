#include "forms/param_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>

#include <cmath>
#include <limits>

namespace netloom::ui {

namespace {

// Whole numbers beyond a spin box's int range (seeds) are typed into a line edit instead.
bool fitsSpinBox(const ParamSpec& s) {
    return s.min >= std::numeric_limits<int>::min() && s.max <= std::numeric_limits<int>::max();
}

QString number(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

template <typename T>
QString joined(const std::vector<T>& values, const std::function<QString(const T&)>& one) {
    QStringList parts;
    for (const T& v : values) parts << one(v);
    return parts.join(QStringLiteral(", "));
}

}  // namespace

ParamEditor::ParamEditor(ParamSpec spec, QWidget* parent, std::function<QString(const std::string&)> choiceLabel)
    : QWidget(parent), spec_(std::move(spec)), value_(spec_.defaultValue) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    switch (spec_.kind) {
    case ParamKind::Int:
        if (fitsSpinBox(spec_)) {
            spin_ = new QSpinBox(this);
            spin_->setRange(static_cast<int>(spec_.min), static_cast<int>(spec_.max));
            // Enter, leaving the field or the arrows commit; single keystrokes do not.
            spin_->setKeyboardTracking(false);
            connect(spin_, &QSpinBox::valueChanged, this, [this](int v) {
                if (!showing_) commit(int64_t{v});
            });
            field_ = spin_;
            break;
        }
        [[fallthrough]];
    case ParamKind::Float:
    case ParamKind::Text:
    case ParamKind::IntList:
    case ParamKind::FloatList:
    case ParamKind::TextList:
        line_ = new QLineEdit(this);
        if (spec_.kind == ParamKind::IntList || spec_.kind == ParamKind::FloatList)
            line_->setPlaceholderText(tr("comma-separated, e.g. 0.5, 0.5, 0.5"));
        connect(line_, &QLineEdit::editingFinished, this, &ParamEditor::commitText);
        field_ = line_;
        break;
    case ParamKind::Bool:
        check_ = new QCheckBox(this);
        connect(check_, &QCheckBox::toggled, this, [this](bool on) {
            if (!showing_) commit(on);
        });
        field_ = check_;
        break;
    case ParamKind::Choice:
        combo_ = new QComboBox(this);
        for (const std::string& c : spec_.choices)
            combo_->addItem(choiceLabel ? choiceLabel(c) : QString::fromStdString(c), QString::fromStdString(c));
        connect(combo_, &QComboBox::currentIndexChanged, this, [this](int index) {
            if (!showing_ && index >= 0) commit(combo_->itemData(index).toString().toStdString());
        });
        field_ = combo_;
        break;
    }
    field_->setToolTip(QString::fromStdString(spec_.help));
    layout->addWidget(field_);
    show(value_);
}

void ParamEditor::setChoiceLabels(const std::function<QString(const std::string&)>& label) {
    if (!combo_) return;
    for (int i = 0; i < combo_->count(); ++i) combo_->setItemText(i, label(combo_->itemData(i).toString().toStdString()));
}

void ParamEditor::setValue(const ParamValue& value) {
    value_ = value;
    // The user is typing here: what they type wins; it is committed when they are done.
    if (line_ && line_->hasFocus() && line_->isModified()) return;
    show(value);
}

void ParamEditor::show(const ParamValue& value) {
    showing_ = true;
    if (spin_) {
        if (auto i = std::get_if<int64_t>(&value); i && spin_->value() != *i) spin_->setValue(static_cast<int>(*i));
    } else if (check_) {
        if (auto b = std::get_if<bool>(&value)) check_->setChecked(*b);
    } else if (combo_) {
        if (auto s = std::get_if<std::string>(&value)) combo_->setCurrentIndex(combo_->findData(QString::fromStdString(*s)));
    } else if (line_) {
        QString t = text(value);
        if (line_->text() != t) line_->setText(t);
        line_->setModified(false);
    }
    showing_ = false;
}

QString ParamEditor::text(const ParamValue& value) const {
    if (auto i = std::get_if<int64_t>(&value)) return QString::number(*i);
    if (auto d = std::get_if<double>(&value)) return number(*d);
    if (auto s = std::get_if<std::string>(&value)) return QString::fromStdString(*s);
    if (auto l = std::get_if<std::vector<int64_t>>(&value))
        return joined<int64_t>(*l, [](const int64_t& v) { return QString::number(v); });
    if (auto l = std::get_if<std::vector<double>>(&value)) return joined<double>(*l, [](const double& v) { return number(v); });
    if (auto l = std::get_if<std::vector<std::string>>(&value))
        return joined<std::string>(*l, [](const std::string& v) { return QString::fromStdString(v); });
    return {};
}

// Parses the line edit by the spec's kind; a typo is refused with the reason and the last good
// value comes back.
void ParamEditor::commitText() {
    if (!line_->isModified()) return;
    line_->setModified(false);
    const QString typed = line_->text().trimmed();
    const QStringList parts = typed.split(QLatin1Char(','), Qt::SkipEmptyParts);
    auto refuse = [&](const QString& why) {
        if (rejected) rejected(why);
        show(value_);
    };
    ParamValue v;
    bool ok = true;
    switch (spec_.kind) {
    case ParamKind::Int: v = static_cast<int64_t>(typed.toLongLong(&ok)); break;
    case ParamKind::Float: v = typed.toDouble(&ok); break;
    case ParamKind::Text: v = typed.toStdString(); break;
    case ParamKind::IntList: {
        std::vector<int64_t> list;
        for (const QString& p : parts) {
            list.push_back(p.trimmed().toLongLong(&ok));
            if (!ok) return refuse(tr("\"%1\" is not a whole number").arg(p.trimmed()));
        }
        v = list;
        break;
    }
    case ParamKind::FloatList: {
        std::vector<double> list;
        for (const QString& p : parts) {
            list.push_back(p.trimmed().toDouble(&ok));
            if (!ok) return refuse(tr("\"%1\" is not a number").arg(p.trimmed()));
        }
        v = list;
        break;
    }
    case ParamKind::TextList: {
        std::vector<std::string> list;
        for (const QString& p : parts) list.push_back(p.trimmed().toStdString());
        v = list;
        break;
    }
    default: return;
    }
    if (!ok) return refuse(tr("\"%1\" is not a number").arg(typed));
    commit(v);
}

void ParamEditor::commit(const ParamValue& v) {
    std::string why = checkParamValue(spec_, v);
    if (!why.empty()) {
        if (rejected) rejected(QString::fromStdString(why));
        show(value_);
        return;
    }
    if (v == value_) return;
    value_ = v;
    if (edited) edited(v);
}

}  // namespace netloom::ui
