#pragma once
// The editor's commands as QActions, shared by the menu bar, the toolbar and the canvas's context
// menus: clipboard (paste lands at the cursor and never on top of other layers), duplicate, delete,
// rename (F2), disconnect, add a layer where the menu was opened, groups (Ctrl+G groups the
// selection, Ctrl+Shift+G ungroups, expand/collapse, rename), and the layered layout (Ctrl+L, off
// the GUI thread) with its direction.
#include <QObject>
#include <QPointF>
#include <optional>

#include "graph/graph.h"

class QAction;
class QActionGroup;
class QMenu;
class QWidget;

namespace netloom::ui {

class GraphDocument;
class GraphScene;
class GraphView;

class EditorActions : public QObject {
    Q_OBJECT
public:
    EditorActions(GraphDocument* doc, GraphScene* scene, GraphView* view, QObject* parent = nullptr);

    QAction* cut() const { return cut_; }
    QAction* copy() const { return copy_; }
    QAction* paste() const { return paste_; }
    QAction* duplicate() const { return duplicate_; }
    QAction* remove() const { return remove_; }
    QAction* rename() const { return rename_; }
    QAction* disconnectAction() const { return disconnect_; }
    QAction* selectAll() const { return selectAll_; }
    QAction* layout() const { return layout_; }
    QAction* topToBottom() const { return topToBottom_; }
    QAction* leftToRight() const { return leftToRight_; }
    QAction* fitToView() const { return fitToView_; }
    QAction* group() const { return group_; }
    QAction* ungroup() const { return ungroup_; }
    QAction* toggleGroup() const { return toggleGroup_; }
    QAction* renameGroup() const { return renameGroup_; }

    // The menu for what lies at `scenePos`: a layer (selected first when it is not), a connection
    // or the empty canvas. The caller shows it; it deletes itself when closed.
    QMenu* contextMenu(QPointF scenePos, QWidget* parent);

    void copySelection();
    // Pastes the clipboard with its top-left corner at `at` (scene), or 40 px right and below
    // where it was copied; moved further until no pasted layer lies on another. Returns the new ids.
    QList<NodeId> pasteAt(std::optional<QPointF> at);
    // The offset that puts the nodes of `json` at `at` (or 40, 40 from where they were) and clear
    // of every layer in the document.
    QPointF clearOffset(const QByteArray& json, std::optional<QPointF> at) const;

Q_SIGNALS:
    // F2 or "Rename…" on a layer: the window puts the keyboard into the inspector's name field.
    void renameRequested(NodeId id);
    // An edit the document refused, in words (for the status bar).
    void editRefused(const QString& why);

private:
    QAction* make(const QString& text, const QKeySequence& key, const char* name);
    std::optional<QPointF> cursorScenePos() const;
    void updateDirection();
    // The groups of the selected layers (a selected collapsed group included), by index.
    QList<int> selectedGroups() const;
    void updateGroupActions();

    GraphDocument* doc_;
    GraphScene* scene_;
    GraphView* view_;
    QAction *cut_, *copy_, *paste_, *duplicate_, *remove_, *rename_, *disconnect_, *selectAll_;
    QAction *layout_, *topToBottom_, *leftToRight_, *fitToView_;
    QAction *group_, *ungroup_, *toggleGroup_, *renameGroup_;
    QActionGroup* directionGroup_;
};

}  // namespace netloom::ui
