// netloom: the studio. Parses the command line, sets the language and theme, and opens the main
// window; nothing else.
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QTimer>
#include <cstdio>
#include <cstring>

#include "canvas/graph_scene.h"
#include "main_window.h"
#include "preferences/language.h"
#include "preferences/preferences.h"
#include "preferences/theme.h"
#include "train/cpu_threads.h"
#include "version.h"

namespace {

struct StudioOptions {
    QCommandLineOption screenshot, mode, delay, graphImage;
};

// The language first, so that --help is already translated: --lang, else Preferences, else the system.
void installLanguage(const QCommandLineOption& lang) {
    QCommandLineParser early;  // reads only --lang; the real parser reports unknown options
    early.addOption(lang);
    early.parse(QCoreApplication::arguments());
    const QString wanted = early.value(lang);
    const QString used = netloom::ui::installTranslations(wanted);
    if (!wanted.isEmpty() && QLocale(wanted).language() != QLocale(used).language())
        fprintf(stderr, "netloom: %s\n",
                qPrintable(QCoreApplication::translate("main", "no translation for \"%1\"; using English").arg(wanted)));
}

// The studio's command line, described once for both start-ups in main(). Call after installLanguage.
StudioOptions describeOptions(QCommandLineParser& parser, QCommandLineOption& lang) {
    parser.setApplicationDescription(QCoreApplication::translate("main", "Design, train and deploy neural networks."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("file", QCoreApplication::translate("main", "Project file (.netloom) to open."));
    StudioOptions o{
        QCommandLineOption("screenshot",
                           QCoreApplication::translate("main", "Save a PNG of the window to FILE and quit (docs, tests)."), "FILE"),
        QCommandLineOption("mode", QCoreApplication::translate("main", "Open in MODE: design, data, preprocessing or train."),
                           "MODE", "design"),
        QCommandLineOption("screenshot-delay",
                           QCoreApplication::translate("main", "Wait MS milliseconds before the screenshot (default 300)."), "MS",
                           "300"),
        QCommandLineOption("graph-image",
                           QCoreApplication::translate("main", "Save a PNG of the whole graph at full size to FILE and quit (docs)."),
                           "FILE"),
    };
    parser.addOption(o.screenshot);
    parser.addOption(o.mode);
    parser.addOption(o.delay);
    parser.addOption(o.graphImage);
    lang.setDescription(QCoreApplication::translate("main", "Use language LANG (en, de, fr) instead of the preference."));
    parser.addOption(lang);
    return o;
}

// --help and --version only print, and must work where there is no display (ssh, CI, a package
// check): QApplication aborts there for want of a platform plugin, QCoreApplication does not.
bool onlyPrints(int argc, char** argv) {
    for (int k = 1; k < argc; ++k) {
        if (std::strcmp(argv[k], "--") == 0) break;
        for (const char* flag : {"-h", "-?", "--help", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[k], flag) == 0) return true;
    }
    return false;
}

void setIdentity() {
    QCoreApplication::setApplicationName("Netloom");
    QCoreApplication::setOrganizationName("Netloom");
    QCoreApplication::setApplicationVersion(NETLOOM_VERSION);
}

}  // namespace

int main(int argc, char** argv) {
    QCommandLineOption lang("lang", QString(), "LANG");  // described once translated
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        installLanguage(lang);
        QCommandLineParser parser;
        describeOptions(parser, lang);
        parser.process(app);  // prints the help or the version and exits
        return 0;
    }

    netloom::configureMalloc();  // before any thread: training runs on a worker thread
    QApplication app(argc, argv);
    setIdentity();
    installLanguage(lang);
    netloom::ui::applyTheme(netloom::ui::Preferences::load().theme);

    QCommandLineParser parser;
    const StudioOptions options = describeOptions(parser, lang);
    parser.process(app);
    const QStringList modes = {"design", "data", "preprocessing", "train"};
    if (!modes.contains(parser.value(options.mode))) {
        fprintf(stderr, "netloom: %s\n",
                qPrintable(QCoreApplication::translate("main", "--mode must be one of design, data, preprocessing, train (got \"%1\")")
                               .arg(parser.value(options.mode))));
        return 2;
    }

    netloom::ui::MainWindow window;
    if (!parser.positionalArguments().isEmpty() && !window.openProject(parser.positionalArguments().first()))
        return parser.isSet(options.screenshot) || parser.isSet(options.graphImage) ? 2 : 1;
    window.show();
    window.showMode(static_cast<netloom::ui::MainWindow::Mode>(modes.indexOf(parser.value(options.mode))));
    if (parser.isSet(options.screenshot)) {
        const QString path = parser.value(options.screenshot);
        QTimer::singleShot(parser.value(options.delay).toInt(), &window, [&window, path] {
            const bool saved = window.grab().save(path, "PNG");
            QApplication::exit(saved ? 0 : 1);
        });
    }
    if (parser.isSet(options.graphImage)) {
        // The canvas's whole scene at 1:1, after the delay (the routes of a laid-out file arrive from
        // a worker thread), on the theme's base colour.
        const QString path = parser.value(options.graphImage);
        QTimer::singleShot(parser.value(options.delay).toInt(), &window, [&window, path] {
            QGraphicsScene* scene = window.scene();
            scene->clearSelection();
            const QRectF area = scene->itemsBoundingRect().adjusted(-24, -24, 24, 24);
            QImage image(area.size().toSize(), QImage::Format_ARGB32);
            image.fill(window.palette().color(QPalette::Base));
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            scene->render(&painter, QRectF(QPointF(0, 0), area.size()), area);
            painter.end();
            QApplication::exit(image.save(path, "PNG") ? 0 : 1);
        });
    }
    return app.exec();
}
