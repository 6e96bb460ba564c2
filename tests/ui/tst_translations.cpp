// The studio in German and French: the catalogues are built into the binary, installTranslations
// (what main() calls) picks them, and the main window's menus, mode tabs, docks and undo texts
// speak the language. English needs no catalogue; an unknown language falls back to it.
#include <QCoreApplication>
#include <QDockWidget>
#include <QFile>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include "document/graph_document.h"
#include "main_window.h"
#include "preferences/language.h"
#include "preferences/preferences.h"

using namespace netloom::ui;

class TestTranslations : public QObject {
    Q_OBJECT

private:
    static QStringList menuTitles(const MainWindow& w) {
        QStringList titles;
        for (QAction* a : w.menuBar()->actions()) titles << a->text();
        return titles;
    }
    static QMenu* menu(const MainWindow& w, int index) { return w.menuBar()->actions().at(index)->menu(); }
    static QStringList modeTabs(const MainWindow& w) {
        auto* modes = w.findChild<QTabWidget*>(QStringLiteral("Modes"));
        QStringList tabs;
        for (int i = 0; modes && i < modes->count(); ++i) tabs << modes->tabText(i);
        return tabs;
    }
    static QStringList dockTitles(const MainWindow& w) {
        QStringList titles;
        for (QDockWidget* d : w.findChildren<QDockWidget*>()) titles << d->windowTitle();
        titles.sort();
        return titles;
    }
    static QAction* actionWithShortcut(QMenu* m, const QKeySequence& key) {
        for (QAction* a : m->actions())
            if (a->shortcut() == key) return a;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // the preference read below is the test's own
        QSettings settings;
        QVERIFY2(settings.fileName().contains(QLatin1String("/.qttest/")), qPrintable(settings.fileName()));
        settings.clear();
    }

    void cleanup() {
        installTranslations(QStringLiteral("en"));
        QSettings().clear();
    }

    void cataloguesAreBuiltIn() {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/netloom_de.qm")));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/netloom_fr.qm")));
    }

    void germanMainWindow() {
        QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        MainWindow w;
        QCOMPARE(menuTitles(w), QStringList({"&Datei", "&Bearbeiten", "&Ansicht", "&Modell", "&Hilfe"}));
        QCOMPARE(modeTabs(w), QStringList({"Entwurf", "Daten", "Training"}));
        QCOMPARE(dockTitles(w), QStringList({"Ebenen", "Inspektor", "Probleme", "Zusammenfassung"}));
        QVERIFY(w.windowTitle().startsWith(QLatin1String("Unbenannt")));

        // Undo and redo: the menu's label, then the label with the command's own (translated) text.
        QMenu* edit = menu(w, 1);
        QAction* undo = edit->actions().at(0);
        QAction* redo = edit->actions().at(1);
        QCOMPARE(undo->text(), QStringLiteral("&Rückgängig"));
        QCOMPARE(redo->text(), QStringLiteral("&Wiederherstellen"));
        QVERIFY(w.document()->addNode(QStringLiteral("Dense"), {0, 0}));
        QCOMPARE(undo->text(), QStringLiteral("&Rückgängig: Dense hinzufügen"));
        w.document()->undoStack()->undo();
        QCOMPARE(undo->text(), QStringLiteral("&Rückgängig"));
        QCOMPARE(redo->text(), QStringLiteral("&Wiederherstellen: Dense hinzufügen"));

        QAction* preferences = actionWithShortcut(edit, QKeySequence(QStringLiteral("Ctrl+,")));
        QVERIFY(preferences);
        QCOMPARE(preferences->text(), QStringLiteral("E&instellungen…"));
        QCOMPARE(menu(w, 3)->actions().at(0)->text(), QStringLiteral("&Trainieren"));  // Model ▸ Train: the verb

        // Plurals and the command line's strings (main()'s context).
        QCOMPARE(MainWindow::tr("%n problem(s)", nullptr, 1), QStringLiteral("1 Problem"));
        QCOMPARE(MainWindow::tr("%n problem(s)", nullptr, 3), QStringLiteral("3 Probleme"));
        QCOMPARE(QCoreApplication::translate("main", "Design, train and deploy neural networks."),
                 QStringLiteral("Neuronale Netze entwerfen, trainieren und bereitstellen."));
    }

    void frenchMainWindow() {
        QCOMPARE(installTranslations(QStringLiteral("fr")), QStringLiteral("fr"));
        MainWindow w;
        QCOMPARE(menuTitles(w), QStringList({"&Fichier", "É&dition", "&Affichage", "&Modèle", "&Aide"}));
        QCOMPARE(modeTabs(w), QStringList({"Conception", "Données", "Entraînement"}));
        QCOMPARE(menu(w, 1)->actions().at(0)->text(), QStringLiteral("&Annuler"));
    }

    void aSecondCallReplacesTheFirst() {
        installTranslations(QStringLiteral("de"));
        installTranslations(QStringLiteral("fr"));
        QCOMPARE(MainWindow::tr("&File"), QStringLiteral("&Fichier"));
        installTranslations(QStringLiteral("en"));
        QCOMPARE(MainWindow::tr("&File"), QStringLiteral("&File"));
    }

    void englishAndUnknownLanguagesNeedNoCatalogue() {
        QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(menuTitles(MainWindow()), QStringList({"&File", "&Edit", "&View", "&Model", "&Help"}));
        QCOMPARE(installTranslations(QStringLiteral("ja")), QStringLiteral("en"));
        QCOMPARE(MainWindow::tr("&File"), QStringLiteral("&File"));
    }

    void withoutACodeThePreferenceDecides() {
        Preferences p;
        p.language = QStringLiteral("de");
        p.save();
        QCOMPARE(installTranslations(), QStringLiteral("de"));
        QCOMPARE(MainWindow::tr("&File"), QStringLiteral("&Datei"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
