#include "panels/layer_palette.h"

#include <QDrag>
#include <QLineEdit>
#include <QMimeData>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "canvas/graph_view.h"
#include "graph/layer_registry.h"

namespace netloom::ui {

namespace {

// A tree that starts a drag carrying the layer type. Its model's mimeData() is the drag's payload.
class PaletteTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override { return {QString::fromLatin1(layerMimeType())}; }
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override {
        if (items.size() != 1 || items.first()->childCount() > 0) return nullptr;
        auto* mime = new QMimeData;
        mime->setData(layerMimeType(), items.first()->data(0, Qt::UserRole).toString().toUtf8());
        return mime;
    }
    void startDrag(Qt::DropActions) override {
        QTreeWidgetItem* item = currentItem();
        if (!item) return;
        QMimeData* mime = mimeData({item});
        if (!mime) return;
        auto* drag = new QDrag(this);
        drag->setMimeData(mime);
        drag->exec(Qt::CopyAction);
    }
};

}  // namespace

LayerPalette::LayerPalette(QWidget* parent) : QWidget(parent), search_(new QLineEdit(this)), tree_(new PaletteTree(this)) {
    search_->setPlaceholderText(tr("Search layers…"));
    search_->setClearButtonEnabled(true);
    tree_->setHeaderHidden(true);
    tree_->setDragEnabled(true);
    tree_->setDragDropMode(QAbstractItemView::DragOnly);
    const LayerRegistry& registry = LayerRegistry::instance();
    for (const std::string& category : registry.categories()) {
        auto* group = new QTreeWidgetItem(tree_, {QString::fromStdString(category)});
        group->setFlags(Qt::ItemIsEnabled);
        for (const LayerSpec& spec : registry.all()) {
            if (spec.category != category) continue;
            auto* item = new QTreeWidgetItem(group, {QString::fromStdString(spec.type)});
            item->setData(0, Qt::UserRole, QString::fromStdString(spec.type));
            item->setToolTip(0, QString::fromStdString(spec.description));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    tree_->expandAll();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(search_);
    layout->addWidget(tree_);
    connect(search_, &QLineEdit::textChanged, this, &LayerPalette::setFilter);
    connect(tree_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        if (item->childCount() == 0) Q_EMIT layerActivated(item->data(0, Qt::UserRole).toString());
    });
}

void LayerPalette::setFilter(const QString& text) {
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = tree_->topLevelItem(g);
        int shown = 0;
        for (int k = 0; k < group->childCount(); ++k) {
            QTreeWidgetItem* item = group->child(k);
            bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive) ||
                         item->toolTip(0).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match;
        }
        group->setHidden(shown == 0);
    }
}

int LayerPalette::visibleLayerCount() const {
    int n = 0;
    for (int g = 0; g < tree_->topLevelItemCount(); ++g)
        for (int k = 0; k < tree_->topLevelItem(g)->childCount(); ++k) n += !tree_->topLevelItem(g)->child(k)->isHidden();
    return n;
}

}  // namespace netloom::ui
