#include "document/graph_document.h"

#include <QCoreApplication>
#include <QTimer>
#include <functional>
#include <map>
#include <set>

#include "document/undo_commands.h"
#include "graph/layer_registry.h"

namespace netloom::ui {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Editor)
};

GraphDocument::GraphDocument(QObject* parent) : QObject(parent) {}

const GraphAnalysis& GraphDocument::analysis() const {
    if (!analysisValid_) {
        analysis_ = analyzeProject(project_, dataFacts_ ? &*dataFacts_ : nullptr);
        auto add = [this](const Problem& p) {
            for (const Problem& q : analysis_.problems)
                if (q.node == p.node && q.message == p.message) return;
            analysis_.problems.push_back(p);
        };
        for (const std::string& p : settingsProblems(project_)) add({0, p});
        for (const Problem& p : preprocessingProblems(project_, analysis_)) add(p);
        if (dataFacts_)
            for (const Problem& p : dataProblems(project_, analysis_, *dataFacts_)) add(p);
        analysisValid_ = true;
    }
    return analysis_;
}

void GraphDocument::invalidate() {
    analysisValid_ = false;
    if (analysisPending_) return;
    analysisPending_ = true;
    // Coalesce: a paste of 50 nodes re-analyses once, not 50 times.
    QTimer::singleShot(0, this, [this] {
        analysisPending_ = false;
        Q_EMIT analysisChanged();
    });
}

void GraphDocument::setDataFacts(const std::optional<DataFacts>& facts) {
    dataFacts_ = facts;
    invalidate();
}

std::optional<DataInput> GraphDocument::dataInput() const {
    return dataInputOf(project_, dataFacts_ ? &*dataFacts_ : nullptr);
}

void GraphDocument::reset(Project project, const QString& path) {
    project_ = std::move(project);
    dataFacts_.reset();  // another project's data says nothing about this one
    path_ = path;
    undo_.clear();
    analysisValid_ = false;
    Q_EMIT documentReset();
    Q_EMIT filePathChanged(path_);
    invalidate();
}

bool GraphDocument::load(const QString& path, QString* error) {
    ProjectLoad load = loadProject(path.toStdString());
    if (!load.ok()) {
        if (error) *error = QString::fromStdString(load.error);
        return false;
    }
    reset(*load.project, path);
    return true;
}

bool GraphDocument::saveAs(const QString& path, QString* error) {
    std::string e = saveProject(project_, path.toStdString());
    if (!e.empty()) {
        if (error) *error = QString::fromStdString(e);
        return false;
    }
    path_ = path;
    undo_.setClean();
    Q_EMIT filePathChanged(path_);
    return true;
}

// Raw mutators -----------------------------------------------------------------------------------

void GraphDocument::insertNode(const Node& node) {
    project_.graph.addNode(node);
    Q_EMIT nodeAdded(node.id);
    invalidate();
}

void GraphDocument::eraseNode(NodeId id) {
    project_.graph.removeNode(id);  // edges were removed by their own commands first
    Q_EMIT nodeRemoved(id);
    invalidate();
}

void GraphDocument::insertEdge(const Edge& edge) {
    project_.graph.connect(edge.from, edge.to, edge.port, edge.id);
    Q_EMIT edgeAdded(edge.id);
    Q_EMIT nodeChanged(edge.to);  // its port count may change
    invalidate();
}

void GraphDocument::eraseEdge(EdgeId id) {
    const Edge* e = project_.graph.edge(id);
    NodeId to = e ? e->to : 0;
    project_.graph.disconnect(id);
    Q_EMIT edgeRemoved(id);
    if (to) Q_EMIT nodeChanged(to);
    invalidate();
}

void GraphDocument::assignParameter(NodeId id, const std::string& name, const std::optional<ParamValue>& value) {
    Node* n = project_.graph.node(id);
    if (!n) return;
    auto values = n->params.values();
    if (value) values[name] = *value;
    else values.erase(name);
    n->params = NodeParams(values);
    Q_EMIT nodeChanged(id);
    invalidate();
}

