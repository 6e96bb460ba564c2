#include "data/dataset_source.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "document/graph_document.h"

namespace netloom::ui {

DatasetSource::DatasetSource(GraphDocument* doc, QObject* parent) : QObject(parent), doc_(doc) {
    connect(&watcher_, &QFutureWatcher<Result>::finished, this, &DatasetSource::onFinished);
    connect(doc_, &GraphDocument::documentReset, this, &DatasetSource::reload);
    auto reloadWhenStale = [this] {
        if (!(doc_->project().dataset == loadedSpec_) || !(doc_->project().preprocess == loadedPipeline_)) reload();
    };
    connect(doc_, &GraphDocument::datasetChanged, this, reloadWhenStale);
    connect(doc_, &GraphDocument::preprocessingChanged, this, reloadWhenStale);
}

DatasetSource::~DatasetSource() {
    // The load cannot be interrupted midway; wait so it never outlives the objects it reports to.
    watcher_.waitForFinished();
}

void DatasetSource::activate() {
    if (active_) return;
    active_ = true;
    if (stale_) reload();
}

void DatasetSource::reload() {
    if (!active_) {
        stale_ = true;
        return;
    }
    stale_ = false;
    if (loading_) {
        reloadQueued_ = true;  // one more load after the current one, with the settings then current
        ++generation_;
        return;
    }
    loading_ = true;
    error_.clear();
    loadedSpec_ = doc_->project().dataset;
    loadedPipeline_ = doc_->project().preprocess;
    const quint64 generation = ++generation_;
    Project project = doc_->project();
    Q_EMIT loadingStarted();
    QPointer<DatasetSource> self(this);
    watcher_.setFuture(QtConcurrent::run([project, generation, self]() {
        Result r;
        r.generation = generation;
        std::string error;
        auto stage = [self](const std::string& s) {
            QString text = QString::fromStdString(s);
            QMetaObject::invokeMethod(
                self.data(), [self, text] { if (self) Q_EMIT self->stageChanged(text); }, Qt::QueuedConnection);
        };
        try {
            r.browser = DataBrowser::open(project, error, stage);
        } catch (const std::exception& e) {  // never let it reach result() on the GUI thread
            error = e.what();
        }
        r.error = QString::fromStdString(error.substr(0, error.find('\n')));
        return r;
    }));
}

void DatasetSource::onFinished() {
    loading_ = false;
    Result r = watcher_.result();
    if (reloadQueued_) {
        reloadQueued_ = false;
        reload();
        return;
    }
    if (r.generation != generation_) return;
    browser_ = r.browser;
    error_ = r.error;
    if (browser_) Q_EMIT loaded();
    else Q_EMIT failed(error_);
}

}  // namespace netloom::ui
