#pragma once
// Data-parallel training across processes and machines on PyTorch's c10d: a TCPStore for the
// rendezvous, ProcessGroupGloo (CPU) or ProcessGroupNCCL (CUDA builds with NETLOOM_NCCL) for the
// collectives. Private to core (Torch).
#include <chrono>
#include <memory>
#include <string>

#include "train/collective.h"

namespace netloom {

struct DistributedConfig {
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    int worldSize = 1;
    int rank = 0;
    int localRank = 0;
    // A collective that waits longer than this, or a peer whose heartbeat stops for this long,
    // ends the run with an error naming the rank.
    std::chrono::seconds timeout{300};
    // How long the ranks wait for the master's store and for each other at the start (workers
    // often start before the master, and image pulls take minutes).
    std::chrono::seconds rendezvousTimeout{900};
    bool cuda = false;  // NCCL on cuda:localRank when the build has it
    std::size_t bucketBytes = 25u << 20;  // gradient bucket size (PyTorch DDP's default)
};

class DistributedCollective;

// Joins the run: connects to (rank 0: starts) the store at masterAddr:masterPort, waits until all
// ranks have joined and builds the process group. Throws std::runtime_error with a sentence that
// says what was waited for and for how long.
std::shared_ptr<DistributedCollective> joinDistributedRun(const DistributedConfig& config);

class DistributedCollective : public Collective {
public:
    ~DistributedCollective() override;
    int rank() const override;
    int worldSize() const override;
    void broadcast(std::vector<torch::Tensor>& tensors) override;
    void allReduceSum(std::vector<torch::Tensor>& tensors) override;
    bool stopAgreed(bool requestedHere) override;
    void attach(torch::nn::Module& network) override;
    void synchronizeGradients(const std::vector<torch::Tensor>& parameters) override;
    void averageBuffers(torch::nn::Module& network) override;
    // The trainer is at this batch (the heartbeat carries it, so a hung rank can be told apart).
    void progress(int64_t step) override;

    // The end of the run on this rank. `ok`: the run finished; every rank then waits for the
    // others, and rank 0 keeps the store up until every rank has left. After a failure, rank 0
    // lingers briefly so the others can still read why.
    // `reason`: why this rank failed, for the others to report.
    void finish(bool ok, const std::string& reason = {});

    struct Impl;

private:
    friend std::shared_ptr<DistributedCollective> joinDistributedRun(const DistributedConfig& config);
    explicit DistributedCollective(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace netloom
