#pragma once
// Where the training loop's batches come from. The in-memory stream below permutes a split per
// epoch; a cached, memory-mapped or streaming dataset provides its own stream, and a prefetching
// stream can wrap any other. Private to core (Torch).
#include <cstdint>
#include <memory>

#include <torch/torch.h>

#include "data/dataset.h"

namespace netloom {

class Collective;

struct Batch {
    torch::Tensor inputs;    // this rank's rows as stored (images: uint8 N×C×H×W), before augmentation
    torch::Tensor targets;   // this rank's targets; undefined for reconstruction
    int64_t globalRows = 0;  // rows of the whole global batch, over all ranks
    int64_t rows() const { return inputs.defined() ? inputs.size(0) : 0; }
};

class BatchStream {
public:
    virtual ~BatchStream() = default;
    virtual int64_t batchesPerEpoch() const = 0;
    virtual int64_t samplesPerEpoch() const = 0;  // over all ranks
    virtual void startEpoch(int64_t epoch) = 0;
    virtual bool next(Batch& batch) = 0;          // false at the end of the epoch
};

// A permutation of `split` per epoch, drawn by rank 0 from the global torch generator (as the
// single-process trainer always did, so seeded losses are unchanged) and broadcast. Global batch b
// is perm[b·B, (b+1)·B) and rank r takes its contiguous slice r: N ranks see, batch for batch, the
// rows one process sees (DistributedSampler semantics with the global batch kept equal).
// `maxBatches` > 0 caps the batches per epoch.
std::unique_ptr<BatchStream> permutedBatches(const Split& split, int64_t globalBatch, Collective& collective,
                                             int64_t maxBatches = 0);

// Rank `rank`'s contiguous slice [begin, end) of `rows` rows shared by `world` ranks: sizes differ
// by at most one, the first ranks take the extra rows.
std::pair<int64_t, int64_t> rankSlice(int64_t rows, int rank, int world);

}  // namespace netloom
