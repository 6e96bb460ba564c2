#include "graph/model_summary.h"

#include <algorithm>
#include <sstream>

namespace netloom {

std::string withThousands(int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (count && count % 3 == 0) out.push_back(',');
        out.push_back(*it);
        ++count;
    }
    if (n < 0) out.push_back('-');
    std::reverse(out.begin(), out.end());
    return out;
}

namespace {

// Display width in terminal columns: "×" is one column but two bytes.
size_t columns(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string pad(const std::string& s, size_t width) {
    size_t w = columns(s);
    return w >= width ? s + " " : s + std::string(width - w, ' ');
}

}  // namespace

std::string formatSummary(const Graph& graph, const GraphAnalysis& analysis, const std::string& title) {
    struct Row { std::string name, type, shape, params; };
    std::vector<Row> rows;
    for (NodeId id : analysis.order) {
        const Node* n = graph.node(id);
        auto it = analysis.nodes.find(id);
        Row r{n->name.empty() ? "#" + std::to_string(id) : n->name, n->type, "?", "0"};
        if (it != analysis.nodes.end()) {
            if (it->second.output) r.shape = "batch×" + it->second.output->toString();
            r.params = withThousands(it->second.params);
        }
        rows.push_back(r);
    }
    size_t w0 = 12, w1 = 16, w2 = 20, w3 = 10;
    for (const Row& r : rows) {
        w0 = std::max(w0, columns(r.name) + 2);
        w1 = std::max(w1, columns(r.type) + 2);
        w2 = std::max(w2, columns(r.shape) + 2);
        w3 = std::max(w3, columns(r.params));
    }
    std::string rule(w0 + w1 + w2 + w3, '-');
    std::ostringstream os;
    os << "Model: " << title << "\n" << rule << "\n";
    os << pad("Layer", w0) << pad("Type", w1) << pad("Output shape", w2) << "Params\n" << rule << "\n";
    for (const Row& r : rows) os << pad(r.name, w0) << pad(r.type, w1) << pad(r.shape, w2) << r.params << "\n";
    os << rule << "\n";
    os << "Total params: " << withThousands(analysis.totalParams) << "\n";
    os << "Trainable params: " << withThousands(analysis.totalParams) << "\n";
    return os.str();
}

}  // namespace netloom
