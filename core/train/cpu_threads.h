#pragma once
// CPU thread policy for training: LibTorch's OpenMP pool gets the cores, OpenBLAS gets one
// thread. Measured on a 2-core machine, OpenBLAS threads fighting OpenMP threads made PyTorch's
// CNN epoch 4× slower (45 s vs 11 s).
#include <cstdint>

namespace netloom {

// Applies the policy; threads 0 means one per core. Returns the intra-op thread count used.
int64_t configureCpuThreads(int64_t threads);

}  // namespace netloom
