#pragma once
// QCustomPlot's header uses the `signals`/`slots`/`emit`/`foreach` keywords, which Netloom turns off
// (QT_NO_KEYWORDS, so names like Torch's `slots` never collide). Map them for this one header.
#ifndef signals
#define signals Q_SIGNALS
#define NETLOOM_UNDEF_SIGNALS
#endif
#ifndef slots
#define slots Q_SLOTS
#define NETLOOM_UNDEF_SLOTS
#endif
#ifndef emit
#define emit
#define NETLOOM_UNDEF_EMIT
#endif
#ifndef foreach
#define foreach Q_FOREACH
#define NETLOOM_UNDEF_FOREACH
#endif
#include <qcustomplot.h>
#ifdef NETLOOM_UNDEF_SIGNALS
#undef signals
#undef NETLOOM_UNDEF_SIGNALS
#endif
#ifdef NETLOOM_UNDEF_SLOTS
#undef slots
#undef NETLOOM_UNDEF_SLOTS
#endif
#ifdef NETLOOM_UNDEF_FOREACH
#undef foreach
#undef NETLOOM_UNDEF_FOREACH
#endif
#ifdef NETLOOM_UNDEF_EMIT
#undef emit
#undef NETLOOM_UNDEF_EMIT
#endif
