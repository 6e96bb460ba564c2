#include "document/graph_document.h"

#include <algorithm>

#include <QCoreApplication>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>
#include <functional>
#include <utility>
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
    ++generation_;
    if (analysisPending_) return;
    analysisPending_ = true;
    // Coalesce: a paste of 50 nodes re-analyses once, not 50 times.
    QTimer::singleShot(0, this, [this] {
        analysisPending_ = false;
        Q_EMIT analysisChanged(changedSinceLastEmission());
    });
}

void GraphDocument::setDataFacts(const std::optional<DataFacts>& facts) {
    dataFacts_ = facts;
    invalidate();
}

// A node's analysis as views show it: its output, its parameter count and its problems.
static std::string shownState(const GraphAnalysis& analysis, NodeId id) {
    std::string state;
    auto it = analysis.nodes.find(id);
    if (it != analysis.nodes.end()) {
        state = it->second.output ? it->second.output->toString() : "?";
        state += "|" + std::to_string(it->second.params);
    }
    for (const Problem& p : analysis.problems)
        if (p.node == id) state += "|" + p.message;
    return state;
}

QList<NodeId> GraphDocument::changedSinceLastEmission() const {
    const GraphAnalysis& a = analysis();
    std::map<NodeId, std::string> now;
    for (const auto& [id, node] : project_.graph.nodes()) now[id] = shownState(a, id);
    QSet<NodeId> changed = touched_;
    for (const auto& [id, state] : now) {
        auto it = shown_.find(id);
        if (it == shown_.end() || it->second != state) changed.insert(id);
    }
    for (const auto& [id, state] : shown_)
        if (!now.count(id)) changed.insert(id);
    auto* self = const_cast<GraphDocument*>(this);
    self->shown_ = std::move(now);
    self->touched_.clear();
    QList<NodeId> list(changed.begin(), changed.end());
    std::sort(list.begin(), list.end());
    return list;
}

std::optional<DataInput> GraphDocument::dataInput() const {
    return dataInputOf(project_, dataFacts_ ? &*dataFacts_ : nullptr);
}

void GraphDocument::reset(Project project, const QString& path) {
    project_ = std::move(project);
    shown_.clear();
    touched_.clear();
    dataFacts_.reset();  // another project's data says nothing about this one
    path_ = path;
    undo_.clear();
    analysisValid_ = false;
    routes_.clear();
    ++resets_;
    relayout_ = false;
    relayoutAttachTo_ = nullptr;
    Q_EMIT documentReset();
    Q_EMIT filePathChanged(path_);
    invalidate();
    // A file laid out by this engine gets its routed edges back; any other keeps its own curves.
    if (!project_.graph.nodes().empty()) startLayout(std::nullopt, true);
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
    touch(node.id);
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
    touch(edge.to);
    Q_EMIT nodeChanged(edge.to);  // its port count may change
    invalidate();
}

void GraphDocument::eraseEdge(EdgeId id) {
    const Edge* e = project_.graph.edge(id);
    NodeId to = e ? e->to : 0;
    project_.graph.disconnect(id);
    Q_EMIT edgeRemoved(id);
    if (to) {
        touch(to);
        Q_EMIT nodeChanged(to);
    }
    invalidate();
}

void GraphDocument::assignParameter(NodeId id, const std::string& name, const std::optional<ParamValue>& value) {
    Node* n = project_.graph.node(id);
    if (!n) return;
    auto values = n->params.values();
    if (value) values[name] = *value;
    else values.erase(name);
    n->params = NodeParams(values);
    touch(id);
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
    const bool dataset = !(project_.dataset == settings.dataset);
    const bool preprocessing = !(project_.preprocess == settings.preprocess);
    const bool training = !(project_.training == settings.training);
    project_.dataset = settings.dataset;
    project_.preprocess = settings.preprocess;
    project_.training = settings.training;
    if (dataset) Q_EMIT datasetChanged();
    if (preprocessing) Q_EMIT preprocessingChanged();
    if (training) Q_EMIT trainingChanged();
    invalidate();  // settings and preprocessing have problems of their own
}

void GraphDocument::assignName(NodeId id, const std::string& name) {
    if (Node* n = project_.graph.node(id)) {
        n->name = name;
        touch(id);
        Q_EMIT nodeChanged(id);
        invalidate();
    }
}

void GraphDocument::assignDirection(LayoutDirection direction) {
    if (project_.editor.direction == direction) return;
    project_.editor.direction = direction;
    Q_EMIT directionChanged();
}

