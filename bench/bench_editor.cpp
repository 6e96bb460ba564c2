// Editor speed on a generated 1,000-node graph (issue 6): open (load + analysis + scene),
// auto-layout, and one parameter edit with its re-analysis. A benchmark, not a test.
//   QT_QPA_PLATFORM=offscreen build/bench/bench_editor [NODES]
#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdio>

#include "canvas/graph_scene.h"
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
    window.document()->autoLayout();
    QCoreApplication::processEvents();
    qint64 layoutMs = t.elapsed();
    t.restart();
    NodeId dense = window.document()->graph().nodeByName("Dense")->id;
    window.document()->setParameter(dense, QStringLiteral("units"), int64_t{65});
    QCoreApplication::processEvents();
    qint64 editMs = t.elapsed();
    std::printf("nodes=%zu edges=%zu valid=%d open_ms=%lld autolayout_ms=%lld edit_ms=%lld\n",
                window.document()->graph().nodes().size(), window.document()->graph().edges().size(), valid,
                static_cast<long long>(openMs), static_cast<long long>(layoutMs), static_cast<long long>(editMs));
    return 0;
}
