#pragma once
// Batches streamed from WebDataset shards (dataset kind `webdataset`): each rank reads its own
// shards, decodes samples as they come and draws them through a seeded shuffle buffer, as
// WebDataset's shuffle() does. Private to core (Torch).
#include <memory>

#include "data/dataset.h"
#include "train/batch_stream.h"

namespace netloom {

// Epoch e: the shards in an order drawn with (seed, e), identical on every rank; rank r takes
// shards r, r + world, ...; a buffer of `shuffleBuffer` samples is refilled from them and each
// sample is drawn at random from it. Only whole batches are formed, and every rank forms as many
// as the rank with the fewest samples can (ranks stay in step; the remainder is dropped, different
// samples every epoch). Unreadable samples and damaged shards are skipped and counted in `source`.
std::unique_ptr<BatchStream> shardBatches(std::shared_ptr<ShardSource> source, int64_t globalBatch, Collective& collective,
                                          int64_t maxBatches = 0);

}  // namespace netloom
