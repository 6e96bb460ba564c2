#include "canvas/new_edge_interaction.h"

#include <QGraphicsPathItem>
#include <QPen>

#include "canvas/edge_item.h"
#include "canvas/graph_scene.h"
#include "canvas/node_item.h"
#include "document/graph_document.h"

namespace netloom::ui {

NewEdgeInteraction::NewEdgeInteraction(GraphScene* scene, NodeId source, const PortHolder* from)
    : scene_(scene), source_(source), from_(from), preview_(new QGraphicsPathItem()) {
    preview_->setPen(QPen(QColor(0x29, 0x80, 0xb9), 2, Qt::DashLine));
    scene_->addItem(preview_);
    // Light up every input port that would accept this edge (an occupied one too: a drop there
    // replaces its connection).
    for (NodeItem* item : scene_->nodeItems()) {
        if (!item->isVisible()) continue;  // inside a collapsed group
        QList<int> ok;
        for (int p = 0; p < scene_->document()->inputPortCount(item->nodeId()); ++p)
            if (scene_->document()->connectionProblem(source_, item->nodeId(), p, true).isEmpty()) ok << p;
        item->setPortHighlight(ok);
    }
}

NewEdgeInteraction::~NewEdgeInteraction() {
    for (NodeItem* item : scene_->nodeItems()) item->setPortHighlight({});
    scene_->removeItem(preview_);
    delete preview_;
}

void NewEdgeInteraction::move(QPointF scenePos) {
    preview_->setPath(EdgeItem::curve(from_->outputPortPos(), scenePos, scene_->document()->direction()));
}

QString NewEdgeInteraction::finish(QPointF scenePos) {
    for (NodeItem* item : scene_->nodeItems()) {
        int port = item->isVisible() ? item->inputPortAt(scenePos) : -1;
        if (port < 0) continue;
        QString why;
        if (!scene_->document()->connectPorts(source_, item->nodeId(), port, &why, true)) return why;
        return {};
    }
    return {};
}

}  // namespace netloom::ui
