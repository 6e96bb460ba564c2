// netloom: the studio. Parses the command line and opens the main window; nothing else.
#include <QApplication>
#include <QCommandLineParser>

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
    parser.process(app);

    netloom::ui::MainWindow window;
    if (!parser.positionalArguments().isEmpty()) window.openProject(parser.positionalArguments().first());
    window.show();
    return app.exec();
}
