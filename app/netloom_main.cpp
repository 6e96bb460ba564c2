// netloom: the studio. Parses the command line and opens the main window; nothing else.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "main_window.h"
#include "version.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("Netloom");
    QApplication::setOrganizationName("Netloom");
    QApplication::setApplicationVersion(NETLOOM_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Design, train and deploy neural networks."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("file", QApplication::translate("main", "Project file (.netloom) to open."));
    QCommandLineOption screenshot("screenshot",
                                  QApplication::translate("main", "Save a PNG of the window to FILE and quit (docs, tests)."),
                                  "FILE");
    parser.addOption(screenshot);
    parser.process(app);

    netloom::ui::MainWindow window;
    if (!parser.positionalArguments().isEmpty() && !window.openProject(parser.positionalArguments().first()))
        return parser.isSet(screenshot) ? 2 : 1;
    window.show();
    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        QTimer::singleShot(300, &window, [&window, path] {
            const bool saved = window.grab().save(path, "PNG");
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
