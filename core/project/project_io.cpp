// Reading and writing `.netloom` files. Every field is checked with its path, so a broken file
// produces "graph.nodes[3].params.kernel: expected integer, got \"3x3\"" and never a crash.
#include <cmath>

#include "graph/layer_registry.h"
#include "project/json_reader.h"
#include "project/project.h"
#include "util/atomic_file.h"

namespace netloom {

using nlohmann::json;

namespace {

const std::vector<std::string> kDatasetKinds = {"none", "idx", "image_folder", "csv", "text_csv", "text_folder"};
const std::vector<std::string> kTasks = {"classification", "binary", "regression", "reconstruction"};
const std::vector<std::string> kLosses = {"auto", "cross_entropy", "bce", "mse", "mae"};
const std::vector<std::string> kOptimizers = {"sgd", "adam", "adamw", "rmsprop"};
const std::vector<std::string> kSchedules = {"none", "step", "cosine", "plateau"};
const std::vector<std::string> kMetrics = {"val_loss", "val_accuracy", "val_mae", "val_auc"};
const std::vector<std::string> kDevices = {"auto", "cpu", "cuda"};

ParamValue readParam(const ParamSpec& spec, const JsonValue& v) {
    switch (spec.kind) {
    case ParamKind::Int:
        return v.toInt(static_cast<int64_t>(spec.min), static_cast<int64_t>(spec.max));
    case ParamKind::Float:
        return v.toNumber(spec.min, spec.max);
    case ParamKind::Bool:
        return v.toBool();
    case ParamKind::Choice:
        return v.toChoice(spec.choices);
    case ParamKind::IntList: {
        auto list = v.toIntList(static_cast<int64_t>(spec.min), static_cast<int64_t>(spec.max));
        if (list.empty() || list.size() > 8) v.fail("expected 1 to 8 sizes");
        return list;
    }
    }
    return int64_t{0};
}

json writeParam(const ParamValue& value) {
    return std::visit([](const auto& x) { return json(x); }, value);
}

Graph readGraph(const JsonValue& g) {
    g.onlyKeys({"nodes", "edges"});
    const LayerRegistry& registry = LayerRegistry::instance();
    Graph graph;
    JsonValue nodes = g.at("nodes");
    for (size_t i = 0; i < nodes.size(); ++i) {
        JsonValue n = nodes.at(i);
        n.onlyKeys({"id", "type", "name", "position", "params"});
        Node node;
        node.id = static_cast<NodeId>(n.at("id").toInt(1, 1 << 30));
        JsonValue type = n.at("type");
        node.type = type.toString();
        const LayerSpec* spec = registry.find(node.type);
        if (!spec) {
            std::string known;
            for (const auto& s : registry.all()) known += (known.empty() ? "" : ", ") + s.type;
            type.fail("unknown layer type \"" + node.type + "\" (known: " + known + ")");
        }
        node.name = n.stringOr("name", "");
        if (n.has("position")) {
            JsonValue p = n.at("position");
            auto xy = p.toNumberList(-1e7, 1e7);
            if (xy.size() != 2) p.fail("expected [x, y]");
            node.position = {xy[0], xy[1]};
        }
        if (n.has("params")) {
            JsonValue params = n.at("params");
            for (const std::string& key : params.keys()) {
                JsonValue v = params.at(key);
                const ParamSpec* ps = spec->param(key);
                if (!ps) v.fail("unknown parameter for " + node.type);
                node.params.set(key, readParam(*ps, v));
            }
        }
        if (graph.node(node.id)) n.at("id").fail("duplicate node id " + std::to_string(node.id));
        graph.addNode(std::move(node));
    }
    if (g.has("edges")) {
        JsonValue edges = g.at("edges");
        for (size_t i = 0; i < edges.size(); ++i) {
            JsonValue e = edges.at(i);
            e.onlyKeys({"from", "to", "port"});
            auto from = static_cast<NodeId>(e.at("from").toInt(1, 1 << 30));
            auto to = static_cast<NodeId>(e.at("to").toInt(1, 1 << 30));
            auto port = static_cast<int>(e.intOr("port", 0, 0, 1024));
            if (!graph.node(from)) e.at("from").fail("no node with id " + std::to_string(from));
            if (!graph.node(to)) e.at("to").fail("no node with id " + std::to_string(to));
            graph.connect(from, to, port);
        }
    }
    return graph;
}

DatasetSpec readDataset(const JsonValue& d) {
    d.onlyKeys({"kind", "path", "test_path", "target", "text_column", "validation_split", "test_split", "seed", "limit",
                "classes"});
    DatasetSpec s;
    s.kind = d.at("kind").toChoice(kDatasetKinds);
    s.path = d.stringOr("path", "");
    s.testPath = d.stringOr("test_path", "");
    s.target = d.stringOr("target", "");
    s.textColumn = d.stringOr("text_column", "");
    s.validationSplit = d.numberOr("validation_split", s.validationSplit, 0.0, 0.9);
    s.testSplit = d.numberOr("test_split", s.testSplit, 0.0, 0.9);
    if (s.validationSplit + s.testSplit > 0.95) d.fail("validation_split + test_split leave no training data");
    s.seed = static_cast<uint64_t>(d.intOr("seed", 42, 0, INT64_MAX));
    s.limit = d.intOr("limit", 0, 0, INT64_MAX);
    if (d.has("classes")) {
        JsonValue classes = d.at("classes");
        for (size_t i = 0; i < classes.size(); ++i) s.classes.push_back(classes.at(i).toString());
    }
    if (s.kind != "none" && s.path.empty()) d.fail("dataset kind \"" + s.kind + "\" needs a path");
    return s;
}

ImageStep readImageStep(const JsonValue& v) {
    v.onlyKeys({"op", "width", "height", "mean", "std", "low", "high", "degrees", "padding", "brightness",
                "contrast", "probability"});
    ImageStep s;
    s.op = v.at("op").toChoice(imageStepOps());
    s.width = v.intOr("width", 0, 0, 16384);
    s.height = v.intOr("height", 0, 0, 16384);
    if ((s.op == "resize" || s.op == "center_crop") && (s.width < 1 || s.height < 1))
        v.fail(s.op + " needs width and height of at least 1");
    if (v.has("mean")) s.mean = v.at("mean").toNumberList(-1e6, 1e6);
    if (v.has("std")) s.std = v.at("std").toNumberList(1e-12, 1e6);
    if (s.op == "normalize") {
        if (s.mean.empty() || s.mean.size() != s.std.size() || s.mean.size() > 4)
            v.fail("normalize needs mean and std lists of the same length (1 to 4 channels)");
    }
    s.low = v.numberOr("low", s.low, 0, 10000);
    s.high = v.numberOr("high", s.high, 0, 10000);
    s.degrees = v.numberOr("degrees", s.degrees, 0, 180);
    s.padding = v.intOr("padding", s.padding, 0, 1024);
    s.brightness = v.numberOr("brightness", s.brightness, 0, 1);
    s.contrast = v.numberOr("contrast", s.contrast, 0, 1);
    s.probability = v.numberOr("probability", s.probability, 0, 1);
    return s;
}

PipelineSpec readPreprocess(const JsonValue& p) {
    p.onlyKeys({"image", "text"});
    PipelineSpec spec;
    if (p.has("image")) {
        JsonValue steps = p.at("image");
        for (size_t i = 0; i < steps.size(); ++i) spec.image.push_back(readImageStep(steps.at(i)));
    }
    if (p.has("text")) {
        JsonValue t = p.at("text");
        t.onlyKeys({"lowercase", "strip_punctuation", "remove_stop_words", "stem", "max_vocab", "min_frequency", "length"});
        TextPipelineSpec& s = spec.text;
        s.lowercase = t.boolOr("lowercase", s.lowercase);
        s.stripPunctuation = t.boolOr("strip_punctuation", s.stripPunctuation);
        s.removeStopWords = t.boolOr("remove_stop_words", s.removeStopWords);
        s.stem = t.boolOr("stem", s.stem);
        s.maxVocab = t.intOr("max_vocab", s.maxVocab, 2, 1 << 22);
        s.minFrequency = t.intOr("min_frequency", s.minFrequency, 1, 1 << 30);
        s.length = t.intOr("length", s.length, 1, 1 << 16);
    }
    return spec;
}

TrainingSettings readTraining(const JsonValue& t) {
    t.onlyKeys({"task", "loss", "epochs", "batch_size", "optimizer", "schedule", "clip_norm", "early_stopping",
                "seed", "device", "threads"});
    TrainingSettings s;
    s.task = t.choiceOr("task", s.task, kTasks);
    s.loss = t.choiceOr("loss", s.loss, kLosses);
    s.epochs = t.intOr("epochs", s.epochs, 1, 100000);
    s.batchSize = t.intOr("batch_size", s.batchSize, 1, 1 << 20);
    if (t.has("optimizer")) {
        JsonValue o = t.at("optimizer");
        o.onlyKeys({"type", "learning_rate", "momentum", "nesterov", "weight_decay"});
        s.optimizer.type = o.choiceOr("type", s.optimizer.type, kOptimizers);
        s.optimizer.learningRate = o.numberOr("learning_rate", s.optimizer.learningRate, 1e-12, 10);
        s.optimizer.momentum = o.numberOr("momentum", s.optimizer.momentum, 0, 1);
        s.optimizer.nesterov = o.boolOr("nesterov", s.optimizer.nesterov);
        s.optimizer.weightDecay = o.numberOr("weight_decay", s.optimizer.weightDecay, 0, 1);
    }
    if (t.has("schedule")) {
        JsonValue o = t.at("schedule");
        o.onlyKeys({"type", "step_size", "gamma", "patience", "min_learning_rate"});
        s.schedule.type = o.choiceOr("type", s.schedule.type, kSchedules);
        s.schedule.stepSize = o.intOr("step_size", s.schedule.stepSize, 1, 100000);
        s.schedule.gamma = o.numberOr("gamma", s.schedule.gamma, 1e-6, 1);
        s.schedule.patience = o.intOr("patience", s.schedule.patience, 0, 100000);
        s.schedule.minLearningRate = o.numberOr("min_learning_rate", s.schedule.minLearningRate, 0, 10);
    }
    s.clipNorm = t.numberOr("clip_norm", s.clipNorm, 0, 1e6);
    if (t.has("early_stopping")) {
        JsonValue o = t.at("early_stopping");
        o.onlyKeys({"enabled", "metric", "patience"});
        s.earlyStopping.enabled = o.boolOr("enabled", s.earlyStopping.enabled);
        s.earlyStopping.metric = o.choiceOr("metric", s.earlyStopping.metric, kMetrics);
        s.earlyStopping.patience = o.intOr("patience", s.earlyStopping.patience, 1, 100000);
    }
    s.seed = static_cast<uint64_t>(t.intOr("seed", 0, 0, INT64_MAX));
    s.device = t.choiceOr("device", s.device, kDevices);
    s.threads = t.intOr("threads", s.threads, 0, 1024);
    return s;
}

}  // namespace

ProjectLoad parseProject(const std::string& text) {
    ProjectLoad result;
    try {
        json doc = parseJsonText(text);
        JsonValue root(doc, "");
        root.expectObject();
        root.onlyKeys({"format", "schema_version", "name", "description", "graph", "dataset", "preprocess", "training"});
        if (root.at("format").toString() != "netloom-project")
            root.at("format").fail("expected \"netloom-project\"");
        JsonValue version = root.at("schema_version");
        int64_t v = version.toInt(1, INT32_MAX);
        if (v > kProjectSchemaVersion)
            version.fail("this file uses schema version " + std::to_string(v) + ", newer than this Netloom (" +
                         std::to_string(kProjectSchemaVersion) + "): update Netloom to open it");
        Project p;
        p.schemaVersion = static_cast<int>(v);
        p.name = root.stringOr("name", "");
        p.description = root.stringOr("description", "");
        p.graph = readGraph(root.at("graph"));
        if (root.has("dataset")) p.dataset = readDataset(root.at("dataset"));
        if (root.has("preprocess")) p.preprocess = readPreprocess(root.at("preprocess"));
        if (root.has("training")) p.training = readTraining(root.at("training"));
        result.project = std::move(p);
    } catch (const JsonError& e) {
        result.error = e.what();
    } catch (const std::exception& e) {
        // Nothing above should throw anything else; if it does, it is still a located refusal.
        result.error = std::string("unreadable project: ") + e.what();
    }
    return result;
}

ProjectLoad loadProject(const std::string& path) {
    ProjectLoad result;
    std::string text, error;
    if (!readFile(path, text, error)) {
        result.error = error;
        return result;
    }
    result = parseProject(text);
    if (!result.ok()) {
        result.error = path + ": " + result.error;
        return result;
    }
    auto slash = path.find_last_of('/');
    result.project->baseDir = slash == std::string::npos ? "." : path.substr(0, slash);
    return result;
}

std::string serializeProject(const Project& p) {
    json doc;
    doc["format"] = "netloom-project";
    doc["schema_version"] = kProjectSchemaVersion;
    doc["name"] = p.name;
    if (!p.description.empty()) doc["description"] = p.description;

    json nodes = json::array();
    for (const auto& [id, n] : p.graph.nodes()) {
        json jn;
        jn["id"] = id;
        jn["type"] = n.type;
        if (!n.name.empty()) jn["name"] = n.name;
        jn["position"] = {n.position.x, n.position.y};
        json params = json::object();
        for (const auto& [key, value] : n.params.values()) params[key] = writeParam(value);
        if (!params.empty()) jn["params"] = params;
        nodes.push_back(jn);
    }
    json edges = json::array();
    for (const auto& [id, e] : p.graph.edges()) edges.push_back({{"from", e.from}, {"to", e.to}, {"port", e.port}});
    doc["graph"] = {{"nodes", nodes}, {"edges", edges}};

    const DatasetSpec& d = p.dataset;
    json jd = {{"kind", d.kind}};
    if (!d.path.empty()) jd["path"] = d.path;
    if (!d.testPath.empty()) jd["test_path"] = d.testPath;
    if (!d.target.empty()) jd["target"] = d.target;
    if (!d.textColumn.empty()) jd["text_column"] = d.textColumn;
    jd["validation_split"] = d.validationSplit;
    jd["test_split"] = d.testSplit;
    jd["seed"] = d.seed;
    if (d.limit) jd["limit"] = d.limit;
    if (!d.classes.empty()) jd["classes"] = d.classes;
    doc["dataset"] = jd;

    json image = json::array();
    for (const ImageStep& s : p.preprocess.image) {
        json js = {{"op", s.op}};
        if (s.op == "resize" || s.op == "center_crop") {
            js["width"] = s.width;
            js["height"] = s.height;
        } else if (s.op == "normalize") {
            js["mean"] = s.mean;
            js["std"] = s.std;
        } else if (s.op == "canny") {
            js["low"] = s.low;
            js["high"] = s.high;
        } else if (s.op == "random_rotation") {
            js["degrees"] = s.degrees;
        } else if (s.op == "random_crop") {
            js["padding"] = s.padding;
        } else if (s.op == "color_jitter") {
            js["brightness"] = s.brightness;
            js["contrast"] = s.contrast;
        } else if (s.op == "random_flip") {
            js["probability"] = s.probability;
        }
        image.push_back(js);
    }
    const TextPipelineSpec& t = p.preprocess.text;
    doc["preprocess"] = {{"image", image},
                         {"text",
                          {{"lowercase", t.lowercase},
                           {"strip_punctuation", t.stripPunctuation},
                           {"remove_stop_words", t.removeStopWords},
                           {"stem", t.stem},
                           {"max_vocab", t.maxVocab},
                           {"min_frequency", t.minFrequency},
                           {"length", t.length}}}};

    const TrainingSettings& s = p.training;
    doc["training"] = {
        {"task", s.task},
        {"loss", s.loss},
        {"epochs", s.epochs},
        {"batch_size", s.batchSize},
        {"optimizer",
         {{"type", s.optimizer.type},
          {"learning_rate", s.optimizer.learningRate},
          {"momentum", s.optimizer.momentum},
          {"nesterov", s.optimizer.nesterov},
          {"weight_decay", s.optimizer.weightDecay}}},
        {"schedule",
         {{"type", s.schedule.type},
          {"step_size", s.schedule.stepSize},
          {"gamma", s.schedule.gamma},
          {"patience", s.schedule.patience},
          {"min_learning_rate", s.schedule.minLearningRate}}},
        {"clip_norm", s.clipNorm},
        {"early_stopping",
         {{"enabled", s.earlyStopping.enabled},
          {"metric", s.earlyStopping.metric},
          {"patience", s.earlyStopping.patience}}},
        {"seed", s.seed},
        {"device", s.device},
        {"threads", s.threads}};
    return doc.dump(2) + "\n";
}

std::string saveProject(const Project& project, const std::string& path) {
    return writeFileAtomically(path, serializeProject(project));
}

bool DatasetSpec::operator==(const DatasetSpec& o) const {
    return kind == o.kind && path == o.path && testPath == o.testPath && target == o.target &&
           textColumn == o.textColumn && validationSplit == o.validationSplit && testSplit == o.testSplit &&
           seed == o.seed && limit == o.limit && classes == o.classes;
}

bool OptimizerSettings::operator==(const OptimizerSettings& o) const {
    return type == o.type && learningRate == o.learningRate && momentum == o.momentum && nesterov == o.nesterov &&
           weightDecay == o.weightDecay;
}

bool ScheduleSettings::operator==(const ScheduleSettings& o) const {
    return type == o.type && stepSize == o.stepSize && gamma == o.gamma && patience == o.patience &&
           minLearningRate == o.minLearningRate;
}

bool EarlyStoppingSettings::operator==(const EarlyStoppingSettings& o) const {
    return enabled == o.enabled && metric == o.metric && patience == o.patience;
}

bool TrainingSettings::operator==(const TrainingSettings& o) const {
    return task == o.task && loss == o.loss && epochs == o.epochs && batchSize == o.batchSize &&
           optimizer == o.optimizer && schedule == o.schedule && clipNorm == o.clipNorm &&
           earlyStopping == o.earlyStopping && seed == o.seed && device == o.device && threads == o.threads;
}

bool Project::operator==(const Project& o) const {
    return schemaVersion == o.schemaVersion && name == o.name && description == o.description && graph == o.graph &&
           dataset == o.dataset && preprocess == o.preprocess && training == o.training;
}

std::string Project::resolvePath(const std::string& path) const {
    if (path.empty() || path[0] == '/' || baseDir.empty()) return path;
    return baseDir + "/" + path;
}

}  // namespace netloom