void GraphDocument::assignRoutes(std::map<EdgeId, EdgeRoute> routes) {
    routes_ = std::move(routes);
    Q_EMIT routesChanged();
}

void GraphDocument::assignGroups(std::vector<NodeGroup> groups) {
    if (project_.editor.groups == groups) return;
    project_.editor.groups = std::move(groups);
    ++generation_;  // a running layout was made for other groups
    Q_EMIT groupsChanged();
}

const EdgeRoute* GraphDocument::route(EdgeId id) const {
    auto it = routes_.find(id);
    return it == routes_.end() ? nullptr : &it->second;
}

// Edits -------------------------------------------------------------------------------------------

ProjectSettings GraphDocument::settings() const {
    return {project_.dataset, project_.preprocess, project_.training};
}

void GraphDocument::setSettings(const ProjectSettings& settings, const QString& what, const QString& mergeKey) {
    ProjectSettings before = this->settings();
    if (before == settings) return;
    undo_.push(new ChangeSettingsCommand(this, what, before, settings, mergeKey));
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
    // The groups lose the deleted layers first (a group never names a missing layer), and get
    // them back last on undo.
    std::vector<NodeGroup> pruned = groupsWithout(std::set<NodeId>(ids.begin(), ids.end()));
    if (pruned != project_.editor.groups)
        new ChangeGroupsCommand(this, macro->text(), project_.editor.groups, std::move(pruned), macro);
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

int GraphDocument::inputPortCount(NodeId id) const { return netloom::inputPortCount(project_.graph, id); }

QString GraphDocument::connectionProblem(NodeId from, NodeId to, int port, bool replace) const {
    const ConnectionCheck check = checkConnection(project_.graph, analysis(), from, to, port, replace);
    const Node* target = project_.graph.node(to);
    const QString targetName = target ? QString::fromStdString(target->name) : QString();
    switch (check.rule) {
    case ConnectionRule::Ok: return {};
    case ConnectionRule::NoSuchLayer: return Tr::tr("No such layer.");
    case ConnectionRule::SelfLoop: return Tr::tr("A layer cannot feed itself.");
    case ConnectionRule::NoOutputPort: return Tr::tr("Output is where the network ends: it has no output to connect.");
    case ConnectionRule::NoSuchInput: return Tr::tr("%1 has no input %2.").arg(targetName).arg(port + 1);
    case ConnectionRule::InputTaken: return Tr::tr("Input %1 of %2 is already connected.").arg(port + 1).arg(targetName);
    case ConnectionRule::Cycle: return Tr::tr("This connection would make a cycle.");
    case ConnectionRule::ShapeMismatch: return QString::fromStdString(check.detail);
    }
    return {};
}

bool GraphDocument::connectPorts(NodeId from, NodeId to, int port, QString* why, bool replace) {
    QString problem = connectionProblem(from, to, port, replace);
    if (!problem.isEmpty()) {
        if (why) *why = problem;
        return false;
    }
    std::optional<Edge> old;
    for (const Edge& e : project_.graph.inputsOf(to))
        if (e.port == port) old = e;
    if (old && old->from == from) return true;  // already so
    Edge edge{project_.graph.nextEdgeId(), from, to, port};
    if (!old) {
        undo_.push(new AddEdgeCommand(this, edge));
        return true;
    }
    // Replace-on-drop: the old edge goes and the new one comes in one step.
    auto* macro = new QUndoCommand(Tr::tr("Replace connection"));
    new RemoveEdgeCommand(this, *old, macro);
    new AddEdgeCommand(this, edge, macro);
    undo_.push(macro);
    return true;
}

bool GraphDocument::renameNode(NodeId id, const QString& name, QString* why) {
    const Node* n = project_.graph.node(id);
    if (!n) return false;
    const std::string wanted = name.trimmed().toStdString();
    if (wanted.empty()) {
        if (why) *why = Tr::tr("A layer needs a name.");
        return false;
    }
    if (wanted == n->name) return true;
    if (const Node* other = project_.graph.nodeByName(wanted); other && other->id != id) {
        if (why) *why = Tr::tr("Another layer is already called %1.").arg(QString::fromStdString(wanted));
        return false;
    }
    undo_.push(new RenameNodeCommand(this, id, n->name, wanted));
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

void GraphDocument::requestLayout(std::optional<LayoutDirection> direction) { startLayout(direction, false); }

void GraphDocument::autoLayout(std::optional<LayoutDirection> direction) {
    const LayoutDirection dir = direction.value_or(project_.editor.direction);
    GraphLayout layout = computeLayout(layoutRequest(dir));
    if (!layout.ok()) {
        Q_EMIT layoutError(QString::fromStdString(layout.error));
        return;
    }
    placeCollapsedMembers(layout, project_.editor.groups, project_.graph);
    applyLayout(layout, dir);
}

void GraphDocument::startLayout(std::optional<LayoutDirection> direction, bool adoptOnly, ChangeGroupsCommand* attachTo) {
    if (layoutWatcher_) {
        if (attachTo) {  // one is running: the change gets its layout once that one is in
            relayout_ = true;
            relayoutDirection_ = direction;
            relayoutAttachTo_ = attachTo;
            return;
        }
        if (!adoptOnly) {  // the user asked: lay out again once the running one is in
            relayout_ = true;
            relayoutDirection_ = direction;
            relayoutAttachTo_ = nullptr;  // a layout of its own
        }
        return;
    }
    const LayoutDirection dir = direction.value_or(project_.editor.direction);
    LayoutRequest request = layoutRequest(dir);
    pending_ = {generation_, resets_, dir, adoptOnly, attachTo};
    layoutWatcher_ = new QFutureWatcher<GraphLayout>(this);
    connect(layoutWatcher_, &QFutureWatcherBase::finished, this, [this] {
        GraphLayout layout = layoutWatcher_->result();
        layoutWatcher_->deleteLater();
        layoutWatcher_ = nullptr;
        const PendingLayout done = pending_;
        if (done.resets != resets_) {  // another project was opened meanwhile: look at that one
            startLayout(std::nullopt, true);
            return;
        }
        if (relayout_) {
            relayout_ = false;
            startLayout(std::exchange(relayoutDirection_, std::nullopt), false, std::exchange(relayoutAttachTo_, nullptr));
            return;
        }
        if (done.attachTo) {
            // Part of a group change while that change is still the last step and nothing was
            // edited since; otherwise dropped (the canvas keeps what the user did).
            const bool current = done.generation == generation_ && undo_.index() > 0 &&
                                 undo_.command(undo_.index() - 1) == done.attachTo;
            if (current && layout.ok()) {
                const bool savedSince = undo_.isClean();  // saved while the layout ran: no longer so
                placeCollapsedMembers(layout, project_.editor.groups, project_.graph);
                done.attachTo->attachLayout(std::unique_ptr<LayoutCommand>(layoutCommand(layout, done.direction)));
                if (savedSince) undo_.resetClean();
            }
            Q_EMIT groupLayoutFinished();
            return;
        }
        if (done.generation != generation_) {  // edited meanwhile: the result is stale
            startLayout(done.direction, done.adoptOnly);
            return;
        }
        if (!layout.ok()) {
            if (!done.adoptOnly) {
                Q_EMIT layoutError(QString::fromStdString(layout.error));
                Q_EMIT layoutFinished();
            }
            return;
        }
        // Not edited since the request: the groups and positions are the ones it was made from.
        placeCollapsedMembers(layout, project_.editor.groups, project_.graph);
        if (!done.adoptOnly) {
            applyLayout(layout, done.direction);
            return;
        }
        if (done.direction != project_.editor.direction) return;
        for (const auto& [id, n] : project_.graph.nodes()) {
            auto it = layout.positions.find(id);
            if (it == layout.positions.end() || std::abs(it->second.x - n.position.x) > 0.5 ||
                std::abs(it->second.y - n.position.y) > 0.5)
                return;  // laid out by hand or by another program: keep the canvas's own curves
        }
        assignRoutes(layout.routes);
    });
    if (!adoptOnly && !attachTo) Q_EMIT layoutStarted();
    layoutWatcher_->setFuture(QtConcurrent::run([request] { return computeLayout(request); }));
}

LayoutRequest GraphDocument::layoutRequest(LayoutDirection direction) const {
    return collapseGroups(layoutRequestFor(project_.graph, analysis(), direction), project_.editor.groups);
}

void GraphDocument::applyLayout(const GraphLayout& layout, LayoutDirection direction) {
    undo_.push(layoutCommand(layout, direction));
    Q_EMIT layoutFinished();
}

LayoutCommand* GraphDocument::layoutCommand(const GraphLayout& layout, LayoutDirection direction) {
    QHash<NodeId, QPointF> before, after;
    for (const auto& [id, p] : layout.positions) {
        const Node* n = project_.graph.node(id);
        if (!n) continue;
        before.insert(id, QPointF(n->position.x, n->position.y));
        after.insert(id, QPointF(p.x, p.y));
    }
    auto* cmd = new LayoutCommand(this, before, after, project_.editor.direction, direction, routes_, layout.routes);
    cmd->setText(direction == LayoutDirection::LeftToRight ? Tr::tr("Layout left to right") : Tr::tr("Layout top to bottom"));
    return cmd;
}

void GraphDocument::pushGroups(const QString& text, std::vector<NodeGroup> after) {
    const bool laidOut = !routes_.empty();  // the canvas shows this engine's layout: keep it tidy
    auto* cmd = new ChangeGroupsCommand(this, text, project_.editor.groups, std::move(after));
    undo_.push(cmd);
    if (laidOut) startLayout(std::nullopt, false, cmd);
}

// Groups -------------------------------------------------------------------------------------------

int GraphDocument::groupOf(NodeId id) const {
    const auto& groups = project_.editor.groups;
    for (size_t i = 0; i < groups.size(); ++i)
        if (std::find(groups[i].members.begin(), groups[i].members.end(), id) != groups[i].members.end())
            return static_cast<int>(i);
    return -1;
}

std::vector<NodeGroup> GraphDocument::groupsWithout(const std::set<NodeId>& removed) const {
    std::vector<NodeGroup> out;
    for (NodeGroup g : project_.editor.groups) {
        g.members.erase(std::remove_if(g.members.begin(), g.members.end(), [&](NodeId m) { return removed.count(m) > 0; }),
                        g.members.end());
        if (!g.members.empty()) out.push_back(std::move(g));
    }
    return out;
}

bool GraphDocument::groupNodes(const QList<NodeId>& ids, const QString& name, QString* why) {
    std::set<NodeId> members;
    for (NodeId id : ids) {
        const Node* n = project_.graph.node(id);
        if (!n) continue;
        if (int g = groupOf(id); g >= 0) {
            if (why)
                *why = Tr::tr("%1 is already in the group %2.")
                           .arg(QString::fromStdString(n->name), QString::fromStdString(project_.editor.groups[g].name));
            return false;
        }
        members.insert(id);
    }
    if (members.empty()) {
        if (why) *why = Tr::tr("Select the layers to group first.");
        return false;
    }
    std::set<std::string> taken;
    for (const NodeGroup& g : project_.editor.groups) taken.insert(g.name);
    std::string wanted = name.trimmed().toStdString();
    for (int k = 1; wanted.empty() || taken.count(wanted); ++k) wanted = "group " + std::to_string(k);
    std::vector<NodeGroup> after = project_.editor.groups;
    after.push_back({wanted, std::vector<NodeId>(members.begin(), members.end()), true});
    pushGroups(Tr::tr("Group %n layers", nullptr, static_cast<int>(members.size())), std::move(after));
    return true;
}

void GraphDocument::ungroup(int index) {
    if (index < 0 || index >= static_cast<int>(project_.editor.groups.size())) return;
    std::vector<NodeGroup> after = project_.editor.groups;
    after.erase(after.begin() + index);
    const bool wasCollapsed = project_.editor.groups[index].collapsed;
    if (wasCollapsed) pushGroups(Tr::tr("Ungroup"), std::move(after));  // its layers come back: make room
    else undo_.push(new ChangeGroupsCommand(this, Tr::tr("Ungroup"), project_.editor.groups, after));
}

void GraphDocument::setGroupCollapsed(int index, bool collapsed) {
    if (index < 0 || index >= static_cast<int>(project_.editor.groups.size())) return;
    if (project_.editor.groups[index].collapsed == collapsed) return;
    std::vector<NodeGroup> after = project_.editor.groups;
    after[index].collapsed = collapsed;
    pushGroups(collapsed ? Tr::tr("Collapse group") : Tr::tr("Expand group"), std::move(after));
}

bool GraphDocument::renameGroup(int index, const QString& name, QString* why) {
    if (index < 0 || index >= static_cast<int>(project_.editor.groups.size())) return false;
    const std::string wanted = name.trimmed().toStdString();
    if (wanted.empty()) {
        if (why) *why = Tr::tr("A group needs a name.");
        return false;
    }
    if (wanted == project_.editor.groups[index].name) return true;
    for (const NodeGroup& g : project_.editor.groups)
        if (g.name == wanted) {
            if (why) *why = Tr::tr("Another group is already called %1.").arg(QString::fromStdString(wanted));
            return false;
        }
    std::vector<NodeGroup> after = project_.editor.groups;
    after[index].name = wanted;
    undo_.push(new ChangeGroupsCommand(this, Tr::tr("Rename group"), project_.editor.groups, after));
    return true;
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
