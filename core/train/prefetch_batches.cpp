#include "train/prefetch_batches.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include <dlfcn.h>

#include <ATen/Parallel.h>

namespace netloom {

namespace {

// This thread's Torch ops run on this thread alone. ATen initialises a thread's OpenMP team lazily
// from the process-wide count (at::set_num_threads would change that count for everyone), so the
// lazy initialisation runs first and then this thread's own OpenMP setting goes to 1. libgomp comes
// with LibTorch; looked up at run time because the project is not compiled with -fopenmp.
void useOneIntraOpThread() {
    at::internal::lazy_init_num_threads();
    using SetThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "omp_set_num_threads"))) set(1);
}

}  // namespace

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
        // Assembling a batch is a copy: one thread. Left at the default, this thread's first Torch op
        // would start a team of intra-op threads of its own beside the training step's, and on a
        // 2-core machine the two teams' spinning took 15-20 % off the CNN's samples/s.
        useOneIntraOpThread();
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
