// writeBundle: the export folder becomes something a person can docker build, run, curl and
// kubectl apply. Templates live in packaging/bundle/ and are filled from model.json.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "data/dataset.h"
#include "export/golden_samples.h"
#include "export/onnx_export.h"
#include "export/verifier_process.h"
#include "preprocess/image_pipeline.h"
#include "train/predictor.h"
#include "util/atomic_file.h"
#include "util/data_dirs.h"
#include "util/text_template.h"
#include "version.h"

namespace netloom {

namespace {

// Golden samples a bundle carries and its self-test sends.
constexpr int64_t kGoldenSamples = 5;

using nlohmann::json;

namespace fs = std::filesystem;

std::string bundleSourceDir() {
    if (const char* env = std::getenv("NETLOOM_BUNDLE_DIR")) return env;
    std::string dir = findSharedPath("bundle", "packaging/bundle", "templates/Dockerfile");
    return fs::exists(dir + "/templates/Dockerfile") ? dir : std::string();
}

std::string copyFile(const std::string& from, const std::string& to) {
    std::string text, error;
    if (!readFile(from, text, error)) return error;
    return writeFileAtomically(to, text);
}

std::string tritonConfig(const json& manifest) {
    static const std::map<std::string, std::string> types = {{"FP32", "TYPE_FP32"}, {"INT64", "TYPE_INT64"}, {"UINT8", "TYPE_UINT8"}};
    std::ostringstream os;
    os << "name: \"" << manifest["name"].get<std::string>() << "\"\nplatform: \"onnxruntime_onnx\"\nmax_batch_size: 32\n";
    auto block = [&](const char* kind, const json& tensors) {
        os << kind << " [\n";
        for (size_t k = 0; k < tensors.size(); ++k) {
            const json& t = tensors[k];
            auto shape = t["shape"].get<std::vector<int64_t>>();
            os << "  {\n    name: \"" << t["name"].get<std::string>() << "\"\n    data_type: " << types.at(t["datatype"]) << "\n    dims: [ ";
            for (size_t d = 1; d < shape.size(); ++d) os << (d > 1 ? ", " : "") << shape[d];
            os << " ]\n  }" << (k + 1 < tensors.size() ? "," : "") << "\n";
        }
        os << "]\n";
    };
    block("input", manifest["inputs"]);
    block("output", manifest["outputs"]);
    os << "dynamic_batching { }\n";
    return os.str();
}

// "12.5" → 12.5 for what the quantity patterns matched, by hand: std::stod follows the C locale, and
// the studio runs under the user's (a decimal comma would cut "0.5" to 0).
double decimal(const std::string& digits) {
    double value = 0, place = 0;
    for (char c : digits) {
        if (c == '.') place = 1;
        else if (place > 0) value += (c - '0') * (place /= 10);
        else value = value * 10 + (c - '0');
    }
    return value;
}

// A Kubernetes CPU quantity in millicores ("250m" → 250, "0.5" → 500, "1" → 1000); -1 when it is not one.
double cpuMillis(const std::string& q) {
    static const std::regex milli("([0-9]+)m"), cores("[0-9]+(\\.[0-9]+)?|\\.[0-9]+");
    std::smatch m;
    if (std::regex_match(q, m, milli)) return decimal(m[1]);
    if (std::regex_match(q, cores)) return decimal(q) * 1000;
    return -1;
}

// A Kubernetes memory quantity in bytes ("256Mi", "1Gi", "512M", "1.5Gi"; not "512m", millibytes, nor
// exponents); -1 when it is not one.
double memoryBytes(const std::string& q) {
    static const std::regex quantity("([0-9]+(\\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?");
    static const std::map<std::string, double> scale = {
        {"", 1},      {"k", 1e3},   {"M", 1e6},   {"G", 1e9},   {"T", 1e12},  {"P", 1e15},  {"E", 1e18},
        {"Ki", 1024}, {"Mi", 1024.0 * 1024}, {"Gi", 1024.0 * 1024 * 1024}, {"Ti", 1024.0 * 1024 * 1024 * 1024},
        {"Pi", 1024.0 * 1024 * 1024 * 1024 * 1024}, {"Ei", 1024.0 * 1024 * 1024 * 1024 * 1024 * 1024}};
    std::smatch m;
    if (!std::regex_match(q, m, quantity)) return -1;
    return decimal(m[1]) * scale.at(m[3]);
}

// The content type a client sends a sample file with, from its extension.
std::string imageContentType(const std::string& file) {
    static const std::map<std::string, std::string> types = {
        {".png", "image/png"},   {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".bmp", "image/bmp"},
        {".webp", "image/webp"}, {".gif", "image/gif"},  {".tif", "image/tiff"},  {".tiff", "image/tiff"}};
    std::string ext = fs::path(file).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto it = types.find(ext);
    return it == types.end() ? "application/octet-stream" : it->second;
}

// One shell word: as it is when it is plain, else in single quotes (a sample's original file name
// may have spaces or quotes).
std::string shellWord(const std::string& s) {
    static const std::regex plain("[A-Za-z0-9_@%+=:,./-]+");
    if (std::regex_match(s, plain)) return s;
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The README's example requests: the first golden sample, whatever it is called, so the commands
// work as written from the bundle folder (the bundle's tests run them).
std::pair<std::string, std::string> predictExamples(bool image, bool table, const json& samples) {
    const json* first = samples.empty() ? nullptr : &samples[0];
    if (table) {
        // A row as JSON (column → value; missing values as null, "" or left out) and the golden rows
        // as a CSV file with its header.
        json row = first && first->contains("row") ? (*first)["row"] : json::object();
        return {"curl -s -X POST localhost:8080/v1/predict -H 'content-type: application/json' -d " +
                    shellWord(json{{"row", row}}.dump()) +
                    "\ncurl -s -X POST localhost:8080/v1/predict -H 'content-type: text/csv' --data-binary @samples/rows.csv",
                "r = requests.post(\"http://localhost:8080/v1/predict\", json={\"row\": " + row.dump() + "},\n"
                "                  params={\"top_k\": 3})"};
    }
    if (image) {
        const std::string file = first && first->contains("file") ? (*first)["file"].get<std::string>() : "YOUR_IMAGE.png";
        const std::string type = imageContentType(file);
        return {"curl -s -X POST localhost:8080/v1/predict -H 'content-type: " + type + "' --data-binary " + shellWord("@" + file),
                "r = requests.post(\"http://localhost:8080/v1/predict\", data=open(" + json(file).dump() + ", \"rb\"),\n"
                "                  headers={\"content-type\": \"" + type + "\"}, params={\"top_k\": 3})"};
    }
    std::string text = first && first->contains("text") ? (*first)["text"].get<std::string>() : std::string("hello");
    // At most 60 bytes, not cutting a UTF-8 character in two.
    if (text.size() > 60) {
        size_t cut = 60;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text.resize(cut);
    }
    return {"curl -s -X POST localhost:8080/v1/predict -H 'content-type: application/json' -d " + shellWord(json{{"text", text}}.dump()),
            "r = requests.post(\"http://localhost:8080/v1/predict\", json={\"text\": \"a sentence to classify\"},\n"
            "                  params={\"top_k\": 3})"};
}

// The bundle proves itself before the export says "Verified": its own server/selftest.js starts the
// bundled server on the bundled model, sends every golden sample as a client would and compares the
// answers with samples/expected.json. The server's npm packages are the ones installed beside the
// verifier (NODE_PATH): the bundle itself has none until `npm ci` is run in it.
std::string runSelfTest(const std::string& outDir, const std::string& source) {
    std::ostringstream tolerance;
    tolerance << kMaxAbsDiff;
    std::string output;
    int status = runNodeScript(outDir + "/server/selftest.js", {outDir, "--tolerance", tolerance.str()},
                               source + "/server/node_modules", output);
    if (status == 0) return {};
    while (!output.empty() && std::isspace(static_cast<unsigned char>(output.back()))) output.pop_back();
    static const std::regex missingModule("Cannot find module '([^']+)'");
    std::smatch m;
    if (std::regex_search(output, m, missingModule))
        return "the bundle's self-test cannot start the server: the npm package " + m[1].str() + " is not installed in " +
               source + "/server/node_modules (run `npm ci` there)";
    if (status < 0) return "the bundle's self-test could not be started (" + nodeProgram() + ")";
    if (output.size() > 2000) output = "…" + output.substr(output.size() - 2000);
    return "the bundle's self-test failed: " + (output.empty() ? "node exited with status " + std::to_string(status) : output);
}

}  // namespace

std::string validateBundleOptions(const BundleOptions& o) {
    if (o.replicas < 1 || o.replicas > 100)
        return "replicas must be between 1 and 100, not " + std::to_string(o.replicas);
    const std::pair<const char*, const std::string*> cpus[] = {{"CPU request", &o.cpuRequest}, {"CPU limit", &o.cpuLimit}};
    for (const auto& [what, value] : cpus) {
        double m = cpuMillis(*value);
        if (m < 0) return std::string(what) + " \"" + *value + "\" is not a CPU quantity (write it like 250m, 1 or 0.5)";
        if (m < 1) return std::string(what) + " \"" + *value + "\" is less than the smallest CPU quantity, 1m";
    }
    const std::pair<const char*, const std::string*> memories[] = {{"memory request", &o.memoryRequest},
                                                                   {"memory limit", &o.memoryLimit}};
    for (const auto& [what, value] : memories) {
        double b = memoryBytes(*value);
        if (b < 0) return std::string(what) + " \"" + *value + "\" is not a memory quantity (write it like 256Mi, 1Gi or 512M)";
        if (b < 1) return std::string(what) + " \"" + *value + "\" is less than one byte";
    }
    if (cpuMillis(o.cpuRequest) > cpuMillis(o.cpuLimit))
        return "CPU request \"" + o.cpuRequest + "\" is more than the CPU limit \"" + o.cpuLimit + "\"";
    if (memoryBytes(o.memoryRequest) > memoryBytes(o.memoryLimit))
        return "memory request \"" + o.memoryRequest + "\" is more than the memory limit \"" + o.memoryLimit + "\"";
    return {};
}

int bundleMaxReplicas(const BundleOptions& options) { return std::max(10, 2 * options.replicas); }

std::string writeBundle(const Project& project, const std::string& checkpoint, const ExportReport& report,
                        const std::string& outDir, const BundleOptions& options) {
    if (std::string e = validateBundleOptions(options); !e.empty()) return e;
    if (!report.ok) return "the export did not succeed; there is nothing to bundle";
    std::string source = bundleSourceDir();
    if (source.empty()) return "the bundle templates were not found (share/netloom/bundle beside the program, packaging/bundle in the source tree, or /usr/share/netloom/bundle)";
    json manifest, preprocess;
    std::vector<std::string> labels;
    try {
        manifest = json::parse(std::ifstream(outDir + "/model.json"));
        preprocess = json::parse(std::ifstream(outDir + "/preprocess.json"));
        labels = json::parse(std::ifstream(outDir + "/labels.json")).get<std::vector<std::string>>();
    } catch (const std::exception& e) {
        return std::string("the export folder is incomplete: ") + e.what();
    }
    const std::string name = manifest["name"];
    const bool image = manifest["input_kind"] == "image";
    const bool table = manifest["input_kind"] == "table" && preprocess.contains("tabular");
    if (!image && !table && !preprocess.contains("text"))
        return "the bundled server serves image, text and table models; this model takes tensors (use model.onnx directly)";
    // The golden samples and the bundle's tests compare class probabilities.
    const std::string task = manifest.value("task", "");
    if (task != "classification" && task != "binary")
        return "the bundle proves class probabilities, and this is a " + task +
               " model: export it without --bundle (model.onnx and verification.json are written and verified)";

    // Golden samples: the test split's (else validation's, else training's) inputs as clients send
    // them — the original files, any size or mode — and the studio's own answers for them.
    DatasetLoad load = loadDataset(project);
    if (!load.ok()) return "samples need the dataset: " + load.error;
    fs::create_directories(outDir + "/samples");
    std::vector<std::string> inputs;
    json samples = json::array();
    std::string split, csvRows;
    for (const GoldenSample& g : goldenSamples(*load.dataset, kGoldenSamples)) {
        split = g.split;
        const std::string n = std::to_string(samples.size());
        if (table) {  // the raw row, as a JSON object and as CSV text with its header
            if (g.row.empty()) continue;
            json row = json::object();
            for (const auto& [column, value] : g.row) row[column] = value;
            if (csvRows.empty()) csvRows = csvHeader(g) + "\n";
            csvRows += csvValues(g) + "\n";
            inputs.push_back(csvValues(g));
            samples.push_back({{"row", row}, {"csv", csvHeader(g) + "\n" + csvValues(g) + "\n"}});
            continue;
        }
        if (!image) {
            if (g.text.empty()) continue;
            inputs.push_back(g.text);
            samples.push_back({{"text", g.text}});
            continue;
        }
        std::string file;
        if (!g.sourceFile.empty()) {  // the original bytes, untouched
            std::string ext = fs::path(g.sourceFile).extension().string();
            for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            file = "samples/" + n + ext;
            std::error_code ec;
            fs::copy_file(g.sourceFile, outDir + "/" + file, fs::copy_options::overwrite_existing, ec);
            if (ec) return "cannot copy " + g.sourceFile + " to " + outDir + "/" + file + ": " + ec.message();
        } else {  // IDX: the stored image is the original
            cv::Mat m = tensorToMat(g.stored);
            if (m.channels() == 3) cv::cvtColor(m, m, cv::COLOR_RGB2BGR);
            file = "samples/" + n + ".png";
            if (!cv::imwrite(outDir + "/" + file, m)) return "cannot write " + outDir + "/" + file;
        }
        inputs.push_back(outDir + "/" + file);
        samples.push_back({{"file", file}});
    }
    if (samples.empty()) return "the dataset has no samples to prove the bundle with";
    if (table) {
        if (std::string e = writeFileAtomically(outDir + "/samples/rows.csv", csvRows); !e.empty()) return e;
    }
    std::string error;
    auto predictor = Predictor::open(project, checkpoint, error);
    if (!predictor) return error;
    auto predictions = predictor->predict(inputs);
    for (size_t i = 0; i < predictions.size(); ++i) {
        if (!predictions[i].error.empty()) return "golden sample " + std::to_string(i) + ": " + predictions[i].error;
        samples[i]["label"] = predictions[i].label;
        json probs = json::object();
        for (const auto& [cls, p] : predictions[i].probabilities) probs[cls] = p;
        samples[i]["probabilities"] = probs;
    }
    writeFileAtomically(outDir + "/samples/expected.json",
                        json{{"source", "netloom-cli predict (LibTorch)"}, {"split", split}, {"samples", samples}}.dump(2) + "\n");

    // Templates.
    std::ostringstream classes;
    for (size_t k = 0; k < labels.size() && k < 12; ++k) classes << (k ? ", " : "") << labels[k];
    if (labels.size() > 12) classes << ", …";
    std::ostringstream parity;
    double worst = 0;
    for (const auto& c : report.checks) worst = std::max(worst, c.maxAbsDiff);
    parity << std::scientific << std::setprecision(1) << "max |diff| " << worst << " over " << report.checks.size()
           << " checks, judged by " << report.engine;
    const auto [predictCurl, predictPython] = predictExamples(image, table, samples);
    std::map<std::string, std::string> values = {
        {"NAME", name},
        {"VERSION", NETLOOM_VERSION},
        {"PORT", "8080"},
        {"IMAGE", name + ":latest"},
        {"PROJECT", project.name},
        {"TASK", manifest["task"]},
        {"CLASSES", classes.str()},
        {"PARITY", parity.str()},
        {"INPUT", manifest["inputs"][0]["name"]},
        {"INPUT_NOTE", image ? "(the decoded image, uint8 NHWC RGBA of any size; transparency, resizing and the rest of the preprocessing are inside)"
                       : table ? "(float features, one row each: the encoded columns; `/v1/predict` takes raw rows and encodes them with the column statistics and categories in preprocess.json)"
                               : "(int64 token ids; the tokenizer settings and vocabulary are in preprocess.json)"},
        {"PREDICT_CURL", predictCurl},
        {"PREDICT_PYTHON", predictPython},
        {"REPLICAS", std::to_string(options.replicas)},
        {"MIN_REPLICAS", std::to_string(options.replicas)},
        {"MAX_REPLICAS", std::to_string(bundleMaxReplicas(options))},
        {"CPU_REQUEST", options.cpuRequest},
        {"MEMORY_REQUEST", options.memoryRequest},
        {"CPU_LIMIT", options.cpuLimit},
        {"MEMORY_LIMIT", options.memoryLimit},
    };
    const std::map<std::string, bool> sections = {{"GPU", options.gpu}, {"TRITON", options.triton}};
    std::vector<std::string> templates = {"Dockerfile", "dockerignore", "README.md", "k8s/deployment.yaml",
                                          "k8s/service.yaml", "k8s/hpa.yaml", "k8s/kustomization.yaml"};
    if (options.triton) {
        templates.push_back("triton/k8s/deployment.yaml");
        templates.push_back("triton/k8s/service.yaml");
        fs::create_directories(outDir + "/triton/k8s");
    }
    fs::create_directories(outDir + "/k8s");
    for (const std::string& from : templates) {
        std::string text;
        if (!readFile(source + "/templates/" + from, text, error)) return error;
        const std::string to = from == "dockerignore" ? ".dockerignore" : from;
        if (std::string e = writeFileAtomically(outDir + "/" + to, fill(keepSections(text, sections), values)); !e.empty())
            return e;
    }
    // The server: the same files the project tests (no node_modules: npm ci installs them).
    fs::create_directories(outDir + "/server/src");
    fs::create_directories(outDir + "/server/test");
    for (const char* f : {"package.json", "package-lock.json", "server.js", "verify.js", "selftest.js", "src/app.js",
                          "src/config.js", "src/form.js", "src/model.js", "src/table.js", "src/tokenizer.js", "test/server.test.js",
                          "test/lifecycle.test.js", "test/manifests.test.js", "test/fuzz.test.js", "test/selftest.test.js",
                          "test/engines.test.js"})
        if (std::string e = copyFile(source + "/server/" + f, outDir + "/server/" + f); !e.empty()) return e;
    if (!options.triton) {
        // A bundle written here earlier with Triton must not leave an older model behind: remove what
        // that one wrote, and the folders only when nothing else is in them.
        std::error_code ec;
        fs::remove_all(outDir + "/triton/model_repository/" + name, ec);
        for (const char* path : {"/triton/k8s/deployment.yaml", "/triton/k8s/service.yaml", "/triton/model_repository",
                                 "/triton/k8s", "/triton"})
            fs::remove(outDir + path, ec);
    } else {
        // Triton: the same model in a model repository.
        std::string repo = outDir + "/triton/model_repository/" + name;
        fs::create_directories(repo + "/1");
        if (std::string e = copyFile(outDir + "/model.onnx", repo + "/1/model.onnx"); !e.empty()) return e;
        if (std::string e = writeFileAtomically(repo + "/config.pbtxt", tritonConfig(manifest)); !e.empty()) return e;
    }
    return runSelfTest(outDir, source);
}

}  // namespace netloom
