#pragma once
// The layer palette: categories and layers from the registry, search as you type, drag source.
#include <QWidget>

class QLineEdit;
class QTreeWidget;

namespace netloom::ui {

class LayerPalette : public QWidget {
    Q_OBJECT
public:
    explicit LayerPalette(QWidget* parent = nullptr);
    void setFilter(const QString& text);
    int visibleLayerCount() const;

Q_SIGNALS:
    void layerActivated(const QString& type);  // double-click: add at the view's centre

private:
    QLineEdit* search_;
    QTreeWidget* tree_;
};

}  // namespace netloom::ui
