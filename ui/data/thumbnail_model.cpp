#include "data/thumbnail_model.h"

#include <QPainter>
#include <QPointer>
#include <QTimer>

#include "data/image_conversion.h"

namespace netloom::ui {

ThumbnailModel::ThumbnailModel(QObject* parent) : QAbstractListModel(parent) {
    // One thread: decoding shares the machine with training, and a visible page of thumbnails
    // is a few milliseconds of work.
    pool_.setMaxThreadCount(1);
}

ThumbnailModel::~ThumbnailModel() {
    pool_.clear();
    pool_.waitForDone();
}

void ThumbnailModel::setBrowser(std::shared_ptr<const DataBrowser> browser) {
    beginResetModel();
    pool_.clear();
    ++generation_;
    browser_ = std::move(browser);
    cache_.clear();
    pending_.clear();
    queued_.clear();
    made_ = 0;
    endResetModel();
}

int ThumbnailModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !browser_) return 0;
    return static_cast<int>(browser_->sampleCount());
}

QVariant ThumbnailModel::data(const QModelIndex& index, int role) const {
    if (!browser_ || !index.isValid() || index.row() >= rowCount()) return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole: {
        if (browser_->kind() == DataBrowser::Kind::Text) {
            QString text = QString::fromStdString(browser_->text(row)).simplified();
            if (text.size() > 120) text = text.left(117) + QStringLiteral("…");
            return QStringLiteral("[%1] %2").arg(QString::fromStdString(browser_->labelName(row)), text);
        }
        return QString::fromStdString(browser_->labelName(row));
    }
    case Qt::DecorationRole:
        if (browser_->kind() != DataBrowser::Kind::Images) return {};
        if (QPixmap* p = cache_.object(row)) return *p;
        requestThumbnail(row);
        return {};
    case Qt::SizeHintRole:
        // Fixed, so the view can lay out every row without a thumbnail (uniformItemSizes).
        if (browser_->kind() == DataBrowser::Kind::Images) return QSize(kThumbnailSize + 20, kThumbnailSize + 22);
        return {};
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2").arg(QString::fromStdString(browser_->labelName(row)),
                                            QString::fromStdString(browser_->origin(row)));
    default: return {};
    }
}

void ThumbnailModel::requestThumbnail(int row) const {
    if (pending_.contains(row)) return;
    pending_.insert(row);
    queued_.insert(row);
    if (!batchScheduled_) {
        batchScheduled_ = true;
        // Collect every row the view asks for during this paint, then decode them in one job.
        QTimer::singleShot(0, const_cast<ThumbnailModel*>(this), [this] { startBatch(); });
    }
}

void ThumbnailModel::startBatch() const {
    batchScheduled_ = false;
    if (queued_.isEmpty() || !browser_) return;
    QList<int> rows = queued_.values();
    queued_.clear();
    std::sort(rows.begin(), rows.end());
    auto browser = browser_;
    const quint64 generation = generation_;
    QPointer<ThumbnailModel> self(const_cast<ThumbnailModel*>(this));
    pool_.start([browser, rows, generation, self] {
        for (int row : rows) {
            std::string error;
            QImage img = toQImage(browser->image(row, &error));
            if (!img.isNull())
                img = img.scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio,
                                 img.width() < kThumbnailSize ? Qt::FastTransformation : Qt::SmoothTransformation);
            QString why = QString::fromStdString(error);
            QMetaObject::invokeMethod(
                self.data(), [self, generation, row, img, why] { if (self) self->deliver(generation, row, img, why); },
                Qt::QueuedConnection);
        }
    });
}

void ThumbnailModel::deliver(quint64 generation, int row, const QImage& image, const QString& error) {
    if (generation != generation_) return;  // a thumbnail of the previous dataset
    pending_.remove(row);
    QPixmap pixmap;
    if (image.isNull()) {
        // A broken sample gets a visible placeholder rather than an empty cell.
        pixmap = QPixmap(kThumbnailSize, kThumbnailSize);
        pixmap.fill(QColor(235, 235, 235));
        QPainter p(&pixmap);
        p.setPen(QPen(QColor(200, 40, 40), 3));
        p.drawLine(12, 12, kThumbnailSize - 12, kThumbnailSize - 12);
        p.drawLine(kThumbnailSize - 12, 12, 12, kThumbnailSize - 12);
        Q_EMIT unreadable(row, error);
    } else {
        pixmap = QPixmap::fromImage(image);
    }
    cache_.insert(row, new QPixmap(pixmap));
    ++made_;
    QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i, {Qt::DecorationRole});
}

}  // namespace netloom::ui
