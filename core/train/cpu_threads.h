#pragma once
// CPU thread policy for training: LibTorch's OpenMP pool gets the cores, OpenBLAS gets one
// thread. Measured on a 2-core machine, OpenBLAS threads fighting OpenMP threads made PyTorch's
// CNN epoch 4× slower (45 s vs 11 s).
#include <cstdint>

namespace netloom {

// Applies the policy; threads 0 means one per core. Returns the intra-op thread count used.
int64_t configureCpuThreads(int64_t threads);

// Makes every thread allocate from glibc's main malloc arena. Call first thing in main(), before
// any thread starts. Why: a training step frees and reallocates tens of MB of activations; in a
// thread's own arena (64 MB heaps) glibc unmaps a heap as soon as it is empty and maps it again on
// the next batch, so every batch pays its page faults again. Measured on the CNN, a run on a
// worker thread went at 4,500-7,500 samples/s against 10,400-14,600 on the main thread; with one
// arena the two are equal. The main arena keeps freed memory (see configureCpuThreads).
void useMainMallocArenaOnly();

}  // namespace netloom
