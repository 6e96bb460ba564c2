// Edit ▸ Preferences: what the dialog shows and stores (QSettings), the theme applied at once,
// and what the main window takes from it: the autosave interval and the training defaults.
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>
#include <QTimer>

#include "main_window.h"
#include "preferences/preferences.h"
#include "preferences/preferences_dialog.h"
#include "preferences/theme.h"
#include "training/training_panel.h"

using namespace netloom::ui;

class TestPreferences : public QObject {
    Q_OBJECT

private:
    QPalette platformPalette_;
    QString platformStyle_;

    static void choose(PreferencesDialog& d, const char* combo, const QString& data) {
        auto* box = d.findChild<QComboBox*>(QLatin1String(combo));
        QVERIFY(box);
        const int i = box->findData(data);
        QVERIFY2(i >= 0, qPrintable(data));
        box->setCurrentIndex(i);
    }
    static void setSpin(PreferencesDialog& d, const char* spin, int value) {
        auto* box = d.findChild<QSpinBox*>(QLatin1String(spin));
        QVERIFY(box);
        box->setValue(value);
    }
    static QString deviceLine(const MainWindow& w) {
        for (QLabel* l : w.trainingPanel()->findChildren<QLabel*>())
            if (l->text().startsWith(QLatin1String("Device: "))) return l->text();
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // ~/.qttest, never the user's settings
        QSettings settings;
        QVERIFY2(settings.fileName().contains(QLatin1String("/.qttest/")), qPrintable(settings.fileName()));
        settings.clear();
        platformPalette_ = QApplication::palette();
        platformStyle_ = QApplication::style()->name();
    }

    void cleanup() {
        QSettings().clear();
        applyTheme(QStringLiteral("system"));
    }

    void defaultsWhenNothingIsStored() {
        const Preferences p = Preferences::load();
        QCOMPARE(p.language, QString());
        QCOMPARE(p.theme, QStringLiteral("system"));
        QCOMPARE(p.device, QStringLiteral("auto"));
        QCOMPARE(p.threads, 0);
        QCOMPARE(p.autosaveSeconds, 60);
        QVERIFY(PreferencesDialog().value() == p);
    }

    void theDialogShowsWhatIsStored() {
        Preferences p;
        p.language = QStringLiteral("fr");
        p.theme = QStringLiteral("light");
        p.device = QStringLiteral("cuda");
        p.threads = 2;
        p.autosaveSeconds = 300;
        p.save();
        QVERIFY(PreferencesDialog().value() == p);
    }

    void okStoresEverythingAndAppliesTheTheme() {
        PreferencesDialog d;
        choose(d, "language", QStringLiteral("de"));
        choose(d, "theme", QStringLiteral("dark"));
        choose(d, "device", QStringLiteral("cpu"));
        setSpin(d, "threads", 2);
        setSpin(d, "autosave", 120);
        d.accept();
        QCOMPARE(d.result(), int(QDialog::Accepted));

        QSettings s;
        QCOMPARE(s.value("language").toString(), QStringLiteral("de"));
        QCOMPARE(s.value("theme").toString(), QStringLiteral("dark"));
        QCOMPARE(s.value("defaultDevice").toString(), QStringLiteral("cpu"));
        QCOMPARE(s.value("defaultThreads").toInt(), 2);
        QCOMPARE(s.value("autosaveSeconds").toInt(), 120);

        QVERIFY2(QApplication::palette().color(QPalette::Window).lightness() < 80,
                 qPrintable(QApplication::palette().color(QPalette::Window).name()));
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
        QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
        QWidget widget;  // a widget made now is dark too
        QVERIFY(widget.palette().color(QPalette::Window).lightness() < 80);

        PreferencesDialog light;
        choose(light, "theme", QStringLiteral("light"));
        light.accept();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);

        PreferencesDialog system;
        choose(system, "theme", QStringLiteral("system"));
        system.accept();
        QCOMPARE(QApplication::style()->name(), platformStyle_);
        QCOMPARE(QApplication::palette().color(QPalette::Window), platformPalette_.color(QPalette::Window));
    }

    void cancelChangesNothing() {
        PreferencesDialog d;
        choose(d, "theme", QStringLiteral("dark"));
        setSpin(d, "autosave", 10);
        d.reject();
        QVERIFY(!QSettings().contains("theme"));
        QCOMPARE(Preferences::load().autosaveSeconds, 60);
        QCOMPARE(QApplication::palette().color(QPalette::Window), platformPalette_.color(QPalette::Window));
    }

    void theMainWindowTakesAutosaveAndTrainingDefaults() {
        Preferences p;
        p.autosaveSeconds = 5;
        p.device = QStringLiteral("cpu");
        p.threads = 3;
        p.save();
        MainWindow w;
        QCOMPARE(w.autosaveIntervalMs(), 5000);
        // A new project says device "auto" and 0 threads: the preferences fill both in.
        QCOMPARE(deviceLine(w), QStringLiteral("Device: CPU, 3 threads"));

        // Edit ▸ Preferences… (Ctrl+,): the dialog's OK applies at once, no restart.
        QAction* action = nullptr;
        for (QAction* a : w.menuBar()->actions().at(1)->menu()->actions())
            if (a->shortcut() == QKeySequence(QStringLiteral("Ctrl+,"))) action = a;
        QVERIFY(action);
        bool answered = false;
        QTimer::singleShot(0, &w, [&] {
            auto* d = w.findChild<PreferencesDialog*>();
            QVERIFY(d);
            setSpin(*d, "autosave", 0);
            setSpin(*d, "threads", 1);
            d->accept();
            answered = true;
        });
        action->trigger();
        QVERIFY(answered);
        QCOMPARE(w.autosaveIntervalMs(), 0);  // 0: autosave off
        QCOMPARE(deviceLine(w), QStringLiteral("Device: CPU, 1 threads"));
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
