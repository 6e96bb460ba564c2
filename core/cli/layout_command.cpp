// netloom-cli layout FILE [--direction TB|LR] [--out FILE]: the studio's layered layout, headless.
#include <cstdio>

#include "cli/commands.h"
#include "graph/graph_analysis.h"
#include "layout/graph_layout.h"
#include "project/project.h"
#include "project/project_checks.h"

namespace netloom::cli {

int layoutCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) {
        err << "usage: netloom-cli layout FILE [--direction TB|LR] [--out FILE]\n";
        return 2;
    }
    std::optional<LayoutDirection> direction;
    if (args.has("direction")) {
        direction = enumFromName<LayoutDirection>(args.get("direction"));
        if (!direction) {
            err << "error: --direction must be TB or LR, not \"" << args.get("direction") << "\"\n";
            return 2;
        }
    }
    const std::string& path = args.positional[0];
    std::optional<Project> loaded = loadProjectFor(path, err);
    if (!loaded) return 2;
    Project project = std::move(*loaded);
    if (direction) project.editor.direction = *direction;

    GraphAnalysis analysis = analyzeProject(project);  // shape labels as the studio shows them
    // A collapsed group is one node of the layout; its layers take its place.
    GraphLayout layout = computeLayout(
        collapseGroups(layoutRequestFor(project.graph, analysis, project.editor.direction), project.editor.groups));
    if (!layout.ok()) {
        err << "error: " << layout.error << "\n";
        return 1;
    }
    placeCollapsedMembers(layout, project.editor.groups, project.graph);
    applyLayout(project.graph, layout);
    std::string target = args.get("out", path);
    if (std::string e = saveProject(project, target); !e.empty()) {
        err << "error: " << e << "\n";
        return 1;
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", layout.seconds);
    out << "Laid out " << project.graph.nodes().size() << " layers and " << project.graph.edges().size() << " edges "
        << nameOf(project.editor.direction) << " in " << seconds << " s (" << static_cast<long>(layout.bounds.width)
        << " x " << static_cast<long>(layout.bounds.height) << "); written to " << target << "\n";
    return 0;
}

}  // namespace netloom::cli
