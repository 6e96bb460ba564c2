#pragma once
// The type of one tensor flowing along an edge, without its batch dimension.
// The batch dimension is always symbolic: every shape here is "per sample".
#include <cstdint>
#include <string>
#include <vector>

namespace netloom {

enum class DType { Float32, Int64 };

struct TensorType {
    DType dtype = DType::Float32;
    std::vector<int64_t> dims;  // per-sample dimensions, batch excluded

    int rank() const { return static_cast<int>(dims.size()); }
    int64_t numel() const;
    // "32×13×13", token ids as "64 ids".
    std::string toString() const;
    bool operator==(const TensorType& o) const { return dtype == o.dtype && dims == o.dims; }
    bool operator!=(const TensorType& o) const { return !(*this == o); }
};

// "32×13×13" for any dimension list.
std::string formatDims(const std::vector<int64_t>& dims);

}  // namespace netloom
