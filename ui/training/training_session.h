#pragma once
// One training run of the studio on its own thread. The core Trainer reports through a
// TrainingObserver on the worker thread; this object hands every event to the GUI thread as a
// queued call and re-emits it as a signal. Batch events are buffered and delivered at most ten
// times a second, so a fast model cannot flood the event loop.
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVector>
#include <memory>
#include <mutex>

#include "train/trainer.h"
#include "train/training_events.h"

class QThread;

namespace netloom::ui {

class TrainingSession : public QObject {
    Q_OBJECT
public:
    explicit TrainingSession(QObject* parent = nullptr);
    ~TrainingSession() override;  // stops a running run and waits for its thread

    // Starts a run; false when one is running already.
    bool start(const netloom::Project& project, const netloom::TrainOptions& options);
    bool isRunning() const { return thread_ != nullptr; }
    bool isPaused() const { return paused_; }

    void pause();
    void resume();
    void stop();
    // Stops and waits up to `ms` for the run to end (it saves its `last` checkpoint first).
    bool stopAndWait(int ms);

Q_SIGNALS:
    void dataProgress(const netloom::DataProgress& progress);  // before runStarted, while the sample cache builds
    void runStarted(const netloom::RunStarted& info);
    void batches(const QVector<netloom::BatchEvent>& events);
    void epochFinished(const netloom::EpochEvent& event);
    void checkpointSaved(const QString& path);
    void pausedChanged(bool paused);
    void runFinished(const netloom::RunFinished& result);
    void runFailed(const QString& reason);
    void threadEnded();  // after finished/failed: the worker is gone, a new run may start

private:
    class Observer;
    struct Shared;
    void flushBatches();
    void onThreadEnded();

    // The worker thread co-owns the trainer, its observer and the state they share with this
    // object, so none of them can die under a run that outlives a timed-out stopAndWait.
    std::shared_ptr<netloom::Trainer> trainer_;
    std::shared_ptr<Shared> shared_;
    QThread* thread_ = nullptr;
    bool paused_ = false;
    QTimer flush_;
};

}  // namespace netloom::ui
