#pragma once
// The studio's document: one project, its undo stack and typed change signals. Commands
// (undo_commands.h) change the model through the raw mutators; the scene and the panels only
// listen. Nothing here knows about graphics items.
#include <QFutureWatcher>
#include <QHash>
#include <QSet>
#include <QObject>
#include <optional>
#include <set>
#include <QPointF>
#include <QString>
#include <QUndoStack>

#include "document/project_settings.h"
#include "graph/connection_rules.h"
#include "graph/graph_analysis.h"
#include "layout/graph_layout.h"
#include "project/project.h"
#include "project/project_checks.h"

namespace netloom::ui {

class ChangeGroupsCommand;
class LayoutCommand;

class GraphDocument : public QObject {
    Q_OBJECT
public:
    explicit GraphDocument(QObject* parent = nullptr);

    bool load(const QString& path, QString* error);
    bool saveAs(const QString& path, QString* error);
    void reset(Project project, const QString& path = {});

    const Project& project() const { return project_; }
    const Graph& graph() const { return project_.graph; }
    // The network's own problems, then the settings', the Input against the preprocessing, and,
    // once the data has been read (setDataFacts), the network against the data: what
    // `netloom-cli validate` reports, shown live on the nodes and in Problems.
    const GraphAnalysis& analysis() const;
    // What the dataset reader found (sample shape, classes); nullopt while unknown.
    void setDataFacts(const std::optional<DataFacts>& facts);
    // What an Input that follows the data takes now (the preprocessing's shape, then the data's).
    std::optional<DataInput> dataInput() const;
    QUndoStack* undoStack() { return &undo_; }
    QString filePath() const { return path_; }
    bool isModified() const { return !undo_.isClean(); }

    // Edits, each one undo step.
    NodeId addNode(const QString& type, QPointF pos);
    // Removes the nodes with their edges, and `edges` (a selection's own edges), in one step.
    void removeNodes(const QList<NodeId>& ids, const QList<EdgeId>& edges = {});
    // Connects an output to an input port. With `replace`, an edge already on that port is removed
    // in the same undo step (a drop on an occupied input).
    bool connectPorts(NodeId from, NodeId to, int port, QString* why = nullptr, bool replace = false);
    void disconnectEdges(const QList<EdgeId>& ids);
    bool setParameter(NodeId node, const QString& name, const ParamValue& value, QString* why = nullptr);
    // An Input follows the data, or keeps a fixed shape: the one it has now, written into its
    // fields (one undo step), so turning "follows the data" off changes nothing on the canvas.
    void setFollowsData(NodeId input, bool follow);
    void moveNodes(const QHash<NodeId, QPointF>& positions);
    // A new, unique name; refused (with the reason) when empty or taken.
    bool renameNode(NodeId id, const QString& name, QString* why = nullptr);

    // The layered layout (core/layout, Graphviz dot). requestLayout() computes it on a worker
    // thread and applies it as one undo step when it arrives (layoutFinished); a graph edited
    // meanwhile is laid out again. `direction` switches TB/LR in the same step.
    void requestLayout(std::optional<LayoutDirection> direction = std::nullopt);
    // The same, synchronously (tests, benchmarks).
    void autoLayout(std::optional<LayoutDirection> direction = std::nullopt);
    bool isLayingOut() const { return layoutWatcher_ != nullptr; }
    LayoutDirection direction() const { return project_.editor.direction; }
    // The route dot computed for an edge at the last layout; the canvas uses it while the edge's
    // ends are where they were (else it draws its own curve). Null when there is none.
    const EdgeRoute* route(EdgeId id) const;
    // Dataset, preprocessing and training settings; `what` names the edit in the undo history.
    ProjectSettings settings() const;
    // Consecutive edits with the same non-empty `mergeKey` (the setting's key, e.g. "training.epochs",
    // or "preprocess.image.2.width") merge into one undo step; other edits never do.
    void setSettings(const ProjectSettings& settings, const QString& what, const QString& mergeKey = {});
    // Pastes nodes (and the edges among them) from JSON made by copyAsJson; returns the new ids.
    QList<NodeId> pasteJson(const QByteArray& json, QPointF offset);
    QByteArray copyAsJson(const QList<NodeId>& ids) const;

    // Groups (project.editor.groups): named blocks of layers the canvas can draw collapsed, as one
    // node with the block's outer ports. Layout treats a collapsed group as one node; training and
    // export never see groups. Each edit below is one undo step.
    const std::vector<NodeGroup>& groups() const { return project_.editor.groups; }
    int groupOf(NodeId id) const;  // the index of the node's group in groups(), or -1
    // Groups the layers, collapsed, under `name` (or "group 1", "group 2", … when empty). Refused,
    // with the reason, when no layer is given or one of them is in a group already.
    bool groupNodes(const QList<NodeId>& ids, const QString& name = {}, QString* why = nullptr);
    void ungroup(int index);
    void setGroupCollapsed(int index, bool collapsed);
    bool renameGroup(int index, const QString& name, QString* why = nullptr);

