#pragma once
// Edit ▸ Preferences…: language (at next start), theme (at once), the default device and CPU
// threads for trainings whose project leaves them to the machine, and the autosave interval.
// OK saves to QSettings and applies the theme; the main window applies the rest.
#include <QDialog>

#include "preferences/preferences.h"

class QComboBox;
class QSpinBox;

namespace netloom::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    Preferences value() const;          // what the dialog shows now
    void setValue(const Preferences& p);

    void accept() override;

private:
    QComboBox *language_, *theme_, *device_;
    QSpinBox *threads_, *autosave_;
};

}  // namespace netloom::ui
