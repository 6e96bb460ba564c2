#include "document/undo_commands.h"

#include <QCoreApplication>

#include "document/graph_document.h"

namespace netloom::ui {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Editor)
};

AddNodeCommand::AddNodeCommand(GraphDocument* doc, Node node, QUndoCommand* parent)
    : QUndoCommand(Tr::tr("Add %1").arg(QString::fromStdString(node.type)), parent), doc_(doc), node_(std::move(node)) {}
void AddNodeCommand::redo() { doc_->insertNode(node_); }
void AddNodeCommand::undo() { doc_->eraseNode(node_.id); }

AddEdgeCommand::AddEdgeCommand(GraphDocument* doc, Edge edge, QUndoCommand* parent)
    : QUndoCommand(Tr::tr("Connect"), parent), doc_(doc), edge_(edge) {}
void AddEdgeCommand::redo() { doc_->insertEdge(edge_); }
void AddEdgeCommand::undo() { doc_->eraseEdge(edge_.id); }

RemoveEdgeCommand::RemoveEdgeCommand(GraphDocument* doc, Edge edge, QUndoCommand* parent)
    : QUndoCommand(Tr::tr("Disconnect"), parent), doc_(doc), edge_(edge) {}
void RemoveEdgeCommand::redo() { doc_->eraseEdge(edge_.id); }
void RemoveEdgeCommand::undo() { doc_->insertEdge(edge_); }

RemoveNodeCommand::RemoveNodeCommand(GraphDocument* doc, Node node, QUndoCommand* parent)
    : QUndoCommand(Tr::tr("Delete %1").arg(QString::fromStdString(node.name)), parent), doc_(doc), node_(std::move(node)) {}
void RemoveNodeCommand::redo() { doc_->eraseNode(node_.id); }
void RemoveNodeCommand::undo() { doc_->insertNode(node_); }

ChangeParameterCommand::ChangeParameterCommand(GraphDocument* doc, NodeId node, std::string name,
                                               std::optional<ParamValue> before, std::optional<ParamValue> after)
    : QUndoCommand(Tr::tr("Change %1").arg(QString::fromStdString(name))), doc_(doc), node_(node), name_(std::move(name)),
      before_(std::move(before)), after_(std::move(after)) {}
void ChangeParameterCommand::redo() { doc_->assignParameter(node_, name_, after_); }
void ChangeParameterCommand::undo() { doc_->assignParameter(node_, name_, before_); }
bool ChangeParameterCommand::mergeWith(const QUndoCommand* other) {
    auto o = static_cast<const ChangeParameterCommand*>(other);
    if (o->node_ != node_ || o->name_ != name_) return false;
    after_ = o->after_;
    return true;
}

MoveNodesCommand::MoveNodesCommand(GraphDocument* doc, QHash<NodeId, QPointF> before, QHash<NodeId, QPointF> after,
                                   QUndoCommand* parent)
    : QUndoCommand(Tr::tr("Move"), parent), doc_(doc), before_(std::move(before)), after_(std::move(after)) {}
void MoveNodesCommand::redo() {
    for (auto it = after_.begin(); it != after_.end(); ++it) doc_->assignPosition(it.key(), it.value());
}
void MoveNodesCommand::undo() {
    for (auto it = before_.begin(); it != before_.end(); ++it) doc_->assignPosition(it.key(), it.value());
}

RenameNodeCommand::RenameNodeCommand(GraphDocument* doc, NodeId node, std::string before, std::string after)
    : QUndoCommand(Tr::tr("Rename %1 to %2").arg(QString::fromStdString(before), QString::fromStdString(after))),
      doc_(doc), node_(node), before_(std::move(before)), after_(std::move(after)) {}
void RenameNodeCommand::redo() { doc_->assignName(node_, after_); }
void RenameNodeCommand::undo() { doc_->assignName(node_, before_); }

LayoutCommand::LayoutCommand(GraphDocument* doc, QHash<NodeId, QPointF> before, QHash<NodeId, QPointF> after,
                             LayoutDirection directionBefore, LayoutDirection directionAfter,
                             std::map<EdgeId, EdgeRoute> routesBefore, std::map<EdgeId, EdgeRoute> routesAfter)
    : QUndoCommand(Tr::tr("Layout")), doc_(doc), before_(std::move(before)), after_(std::move(after)),
      directionBefore_(directionBefore), directionAfter_(directionAfter), routesBefore_(std::move(routesBefore)),
      routesAfter_(std::move(routesAfter)) {}
void LayoutCommand::redo() {
    doc_->assignDirection(directionAfter_);
    for (auto it = after_.begin(); it != after_.end(); ++it) doc_->assignPosition(it.key(), it.value());
    doc_->assignRoutes(routesAfter_);
}
void LayoutCommand::undo() {
    doc_->assignDirection(directionBefore_);
    for (auto it = before_.begin(); it != before_.end(); ++it) doc_->assignPosition(it.key(), it.value());
    doc_->assignRoutes(routesBefore_);
}

ChangeSettingsCommand::ChangeSettingsCommand(GraphDocument* doc, const QString& what, ProjectSettings before,
                                             ProjectSettings after, QString mergeKey)
    : QUndoCommand(what), doc_(doc), before_(std::move(before)), after_(std::move(after)), mergeKey_(std::move(mergeKey)) {}

void ChangeSettingsCommand::redo() { doc_->assignSettings(after_); }
void ChangeSettingsCommand::undo() { doc_->assignSettings(before_); }

bool ChangeSettingsCommand::mergeWith(const QUndoCommand* other) {
    auto* o = static_cast<const ChangeSettingsCommand*>(other);
    // Keyed by what is edited, never by the (translated) undo text.
    if (o->doc_ != doc_ || mergeKey_.isEmpty() || o->mergeKey_ != mergeKey_) return false;
    after_ = o->after_;
    return true;
}

ChangeGroupsCommand::ChangeGroupsCommand(GraphDocument* doc, const QString& text, std::vector<NodeGroup> before,
                                         std::vector<NodeGroup> after, QUndoCommand* parent)
    : QUndoCommand(text, parent), doc_(doc), before_(std::move(before)), after_(std::move(after)) {}
ChangeGroupsCommand::~ChangeGroupsCommand() = default;
void ChangeGroupsCommand::redo() {
    doc_->assignGroups(after_);
    if (layout_) layout_->redo();
}
void ChangeGroupsCommand::undo() {
    if (layout_) layout_->undo();
    doc_->assignGroups(before_);
}
void ChangeGroupsCommand::attachLayout(std::unique_ptr<LayoutCommand> layout) {
    layout_ = std::move(layout);
    layout_->redo();
}

}  // namespace netloom::ui
