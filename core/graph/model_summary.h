#pragma once
// A Keras-style text summary of an analysed graph: layer, type, output shape, parameters.
#include <string>

#include "graph/graph_analysis.h"

namespace netloom {

std::string formatSummary(const Graph& graph, const GraphAnalysis& analysis, const std::string& title);
// 54410 → "54,410"
std::string withThousands(int64_t n);

}  // namespace netloom
