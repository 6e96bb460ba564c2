#include "train/batch_stream.h"

#include <algorithm>

#include "train/collective.h"

namespace netloom {

std::pair<int64_t, int64_t> rankSlice(int64_t rows, int rank, int world) {
    const int64_t base = rows / world, extra = rows % world;
    const int64_t begin = rank * base + std::min<int64_t>(rank, extra);
    return {begin, begin + base + (rank < extra ? 1 : 0)};
}

namespace {

class PermutedBatches : public BatchStream {
public:
    PermutedBatches(const Split& split, int64_t globalBatch, Collective& collective, int64_t maxBatches)
        : split_(split), collective_(collective), samples_(split.size()),
          batchSize_(std::max<int64_t>(1, std::min(globalBatch, samples_))) {
        batches_ = (samples_ + batchSize_ - 1) / batchSize_;
        if (maxBatches > 0) batches_ = std::min(batches_, maxBatches);
    }

    int64_t batchesPerEpoch() const override { return batches_; }
    int64_t samplesPerEpoch() const override { return std::min(samples_, batches_ * batchSize_); }

    void startEpoch(int64_t /*epoch*/) override {
        std::vector<torch::Tensor> perm{torch::randperm(samples_, torch::kInt64)};
        if (collective_.worldSize() > 1) collective_.broadcast(perm);
        permutation_ = perm[0];
        next_ = 0;
    }

    bool next(Batch& batch) override {
        if (next_ >= batches_) return false;
        const int64_t start = next_ * batchSize_;
        const int64_t globalRows = std::min(batchSize_, samples_ - start);
        auto [begin, end] = rankSlice(globalRows, collective_.rank(), collective_.worldSize());
        torch::Tensor rows = permutation_.narrow(0, start + begin, end - begin);
        batch.inputs = split_.rowsAt(rows);
        batch.targets = split_.targets.defined() ? split_.targets.index_select(0, rows) : torch::Tensor();
        batch.globalRows = globalRows;
        ++next_;
        return true;
    }

private:
    const Split& split_;
    Collective& collective_;
    int64_t samples_;
    int64_t batchSize_;
    int64_t batches_ = 0;
    int64_t next_ = 0;
    torch::Tensor permutation_;
};

}  // namespace

std::unique_ptr<BatchStream> permutedBatches(const Split& split, int64_t globalBatch, Collective& collective,
                                             int64_t maxBatches) {
    return std::make_unique<PermutedBatches>(split, globalBatch, collective, maxBatches);
}

}  // namespace netloom
