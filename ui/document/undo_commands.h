#pragma once
// Every change to a document is one of these. They hold ids and values, never graphics items,
// so undo works whatever views are open.
#include <QHash>
#include <QPointF>
#include <QUndoCommand>
#include <memory>
#include <optional>

#include "document/project_settings.h"
#include "graph/graph.h"
#include "layout/graph_layout.h"
#include "project/project.h"

namespace netloom::ui {

class GraphDocument;

enum CommandId { ChangeParameterId = 1, MoveNodesId = 2, ChangeSettingsId = 3 };

class AddNodeCommand : public QUndoCommand {
public:
    AddNodeCommand(GraphDocument* doc, Node node, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
private:
    GraphDocument* doc_;
    Node node_;
};

class AddEdgeCommand : public QUndoCommand {
public:
    AddEdgeCommand(GraphDocument* doc, Edge edge, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
private:
    GraphDocument* doc_;
    Edge edge_;
};

// Removing a node removes its edges in the same step (children restore them on undo).
class RemoveEdgeCommand : public QUndoCommand {
public:
    RemoveEdgeCommand(GraphDocument* doc, Edge edge, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
private:
    GraphDocument* doc_;
    Edge edge_;
};

class RemoveNodeCommand : public QUndoCommand {
public:
    RemoveNodeCommand(GraphDocument* doc, Node node, QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
private:
    GraphDocument* doc_;
    Node node_;
};

class ChangeParameterCommand : public QUndoCommand {
public:
    ChangeParameterCommand(GraphDocument* doc, NodeId node, std::string name, std::optional<ParamValue> before,
                           std::optional<ParamValue> after);
    void redo() override;
    void undo() override;
    int id() const override { return ChangeParameterId; }
    // A spin-box drag is one step: successive edits of the same parameter merge.
    bool mergeWith(const QUndoCommand* other) override;
private:
    GraphDocument* doc_;
    NodeId node_;
    std::string name_;
    std::optional<ParamValue> before_, after_;
};

class MoveNodesCommand : public QUndoCommand {
public:
    MoveNodesCommand(GraphDocument* doc, QHash<NodeId, QPointF> before, QHash<NodeId, QPointF> after,
                     QUndoCommand* parent = nullptr);
    void redo() override;
    void undo() override;
private:
    GraphDocument* doc_;
    QHash<NodeId, QPointF> before_, after_;
};

// A layer's new name.
class RenameNodeCommand : public QUndoCommand {
public:
    RenameNodeCommand(GraphDocument* doc, NodeId node, std::string before, std::string after);
    void redo() override;
    void undo() override;
private:
    GraphDocument* doc_;
    NodeId node_;
    std::string before_, after_;
};

// The layered layout: every position, the direction and the edge routes, as one step.
class LayoutCommand : public QUndoCommand {
public:
    LayoutCommand(GraphDocument* doc, QHash<NodeId, QPointF> before, QHash<NodeId, QPointF> after,
                  LayoutDirection directionBefore, LayoutDirection directionAfter, std::map<EdgeId, EdgeRoute> routesBefore,
                  std::map<EdgeId, EdgeRoute> routesAfter);
    void redo() override;
    void undo() override;
private:
    GraphDocument* doc_;
    QHash<NodeId, QPointF> before_, after_;
    LayoutDirection directionBefore_, directionAfter_;
    std::map<EdgeId, EdgeRoute> routesBefore_, routesAfter_;
};

// The editor's groups (project.editor.groups), before and after: grouping, ungrouping, collapsing,
// expanding, renaming, and the pruning of deleted layers from their groups.
class ChangeGroupsCommand : public QUndoCommand {
public:
    ChangeGroupsCommand(GraphDocument* doc, const QString& text, std::vector<NodeGroup> before,
                        std::vector<NodeGroup> after, QUndoCommand* parent = nullptr);
    ~ChangeGroupsCommand() override;
    void redo() override;
    void undo() override;
    // The layout that made room for the change (it arrives from the worker thread after the push):
    // applied now, and from then on redone and undone with the groups, as one step.
    void attachLayout(std::unique_ptr<LayoutCommand> layout);
private:
    GraphDocument* doc_;
    std::vector<NodeGroup> before_, after_;
    std::unique_ptr<LayoutCommand> layout_;
};

// The dataset, preprocessing and training settings. Successive edits of the same field (the
// command's text names it) merge, so a spin-box drag or typing a learning rate is one step.
class ChangeSettingsCommand : public QUndoCommand {
public:
    // Edits with the same non-empty `mergeKey` merge (typing a value key by key is one step).
    ChangeSettingsCommand(GraphDocument* doc, const QString& what, ProjectSettings before, ProjectSettings after,
                          QString mergeKey = {});
    void redo() override;
    void undo() override;
    int id() const override { return ChangeSettingsId; }
    bool mergeWith(const QUndoCommand* other) override;
private:
    GraphDocument* doc_;
    ProjectSettings before_, after_;
    QString mergeKey_;
};

}  // namespace netloom::ui
