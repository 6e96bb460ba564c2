#include "train/prefetch_batches.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace netloom {

namespace {

class PrefetchingBatches : public BatchStream {
public:
    PrefetchingBatches(std::unique_ptr<BatchStream> inner, int depth)
        : inner_(std::move(inner)), depth_(static_cast<size_t>(std::max(1, depth))) {}
    ~PrefetchingBatches() override { stopWorker(); }

    int64_t batchesPerEpoch() const override { return inner_->batchesPerEpoch(); }
    int64_t samplesPerEpoch() const override { return inner_->samplesPerEpoch(); }

    void startEpoch(int64_t epoch) override {
        stopWorker();
        inner_->startEpoch(epoch);
        stop_ = false;
        worker_ = std::thread([this] { produce(); });
    }

    bool next(Batch& batch) override {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return !ready_.empty(); });
        Slot slot = std::move(ready_.front());
        ready_.pop_front();
        changed_.notify_all();
        if (slot.error) std::rethrow_exception(slot.error);
        if (!slot.more) return false;
        batch = std::move(slot.batch);
        return true;
    }

private:
    struct Slot {
        Batch batch;
        bool more = false;           // false: the epoch's end (or an error)
        std::exception_ptr error;
    };

    void produce() {
        for (;;) {
            Slot slot;
            try {
                slot.more = inner_->next(slot.batch);
            } catch (...) {
                slot.error = std::current_exception();
            }
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [&] { return stop_ || ready_.size() < depth_; });
            if (stop_) return;
            const bool last = !slot.more || slot.error;
            ready_.push_back(std::move(slot));
            changed_.notify_all();
            if (last) return;
        }
    }

    void stopWorker() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
            changed_.notify_all();
        }
        if (worker_.joinable()) worker_.join();
        ready_.clear();
    }

    std::unique_ptr<BatchStream> inner_;
    const size_t depth_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Slot> ready_;
    bool stop_ = false;
    std::thread worker_;
};

}  // namespace

std::unique_ptr<BatchStream> prefetchingBatches(std::unique_ptr<BatchStream> inner, int depth) {
    return std::make_unique<PrefetchingBatches>(std::move(inner), depth);
}

}  // namespace netloom
