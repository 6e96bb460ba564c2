#pragma once
// The studio's language: Netloom's own catalogue (netloom_xx.qm, built into the binary, else from
// share/netloom/translations) plus Qt's (qtbase_xx.qm, when the system has it) for the standard
// buttons and dialogs. Called once by app/netloom_main.cpp before any window exists.
#include <QList>
#include <QString>

namespace netloom::ui {

struct LanguageChoice {
    QString code;        // "en", "de", "fr"
    QString nativeName;  // "English", "Deutsch", "Français": shown untranslated, as is the custom
};

// The languages Netloom ships, English (the source language) first.
QList<LanguageChoice> shippedLanguages();

// Installs the translators for `code` ("de", "fr", "en"); empty: the Preferences' language, and
// when that is empty too, the system locale. Replaces what an earlier call installed. Returns the
// language now in use: "en" when the wanted one is English or has no catalogue.
QString installTranslations(const QString& code = {});

// Where an installed Netloom looks for catalogues that are not built in (share/netloom/translations
// next to the executable's bin/, then /usr/share/netloom/translations).
QStringList translationSearchPath();

}  // namespace netloom::ui
