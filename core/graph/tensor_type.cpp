#include "graph/tensor_type.h"

namespace netloom {

int64_t TensorType::numel() const {
    int64_t n = 1;
    for (int64_t d : dims) n *= d;
    return n;
}

std::string formatDims(const std::vector<int64_t>& dims) {
    if (dims.empty()) return "scalar";
    std::string s;
    for (size_t i = 0; i < dims.size(); ++i) {
        if (i) s += "×";
        s += std::to_string(dims[i]);
    }
    return s;
}

std::string TensorType::toString() const {
    std::string s = formatDims(dims);
    if (dtype == DType::Int64) s += " ids";
    return s;
}

}  // namespace netloom