void GraphDocument::assignPosition(NodeId id, QPointF pos) {
    if (Node* n = project_.graph.node(id)) {
        n->position = {pos.x(), pos.y()};
        Q_EMIT nodeMoved(id);
    }
}

void GraphDocument::assignSettings(const ProjectSettings& settings) {
    project_.dataset = settings.dataset;
    project_.preprocess = settings.preprocess;
    project_.training = settings.training;
    Q_EMIT settingsChanged();
    invalidate();  // settings and preprocessing have problems of their own
}

// Edits -------------------------------------------------------------------------------------------

ProjectSettings GraphDocument::settings() const {
    return {project_.dataset, project_.preprocess, project_.training};
}

void GraphDocument::setSettings(const ProjectSettings& settings, const QString& what) {
    ProjectSettings before = this->settings();
    if (before == settings) return;
    undo_.push(new ChangeSettingsCommand(this, what, before, settings));
}

NodeId GraphDocument::addNode(const QString& type, QPointF pos) {
    const LayerSpec* spec = LayerRegistry::instance().find(type.toStdString());
    if (!spec) return 0;
    Node n;
    n.id = project_.graph.nextNodeId();
    n.type = spec->type;
    n.name = project_.graph.uniqueName(spec->nameStem);
    n.position = {pos.x(), pos.y()};
    for (const auto& [name, value] : spec->freshParams) n.params.set(name, value);
    undo_.push(new AddNodeCommand(this, n));
    return n.id;
}

void GraphDocument::removeNodes(const QList<NodeId>& ids, const QList<EdgeId>& alsoEdges) {
    if (ids.isEmpty() && alsoEdges.isEmpty()) return;
    auto* macro = new QUndoCommand(ids.isEmpty()      ? Tr::tr("Disconnect")
                                   : ids.size() == 1 ? Tr::tr("Delete layer")
                                                     : Tr::tr("Delete %n layers", nullptr, ids.size()));
    std::set<EdgeId> edges;
    for (EdgeId e : alsoEdges)
        if (project_.graph.edge(e)) edges.insert(e);
    for (NodeId id : ids) {
        for (const Edge& e : project_.graph.inputsOf(id)) edges.insert(e.id);
        for (const Edge& e : project_.graph.outputsOf(id)) edges.insert(e.id);
    }
    for (EdgeId e : edges) new RemoveEdgeCommand(this, *project_.graph.edge(e), macro);
    for (NodeId id : ids)
        if (const Node* n = project_.graph.node(id)) new RemoveNodeCommand(this, *n, macro);
    undo_.push(macro);
}

void GraphDocument::disconnectEdges(const QList<EdgeId>& ids) {
    if (ids.isEmpty()) return;
    auto* macro = new QUndoCommand(Tr::tr("Disconnect"));
    for (EdgeId id : ids)
        if (const Edge* e = project_.graph.edge(id)) new RemoveEdgeCommand(this, *e, macro);
    undo_.push(macro);
}

int GraphDocument::inputPortCount(NodeId id) const {
    const Node* n = project_.graph.node(id);
    if (!n) return 0;
    const LayerSpec* spec = LayerRegistry::instance().find(n->type);
    if (!spec) return 0;
    if (spec->maxInputs != kVariadic) return spec->maxInputs;
    int highest = -1;
    for (const Edge& e : project_.graph.inputsOf(id)) highest = std::max(highest, e.port);
    return std::max(spec->minInputs, highest + 2);
}

