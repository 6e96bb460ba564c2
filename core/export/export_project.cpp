// exportProject: checkpoint → model.onnx (+ the tensor-input model), sidecars, and the proof:
// ONNX Runtime's answers compared with LibTorch's on real samples, saved as verification.json.

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>

#include <nlohmann/json.hpp>
#include <onnx/checker.h>
#include <onnx/shape_inference/implementation.h>

#include "data/dataset.h"
#include "data/tabular_encoder.h"
#include "export/export_internal.h"
#include "export/onnx_builder.h"
#include "export/onnx_export.h"
#include "export/verifier_process.h"
#include "preprocess/image_pipeline.h"
#include "project/project_checks.h"
#include "train/checkpoint.h"
#include "util/atomic_file.h"
#include "util/data_dirs.h"
#include "version.h"

namespace netloom {

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

// Original images the raw-image model is checked on (as many as the bundle's golden samples and more).
constexpr int64_t kRawImageChecks = 8;

}  // namespace

// Checks and serialises a model; the checker's verdict is an export error, never a written file.
std::string checkAndWriteModel(onnx::ModelProto& model, const std::string& path) {
    try {
        onnx::shape_inference::InferShapes(model);
        onnx::checker::check_model(model);
    } catch (const std::exception& e) {
        return "the ONNX checker refused the model: " + std::string(e.what());
    }
    std::string bytes;
    if (!model.SerializeToString(&bytes)) return "cannot serialise the ONNX model";
    return writeFileAtomically(path, bytes);
}

namespace {

json tensorJson(const torch::Tensor& t) {
    torch::Tensor c = t.contiguous().cpu();
    json j;
    j["dims"] = c.sizes().vec();
    if (c.scalar_type() == torch::kInt64) {
        j["type"] = "int64";
        j["data"] = std::vector<int64_t>(c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel());
    } else if (c.scalar_type() == torch::kUInt8) {
        j["type"] = "uint8";
        j["data"] = std::vector<uint8_t>(c.data_ptr<uint8_t>(), c.data_ptr<uint8_t>() + c.numel());
    } else {
        c = c.to(torch::kFloat32).contiguous();
        j["type"] = "float32";
        j["data"] = std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    }
    return j;
}

struct Run {
    std::string model;       // which file
    std::string what;        // description
    json inputs;             // name → tensor
    torch::Tensor expected;  // LibTorch's main output
};

}  // namespace

std::vector<RawImageCheck> rawImageChecks(const std::vector<GoldenSample>& samples, const Project& project,
                                          const std::vector<int64_t>& inputDims, std::string& error) {
    ImagePipeline pipeline(project.preprocess.image);
    const bool gray = decodesToGray(pipeline, inputDims);
    std::vector<RawImageCheck> checks;
    for (const GoldenSample& s : samples) {
        RawImageCheck c;
        c.rgba = clientRgba(s, error);
        if (!c.rgba.defined()) return {};
        if (s.sourceFile.empty()) {
            c.what = s.split + " row";
            c.studioRow = s.stored;
        } else {
            c.what = std::filesystem::path(s.sourceFile).parent_path().filename().string() + "/" +
                     std::filesystem::path(s.sourceFile).filename().string();
            c.studioRow = prepareImageFile(s.sourceFile, pipeline, project.preprocess.background, gray, error);
            if (!c.studioRow.defined()) {
                error = s.sourceFile + ": " + error;
                return {};
            }
        }
        checks.push_back(std::move(c));
    }
    return checks;
}

