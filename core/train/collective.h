#pragma once
// What a data-parallel run needs from its peers. A single process uses Collective itself, where
// every call is the identity; a distributed run (c10d) overrides them. Private to core (Torch).
#include <vector>

#include <torch/torch.h>

namespace netloom {

class Collective {
public:
    virtual ~Collective() = default;
    virtual int rank() const { return 0; }
    virtual int worldSize() const { return 1; }
    bool isLeader() const { return rank() == 0; }
    // Rank 0's values to every rank, in place (initial parameters and buffers, the epoch's permutation).
    virtual void broadcast(std::vector<torch::Tensor>& /*tensors*/) {}
    // Element-wise sum over ranks, in place (metrics, counts).
    virtual void allReduceSum(std::vector<torch::Tensor>& /*tensors*/) {}
    // Called before each batch with whether this rank was asked to stop; true when any rank was. Every
    // rank gets the same answer at the same batch, so all stop together; a distributed run learns of
    // it with the next gradient exchange, so it may answer one batch later.
    virtual bool stopAgreed(bool requestedHere) { return requestedHere; }
    // The trainer has done `step` optimisation steps (a distributed run's heartbeat reports it).
    virtual void progress(int64_t /*step*/) {}
    // Once, after the network is built and before the first backward (gradient hooks, buckets).
    virtual void attach(torch::nn::Module& /*network*/) {}
    // After loss.backward(): every parameter's grad() holds the SUM over ranks of the local
    // gradients. Each rank's loss was scaled by localRows / globalRows, so the sum is the global
    // batch's mean gradient, exactly, also for an uneven last batch.
    virtual void synchronizeGradients(const std::vector<torch::Tensor>& /*parameters*/) {}
    // Buffers (BatchNorm running statistics) averaged over ranks, before evaluation and saving.
    virtual void averageBuffers(torch::nn::Module& /*network*/) {}
};

}  // namespace netloom
