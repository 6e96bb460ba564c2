// Any bytes given to the project loader give a project or a located error, never a crash; a
// project that loads also survives analysis and a save/load round trip unchanged.
#include <cstdint>
#include <string>

#include "graph/graph_analysis.h"
#include "project/project.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    netloom::ProjectLoad load = netloom::parseProject(text);
    if (!load.ok()) {
        if (load.error.empty()) __builtin_trap();  // a refusal must say why
        return 0;
    }
    netloom::analyzeGraph(load.project->graph);
    netloom::ProjectLoad again = netloom::parseProject(netloom::serializeProject(*load.project));
    if (!again.ok() || !(*again.project == *load.project)) __builtin_trap();
    return 0;
}
