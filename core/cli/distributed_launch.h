#pragma once
// How a distributed run is started: the launcher's environment (torchrun, Kubeflow PyTorchJob,
// Kubeflow Trainer v2) and the local launcher behind `netloom-cli train --nproc N`. Torch-free.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace netloom::cli {

struct LaunchEnvironment {
    std::string masterAddr;
    int masterPort = 0;
    int worldSize = 1;
    int rank = 0;        // this process's rank; with localProcesses > 1, the first local rank
    int localRank = 0;
    int localProcesses = 1;  // > 1: this process starts that many ranks (PET_NPROC_PER_NODE)
    std::string source;      // which variables were read, for messages
};

// Reads RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT, LOCAL_RANK (torchrun, PyTorchJob) or
// PET_NNODES, PET_NPROC_PER_NODE, PET_NODE_RANK, PET_MASTER_ADDR, PET_MASTER_PORT (Trainer v2).
// `getenv` is the lookup (tests pass their own); `gpus` resolves PET_NPROC_PER_NODE=auto|gpu.
// Returns an error sentence naming the variable, or "".
std::string readLaunchEnvironment(const std::function<const char*(const char*)>& getenv, int gpus,
                                  LaunchEnvironment& out);

// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's choice).
int freeLoopbackPort();

struct LocalLaunch {
    int processes = 1;
    int firstRank = 0;
    int worldSize = 1;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 0;
    std::vector<std::string> arguments;  // after the program: "train", FILE, options, without --nproc
    int timeoutSeconds = 300;            // after one rank fails, how long the others get to end
};

// Starts one process per rank (this program, RANK/LOCAL_RANK/WORLD_SIZE/MASTER_* set), prefixes
// their output lines with "[rank R] ", forwards the first Ctrl+C to all of them (they stop at the
// same batch and keep the checkpoint) and kills them on the second. When a rank fails, the others
// get `timeoutSeconds` plus a margin to notice before they are killed. Returns 0 when every rank
// exited 0, else 1.
int runLocalRanks(const LocalLaunch& launch, std::ostream& out, std::ostream& err);

}  // namespace netloom::cli
