// Editor speed on a generated 1,000-node graph (issues 6 and 15): open (load + analysis + scene),
// the layered layout (Graphviz dot, as Ctrl+L runs it, here on the GUI thread to time it) applied
// to the canvas, Fit to View, and parameter edits with their re-analysis (the median). A benchmark, not a test.
//   QT_QPA_PLATFORM=offscreen build/bench/bench_editor [NODES]
#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <vector>

#include "canvas/graph_scene.h"
#include "canvas/graph_view.h"
#include "layout/graph_layout.h"
#include "document/graph_document.h"
#include "main_window.h"

using namespace netloom;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const int nodes = argc > 1 ? std::atoi(argv[1]) : 1000;
    // A realistic shape: residual blocks of Dense → ReLU → Dense → Add(skip) → ReLU on vectors.
    Project p;
    p.name = "generated";
    Graph& g = p.graph;
    auto add = [&](const char* type, std::map<std::string, ParamValue> params = {}) {
        Node n;
        n.type = type;
        n.name = g.uniqueName(type);
        n.params = NodeParams(params);
        return g.addNode(n);
    };
    NodeId last = add("Input", {{"kind", std::string("vector")}, {"size", int64_t{64}}});
    while (static_cast<int>(g.nodes().size()) + 6 <= nodes) {
        NodeId d1 = add("Dense"), r1 = add("ReLU"), d2 = add("Dense"), sum = add("Add"), r2 = add("ReLU");
        g.connect(last, d1, 0);
        g.connect(d1, r1, 0);
        g.connect(r1, d2, 0);
        g.connect(d2, sum, 0);
        g.connect(last, sum, 1);
        g.connect(sum, r2, 0);
        last = r2;
    }
    NodeId out = add("Output");
    g.connect(last, out, 0);
    QTemporaryDir dir;
    QString path = dir.filePath("big.netloom");
    saveProject(p, path.toStdString());

    qputenv("NETLOOM_NO_RECOVERY", "1");
    ui::MainWindow window;
    QElapsedTimer t;
    t.start();
    window.openProject(path);
    bool valid = window.document()->analysis().ok();
    QCoreApplication::processEvents();  // scene refresh after the coalesced analysis
    qint64 openMs = t.elapsed();
    t.restart();
    window.show();
    QCoreApplication::processEvents();
    t.restart();
    const LayoutRequest request =
        layoutRequestFor(window.document()->graph(), window.document()->analysis(), LayoutDirection::TopToBottom);
    const GraphLayout computed = computeLayout(request);
    qint64 graphvizMs = t.elapsed();
    t.restart();
    window.document()->autoLayout(LayoutDirection::TopToBottom);
    QCoreApplication::processEvents();
    qint64 layoutMs = t.elapsed();
    t.restart();
    window.view()->fitAll();
    window.view()->viewport()->repaint();
    qint64 fitMs = t.elapsed();
    t.restart();
    // The first Dense's units: every shape label below it changes. The median of 9 edits (65, 66,
    // …), each with its re-analysis and scene refresh; NETLOOM_BENCH_EDITS repeats more (profiling).
    NodeId dense = window.document()->graph().nodeByName("Dense")->id;
    const int edits = qEnvironmentVariableIntValue("NETLOOM_BENCH_EDITS") > 0 ? qEnvironmentVariableIntValue("NETLOOM_BENCH_EDITS") : 9;
    std::vector<qint64> editTimes;
    for (int k = 0; k < edits; ++k) {
        t.restart();
        window.document()->setParameter(dense, QStringLiteral("units"), int64_t{65 + k});
        QCoreApplication::processEvents();
        editTimes.push_back(t.elapsed());
    }
    std::sort(editTimes.begin(), editTimes.end());
    qint64 editMs = editTimes[editTimes.size() / 2];
    std::printf("nodes=%zu edges=%zu valid=%d open_ms=%lld graphviz_ms=%lld layout_ms=%lld fit_ms=%lld edit_ms=%lld "
                "(graphviz alone: %.3f s)\n",
                window.document()->graph().nodes().size(), window.document()->graph().edges().size(), valid,
                static_cast<long long>(openMs), static_cast<long long>(graphvizMs), static_cast<long long>(layoutMs),
                static_cast<long long>(fitMs), static_cast<long long>(editMs), computed.seconds);
    return 0;
}
