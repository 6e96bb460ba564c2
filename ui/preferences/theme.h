#pragma once
// The studio's look: "system" (the platform's style and palette), "light" or "dark" (both Fusion,
// which draws every widget from the palette, so the dark one is dark throughout).
#include <QString>

namespace netloom::ui {

// Applies at once to every open window. The first call remembers the platform's look, so that
// "system" restores it later.
void applyTheme(const QString& theme);

}  // namespace netloom::ui
