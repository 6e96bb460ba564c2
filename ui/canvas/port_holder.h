#pragma once
// What a connection on the canvas attaches to: a layer, or a collapsed group standing in for its
// layers. Scene coordinates.
#include <QPointF>

namespace netloom::ui {

class PortHolder {
public:
    virtual ~PortHolder() = default;
    virtual QPointF inputPortPos(int port) const = 0;
    virtual QPointF outputPortPos() const = 0;
};

}  // namespace netloom::ui
