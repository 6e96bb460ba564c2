// netloom: the studio. Parses the command line, sets the language and theme, and opens the main
// window; nothing else.
#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTimer>
#include <cstdio>

#include "main_window.h"
#include "preferences/language.h"
#include "preferences/preferences.h"
#include "preferences/theme.h"
#include "train/cpu_threads.h"
#include "version.h"

int main(int argc, char** argv) {
    netloom::configureMalloc();  // before any thread: training runs on a worker thread
    QApplication app(argc, argv);
    QApplication::setApplicationName("Netloom");
    QApplication::setOrganizationName("Netloom");
    QApplication::setApplicationVersion(NETLOOM_VERSION);

    // The language first, so that --help is already translated: --lang, else Preferences, else the system.
    QCommandLineOption lang("lang", QString(), "LANG");  // described below, once translated
    {
        QCommandLineParser early;  // reads only --lang; the real parser below reports unknown options
        early.addOption(lang);
        early.parse(QApplication::arguments());
        const QString wanted = early.value(lang);
        const QString used = netloom::ui::installTranslations(wanted);
        if (!wanted.isEmpty() && QLocale(wanted).language() != QLocale(used).language())
            fprintf(stderr, "netloom: %s\n",
                    qPrintable(QApplication::translate("main", "no translation for \"%1\"; using English").arg(wanted)));
    }
    netloom::ui::applyTheme(netloom::ui::Preferences::load().theme);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Design, train and deploy neural networks."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("file", QApplication::translate("main", "Project file (.netloom) to open."));
    QCommandLineOption screenshot("screenshot",
                                  QApplication::translate("main", "Save a PNG of the window to FILE and quit (docs, tests)."),
                                  "FILE");
    parser.addOption(screenshot);
    QCommandLineOption mode("mode",
                            QApplication::translate("main", "Open in MODE: design, data, preprocessing or train."), "MODE",
                            "design");
    parser.addOption(mode);
    QCommandLineOption delay("screenshot-delay",
                             QApplication::translate("main", "Wait MS milliseconds before the screenshot (default 300)."),
                             "MS", "300");
    parser.addOption(delay);
    lang.setDescription(QApplication::translate("main", "Use language LANG (en, de, fr) instead of the preference."));
    parser.addOption(lang);
    parser.process(app);
    const QStringList modes = {"design", "data", "preprocessing", "train"};
    if (!modes.contains(parser.value(mode))) {
        fprintf(stderr, "netloom: %s\n",
                qPrintable(QApplication::translate("main", "--mode must be one of design, data, preprocessing, train (got \"%1\")")
                               .arg(parser.value(mode))));
        return 2;
    }

    netloom::ui::MainWindow window;
    if (!parser.positionalArguments().isEmpty() && !window.openProject(parser.positionalArguments().first()))
        return parser.isSet(screenshot) ? 2 : 1;
    window.show();
    window.showMode(static_cast<netloom::ui::MainWindow::Mode>(modes.indexOf(parser.value(mode))));
    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        QTimer::singleShot(parser.value(delay).toInt(), &window, [&window, path] {
            const bool saved = window.grab().save(path, "PNG");
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
