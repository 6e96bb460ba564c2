#include "training/training_session.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace netloom::ui {

// What the worker and the session share. The session may be gone when the worker posts: every
// posted call goes to the application object and checks the QPointer on the GUI thread.
struct TrainingSession::Shared {
    std::mutex mutex;
    QVector<BatchEvent> pending;
    QPointer<TrainingSession> session;  // set and read on the GUI thread only
};

// Runs on the worker thread: everything it receives is copied into a queued call.
class TrainingSession::Observer : public TrainingObserver {
public:
    explicit Observer(std::shared_ptr<Shared> shared) : shared_(std::move(shared)) {}

    void dataProgress(const DataProgress& p) override {
        post([p](TrainingSession* s) { Q_EMIT s->dataProgress(p); });
    }
    void started(const RunStarted& e) override {
        post([e](TrainingSession* s) { Q_EMIT s->runStarted(e); });
    }
    void batch(const BatchEvent& e) override {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        shared_->pending.push_back(e);
    }
    void epoch(const EpochEvent& e) override {
        post([e](TrainingSession* s) {
            s->flushBatches();  // the epoch's last batches first, so charts stay in order
            Q_EMIT s->epochFinished(e);
        });
    }
    void checkpointSaved(const std::string& path) override {
        QString p = QString::fromStdString(path);
        post([p](TrainingSession* s) { Q_EMIT s->checkpointSaved(p); });
    }
    void paused(bool isPaused) override {
        post([isPaused](TrainingSession* s) {
            s->paused_ = isPaused;
            Q_EMIT s->pausedChanged(isPaused);
        });
    }
    void finished(const RunFinished& e) override {
        post([e](TrainingSession* s) {
            s->flushBatches();
            Q_EMIT s->runFinished(e);
        });
    }
    void failed(const std::string& reason) override {
        QString r = QString::fromStdString(reason);
        post([r](TrainingSession* s) {
            s->flushBatches();
            Q_EMIT s->runFailed(r);
        });
    }

private:
    template <class F>
    void post(F f) {
        std::shared_ptr<Shared> shared = shared_;
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [shared, f] { if (TrainingSession* s = shared->session.data()) f(s); },
            Qt::QueuedConnection);
    }
    std::shared_ptr<Shared> shared_;
};

TrainingSession::TrainingSession(QObject* parent) : QObject(parent) {
    flush_.setInterval(250);  // four deliveries a second: live enough, and cheap next to training
    connect(&flush_, &QTimer::timeout, this, &TrainingSession::flushBatches);
}

TrainingSession::~TrainingSession() {
    // Whoever listened may be half destroyed by now: stop quietly, keeping the checkpoint.
    disconnect(this, nullptr, nullptr, nullptr);
    if (!stopAndWait(60000) && thread_) {
        // The run is stuck in a step that does not look at the stop flag (reading a huge
        // dataset). It owns what it uses; let it finish on its own and free its thread then.
        connect(thread_, &QThread::finished, thread_, &QObject::deleteLater);
        thread_ = nullptr;
    }
}

bool TrainingSession::start(const Project& project, const TrainOptions& options) {
    if (thread_) return false;
    trainer_ = std::make_shared<Trainer>(project, options);
    shared_ = std::make_shared<Shared>();
    shared_->session = this;
    auto observer = std::make_shared<Observer>(shared_);
    paused_ = false;
    std::shared_ptr<Trainer> trainer = trainer_;
    thread_ = QThread::create([trainer, observer] { trainer->run(*observer); });
    thread_->setObjectName(QStringLiteral("netloom-training"));
    connect(thread_, &QThread::finished, this, &TrainingSession::onThreadEnded);
    thread_->start();
    flush_.start();
    return true;
}

void TrainingSession::pause() {
    if (trainer_) trainer_->pause();
}

void TrainingSession::resume() {
    if (trainer_) trainer_->resume();
}

void TrainingSession::stop() {
    if (trainer_) trainer_->stop();
}

bool TrainingSession::stopAndWait(int ms) {
    if (!thread_) return true;
    trainer_->stop();
    if (!thread_->wait(ms)) return false;
    // Deliver what the run said before it ended (the finished event), then tidy up.
    QCoreApplication::sendPostedEvents(QCoreApplication::instance());
    onThreadEnded();
    return true;
}

void TrainingSession::flushBatches() {
    if (!shared_) return;
    QVector<BatchEvent> events;
    {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        events.swap(shared_->pending);
    }
    if (!events.isEmpty()) Q_EMIT batches(events);
}

void TrainingSession::onThreadEnded() {
    if (!thread_) return;
    flush_.stop();
    flushBatches();
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
    trainer_.reset();
    paused_ = false;
    Q_EMIT threadEnded();
}

}  // namespace netloom::ui
