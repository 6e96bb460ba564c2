// Seeded stratified splits and row selection.
#include <algorithm>
#include <map>
#include <random>

#include "data/dataset.h"

namespace netloom {

SplitIndices stratifiedSplit(const std::vector<int64_t>& labels, double validationFraction, double testFraction,
                             uint64_t seed) {
    std::map<int64_t, std::vector<int64_t>> byClass;
    for (size_t i = 0; i < labels.size(); ++i) byClass[labels[i]].push_back(static_cast<int64_t>(i));
    std::mt19937_64 rng(seed);
    SplitIndices out;
    for (auto& [cls, rows] : byClass) {
        std::shuffle(rows.begin(), rows.end(), rng);
        auto n = static_cast<double>(rows.size());
        auto nVal = static_cast<size_t>(std::llround(n * validationFraction));
        auto nTest = static_cast<size_t>(std::llround(n * testFraction));
        // Keep at least one training sample per class when the class has any.
        while (nVal + nTest >= rows.size() && (nVal + nTest) > 0) {
            if (nTest > 0) --nTest;
            else --nVal;
        }
        out.validation.insert(out.validation.end(), rows.begin(), rows.begin() + nVal);
        out.test.insert(out.test.end(), rows.begin() + nVal, rows.begin() + nVal + nTest);
        out.train.insert(out.train.end(), rows.begin() + nVal + nTest, rows.end());
    }
    // Sorted, so splits keep the file's order (and batches are formed by the trainer's shuffle).
    std::sort(out.train.begin(), out.train.end());
    std::sort(out.validation.begin(), out.validation.end());
    std::sort(out.test.begin(), out.test.end());
    return out;
}

Split takeRows(const torch::Tensor& inputs, const torch::Tensor& targets, const std::vector<int64_t>& rows) {
    torch::Tensor index = torch::tensor(rows, torch::kInt64);
    Split s;
    s.inputs = inputs.index_select(0, index).contiguous();
    if (targets.defined()) s.targets = targets.index_select(0, index).contiguous();
    return s;
}

Split takeRows(const torch::Tensor& inputs, const torch::Tensor& targets, const std::vector<std::string>& sources,
               const std::vector<int64_t>& rows) {
    Split s = takeRows(inputs, targets, rows);
    for (int64_t r : rows) s.sources.push_back(sources.at(static_cast<size_t>(r)));
    return s;
}

Split takeCachedRows(const torch::Tensor& cache, const std::vector<int64_t>& cacheRows, const torch::Tensor& targets,
                     const std::vector<std::string>& sources, const std::vector<int64_t>& rows) {
    Split s;
    s.inputs = cache;
    std::vector<int64_t> mapped;
    mapped.reserve(rows.size());
    for (int64_t r : rows) {
        mapped.push_back(cacheRows.at(static_cast<size_t>(r)));
        s.sources.push_back(sources.at(static_cast<size_t>(r)));
    }
    s.rows = torch::tensor(mapped, torch::kInt64);
    if (targets.defined()) s.targets = targets.index_select(0, torch::tensor(rows, torch::kInt64)).contiguous();
    return s;
}

}  // namespace netloom