    // Why `from` → `to`:`port` would be refused, or an empty string (core/graph/connection_rules.h,
    // in words). With `replace`, an occupied port is not a reason.
    QString connectionProblem(NodeId from, NodeId to, int port, bool replace = false) const;
    // Input ports a node shows: its fixed count, or connected + 1 for Add/Concat.
    int inputPortCount(NodeId id) const;

    // Raw mutators for the undo commands only.
    void insertNode(const Node& node);
    void eraseNode(NodeId id);
    void insertEdge(const Edge& edge);
    void eraseEdge(EdgeId id);
    void assignParameter(NodeId id, const std::string& name, const std::optional<ParamValue>& value);
    void assignPosition(NodeId id, QPointF pos);
    void assignSettings(const ProjectSettings& settings);
    void assignName(NodeId id, const std::string& name);
    void assignDirection(LayoutDirection direction);
    void assignRoutes(std::map<EdgeId, EdgeRoute> routes);
    void assignGroups(std::vector<NodeGroup> groups);
    const std::map<EdgeId, EdgeRoute>& routes() const { return routes_; }

Q_SIGNALS:
    void nodeAdded(netloom::NodeId id);
    void nodeRemoved(netloom::NodeId id);
    void nodeChanged(netloom::NodeId id);   // parameters or name
    void nodeMoved(netloom::NodeId id);
    void edgeAdded(netloom::EdgeId id);
    void edgeRemoved(netloom::EdgeId id);
    // Coalesced: once per event-loop turn after any change. `changed`: the nodes whose shape,
    // parameters, name or problems differ from the last emission (views refresh only those).
    void analysisChanged(const QList<netloom::NodeId>& changed);
    void documentReset();
    // One signal per part of the settings, emitted only when that part changed.
    void datasetChanged();
    void preprocessingChanged();
    void trainingChanged();
    void filePathChanged(const QString& path);
    void directionChanged();    // ports move to other sides
    void routesChanged();       // new edge routes (a layout arrived or was undone)
    void groupsChanged();       // a group was made, removed, renamed, collapsed or expanded
    void layoutStarted();
    void layoutFinished();      // the layout is applied (or failed: layoutError)
    void layoutError(const QString& message);
    void groupLayoutFinished();  // the layout a group change asked for is in (or was dropped)

private:
    void invalidate();
    // Starts a worker layout; `adoptOnly`: keep the positions, take the routes only if the layout
    // puts every node where it already is (a file laid out by this engine).
    void startLayout(std::optional<LayoutDirection> direction, bool adoptOnly, ChangeGroupsCommand* attachTo = nullptr);
    // A group change on a laid-out canvas (a block collapsed, expanded, made or dissolved) lays
    // the graph out again, as part of the same undo step (ChangeGroupsCommand::attachLayout).
    void pushGroups(const QString& text, std::vector<NodeGroup> after);
    LayoutCommand* layoutCommand(const GraphLayout& layout, LayoutDirection direction);
    void applyLayout(const GraphLayout& layout, LayoutDirection direction);

    // The request for the graph as the canvas shows it: collapsed groups as one node each.
    LayoutRequest layoutRequest(LayoutDirection direction) const;
    // The groups without `removed` (and without groups left empty).
    std::vector<NodeGroup> groupsWithout(const std::set<NodeId>& removed) const;

    void touch(NodeId id) { touched_.insert(id); }
    QList<NodeId> changedSinceLastEmission() const;

    Project project_;
    std::optional<DataFacts> dataFacts_;
    // What views last saw of each node (its analysis as text), and the nodes edited since.
    std::map<NodeId, std::string> shown_;
    QSet<NodeId> touched_;
    QString path_;
    QUndoStack undo_;
    mutable GraphAnalysis analysis_;
    mutable bool analysisValid_ = false;
    bool analysisPending_ = false;
    std::map<EdgeId, EdgeRoute> routes_;
    quint64 generation_ = 0;  // bumped by every change a layout depends on
    quint64 resets_ = 0;      // bumped when another project replaces this one
    QFutureWatcher<GraphLayout>* layoutWatcher_ = nullptr;
    struct PendingLayout {
        quint64 generation = 0;
        quint64 resets = 0;
        LayoutDirection direction = LayoutDirection::TopToBottom;
        bool adoptOnly = false;
        ChangeGroupsCommand* attachTo = nullptr;  // the step this layout belongs to, if any
    } pending_;
    bool relayout_ = false;  // a request arrived while one was running
    std::optional<LayoutDirection> relayoutDirection_;
    ChangeGroupsCommand* relayoutAttachTo_ = nullptr;  // the group change the next layout belongs to
};

}  // namespace netloom::ui
