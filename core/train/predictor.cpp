#include "train/predictor.h"

#include <nlohmann/json.hpp>

#include "data/csv_table.h"
#include "data/tabular_encoder.h"
#include "graph/graph_analysis.h"
#include "preprocess/image_pipeline.h"
#include "preprocess/text_pipeline.h"
#include "project/project_checks.h"
#include "train/checkpoint.h"
#include "train/network.h"

namespace netloom {

struct Predictor::Impl {
    Project project;
    GraphAnalysis analysis;
    Network net{nullptr};
    std::unique_ptr<ImagePipeline> pipeline;
    std::unique_ptr<TextEncoder> text;
    std::unique_ptr<TabularEncoder> tabular;
    std::vector<std::string> classes;
    Task task = Task::Classification;
    std::vector<int64_t> inputDims;
};

Predictor::Predictor() : impl_(std::make_unique<Impl>()) {}
Predictor::~Predictor() = default;

std::unique_ptr<Predictor> Predictor::open(const Project& project, const std::string& checkpoint, std::string& error) {
    std::unique_ptr<Predictor> p(new Predictor());
    Impl& d = *p->impl_;
    d.project = project;
    CheckpointState state;
    if (std::string e = readCheckpointState(checkpoint, state); !e.empty()) {
        error = e;
        return nullptr;
    }
    // An Input that follows the data takes the shape it was trained with.
    const DataFacts trained = DataFacts::ofRunState(state.stateJson);
    d.analysis = analyzeProject(project, &trained);
    if (!d.analysis.ok()) {
        error = "the network has problems: " + d.analysis.problems[0].message;
        return nullptr;
    }
    try {
        auto st = nlohmann::json::parse(state.stateJson);
        d.classes = st.value("classes", std::vector<std::string>{});
        d.task = enumFromName<Task>(st.value("task", nameOf(project.training.task))).value_or(project.training.task);
        if (st.contains("text")) {
            d.text = TextEncoder::fromJson(st["text"].dump(), error);
            if (!d.text) return nullptr;
        }
        if (st.contains("tabular")) {
            d.tabular = std::make_unique<TabularEncoder>();
            if (!TabularEncoder::fromJson(st["tabular"].dump(), *d.tabular, error)) return nullptr;
        }
    } catch (const std::exception& e) {
        error = checkpoint + ": run state is unreadable (" + e.what() + ")";
        return nullptr;
    }
    d.net = Network(project.graph, d.analysis);
    if (std::string e = loadCheckpoint(checkpoint, *d.net, nullptr, state); !e.empty()) {
        error = e;
        return nullptr;
    }
    d.net->eval();
    d.pipeline = std::make_unique<ImagePipeline>(project.preprocess.image);
    d.inputDims = d.analysis.nodes.at(d.analysis.inputNodes()[0]).output->dims;
    return p;
}

std::vector<Prediction> Predictor::predict(const std::vector<std::string>& inputs) {
    Impl& d = *impl_;
    torch::NoGradGuard noGrad;
    std::vector<Prediction> results;
    for (const std::string& in : inputs) {
        Prediction r;
        r.input = in;
        torch::Tensor x;
        if (d.text) {
            auto ids = d.text->encode(in);
            x = torch::tensor(ids, torch::kInt64).unsqueeze(0);
        } else if (d.tabular) {
            // Split the row as CSV (quotes allowed) against a synthetic header of the right width.
            std::string header;
            for (size_t k = 0; k < d.tabular->columns().size(); ++k) header += (k ? "," : "") + std::string("c") + std::to_string(k);
            try {
                CsvTable t = parseCsv(header + "\n" + in + "\n", "input");
                if (t.rows.empty()) throw std::runtime_error("expected " + std::to_string(d.tabular->columns().size()) + " values");
                std::vector<float> v;
                int64_t missing = 0;
                d.tabular->encode(t.rows[0], v, missing);
                x = torch::tensor(v).unsqueeze(0);
            } catch (const std::exception& e) {
                r.error = std::string("not a CSV row of ") + std::to_string(d.tabular->columns().size()) + " values: " + e.what();
                results.push_back(r);
                continue;
            }
        } else {
            // As the dataset loader decodes, plus: a one-channel network gets gray input.
            std::string error;
            torch::Tensor row = prepareImageFile(in, *d.pipeline, d.project.preprocess.background,
                                                 decodesToGray(*d.pipeline, d.inputDims), error);
            if (!row.defined()) {
                r.error = error;
                results.push_back(r);
                continue;
            }
            torch::Tensor t = row.unsqueeze(0);
            std::vector<int64_t> got(t.sizes().begin() + 1, t.sizes().end());
            if (got != d.inputDims) {
                r.error = "after preprocessing the image is " + formatDims(got) + ", the network expects " +
                          formatDims(d.inputDims) + " — check the resize and colour steps";
                results.push_back(r);
                continue;
            }
            x = d.pipeline->toModelInput(t, false, nullptr);
        }
        torch::Tensor out = d.net->forward(x);
        if (d.task == Task::Classification || d.task == Task::Binary) {
            torch::Tensor probs = d.task == Task::Binary
                                      ? torch::stack({1 - torch::sigmoid(out.view({-1})), torch::sigmoid(out.view({-1}))}, 1)
                                      : torch::softmax(out, 1);
            probs = probs[0].to(torch::kFloat64).contiguous();
            int64_t best = probs.argmax().item<int64_t>();
            for (int64_t k = 0; k < probs.size(0); ++k) {
                std::string name = k < static_cast<int64_t>(d.classes.size()) ? d.classes[k] : std::to_string(k);
                r.probabilities.emplace_back(name, probs[k].item<double>());
            }
            r.label = r.probabilities[best].first;
        } else if (d.task == Task::Reconstruction) {
            r.anomalyScore = (out - x).pow(2).mean().item<double>();
        } else {
            auto flat = out.flatten().to(torch::kFloat64).contiguous();
            r.values.assign(flat.data_ptr<double>(), flat.data_ptr<double>() + flat.numel());
        }
        results.push_back(r);
    }
    return results;
}

}  // namespace netloom
