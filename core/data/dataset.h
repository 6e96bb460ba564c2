#pragma once
// Datasets as contiguous tensors, ready for index_select batching. Private to core (Torch).
#include <atomic>
#include <functional>
#include <mutex>
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
    // Defined for samples read from the sample cache (data/sample_cache.h): `inputs` is then every
    // row of the memory-mapped cache, shared by the splits, and sample i of this split is row
    // rows[i] of it. Read inputs through rowsAt()/row(), never `inputs` directly.
    torch::Tensor rows;
    int64_t size() const { return rows.defined() ? rows.size(0) : inputs.defined() ? inputs.size(0) : 0; }
    // The stored inputs of samples `index` (int64) of this split, as a new tensor.
    torch::Tensor rowsAt(const torch::Tensor& index) const {
        return inputs.index_select(0, rows.defined() ? rows.index_select(0, index) : index);
    }
    // Samples [start, start + n), as a new tensor.
    torch::Tensor rowsAt(int64_t start, int64_t n) const {
        return rows.defined() ? inputs.index_select(0, rows.narrow(0, start, n)) : inputs.narrow(0, start, n).clone();
    }
    // Sample i's stored input (a copy).
    torch::Tensor row(int64_t i) const { return rowsAt(i, 1)[0]; }
};

struct ShardSample;

// Training samples streamed from WebDataset shards (kind `webdataset`) instead of held in `train`.
struct ShardSource {
    std::vector<std::string> shards;  // local files or URLs, in the project's order
    // A shard's local file: for a URL, the shard cache's copy, fetched when first needed (throws
    // DataError). Unset: the shards are local files.
    std::function<std::string(const std::string& shard)> localFile;
    std::vector<int64_t> samples;     // per shard, counted when the dataset was loaded
    uint64_t seed = 0;
    int64_t shuffleBuffer = 2000;
    // A sample's stored row (uint8 C×H×W, as image folders store it) and class id; false with
    // `error` set when it cannot be used. Called from the batch stream's worker thread.
    std::function<bool(const ShardSample&, torch::Tensor& input, int64_t& target, std::string& error)> decode;
    std::atomic<int64_t> skipped{0};  // samples and shards skipped while streaming
    std::mutex mutex;
    std::vector<SkippedInput> skippedInputs;  // the first 100, with their reasons
    void skip(const std::string& location, const std::string& reason) {
        ++skipped;
        std::lock_guard<std::mutex> lock(mutex);
        if (skippedInputs.size() < 100) skippedInputs.push_back({location, reason});
    }
};

struct Dataset {
    SampleKind kind = SampleKind::Image;
    Split train, validation, test;
    // Kind webdataset: the training samples (then `train` is empty and summary.trainSize counts them).
    std::shared_ptr<ShardSource> trainStream;
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
// Image folders decode through the sample cache (data/sample_cache.h); `progress` hears how its
// build goes (from the loading thread).
DatasetLoad loadDataset(const Project& project, bool testSplitOnly = false,
                        const std::function<void(const DataProgress&)>& progress = {});

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
// The same over the rows of a memory-mapped cache: `cacheRows[k]` is sample k's row in `cache`;
// nothing is copied.
Split takeCachedRows(const torch::Tensor& cache, const std::vector<int64_t>& cacheRows, const torch::Tensor& targets,
                     const std::vector<std::string>& sources, const std::vector<int64_t>& rows);

}  // namespace netloom
