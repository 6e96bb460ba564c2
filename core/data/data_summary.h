#pragma once
// What the UI and the CLI show about a dataset: classes, counts per split, skipped inputs.
// Plain C++ (no Torch) so widgets can hold it.
#include <cstdint>
#include <string>
#include <vector>

namespace netloom {

struct SkippedInput {
    std::string location;  // file, "file:line", "file[index]"
    std::string reason;
};

// How far a long data step (decoding images into the sample cache) has come.
struct DataProgress {
    std::string stage;        // "decoding images into the sample cache"
    int64_t done = 0, total = 0;
    double seconds = 0;       // since the step started
    double etaSeconds = -1;   // -1: not known yet
};

struct DataSummary {
    std::string kind;                       // idx, image_folder, csv, text_csv, text_folder
    std::vector<std::string> classNames;    // empty for regression/reconstruction without labels
    std::vector<int64_t> sampleShape;       // per sample, as fed to the network
    int64_t targetWidth = 0;                // regression: values per target (0: not a regression)
    int64_t vocabularySize = 0;             // text: token ids, PAD and OOV included (0: not text)
    // counts[split][class]; splits are train, validation, test
    std::vector<int64_t> trainCounts, validationCounts, testCounts;
    int64_t trainSize = 0, validationSize = 0, testSize = 0;
    std::vector<SkippedInput> skipped;
    double loadSeconds = 0;
    int64_t bytesInMemory = 0;
    int64_t bytesMapped = 0;                // decoded samples read from the sample cache's mapped files
    // Image folders: the fingerprint of the source files (names, sizes, modification times) and
    // the load-time steps — the data version a model was trained on; where its cache is; how many
    // files this load decoded (0: everything came from the cache).
    std::string fingerprint;
    std::string cacheFolder;
    int64_t cacheDecoded = 0;
    std::vector<std::string> notes;         // stated rules that applied ("3 missing values set to the mean")
    // Why training cannot use the data as it is (images of several sizes without a resize step):
    // the samples can still be browsed. Empty when training can read it.
    std::string problem;
    // The fix the studio offers for `problem`: a resize to this size (the most common one); 0: none.
    int64_t suggestedWidth = 0, suggestedHeight = 0;
};

}  // namespace netloom
