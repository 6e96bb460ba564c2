#include "train/shard_batches.h"

#include <algorithm>
#include <random>

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
        buffer_.clear();
        nextShard_ = 0;
        reader_.reset();
        done_ = 0;
    }

    bool next(Batch& batch) override {
        if (done_ >= batches_) return false;
        std::vector<torch::Tensor> rows;
        std::vector<int64_t> targets;
        while (static_cast<int64_t>(rows.size()) < localBatch_) {
            fill();
            if (buffer_.empty()) return false;  // fewer readable samples than counted: the epoch ends early
            std::uniform_int_distribution<size_t> pick(0, buffer_.size() - 1);
            const size_t k = pick(rng_);
            std::swap(buffer_[k], buffer_.back());
            rows.push_back(std::move(buffer_.back().first));
            targets.push_back(buffer_.back().second);
            buffer_.pop_back();
        }
        batch.inputs = torch::stack(rows);
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

    // Tops the shuffle buffer up from this rank's shards, decoding as it reads.
    void fill() {
        while (static_cast<int64_t>(buffer_.size()) < source_->shuffleBuffer) {
            if (!reader_) {
                if (nextShard_ >= mine_.size()) return;
                reader_ = std::make_unique<ShardReader>(mine_[nextShard_++]);
            }
            ShardSample sample;
            if (!reader_->next(sample)) {
                if (!reader_->error().empty()) source_->skip(reader_->error(), "damaged shard: the rest of it is skipped");
                reader_.reset();
                continue;
            }
            torch::Tensor row;
            int64_t target = -1;
            std::string error;
            if (source_->decode(sample, row, target, error)) buffer_.emplace_back(std::move(row), target);
            else source_->skip(sample.location, error);
        }
    }

    std::shared_ptr<ShardSource> source_;
    const int rank_, world_;
    const int64_t maxBatches_;
    int64_t globalBatch_ = 1, localBatch_ = 1, batches_ = 0, done_ = 0;
    std::vector<std::string> mine_;
    size_t nextShard_ = 0;
    std::unique_ptr<ShardReader> reader_;
    std::vector<std::pair<torch::Tensor, int64_t>> buffer_;
    std::mt19937_64 rng_;
};

}  // namespace

std::unique_ptr<BatchStream> shardBatches(std::shared_ptr<ShardSource> source, int64_t globalBatch, Collective& collective,
                                          int64_t maxBatches) {
    return std::make_unique<ShardBatches>(std::move(source), globalBatch, collective, maxBatches);
}

}  // namespace netloom
