#include "preferences/preferences.h"

#include <QSettings>
#include <algorithm>

namespace netloom::ui {

namespace {
// The keys predate this file in one case (autosaveSeconds); they stay flat for that reason.
const char* kLanguage = "language";
const char* kTheme = "theme";
const char* kDevice = "defaultDevice";
const char* kThreads = "defaultThreads";
const char* kAutosave = "autosaveSeconds";
}  // namespace

Preferences Preferences::load() {
    const QSettings s;
    Preferences p;
    p.language = s.value(QLatin1String(kLanguage), p.language).toString();
    p.theme = s.value(QLatin1String(kTheme), p.theme).toString();
    p.device = s.value(QLatin1String(kDevice), p.device).toString();
    p.threads = std::max(0, s.value(QLatin1String(kThreads), p.threads).toInt());
    p.autosaveSeconds = std::max(0, s.value(QLatin1String(kAutosave), p.autosaveSeconds).toInt());
    return p;
}

void Preferences::save() const {
    QSettings s;
    s.setValue(QLatin1String(kLanguage), language);
    s.setValue(QLatin1String(kTheme), theme);
    s.setValue(QLatin1String(kDevice), device);
    s.setValue(QLatin1String(kThreads), threads);
    s.setValue(QLatin1String(kAutosave), autosaveSeconds);
}

bool Preferences::operator==(const Preferences& o) const {
    return language == o.language && theme == o.theme && device == o.device && threads == o.threads &&
           autosaveSeconds == o.autosaveSeconds;
}

}  // namespace netloom::ui
