#include "train/cpu_threads.h"

#include <dlfcn.h>

#include <thread>

#include <torch/torch.h>

namespace netloom {

int64_t configureCpuThreads(int64_t threads) {
    if (threads <= 0) threads = std::max<int64_t>(1, std::thread::hardware_concurrency());
    // OpenBLAS is loaded by LibTorch when Debian's alternative points at it; its setter is looked
    // up at run time so the reference BLAS (no such symbol) works too.
    using SetThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) set(1);
    if (at::get_num_threads() != threads) at::set_num_threads(static_cast<int>(threads));
    return threads;
}

}  // namespace netloom
