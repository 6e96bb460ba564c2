#pragma once
// One editor for one typed value (a layer parameter, a preprocessing step's parameter, a project
// setting), built from its ParamSpec: the spec's range, choices and help are the editor's. Typed
// text is committed when the user is done (Enter or leaving the field), never keystroke by
// keystroke; a value shown from the model never overwrites a field the user is editing.
#include <QWidget>
#include <functional>

#include "graph/param.h"

class QLineEdit;
class QSpinBox;
class QCheckBox;
class QComboBox;

namespace netloom::ui {

class ParamEditor : public QWidget {
    Q_OBJECT
public:
    // `choiceLabel` turns a choice into its displayed text (default: the choice itself).
    explicit ParamEditor(ParamSpec spec, QWidget* parent = nullptr,
                         std::function<QString(const std::string&)> choiceLabel = {});

    const ParamSpec& spec() const { return spec_; }
    // Choices: the displayed text of each choice (the stored value stays the choice itself).
    void setChoiceLabels(const std::function<QString(const std::string&)>& label);
    // Shows `value` without reporting an edit. A field with keyboard focus keeps what is typed.
    void setValue(const ParamValue& value);
    ParamValue value() const { return value_; }
    // The widget the user types into or clicks (tests drive it).
    QWidget* field() const { return field_; }

    // Called with each value the user commits that passes the spec; `rejected` with the reason
    // when what was typed does not (the field then shows the last good value again).
    std::function<void(const ParamValue&)> edited;
    std::function<void(const QString&)> rejected;

private:
    void commit(const ParamValue& value);
    void commitText();
    void show(const ParamValue& value);
    QString text(const ParamValue& value) const;

    ParamSpec spec_;
    ParamValue value_;
    QWidget* field_ = nullptr;
    QLineEdit* line_ = nullptr;
    QSpinBox* spin_ = nullptr;
    QCheckBox* check_ = nullptr;
    QComboBox* combo_ = nullptr;
    bool showing_ = false;
};

}  // namespace netloom::ui
