#include "train/cpu_threads.h"

#include <dlfcn.h>
#include <malloc.h>

#include <thread>

#include <torch/torch.h>

#include "graph/graph.h"
#include "graph/layers/layer_kernels.h"

namespace netloom {

CpuWork cpuWorkOf(const Graph& graph) {
    for (const auto& [id, node] : graph.nodes()) {
        (void)id;
        const LayerKernels* k = layerKernels().find(node.type);
        if (k && k->convolutional) return CpuWork::Convolutions;
    }
    return CpuWork::MatrixProducts;
}

int64_t configureCpuThreads(int64_t threads, CpuWork work) {
    if (threads <= 0) threads = std::max<int64_t>(1, std::thread::hardware_concurrency());
    // OpenBLAS is loaded by LibTorch when Debian's alternative points at it; its setter is looked
    // up at run time so the reference BLAS (no such symbol) works too. Without OpenBLAS, matrix
    // products run single-threaded in the reference BLAS, so OpenMP keeps the cores.
    using SetThreads = void (*)(int);
    auto setBlas = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    const bool blasPool = work == CpuWork::MatrixProducts && setBlas;
    if (setBlas) setBlas(blasPool ? static_cast<int>(threads) : 1);
    const int64_t openmp = blasPool ? 1 : threads;
    if (at::get_num_threads() != openmp) at::set_num_threads(static_cast<int>(openmp));
    return threads;
}

void configureMalloc() {
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_MMAP_THRESHOLD, 512 << 20);
    mallopt(M_TRIM_THRESHOLD, 1024 << 20);
}

}  // namespace netloom
