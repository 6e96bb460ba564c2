#pragma once
// A validated graph as a LibTorch module: one submodule per layer, registered under the node's
// name (stable across runs, so checkpoints and the ONNX exporter find weights by name), and a
// forward pass that walks the nodes in topological order. Private to core (Torch).
#include <functional>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "graph/graph_analysis.h"

namespace netloom {

class NetworkImpl : public torch::nn::Module {
public:
    // The graph must have passed analyzeGraph without problems; throws std::invalid_argument otherwise.
    NetworkImpl(const Graph& graph, const GraphAnalysis& analysis);

    torch::Tensor forward(const torch::Tensor& input);

    int64_t parameterCount() const;
    // Submodule name for a node (its name, made safe for LibTorch: no dots).
    static std::string moduleName(const Node& node);

    struct Step {
        NodeId node;
        std::string type;
        std::vector<size_t> inputs;  // indexes of earlier steps' values
        std::function<torch::Tensor(const std::vector<torch::Tensor>&)> run;
    };
    const std::vector<Step>& steps() const { return steps_; }

private:
    std::vector<Step> steps_;
    size_t outputStep_ = 0;
};
TORCH_MODULE(Network);

}  // namespace netloom
