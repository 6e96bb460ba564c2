#include "project/project_checks.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "graph/layer_registry.h"

namespace netloom {

namespace {

std::string lossProblem(const TrainingSettings& t) {
    const std::vector<LossType> fitting = lossesFor(t.task);
    if (std::find(fitting.begin(), fitting.end(), t.loss) != fitting.end()) return {};
    std::string names;
    for (LossType l : fitting) names += (names.empty() ? "" : ", ") + nameOf(l);
    return "training.loss: \"" + nameOf(t.loss) + "\" does not fit the task " + nameOf(t.task) + " (use " + names + ")";
}

bool isImageKind(const std::string& kind) { return kind == "idx" || kind == "image_folder"; }
bool isTextKind(const std::string& kind) { return kind == "text_csv" || kind == "text_folder"; }

// The single Input and Output with their analysed shapes; null when the graph has not one of each
// or they are broken (the graph's own problems say so).
struct Ends {
    const Node* input = nullptr;
    const Node* output = nullptr;
    const TensorType* in = nullptr;
    const TensorType* out = nullptr;
};

Ends endsOf(const Project& project, const GraphAnalysis& analysis) {
    Ends e;
    std::vector<NodeId> ins = analysis.inputNodes(), outs = analysis.outputNodes();
    if (ins.size() == 1) {
        e.input = project.graph.node(ins[0]);
        auto it = analysis.nodes.find(ins[0]);
        if (it != analysis.nodes.end() && it->second.output) e.in = &*it->second.output;
    }
    if (outs.size() == 1) {
        e.output = project.graph.node(outs[0]);
        auto it = analysis.nodes.find(outs[0]);
        if (it != analysis.nodes.end() && it->second.output) e.out = &*it->second.output;
    }
    return e;
}

// The kind the Input is analysed with (one that follows the data takes the dataset's).
std::string inputKind(const Project& project, const Node& input) {
    const NodeParams params = effectiveParams(input, dataInputOf(project));
    const ParamValue* v = params.find("kind");
    return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : "image";
}

}  // namespace

std::vector<std::string> settingsProblems(const Project& project) {
    std::vector<std::string> problems;
    if (std::string p = lossProblem(project.training); !p.empty()) problems.push_back(p);
    return problems;
}

std::vector<int64_t> expectedSampleShape(const Project& project) {
    const std::string& kind = project.dataset.kind;
    if (isTextKind(kind)) return {project.preprocess.text.length};
    if (!isImageKind(kind)) return {};
    int64_t c = kind == "idx" ? 1 : 0, h = 0, w = 0;
    for (const ImageStep& s : project.preprocess.image) {
        if (!findImageOp(s.op) || !s.problem().empty()) return {};
        if (s.isAugmentation() || s.stage() != ImageStage::Load) continue;
        ParamReader p = s.read();
        if (s.op == "resize") {
            w = p.integer("width");
            h = p.integer("height");
        } else if (s.op == "center_crop" && w > 0 && h > 0) {
            w = std::min(w, p.integer("width"));
            h = std::min(h, p.integer("height"));
        } else if (s.op == "center_crop") {
            w = h = 0;  // smaller images keep their size: the files decide
        }
        if (s.spec().channelsAfter) c = s.spec().channelsAfter(static_cast<int>(c));
    }
    return {c, h, w};
}

std::vector<Problem> preprocessingProblems(const Project& project, const GraphAnalysis& analysis) {
    std::vector<Problem> problems;
    Ends e = endsOf(project, analysis);
    if (!e.input || !e.in) return problems;
    const std::string& kind = project.dataset.kind;
    const std::string want = inputKind(project, *e.input);
    if (isImageKind(kind) && want != "image")
        return {{e.input->id, "the dataset holds images but the Input's kind is " + want + " — set it to image"}};
    if (isTextKind(kind) && want != "tokens")
        return {{e.input->id, "the dataset holds texts but the Input's kind is " + want + " — set it to tokens"}};
    if (kind == "csv" && want != "vector")
        return {{e.input->id, "the dataset is a table but the Input's kind is " + want + " — set it to vector"}};
    std::vector<int64_t> expected = expectedSampleShape(project);
    const std::vector<int64_t>& got = e.in->dims;
    if (isTextKind(kind) && got != expected)
        problems.push_back({e.input->id, "the Input takes " + std::to_string(got.empty() ? 0 : got[0]) +
                                             " tokens but preprocess.text.length makes sequences of " +
                                             std::to_string(expected[0]) + " — set the Input's length to " +
                                             std::to_string(expected[0])});
    if (isImageKind(kind) && expected.size() == 3 && got.size() == 3) {
        if (expected[0] > 0 && got[0] != expected[0])
            problems.push_back({e.input->id, "the Input takes " + std::to_string(got[0]) + " channels but the preprocessing makes " +
                                                 std::to_string(expected[0]) + " — set the Input's channels to " +
                                                 std::to_string(expected[0])});
        if (expected[1] > 0 && (got[1] != expected[1] || got[2] != expected[2]))
            problems.push_back({e.input->id, "the Input takes " + std::to_string(got[2]) + "×" + std::to_string(got[1]) +
                                                 " images but the preprocessing makes " + std::to_string(expected[2]) + "×" +
                                                 std::to_string(expected[1]) + " — set the Input's width and height to match"});
    }
    return problems;
}

std::optional<DataInput> dataInputOf(const Project& project, const DataFacts* facts) {
    const std::string& kind = project.dataset.kind;
    DataInput d;
    if (isImageKind(kind)) d.kind = "image";
    else if (isTextKind(kind)) d.kind = "tokens";
    else if (kind == "csv") d.kind = "vector";
    else return std::nullopt;
    d.dims = expectedSampleShape(project);
    const std::vector<int64_t> read = facts ? facts->sampleShape : std::vector<int64_t>{};
    if (d.dims.empty()) d.dims = read;
    else if (read.size() == d.dims.size())
        for (size_t i = 0; i < d.dims.size(); ++i)
            if (d.dims[i] <= 0) d.dims[i] = read[i];
    if (facts && d.kind == "tokens") d.vocabulary = facts->vocabulary;
    return d;
}

GraphAnalysis analyzeProject(const Project& project, const DataFacts* facts) {
    return analyzeGraph(project.graph, dataInputOf(project, facts));
}

DataFacts DataFacts::of(const DataSummary& summary) {
    DataFacts f;
    f.classes = static_cast<int64_t>(summary.classNames.size());
    if (!summary.problem.empty()) return f;
    f.sampleShape = summary.sampleShape;
    f.targetWidth = summary.targetWidth;
    f.vocabulary = summary.vocabularySize;
    return f;
}

DataFacts DataFacts::ofRunState(const std::string& stateJson) {
    DataFacts f;
    const nlohmann::json state = nlohmann::json::parse(stateJson, nullptr, /*allow_exceptions=*/false);
    if (!state.is_object()) return f;
    if (auto it = state.find("sample_shape"); it != state.end() && it->is_array()) {
        for (const auto& d : *it)
            if (d.is_number_integer() && d.get<int64_t>() > 0) f.sampleShape.push_back(d.get<int64_t>());
            else return DataFacts{};
    }
    if (auto it = state.find("classes"); it != state.end() && it->is_array()) f.classes = static_cast<int64_t>(it->size());
    return f;
}

std::vector<Problem> dataProblems(const Project& project, const GraphAnalysis& analysis, const DataFacts& facts) {
    std::vector<Problem> problems;
    Ends e = endsOf(project, analysis);
    // An Input that follows the data takes the preprocessing's shape first: facts read before the
    // preprocessing last changed say nothing about it.
    if (e.input && e.in && !followsData(*e.input) && !facts.sampleShape.empty() && e.in->dims != facts.sampleShape)
        problems.push_back({e.input->id, "the Input expects " + formatDims(e.in->dims) + " per sample but the data gives " +
                                             formatDims(facts.sampleShape) + " — set the Input to " +
                                             formatDims(facts.sampleShape)});
    if (e.output && e.out) {
        const std::vector<int64_t>& out = e.out->dims;
        const std::string gives = "the Output gives " + formatDims(out) + " values";
        switch (project.training.task) {
        case Task::Classification:
            if (facts.classes > 0 && out != std::vector<int64_t>{facts.classes})
                problems.push_back({e.output->id, gives + " but the data has " + std::to_string(facts.classes) +
                                                      " classes — set the last Dense layer to " +
                                                      std::to_string(facts.classes) + " units"});
            break;
        case Task::Binary:
            if (facts.classes > 0 && facts.classes != 2)
                problems.push_back({e.output->id, "task binary needs 2 classes, the data has " + std::to_string(facts.classes)});
            if (out != std::vector<int64_t>{1})
                problems.push_back({e.output->id, gives + " but task binary needs 1 — set the last Dense layer to 1 unit"});
            break;
        case Task::Regression:
            if (facts.targetWidth > 0 && out != std::vector<int64_t>{facts.targetWidth})
                problems.push_back({e.output->id, gives + " but the target has " + std::to_string(facts.targetWidth) +
                                                      " — set the last Dense layer to " + std::to_string(facts.targetWidth) +
                                                      " units"});
            break;
        case Task::Reconstruction:
            if (!facts.sampleShape.empty() && out != facts.sampleShape)
                problems.push_back({e.output->id, gives + " but a reconstruction must have the sample's shape " +
                                                      formatDims(facts.sampleShape)});
            break;
        }
    }
    if (facts.vocabulary > 0)
        for (const auto& [id, n] : project.graph.nodes()) {
            if (n.type != "Embedding") continue;
            const LayerSpec* spec = LayerRegistry::instance().find(n.type);
            const int64_t size = ParamReader(spec->params, n.params).integer("vocab_size");
            if (size < facts.vocabulary)
                problems.push_back({id, "vocab_size " + std::to_string(size) + " is smaller than the data's vocabulary (" +
                                            std::to_string(facts.vocabulary) + " ids) — set it to at least " +
                                            std::to_string(facts.vocabulary)});
        }
    return problems;
}

}  // namespace netloom
