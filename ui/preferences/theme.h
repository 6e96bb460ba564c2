#pragma once
// The studio's look: "system" (the platform's style and palette), "light" or "dark" (both Fusion,
// which draws every widget from the palette, so the dark one is dark throughout).
#include <QColor>
#include <QString>

namespace netloom::ui {

// The colour of errors and refusals, readable on the current palette (dark red on light windows,
// light red on dark ones): every error text takes it from here.
QColor errorColor();
// `text` (plain) as rich text in the error colour, HTML-escaped.
QString errorHtml(const QString& text);

// Applies at once to every open window. The first call remembers the platform's look, so that
// "system" restores it later.
void applyTheme(const QString& theme);

}  // namespace netloom::ui