QString GraphDocument::connectionProblem(NodeId from, NodeId to, int port) const {
    const Graph& g = project_.graph;
    const Node* a = g.node(from);
    const Node* b = g.node(to);
    if (!a || !b) return Tr::tr("No such layer.");
    if (from == to) return Tr::tr("A layer cannot feed itself.");
    if (a->type == "Output") return Tr::tr("Output is where the network ends: it has no output to connect.");
    if (port < 0 || port >= inputPortCount(to)) return Tr::tr("%1 has no input %2.").arg(QString::fromStdString(b->name)).arg(port + 1);
    for (const Edge& e : g.inputsOf(to))
        if (e.port == port) return Tr::tr("Input %1 of %2 is already connected.").arg(port + 1).arg(QString::fromStdString(b->name));
    // Would it close a cycle? Follow the edges downstream from `to`.
    std::set<NodeId> seen;
    std::function<bool(NodeId)> reaches = [&](NodeId n) {
        if (n == from) return true;
        if (!seen.insert(n).second) return false;
        for (const Edge& e : g.outputsOf(n))
            if (reaches(e.to)) return true;
        return false;
    };
    if (reaches(to)) return Tr::tr("This connection would make a cycle.");
    // Does the shape fit? Ask the registry's rule with the source's output.
    const GraphAnalysis& a2 = analysis();
    auto it = a2.nodes.find(from);
    const LayerSpec* spec = LayerRegistry::instance().find(b->type);
    if (it != a2.nodes.end() && it->second.output && spec && spec->maxInputs == 1) {
        std::vector<TensorType> inputs{*it->second.output};
        ShapeContext ctx{inputs, ParamReader(spec->params, b->params)};
        ShapeResult r = spec->inferShape(ctx);
        if (!r.error.empty()) return QString::fromStdString(r.error);
    }
    return {};
}

bool GraphDocument::connectPorts(NodeId from, NodeId to, int port, QString* why) {
    QString problem = connectionProblem(from, to, port);
    if (!problem.isEmpty()) {
        if (why) *why = problem;
        return false;
    }
    undo_.push(new AddEdgeCommand(this, Edge{project_.graph.nextEdgeId(), from, to, port}));
    return true;
}

bool GraphDocument::setParameter(NodeId node, const QString& name, const ParamValue& value, QString* why) {
    const Node* n = project_.graph.node(node);
    if (!n) return false;
    const LayerSpec* spec = LayerRegistry::instance().find(n->type);
    const ParamSpec* ps = spec ? spec->param(name.toStdString()) : nullptr;
    if (!ps) return false;
    std::string problem = checkParamValue(*ps, value);
    if (!problem.empty()) {
        if (why) *why = QString::fromStdString(problem);
        return false;
    }
    std::optional<ParamValue> before;
    if (const ParamValue* v = n->params.find(ps->name)) before = *v;
    if (before && *before == value) return true;
    undo_.push(new ChangeParameterCommand(this, node, ps->name, before, value));
    return true;
}

void GraphDocument::setFollowsData(NodeId input, bool follow) {
    const Node* n = project_.graph.node(input);
    if (!n || n->type != "Input" || followsData(*n) == follow) return;
    const LayerSpec* spec = LayerRegistry::instance().find(n->type);
    const NodeParams effective = effectiveParams(*n, dataInput());
    undo_.beginMacro(follow ? Tr::tr("Input follows the data") : Tr::tr("Fix the Input's shape"));
    setParameter(input, QStringLiteral("shape_from"), std::string(follow ? "data" : "fixed"));
    if (!follow) {
        const std::string kind = ParamReader(spec->params, effective).choice("kind");
        setParameter(input, QStringLiteral("kind"), kind);
        if (auto it = spec->kindFields.find(kind); it != spec->kindFields.end())
            for (const std::string& field : it->second)
                setParameter(input, QString::fromStdString(field), ParamReader(spec->params, effective).value(field));
    }
    undo_.endMacro();
}

void GraphDocument::moveNodes(const QHash<NodeId, QPointF>& positions) {
    QHash<NodeId, QPointF> before, after;
    for (auto it = positions.begin(); it != positions.end(); ++it) {
        const Node* n = project_.graph.node(it.key());
        if (!n) continue;
        QPointF old(n->position.x, n->position.y);
        if (old == it.value()) continue;
        before.insert(it.key(), old);
        after.insert(it.key(), it.value());
    }
    if (!after.isEmpty()) undo_.push(new MoveNodesCommand(this, before, after));
}

