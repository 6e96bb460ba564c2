// netloom-cli validate FILE: summary and exit 0, every problem and exit 1, unreadable file exit 2.
// Problems are the network's own, the settings', the Input against the preprocessing, and the
// network against the data as the loader reads it (unless --no-data).
#include <algorithm>

#include "cli/commands.h"
#include "data/dataset.h"
#include "graph/graph_analysis.h"
#include "graph/model_summary.h"
#include "project/project.h"
#include "project/project_checks.h"

namespace netloom::cli {

int validateCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) {
        err << "usage: netloom-cli validate FILE [--no-data]\n";
        return 2;
    }
    std::optional<Project> loaded = loadProjectFor(args.positional[0], err);
    if (!loaded) return 2;
    const Project& project = *loaded;
    // The data is read first: an Input that follows the data takes its shape from it.
    std::optional<DataFacts> facts;
    if (project.dataset.kind != "none" && !args.has("no-data")) {
        DatasetLoad load = loadDataset(project);
        if (!load.ok())
            err << "note: the data was not checked against the network: " << load.error << "\n";
        else
            facts = DataFacts::of(load.dataset->summary);
    }
    GraphAnalysis analysis = analyzeProject(project, facts ? &*facts : nullptr);
    out << formatSummary(project.graph, analysis, project.name.empty() ? args.positional[0] : project.name);
    std::vector<Problem> problems = analysis.problems;
    for (const std::string& p : settingsProblems(project)) problems.push_back({0, p});
    for (const Problem& p : preprocessingProblems(project, analysis)) problems.push_back(p);
    if (facts)
        for (const Problem& p : dataProblems(project, analysis, *facts))
            if (std::none_of(problems.begin(), problems.end(),
                             [&](const Problem& q) { return q.node == p.node && q.message == p.message; }))
                problems.push_back(p);
    if (!problems.empty()) {
        err << problems.size() << (problems.size() == 1 ? " problem" : " problems") << ":\n";
        for (const Problem& p : problems) {
            const Node* n = project.graph.node(p.node);
            err << "  " << (n ? "node " + std::to_string(p.node) + " (" + n->name + "): " : std::string("project: ")) << p.message
                << "\n";
        }
        return 1;
    }
    out << "OK: the network is valid" << (project.dataset.kind != "none" && !args.has("no-data") ? " and fits its data" : "")
        << ".\n";
    return 0;
}

}  // namespace netloom::cli
