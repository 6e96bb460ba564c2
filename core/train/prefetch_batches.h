#pragma once
// A BatchStream that assembles the next batches of another one on a worker thread, so the
// training step does not wait for gathering rows (from the memory-mapped sample cache: page
// faults, disk reads) when the disk keeps up. Private to core (Torch).
#include <memory>

#include "train/batch_stream.h"

namespace netloom {

// `inner`'s startEpoch runs on the caller's thread (it draws the epoch's permutation from the
// global generator and may talk to the other ranks); only its next() runs on the worker, which
// keeps at most `depth` batches ready. The batches and their order are exactly `inner`'s.
std::unique_ptr<BatchStream> prefetchingBatches(std::unique_ptr<BatchStream> inner, int depth = 2);

}  // namespace netloom
