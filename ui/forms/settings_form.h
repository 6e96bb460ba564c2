#pragma once
// A form over part of the project's settings vocabulary (core/project/settings.h): one labelled
// editor per setting under the given key prefixes, with the declared ranges and choices. An edit
// changes that one setting, as one undoable step; the form follows the document without rebuilding,
// and settings that do not apply (momentum for Adam) are greyed out.
#include <QWidget>
#include <map>
#include <string>
#include <vector>

#include "graph/param.h"

class QFormLayout;
class QLabel;

namespace netloom::ui {

class GraphDocument;
class ParamEditor;

class SettingsForm : public QWidget {
    Q_OBJECT
public:
    SettingsForm(GraphDocument* doc, const std::vector<std::string>& prefixes, QWidget* parent = nullptr);

    // The editor of a setting ("training.epochs"), or null (tests type into its field).
    ParamEditor* editor(const std::string& key) const;
    // Shows the document's values (called on every change of the document's settings).
    void showValues();

private:
    void apply(const std::string& key, const netloom::ParamValue& value);

    GraphDocument* doc_;
    QFormLayout* form_;
    QLabel* message_;
    std::map<std::string, ParamEditor*> editors_;
};

// The translated label of a setting's declaration.
QString settingLabel(const std::string& key);

}  // namespace netloom::ui
