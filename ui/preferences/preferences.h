#pragma once
// What the user chose in Edit ▸ Preferences, kept in QSettings. Language and theme are applied at
// startup by app/netloom_main.cpp (language.h, theme.h); the rest is read where it is used.
#include <QString>

namespace netloom::ui {

struct Preferences {
    QString language;                // "" follows the system locale; otherwise "en", "de", "fr"
    QString theme = QStringLiteral("system");   // "system", "light" or "dark"
    QString device = QStringLiteral("auto");    // for trainings whose project says "auto": auto, cpu, cuda
    int threads = 0;                 // CPU threads for trainings whose project says 0; 0 = one per core
    int autosaveSeconds = 60;        // how often unsaved work goes to the recovery file; 0 = never

    static Preferences load();
    void save() const;
    bool operator==(const Preferences& o) const;
};

}  // namespace netloom::ui
