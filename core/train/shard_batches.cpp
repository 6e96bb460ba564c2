#include "train/shard_batches.h"

#include <algorithm>
#include <future>
#include <memory>
#include <random>
#include <thread>

#include "data/webdataset.h"
#include "train/collective.h"

namespace netloom {

namespace {

class ShardBatches : public BatchStream {
public:
    ShardBatches(std::shared_ptr<ShardSource> source, int64_t globalBatch, Collective& collective, int64_t maxBatches)
        : source_(std::move(source)), rank_(collective.rank()), world_(collective.worldSize()),
          maxBatches_(maxBatches) {
        int64_t total = 0;
        for (int64_t n : source_->samples) total += n;
        globalBatch_ = std::max<int64_t>(1, std::min(globalBatch, std::max<int64_t>(1, total)));
        auto [begin, end] = rankSlice(globalBatch_, rank_, world_);
        localBatch_ = end - begin;
    }

    int64_t batchesPerEpoch() const override { return batches_ > 0 ? batches_ : plannedBatches(1); }
    int64_t samplesPerEpoch() const override { return batchesPerEpoch() * globalBatch_; }

    void startEpoch(int64_t epoch) override {
        mine_.clear();
        std::vector<size_t> order = shardOrder(epoch);
        for (size_t k = static_cast<size_t>(rank_); k < order.size(); k += static_cast<size_t>(world_))
            mine_.push_back(source_->shards[order[k]]);
        batches_ = plannedBatches(epoch);
        rng_.seed(source_->seed * 1000003 + static_cast<uint64_t>(epoch) * 7919 + static_cast<uint64_t>(rank_));
        filled_ = 0;
        nextShard_ = 0;
        reader_.reset();
        ahead_ = {};
        done_ = 0;
    }

