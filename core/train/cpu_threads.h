#pragma once
// CPU thread policy for training: the cores go to one pool, OpenMP or OpenBLAS, never to both.
// Measured on a 2-core machine, OpenBLAS threads fighting OpenMP threads made PyTorch's CNN epoch
// 4× slower (45 s vs 11 s). Which pool depends on where the network's work is: convolutions run
// in oneDNN and LibTorch kernels on OpenMP; dense and recurrent layers are matrix products in
// OpenBLAS. Measured (docs/benchmarks.md): the CNN at 14,900-15,700 samples/s with the cores on
// OpenMP against 8,300 on OpenBLAS; the MLP at 41,400-45,000 on OpenBLAS against 32,900-35,400
// on OpenMP.
#include <cstdint>

namespace netloom {

enum class CpuWork {
    Convolutions,     // the cores to OpenMP, OpenBLAS single-threaded
    MatrixProducts,   // the cores to OpenBLAS, OpenMP single-threaded
};

// What dominates a network's CPU time: convolutions when it has any convolution or pooling layer.
class Graph;
CpuWork cpuWorkOf(const Graph& graph);

// Applies the policy; threads 0 means one per core. Returns the thread count the chosen pool got.
int64_t configureCpuThreads(int64_t threads, CpuWork work = CpuWork::Convolutions);

// Tunes glibc's malloc for tensors of tens of MB. Call first thing in main(), before any thread
// starts. Two settings, both measured:
// - Every thread allocates from the main arena. A training step frees and reallocates tens of MB
//   of activations; in a thread's own arena (64 MB heaps) glibc unmaps a heap as soon as it is
//   empty and maps it again on the next batch, so every batch pays its page faults again. On the
//   CNN, a run on a worker thread went at 4,500-7,500 samples/s against 10,400-14,600 on the main
//   thread; with one arena the two are equal.
// - Freed large blocks stay in the heap instead of going back to the kernel (mmap threshold 512 MB,
//   trim threshold 1 GB). Otherwise each block above 32 MB is mapped afresh and faulted in page by
//   page: the first CNN epoch ran at a third of the later ones' speed, and exporting a 10M-parameter
//   model (its 38 MB weights copied several times) took 2.3 s instead of 1.9 s.
void configureMalloc();

}  // namespace netloom
