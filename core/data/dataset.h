#pragma once
// Datasets as contiguous tensors, ready for index_select batching. Private to core (Torch).
#include <memory>
#include <optional>
#include <string>

#include <torch/torch.h>

#include "data/data_summary.h"
#include "project/project.h"

namespace netloom {

class TextEncoder;
class TabularEncoder;

enum class SampleKind { Image, Features, Tokens };

struct Split {
    torch::Tensor inputs;   // Image: uint8 N×C×H×W (decoded once); Features: float N×F; Tokens: int64 N×L
    torch::Tensor targets;  // int64 class ids, or float N×K for regression; undefined for reconstruction
    // Image folders: the original file of each row (golden samples and export verification use the
    // files as clients will send them); empty for datasets without files per sample.
    std::vector<std::string> sources;
    int64_t size() const { return inputs.defined() ? inputs.size(0) : 0; }
};

struct Dataset {
    SampleKind kind = SampleKind::Image;
    Split train, validation, test;
    DataSummary summary;
    std::shared_ptr<TextEncoder> text;        // fitted on the training split (text datasets)
    std::shared_ptr<TabularEncoder> tabular;  // fitted on the training split (CSV datasets)
    std::vector<std::string> testTexts;       // the test split's raw texts (text datasets), row for row
    std::vector<std::string> validationTexts; // the validation split's, row for row
    std::vector<std::string> trainTexts;      // the training split's raw texts (the vocabulary's source)
    // CSV tables: the file's column names and each split's rows as written in the file (every column,
    // the target too), row for row: golden samples are sent to a bundle as clients send them.
    std::vector<std::string> tableColumns;
    std::vector<std::vector<std::string>> testRows, validationRows, trainRows;
};

struct DatasetLoad {
    std::optional<Dataset> dataset;
    std::string error;  // located: "train-labels-idx1-ubyte.gz: wrong magic number 2051, expected 2049"
    bool ok() const { return dataset.has_value(); }
};

// Reads the project's dataset, applies the deterministic (load-time) preprocessing and splits it.
// With `testSplitOnly`, formats that keep the test set in files of its own (IDX) read only those:
// what export verification needs. Other formats load in full (their vocabulary or statistics
// come from the training split).
DatasetLoad loadDataset(const Project& project, bool testSplitOnly = false);

// Reads images (idx3) or labels (idx1), gzipped or not. Throws DataError.
torch::Tensor readIdx(const std::string& path);

class DataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Seeded, stratified split of sample indices into train/validation/test index lists.
struct SplitIndices {
    std::vector<int64_t> train, validation, test;
};
SplitIndices stratifiedSplit(const std::vector<int64_t>& labels, double validationFraction, double testFraction,
                             uint64_t seed);

Split takeRows(const torch::Tensor& inputs, const torch::Tensor& targets, const std::vector<int64_t>& rows);
// The same, carrying each row's source file along.
Split takeRows(const torch::Tensor& inputs, const torch::Tensor& targets, const std::vector<std::string>& sources,
               const std::vector<int64_t>& rows);

}  // namespace netloom
