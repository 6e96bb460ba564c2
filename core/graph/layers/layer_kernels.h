#pragma once
// What a layer family file gives each of its types besides the spec (graph/layer_registry.h):
// how to build it as LibTorch and how to emit it as ONNX. A family file holds all three; its
// spec half is compiled into netloom_model (no Torch), its kernel half — the part between
// `#ifdef NETLOOM_KERNELS` and `#endif` — into netloom_core. Private to netloom_core.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "export/onnx_graph.h"
#include "graph/graph_analysis.h"
#include "graph/layer_registry.h"

namespace netloom {

using StepFunction = std::function<torch::Tensor(const std::vector<torch::Tensor>&)>;

// One node being built into the network.
struct BuildContext {
    const Graph& graph;
    const Node& node;
    const NodeAnalysis& analysis;  // the node's input and output types
    ParamReader params;
    torch::nn::Module& network;    // the network being built: submodules register under `moduleName`
    std::string moduleName;

    template <typename M>
    auto submodule(M module) {
        return network.register_module(moduleName, std::move(module));
    }
};

// One node being emitted into the ONNX graph; `inputs` are the names of its inputs' values.
struct EmitContext {
    OnnxGraph& g;
    const Node& node;
    const NodeAnalysis& analysis;
    ParamReader params;
    const std::vector<std::string>& inputs;
    std::string stem;  // the module name: initializer and value names start with it
    // The trained tensor `name` of this node's module ("weight", "running_mean"); a missing one is
    // an ExportError naming the node.
    std::function<torch::Tensor(const std::string& name)> weight;
};

struct LayerKernels {
    std::function<StepFunction(BuildContext&)> build;
    std::function<std::string(EmitContext&)> emit;  // returns the name of the output value
    // The output may be overwritten by its only reader (a ReLU in place): the layer's backward
    // does not need its own output.
    bool outputReusable = false;
    // Runs in LibTorch's own (OpenMP, oneDNN) kernels rather than BLAS matrix products: a network
    // with such a layer gives the CPU cores to OpenMP (train/cpu_threads.h).
    bool convolutional = false;
};

class LayerKernelTable {
public:
    void add(const std::string& type, LayerKernels kernels) { kernels_[type] = std::move(kernels); }
    const LayerKernels* find(const std::string& type) const;

private:
    std::map<std::string, LayerKernels> kernels_;
};

// Every family's kernels, keyed by layer type.
const LayerKernelTable& layerKernels();

namespace layers {
void ioKernels(LayerKernelTable& table);
void coreKernels(LayerKernelTable& table);
void convolutionKernels(LayerKernelTable& table);
void activationKernels(LayerKernelTable& table);
void mergeKernels(LayerKernelTable& table);
void sequenceKernels(LayerKernelTable& table);
}  // namespace layers

}  // namespace netloom
