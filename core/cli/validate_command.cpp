// netloom-cli validate FILE: summary and exit 0, every problem and exit 1, unreadable file exit 2.
#include "cli/commands.h"
#include "graph/graph_analysis.h"
#include "graph/model_summary.h"
#include "project/project.h"

namespace netloom::cli {

int validateCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) {
        err << "usage: netloom-cli validate FILE\n";
        return 2;
    }
    std::optional<Project> loaded = loadProjectFor(args.positional[0], err);
    if (!loaded) return 2;
    const Project& project = *loaded;
    GraphAnalysis analysis = analyzeGraph(project.graph);
    out << formatSummary(project.graph, analysis, project.name.empty() ? args.positional[0] : project.name);
    if (!analysis.ok()) {
        err << analysis.problems.size() << (analysis.problems.size() == 1 ? " problem" : " problems") << ":\n";
        for (const Problem& p : analysis.problems) {
            const Node* n = project.graph.node(p.node);
            err << "  " << (n ? "node " + std::to_string(p.node) + ": " : std::string("graph: ")) << p.message << "\n";
        }
        return 1;
    }
    out << "OK: the network is valid.\n";
    return 0;
}

}  // namespace netloom::cli
