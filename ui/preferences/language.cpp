#include "preferences/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

#include "preferences/preferences.h"

// The catalogues are a resource of netloom_ui, a static library: this reference keeps them linked.
// (Q_INIT_RESOURCE cannot be used inside a namespace.)
static void initTranslationResources() { Q_INIT_RESOURCE(netloom_translations); }

namespace netloom::ui {

namespace {

// The translators this file installed, removed again by the next call.
QList<QPointer<QTranslator>>& installed() {
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

bool install(const QLocale& locale, const QString& name, const QStringList& dirs) {
    auto* translator = new QTranslator(QCoreApplication::instance());
    for (const QString& dir : dirs)
        if (translator->load(locale, name, QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(translator);
            installed() << translator;
            return true;
        }
    delete translator;
    return false;
}

}  // namespace

QList<LanguageChoice> shippedLanguages() {
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("fr"), QStringLiteral("Français")}};
}

QStringList translationSearchPath() {
    return {QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/netloom/translations")),
            QStringLiteral("/usr/share/netloom/translations")};
}

QString installTranslations(const QString& code) {
    for (const QPointer<QTranslator>& t : installed()) {
        if (!t) continue;
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    installed().clear();
    initTranslationResources();

    QString wanted = code.isEmpty() ? Preferences::load().language : code;
    const QLocale locale = wanted.isEmpty() ? QLocale::system() : QLocale(wanted);
    // English is the source language: nothing to load. (uiLanguages, not language(): a system
    // set to LANGUAGE=de:en with an English locale wants German.)
    const QString first = locale.uiLanguages().value(0, QStringLiteral("en"));
    if (first.startsWith(QLatin1String("en")) || locale.language() == QLocale::C) return QStringLiteral("en");

    QStringList ownDirs{QStringLiteral(":/i18n")};
    ownDirs += translationSearchPath();
    if (!install(locale, QStringLiteral("netloom"), ownDirs)) return QStringLiteral("en");
    // Qt's own strings (standard buttons, file dialogs): Debian ships them in qt6-translations-l10n,
    // which may not be installed; the studio works without them.
    install(locale, QStringLiteral("qtbase"), {QLibraryInfo::path(QLibraryInfo::TranslationsPath)});
    // ":/i18n/netloom_de.qm" → "de"
    return QFileInfo(installed().front()->filePath()).completeBaseName().section(QLatin1Char('_'), 1);
}

}  // namespace netloom::ui
