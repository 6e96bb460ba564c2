#include "preferences/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace netloom::ui {

namespace {

struct PlatformLook {
    QString style;
    QPalette palette;
};

const PlatformLook& platformLook() {
    static const PlatformLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

QPalette darkPalette() {
    const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), disabled(130, 130, 130);
    const QColor highlight(42, 130, 218);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 80, 80));
    p.setColor(QPalette::Light, QColor(70, 70, 74));
    p.setColor(QPalette::Midlight, QColor(58, 58, 62));
    p.setColor(QPalette::Mid, QColor(40, 40, 42));
    p.setColor(QPalette::Dark, QColor(25, 25, 26));
    p.setColor(QPalette::Shadow, QColor(10, 10, 10));
    p.setColor(QPalette::Link, QColor(90, 160, 240));
    p.setColor(QPalette::LinkVisited, QColor(160, 120, 230));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 80, 80));
    return p;
}

}  // namespace

void applyTheme(const QString& theme) {
    static bool changed = false;  // until a theme is chosen, the platform keeps full control
    const PlatformLook& platform = platformLook();
    if (theme == QLatin1String("dark") || theme == QLatin1String("light")) {
        changed = true;
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(theme == QLatin1String("dark") ? darkPalette() : QApplication::style()->standardPalette());
    } else if (changed) {
        if (QApplication::style()->name().compare(platform.style, Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(platform.style));
        QApplication::setPalette(platform.palette);
    }
}

QColor errorColor() {
    const bool darkWindow = QApplication::palette().color(QPalette::Window).lightness() < 128;
    return darkWindow ? QColor(255, 120, 120) : QColor(176, 0, 32);
}

QString errorHtml(const QString& text) {
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(errorColor().name(), text.toHtmlEscaped());
}

}  // namespace netloom::ui