std::string verifyModels(NetworkImpl& net, const ImagePipeline& pipeline, const VerificationPlan& plan,
                         const std::vector<torch::Tensor>& batches, const std::vector<RawImageCheck>& rawImages,
                         ExportReport& report) {
    torch::NoGradGuard noGrad;
    net.eval();
    std::vector<Run> runs;
    for (const torch::Tensor& stored : batches) {
        torch::Tensor x = plan.image ? pipeline.toModelInput(stored, false, nullptr) : stored;
        torch::Tensor expected = net.forward(x);
        std::string what = "batch " + std::to_string(stored.size(0));
        runs.push_back({plan.tensorModel, "tensor input, " + what, {{plan.inputName, tensorJson(x)}}, expected});
    }
    // Table rows as clients send them: the server's encoder (in the verifier) against the studio's.
    for (const VerificationPlan::RawRow& r : plan.rawRows) {
        torch::Tensor expected = net.forward(r.studioRow.unsqueeze(0));
        json row = json::object();
        for (const auto& [name, value] : r.values) row[name] = value;
        runs.push_back({plan.tensorModel, "raw row " + r.what,
                        {{plan.inputName, {{"type", "table_rows"}, {"tabular", json::parse(plan.tabular)}, {"rows", json::array({row})}}}},
                        expected});
    }
    // The raw-image model on images as clients send them (any size, RGBA, gray), one at a time,
    // against the studio's own prediction for the same file.
    if (!plan.rawModel.empty())
        for (const RawImageCheck& r : rawImages) {
            torch::Tensor expected = net.forward(pipeline.toModelInput(r.studioRow.unsqueeze(0), false, nullptr));
            runs.push_back({plan.rawModel,
                            "raw image " + r.what + " (" + std::to_string(r.rgba.size(1)) + "×" + std::to_string(r.rgba.size(0)) + ")",
                            {{"image", tensorJson(r.rgba.unsqueeze(0))}}, expected});
        }
    std::unique_ptr<VerifierProcess> own;
    VerifierProcess* verifier = plan.process;
    if (!verifier) {
        std::string error;
        own = VerifierProcess::start({}, error);
        if (!own) return error;
        verifier = own.get();
    }
    // One verifier process for every model: node and ONNX Runtime start once.
    json request = {{"models", json::object()}};
    for (const Run& r : runs) request["models"][r.model]["runs"].push_back({{"inputs", r.inputs}});
    std::string reqPath = plan.outDir + "/.verify-request.json", resPath = plan.outDir + "/.verify-result.json";
    std::ofstream(reqPath) << request.dump();
    std::string runError = verifier->run(reqPath, resPath);
    std::remove(reqPath.c_str());
    if (!runError.empty()) return runError;
    std::map<std::string, json> results;
    try {
        std::ifstream in(resPath);
        json all = json::parse(in);
        report.engine = all.value("engine", "onnxruntime");
        for (auto& [model, result] : all.at("models").items()) results[model] = result;
    } catch (const std::exception& e) {
        return std::string("unreadable verifier result: ") + e.what();
    }
    std::remove(resPath.c_str());
    std::map<std::string, size_t> nextRun;
    bool allPassed = true;
    for (const Run& r : runs) {
        const json& out = results[r.model]["runs"][nextRun[r.model]++]["outputs"][plan.mainOutput];
        std::vector<int64_t> dims = out["dims"].get<std::vector<int64_t>>();
        torch::Tensor got = torch::tensor(out["data"].get<std::vector<float>>()).view(dims);
        ParityCheck c;
        c.what = r.what;
        c.samples = r.expected.size(0);
        if (got.sizes() != r.expected.sizes()) {
            c.maxAbsDiff = INFINITY;
            c.top1Agreement = 0;
        } else {
            c.maxAbsDiff = (got - r.expected).abs().max().item<double>();
            if (plan.classification && r.expected.dim() == 2 && r.expected.size(1) > 1)
                c.top1Agreement = (got.argmax(1) == r.expected.argmax(1)).to(torch::kFloat64).mean().item<double>();
        }
        c.passed = c.maxAbsDiff <= kMaxAbsDiff && c.top1Agreement == 1.0;
        allPassed &= c.passed;
        report.checks.push_back(c);
    }
    json v = {{"engine", report.engine}, {"reference", "LibTorch"}, {"tolerance", kMaxAbsDiff},
              {"passed", allPassed}, {"checks", json::array()}};
    for (const auto& c : report.checks)
        v["checks"].push_back({{"what", c.what}, {"samples", c.samples}, {"max_abs_diff", c.maxAbsDiff},
                               {"top1_agreement", c.top1Agreement}, {"passed", c.passed}});
    report.verificationPath = plan.outDir + "/verification.json";
    writeFileAtomically(report.verificationPath, v.dump(2) + "\n");
    if (!allPassed) return "verification failed: ONNX Runtime and LibTorch disagree (see " + report.verificationPath + ")";
    return {};
}

std::string bundleModelName(const std::string& projectName) {
    std::string out;
    for (char c : projectName) {
        char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
        if (ok) out.push_back(l);
        else if (!out.empty() && out.back() != '-') out.push_back('-');
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.size() > 52) out.resize(52);  // room for the "-triton" suffix within 63
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "model" : out;
}