    bool next(Batch& batch) override {
        if (done_ >= batches_) return false;
        torch::Tensor inputs;
        std::vector<int64_t> targets;
        for (int64_t i = 0; i < localBatch_; ++i) {
            fill();
            if (filled_ == 0) return false;  // fewer readable samples than counted: the epoch ends early
            if (!inputs.defined()) {
                std::vector<int64_t> shape(slots_.sizes().begin(), slots_.sizes().end());
                shape[0] = localBatch_;
                inputs = torch::empty(shape, torch::kUInt8);
            }
            // A random sample of the buffer; the last one takes its slot.
            std::uniform_int_distribution<int64_t> pick(0, filled_ - 1);
            const int64_t k = pick(rng_);
            inputs[i].copy_(slots_[k]);
            targets.push_back(slotTargets_[static_cast<size_t>(k)]);
            if (k != filled_ - 1) {
                slots_[k].copy_(slots_[filled_ - 1]);
                slotTargets_[static_cast<size_t>(k)] = slotTargets_[static_cast<size_t>(filled_ - 1)];
            }
            --filled_;
        }
        batch.inputs = inputs;
        batch.targets = torch::tensor(targets, torch::kInt64);
        batch.globalRows = globalBatch_;
        ++done_;
        return true;
    }

private:
    std::vector<size_t> shardOrder(int64_t epoch) const {
        std::vector<size_t> order(source_->shards.size());
        for (size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::mt19937_64 rng(source_->seed + static_cast<uint64_t>(epoch));
        std::shuffle(order.begin(), order.end(), rng);
        return order;
    }

    // Whole global batches that every rank can fill from its shards this epoch.
    int64_t plannedBatches(int64_t epoch) const {
        std::vector<size_t> order = shardOrder(epoch);
        int64_t fewest = -1;
        for (int r = 0; r < world_; ++r) {
            int64_t samples = 0;
            for (size_t k = static_cast<size_t>(r); k < order.size(); k += static_cast<size_t>(world_))
                samples += source_->samples[order[k]];
            auto [begin, end] = rankSlice(globalBatch_, r, world_);
            const int64_t local = std::max<int64_t>(1, end - begin);
            fewest = fewest < 0 ? samples / local : std::min(fewest, samples / local);
        }
        int64_t batches = std::max<int64_t>(0, fewest);
        if (maxBatches_ > 0) batches = std::min(batches, maxBatches_);
        return batches;
    }

    // Tops the shuffle buffer up from this rank's shards, decoding as it reads. The buffer is one
    // tensor of slots allocated once: decoded rows are copied in, so no long-lived small blocks pin
    // the decoder's freed temporaries (glibc would keep them all).
    void fill() {
        while (filled_ < source_->shuffleBuffer) {
            if (!reader_ && !openNextShard()) return;
            if (!reader_) continue;  // that shard could not be fetched: skipped
            ShardSample sample;
            if (!reader_->next(sample)) {
                if (!reader_->error().empty()) source_->skip(reader_->error(), "damaged shard: the rest of it is skipped");
                reader_.reset();
                continue;
            }
            torch::Tensor row;
            int64_t target = -1;
            std::string error;
            if (!source_->decode(sample, row, target, error)) {
                source_->skip(sample.location, error);
                continue;
            }
            if (!slots_.defined()) {
                std::vector<int64_t> shape{source_->shuffleBuffer};
                shape.insert(shape.end(), row.sizes().begin(), row.sizes().end());
                slots_ = torch::empty(shape, torch::kUInt8);
                slotTargets_.assign(static_cast<size_t>(source_->shuffleBuffer), 0);
            }
            slots_[filled_].copy_(row);
            slotTargets_[static_cast<size_t>(filled_)] = target;
            ++filled_;
        }
    }

    // Opens this rank's next shard; false when there is none left. A remote shard is fetched first
    // (this rank's own shards only), and the one after it is fetched meanwhile on another thread, so
    // the download overlaps the reading. One that cannot be fetched is skipped and counted.
    bool openNextShard() {
        if (nextShard_ >= mine_.size()) return false;
        const std::string& name = mine_[nextShard_];
        std::future<std::string> local = ahead_.valid() ? std::move(ahead_) : fetchLater(name);
        ++nextShard_;
        if (nextShard_ < mine_.size() && source_->localFile) ahead_ = fetchLater(mine_[nextShard_]);
        try {
            reader_ = std::make_unique<ShardReader>(local.get());
        } catch (const std::exception& e) {
            source_->skip(name, e.what());
        }
        return true;
    }

    // On a thread of its own, detached: a stream stopped or moved to the next epoch does not wait
    // for a download in flight (std::async's future would); the finished file stays in the cache.
    std::future<std::string> fetchLater(const std::string& shard) const {
        auto promise = std::make_shared<std::promise<std::string>>();
        std::future<std::string> result = promise->get_future();
        if (!source_->localFile) {
            promise->set_value(shard);
            return result;
        }
        std::thread([promise, localFile = source_->localFile, shard] {
            try {
                promise->set_value(localFile(shard));
            } catch (...) {
                promise->set_exception(std::current_exception());
            }
        }).detach();
        return result;
    }

    std::shared_ptr<ShardSource> source_;
    const int rank_, world_;
    const int64_t maxBatches_;
    int64_t globalBatch_ = 1, localBatch_ = 1, batches_ = 0, done_ = 0;
    std::vector<std::string> mine_;
    size_t nextShard_ = 0;
    std::unique_ptr<ShardReader> reader_;
    std::future<std::string> ahead_;    // the next shard's local file, being fetched
    torch::Tensor slots_;               // shuffleBuffer × C×H×W
    std::vector<int64_t> slotTargets_;
    int64_t filled_ = 0;
    std::mt19937_64 rng_;
};

}  // namespace

std::unique_ptr<BatchStream> shardBatches(std::shared_ptr<ShardSource> source, int64_t globalBatch, Collective& collective,
                                          int64_t maxBatches) {
    return std::make_unique<ShardBatches>(std::move(source), globalBatch, collective, maxBatches);
}

}  // namespace netloom
