#pragma once
// The open project's dataset, read off the GUI thread. Panels share one DataBrowser through this
// object; it reloads when the project's dataset settings change and drops results that arrive
// for settings that are no longer current.
#include <QFutureWatcher>
#include <QObject>
#include <memory>

#include "data/data_browser.h"

namespace netloom::ui {

class GraphDocument;

class DatasetSource : public QObject {
    Q_OBJECT
public:
    explicit DatasetSource(GraphDocument* doc, QObject* parent = nullptr);
    ~DatasetSource() override;

    // Null until a load has finished (or after it failed).
    std::shared_ptr<const DataBrowser> browser() const { return browser_; }
    bool isLoading() const { return loading_; }
    QString error() const { return error_; }

    // Nothing is read until the first activate() (the Data tab is shown): opening a project
    // stays instant. After that the source follows the project's dataset settings.
    void activate();

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void loadingStarted();
    void stageChanged(const QString& stage);
    void loaded();
    void failed(const QString& error);

private:
    struct Result {
        std::shared_ptr<const DataBrowser> browser;
        QString error;
        quint64 generation = 0;
    };
    void onFinished();

    GraphDocument* doc_;
    std::shared_ptr<const DataBrowser> browser_;
    QFutureWatcher<Result> watcher_;
    quint64 generation_ = 0;
    bool loading_ = false, reloadQueued_ = false, active_ = false, stale_ = true;
    QString error_;
    DatasetSpec loadedSpec_;
    PipelineSpec loadedPipeline_;  // load-time image steps and the text pipeline shape what is read
};

}  // namespace netloom::ui