ExportReport exportProject(const Project& project, const std::string& checkpoint, const ExportOptions& options) {
    ExportReport report;
    auto start = Clock::now();
    auto fail = [&](const std::string& why, NodeId node = 0) {
        report.error = why;
        report.failedNode = node;
        return report;
    };
    GraphAnalysis analysis = analyzeProject(project);
    if (!analysis.ok()) return fail("the network has problems: " + analysis.problems[0].message, analysis.problems[0].node);
    // The verifier starts first: node and ONNX Runtime come up while the checkpoint is read.
    std::unique_ptr<VerifierProcess> verifier;
    if (options.verify) {
        std::string error;
        verifier = VerifierProcess::start(options.verifier, error);
        if (!verifier) return fail(error);
    }
    // The checkpoint and the verification samples are read while the network is built.
    auto checkpointRead = std::async(std::launch::async, [&checkpoint] {
        auto file = std::make_unique<CheckpointFile>();
        std::string error = readCheckpoint(checkpoint, *file);
        return std::make_pair(std::move(file), error);
    });
    std::future<DatasetLoad> samplesRead;
    if (options.verify) samplesRead = std::async(std::launch::async, [&project] { return loadDataset(project, /*testSplitOnly=*/true); });
    auto [file, readError] = checkpointRead.get();
    if (!readError.empty()) return fail(readError);
    // An Input that follows the data takes the shape it was trained with.
    const DataFacts trained = DataFacts::ofRunState(file->state.stateJson);
    analysis = analyzeProject(project, &trained);
    if (!analysis.ok()) return fail("the network has problems: " + analysis.problems[0].message, analysis.problems[0].node);
    Network net(project.graph, analysis);
    if (std::string e = applyCheckpoint(*file, *net, nullptr); !e.empty()) return fail(e);
    const CheckpointState state = file->state;
    file.reset();  // the archive holds the optimizer's state too: free it before the models are built
    json runState;
    try {
        runState = json::parse(state.stateJson);
    } catch (const std::exception& e) {
        return fail(checkpoint + ": run state is unreadable (" + e.what() + ")");
    }
    net->eval();
    torch::NoGradGuard noGrad;

    std::error_code dirError;
    std::filesystem::create_directories(options.outDir, dirError);
    if (dirError) return fail("cannot create " + options.outDir + ": " + dirError.message());
    OnnxBuildOptions build;
    build.task = enumFromName<Task>(runState.value("task", nameOf(project.training.task))).value_or(project.training.task);
    build.classNames = runState.value("classes", std::vector<std::string>{});
    json preprocessDescription = {{"image", json::parse(serializeProject(project))["preprocess"]["image"]}};
    if (runState.contains("text")) preprocessDescription["text"] = runState["text"];
    const bool table = runState.contains("tabular");
    if (table) {
        // Re-read and written out whole: a checkpoint of an older version lacks some of what the
        // bundled server reads (the spellings of a missing value).
        TabularEncoder encoder;
        std::string error;
        if (!TabularEncoder::fromJson(runState["tabular"].dump(), encoder, error)) return fail(checkpoint + ": " + error);
        preprocessDescription["tabular"] = json::parse(encoder.toJson());
        preprocessDescription["tabular"]["target"] = project.dataset.target;
    }
    build.metadata["preprocessing"] = preprocessDescription.dump();
    build.metadata["project"] = project.name;
    // The data version the weights were trained on (image folders: the sample cache's fingerprint).
    const std::string dataFingerprint = runState.value("data_fingerprint", std::string());
    if (!dataFingerprint.empty()) build.metadata["data_fingerprint"] = dataFingerprint;

    const TensorType& inType = *analysis.nodes.at(analysis.inputNodes()[0]).output;
    const bool image = inType.dtype == DType::Float32 && inType.rank() == 3;
    std::string rawUnsupported = rawImageUnsupportedReason(project.preprocess);
    const bool raw = image && options.rawImageInput && rawUnsupported.empty();

    // The tensor-input model always; the raw-image model as model.onnx when it applies.
    report.modelPath = options.outDir + "/" + (raw ? "model_tensor.onnx" : "model.onnx");
    onnx::ModelProto tensorModel;
    OnnxBuildResult tensorBuild = buildOnnxModel(project.graph, analysis, *net, build, tensorModel);
    if (!tensorBuild.error.empty()) return fail(tensorBuild.error, tensorBuild.node);
    if (std::string e = checkAndWriteModel(tensorModel, report.modelPath); !e.empty()) return fail(e);
    if (verifier) verifier->load(report.modelPath);
    if (raw) {
        onnx::ModelProto rawModel;
        OnnxBuildResult rawBuild = withRawImageInput(tensorModel, project.preprocess, rawModel);
        if (!rawBuild.error.empty()) return fail(rawBuild.error, rawBuild.node);
        report.rawModelPath = options.outDir + "/model.onnx";
        if (std::string e = checkAndWriteModel(rawModel, report.rawModelPath); !e.empty()) return fail(e);
        if (verifier) verifier->load(report.rawModelPath);
    }

    // Sidecars: labels and the fitted preprocessing (vocabulary, column statistics).
    writeFileAtomically(options.outDir + "/labels.json", json(build.classNames).dump(2) + "\n");
    json pre = preprocessDescription;
    pre["input"] = raw ? "image" : tensorBuild.inputName;
    if (!dataFingerprint.empty()) pre["data_fingerprint"] = dataFingerprint;
    if (raw) pre["image_input"] = "uint8 NHWC RGB, any size; resize/crop/scale/normalize run inside model.onnx";
    if (!rawUnsupported.empty() && image) pre["raw_image_model"] = "not written: " + rawUnsupported;
    writeFileAtomically(options.outDir + "/preprocess.json", pre.dump(2) + "\n");

    // model.json: the Open Inference Protocol description of model.onnx (-1: any size).
    const std::string modelName = bundleModelName(project.name);
    auto describe = [](const std::string& name, const char* datatype, std::vector<int64_t> shape) {
        return json{{"name", name}, {"datatype", datatype}, {"shape", shape}};
    };
    json inputs = json::array(), outputs = json::array();
    if (raw) {
        inputs.push_back(describe("image", "UINT8", {-1, -1, -1, 4}));  // RGBA: transparency is composited inside
    } else {
        std::vector<int64_t> shape{-1};
        shape.insert(shape.end(), inType.dims.begin(), inType.dims.end());
        inputs.push_back(describe(tensorBuild.inputName, inType.dtype == DType::Int64 ? "INT64" : "FP32", shape));
    }
    const auto& outDims = analysis.nodes.at(analysis.outputNodes()[0]).output->dims;
    std::vector<int64_t> outShape{-1};
    outShape.insert(outShape.end(), outDims.begin(), outDims.end());
    for (const auto& name : tensorBuild.outputNames) outputs.push_back(describe(name, "FP32", outShape));
    json manifest = {{"name", modelName}, {"task", nameOf(build.task)},
                     {"input_kind", raw ? "image" : table ? "table" : tensorBuild.inputName},
                     {"inputs", inputs}, {"outputs", outputs}, {"labels_count", build.classNames.size()},
                     {"netloom_version", NETLOOM_VERSION}};
    if (!dataFingerprint.empty()) manifest["data_fingerprint"] = dataFingerprint;
    writeFileAtomically(options.outDir + "/model.json", manifest.dump(2) + "\n");
    report.exportSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!options.verify) {
        report.ok = true;
        return report;
    }

    // Verification samples: real data from the project's dataset.
    auto verifyStart = Clock::now();
    DatasetLoad load = samplesRead.get();
    if (!load.ok()) return fail("verification needs the dataset: " + load.error);
    const Dataset& data = *load.dataset;
    const Split& split = data.test.size() ? data.test : data.validation.size() ? data.validation : data.train;
    int64_t available = split.size();
    ImagePipeline pipeline(project.preprocess.image);
    std::vector<torch::Tensor> batches;
    int64_t offset = 0;
    for (int64_t batch : {int64_t{1}, int64_t{7}, std::max<int64_t>(0, options.samples - 8)}) {
        if (batch == 0 || offset >= available) break;
        int64_t n = std::min(batch, available - offset);
        batches.push_back(split.rowsAt(offset, n));
        offset += n;
    }
    VerificationPlan plan;
    plan.tensorModel = report.modelPath;
    plan.rawModel = report.rawModelPath;
    plan.inputName = tensorBuild.inputName;
    plan.mainOutput = tensorBuild.outputNames.at(0);
    plan.image = image;
    plan.classification = build.task == Task::Classification || build.task == Task::Binary;
    plan.process = verifier.get();
    plan.outDir = options.outDir;
    if (table && data.tabular) {
        plan.tabular = preprocessDescription["tabular"].dump();
        TabularEncoder encoder;  // the checkpoint's, as the studio predicts, for rows of the feature columns
        std::string error;
        if (!TabularEncoder::fromJson(runState["tabular"].dump(), encoder, error)) return fail(checkpoint + ": " + error);
        for (const GoldenSample& g : goldenSamples(data, kRawImageChecks)) {
            if (g.row.empty()) continue;
            std::vector<std::string> values;
            for (const auto& [name, value] : g.row) values.push_back(value);
            std::vector<float> encoded;
            int64_t missing = 0;
            encoder.encode(values, encoded, missing);
            plan.rawRows.push_back({g.split + " row " + std::to_string(plan.rawRows.size()), g.row, torch::tensor(encoded)});
        }
    }
    std::vector<RawImageCheck> rawImages;
    if (raw) {
        std::string error;
        rawImages = rawImageChecks(goldenSamples(data, kRawImageChecks), project, inType.dims, error);
        if (!error.empty()) return fail("verification: " + error);
    }
    if (std::string e = verifyModels(*net, pipeline, plan, batches, rawImages, report); !e.empty()) return fail(e);
    report.verifySeconds = std::chrono::duration<double>(Clock::now() - verifyStart).count();
    report.ok = true;
    return report;
}

}  // namespace netloom
