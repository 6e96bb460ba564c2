#pragma once
// The samples of a dataset as a list model for a virtualised QListView: the view asks only for
// the rows it shows, and their thumbnails are made lazily on a worker pool, cached, and announced
// with dataChanged when they arrive. 70,000 Fashion-MNIST images scroll without a freeze.
#include <QAbstractListModel>
#include <QCache>
#include <QPixmap>
#include <QSet>
#include <QThreadPool>
#include <memory>

#include "data/data_browser.h"

namespace netloom::ui {

class ThumbnailModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int kThumbnailSize = 64;
    explicit ThumbnailModel(QObject* parent = nullptr);
    ~ThumbnailModel() override;

    void setBrowser(std::shared_ptr<const DataBrowser> browser);
    std::shared_ptr<const DataBrowser> browser() const { return browser_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    // Thumbnails made so far (for tests and the status line).
    int thumbnailsMade() const { return made_; }

Q_SIGNALS:
    // A sample could not be decoded (image folders): the browser lists it with the reason.
    void unreadable(int row, const QString& reason);

private:
    void requestThumbnail(int row) const;
    void startBatch() const;
    void deliver(quint64 generation, int row, const QImage& image, const QString& error);

    std::shared_ptr<const DataBrowser> browser_;
    quint64 generation_ = 0;
    mutable QCache<int, QPixmap> cache_{4000};
    mutable QSet<int> pending_, queued_;
    mutable bool batchScheduled_ = false;
    mutable QThreadPool pool_;
    int made_ = 0;
};

}  // namespace netloom::ui
