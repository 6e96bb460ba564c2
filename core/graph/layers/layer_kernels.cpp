#include "graph/layers/layer_kernels.h"

namespace netloom {

const LayerKernels* LayerKernelTable::find(const std::string& type) const {
    auto it = kernels_.find(type);
    return it == kernels_.end() ? nullptr : &it->second;
}

const LayerKernelTable& layerKernels() {
    static const LayerKernelTable table = [] {
        LayerKernelTable t;
        layers::ioKernels(t);
        layers::coreKernels(t);
        layers::convolutionKernels(t);
        layers::activationKernels(t);
        layers::mergeKernels(t);
        layers::sequenceKernels(t);
        return t;
    }();
    return table;
}

}  // namespace netloom