void GraphDocument::autoLayout() {
    // Layered left to right: each node's column is its longest path from a source, rows keep
    // the previous vertical order inside a column, so edges run forward and never cross a node.
    const GraphAnalysis& a = analysis();
    std::map<NodeId, int> column;
    for (NodeId id : a.order) {
        int c = 0;
        for (const Edge& e : project_.graph.inputsOf(id)) c = std::max(c, column[e.from] + 1);
        column[id] = c;
    }
    for (const auto& [id, n] : project_.graph.nodes())
        if (!column.count(id)) column[id] = 0;  // nodes on a cycle
    std::map<int, std::vector<NodeId>> columns;
    for (const auto& [id, c] : column) columns[c].push_back(id);
    QHash<NodeId, QPointF> positions;
    for (auto& [c, ids] : columns) {
        std::sort(ids.begin(), ids.end(), [&](NodeId x, NodeId y) {
            return project_.graph.node(x)->position.y < project_.graph.node(y)->position.y;
        });
        double top = -0.5 * (ids.size() - 1) * 130.0;
        for (size_t k = 0; k < ids.size(); ++k) positions.insert(ids[k], QPointF(c * 270.0, top + k * 130.0));
    }
    QHash<NodeId, QPointF> before, after;
    for (auto it = positions.begin(); it != positions.end(); ++it) {
        const Node* n = project_.graph.node(it.key());
        before.insert(it.key(), QPointF(n->position.x, n->position.y));
        after.insert(it.key(), it.value());
    }
    auto* cmd = new MoveNodesCommand(this, before, after);
    cmd->setText(Tr::tr("Auto-layout"));
    undo_.push(cmd);
}

QByteArray GraphDocument::copyAsJson(const QList<NodeId>& ids) const {
    Project clip;
    clip.name = "clipboard";
    std::set<NodeId> chosen(ids.begin(), ids.end());
    for (NodeId id : ids)
        if (const Node* n = project_.graph.node(id)) clip.graph.addNode(*n);
    for (const auto& [eid, e] : project_.graph.edges())
        if (chosen.count(e.from) && chosen.count(e.to)) clip.graph.connect(e.from, e.to, e.port, eid);
    return QByteArray::fromStdString(serializeProject(clip));
}

QList<NodeId> GraphDocument::pasteJson(const QByteArray& json, QPointF offset) {
    ProjectLoad load = parseProject(json.toStdString());
    QList<NodeId> added;
    if (!load.ok() || load.project->graph.nodes().empty()) return added;
    auto* macro = new QUndoCommand(Tr::tr("Paste"));
    std::map<NodeId, NodeId> remap;
    NodeId next = project_.graph.nextNodeId();
    std::set<std::string> taken;
    for (const auto& [id, n] : project_.graph.nodes()) taken.insert(n.name);
    for (const auto& [id, n] : load.project->graph.nodes()) {
        Node copy = n;
        copy.id = next++;
        std::string stem = n.name.empty() ? "layer" : n.name;
        std::string name = stem;
        for (int k = 2; taken.count(name); ++k) name = stem + "_" + std::to_string(k);
        taken.insert(name);
        copy.name = name;
        copy.position = {n.position.x + offset.x(), n.position.y + offset.y()};
        remap[id] = copy.id;
        new AddNodeCommand(this, copy, macro);
        added.append(copy.id);
    }
    EdgeId nextEdge = project_.graph.nextEdgeId();
    for (const auto& [eid, e] : load.project->graph.edges())
        new AddEdgeCommand(this, Edge{nextEdge++, remap[e.from], remap[e.to], e.port}, macro);
    undo_.push(macro);
    return added;
}

}  // namespace netloom::ui
