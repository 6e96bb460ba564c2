// Reading and writing `.netloom` files. Every field is checked with its path, so a broken file
// produces "graph.nodes[3].params.kernel: expected integer, got \"3x3\"" and never a crash.
#include <algorithm>
#include <cmath>
#include <map>

#include "graph/layer_registry.h"
#include "project/json_reader.h"
#include "project/project.h"
#include "project/settings.h"
#include "util/atomic_file.h"

namespace netloom {

using nlohmann::json;

namespace {


// Reads a value of any kind against its spec: range, choices and list length are checked with the
// value's path in the message.
ParamValue readParam(const ParamSpec& spec, const JsonValue& v) {
    auto checkCount = [&](size_t n) {
        if (n >= spec.minItems && n <= spec.maxItems) return;
        if (spec.minItems == spec.maxItems) v.fail("expected " + std::to_string(spec.minItems) + " values");
        v.fail("expected " + std::to_string(spec.minItems) + " to " + std::to_string(spec.maxItems) +
               (spec.kind == ParamKind::IntList ? " sizes" : " items"));
    };
    switch (spec.kind) {
    case ParamKind::Int:
        return v.toInt(static_cast<int64_t>(spec.min), static_cast<int64_t>(spec.max));
    case ParamKind::Float:
        return v.toNumber(spec.min, spec.max);
    case ParamKind::Bool:
        return v.toBool();
    case ParamKind::Choice:
        return v.toChoice(spec.choices);
    case ParamKind::Text:
        return v.toString();
    case ParamKind::IntList: {
        auto list = v.toIntList(static_cast<int64_t>(spec.min), static_cast<int64_t>(spec.max));
        checkCount(list.size());
        return list;
    }
    case ParamKind::FloatList: {
        auto list = v.toNumberList(spec.min, spec.max);
        checkCount(list.size());
        return list;
    }
    case ParamKind::TextList: {
        v.expectArray();
        std::vector<std::string> list;
        for (size_t i = 0; i < v.size(); ++i) list.push_back(v.at(i).toString());
        checkCount(list.size());
        return list;
    }
    }
    return int64_t{0};
}

// The settings under `prefix` ("training.") read from `obj`, the object at that path; nested
// objects ("training.optimizer.") recursively. Keys not declared (nor in `extraKeys`) are refused.
void readSettings(const JsonValue& obj, const std::string& prefix, Project& project,
                  const std::vector<std::string>& extraKeys = {}) {
    obj.expectObject();
    std::vector<std::string> children = extraKeys;
    std::vector<std::string> nested;
    for (const SettingSpec* spec : settingsUnder(prefix)) {
        std::string rest = spec->key.substr(prefix.size());
        std::string child = rest.substr(0, rest.find('.'));
        if (std::find(children.begin(), children.end(), child) == children.end()) children.push_back(child);
        if (rest.find('.') != std::string::npos) {
            if (std::find(nested.begin(), nested.end(), child) == nested.end()) nested.push_back(child);
        } else if (obj.has(child)) {
            spec->set(project, readParam(spec->value, obj.at(child)));
        }
    }
    obj.onlyKeys(children);
    for (const std::string& child : nested)
        if (obj.has(child)) readSettings(obj.at(child), prefix + child + ".", project);
}

// Writes the settings under `prefix` into `doc` at their paths.
void writeSettings(json& doc, const std::string& prefix, const Project& project) {
    for (const SettingSpec* spec : settingsUnder(prefix)) {
        ParamValue value = spec->get(project);
        if (spec->omitWhenDefault && value == spec->value.defaultValue) continue;
        json* at = &doc;
        std::string rest = spec->key;
        for (size_t dot; (dot = rest.find('.')) != std::string::npos; rest = rest.substr(dot + 1))
            at = &(*at)[rest.substr(0, dot)];
        (*at)[rest] = std::visit([](const auto& x) { return json(x); }, value);
    }
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

void readDataset(const JsonValue& d, Project& p) {
    d.at("kind");  // required
    readSettings(d, "dataset.", p);
    const DatasetSpec& s = p.dataset;
    if (s.validationSplit + s.testSplit > 0.95) d.fail("validation_split + test_split leave no training data");
    if (s.kind != "none" && s.path.empty()) d.fail("dataset kind \"" + s.kind + "\" needs a path");
}

// A step's keys are "op" and its operation's parameters (preprocess/image_ops.h).
ImageStep readImageStep(const JsonValue& v) {
    v.expectObject();
    JsonValue opValue = v.at("op");
    const ImageOpSpec* spec = findImageOp(opValue.toChoice(imageOpNames()));
    std::vector<std::string> keys{"op"};
    for (const ParamSpec& p : spec->params) keys.push_back(p.name);
    v.onlyKeys(keys);
    ImageStep step;
    step.op = spec->op;
    for (const ParamSpec& p : spec->params) {
        if (v.has(p.name)) step.params.set(p.name, readParam(p, v.at(p.name)));
        else if (p.required) v.fail(step.op + " needs " + p.name);
    }
    if (spec->check)
        if (std::string problem = spec->check(step.read()); !problem.empty()) v.fail(problem);
    return step;
}

// Every parameter of the step's operation is written, defaults included, so a file says what ran.
json writeImageStep(const ImageStep& step) {
    json js = {{"op", step.op}};
    ParamReader values = step.read();
    for (const ParamSpec& p : step.spec().params) js[p.name] = writeParam(values.value(p.name));
    return js;
}

void readPreprocess(const JsonValue& p, Project& project) {
    readSettings(p, "preprocess.", project, {"image"});
    project.preprocess.image.clear();
    if (p.has("image")) {
        JsonValue steps = p.at("image");
        for (size_t i = 0; i < steps.size(); ++i) project.preprocess.image.push_back(readImageStep(steps.at(i)));
    }
}

// `editor.groups`: every member must name a node of the graph, and no node is in two groups.
std::vector<NodeGroup> readGroups(const JsonValue& list, const Graph& graph) {
    list.expectArray();
    std::vector<NodeGroup> groups;
    std::map<NodeId, size_t> owner;  // node -> index of its group
    for (size_t i = 0; i < list.size(); ++i) {
        JsonValue g = list.at(i);
        g.onlyKeys({"name", "members", "collapsed"});
        NodeGroup group;
        group.name = g.at("name").toString();
        if (group.name.empty()) g.at("name").fail("a group needs a name");
        group.collapsed = g.boolOr("collapsed", false);
        JsonValue members = g.at("members");
        for (int64_t id : members.toIntList(1, 1 << 30)) group.members.push_back(static_cast<NodeId>(id));
        if (group.members.empty()) members.fail("a group needs at least one member");
        for (size_t m = 0; m < group.members.size(); ++m) {
            NodeId id = group.members[m];
            JsonValue at = members.at(m);
            if (!graph.node(id)) at.fail("no node with id " + std::to_string(id));
            auto [it, added] = owner.emplace(id, i);
            if (added) continue;
            if (it->second == i) at.fail("node " + std::to_string(id) + " is listed twice");
            at.fail("node " + std::to_string(id) + " is already in group \"" + groups[it->second].name + "\"");
        }
        groups.push_back(std::move(group));
    }
    return groups;
}

}  // namespace

ProjectLoad parseProject(const std::string& text) {
    ProjectLoad result;
    try {
        json doc = parseJsonText(text);
        JsonValue root(doc, "");
        root.expectObject();
        root.onlyKeys({"format", "schema_version", "name", "description", "graph", "dataset", "preprocess", "training", "editor"});
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
        if (root.has("dataset")) readDataset(root.at("dataset"), p);
        if (root.has("preprocess")) readPreprocess(root.at("preprocess"), p);
        if (root.has("training")) readSettings(root.at("training"), "training.", p);
        if (root.has("editor")) {
            JsonValue editor = root.at("editor");
            readSettings(editor, "editor.", p, {"groups"});
            if (editor.has("groups")) p.editor.groups = readGroups(editor.at("groups"), p.graph);
        }
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

    writeSettings(doc, "dataset.", p);
    json image = json::array();
    for (const ImageStep& step : p.preprocess.image) image.push_back(writeImageStep(step));
    doc["preprocess"]["image"] = image;
    writeSettings(doc, "preprocess.", p);
    writeSettings(doc, "training.", p);
    writeSettings(doc, "editor.", p);
    if (!p.editor.groups.empty()) {
        json groups = json::array();
        for (const NodeGroup& g : p.editor.groups) {
            // Members whose layer was deleted are dropped, so what is written always loads again.
            std::vector<NodeId> members;
            for (NodeId id : g.members)
                if (p.graph.node(id)) members.push_back(id);
            if (members.empty()) continue;
            json jg = {{"name", g.name}, {"members", members}};
            if (g.collapsed) jg["collapsed"] = true;
            groups.push_back(jg);
        }
        if (!groups.empty()) doc["editor"]["groups"] = groups;
    }
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
           dataset == o.dataset && preprocess == o.preprocess && training == o.training && editor == o.editor;
}

std::string Project::resolvePath(const std::string& path) const {
    if (path.empty() || path[0] == '/' || baseDir.empty()) return path;
    return baseDir + "/" + path;
}

}  // namespace netloom
