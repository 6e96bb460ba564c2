#pragma once
// The decoded-sample cache: the deterministic (load-time) part of the image pipeline — decode,
// colour, resize, crop — runs once, on every core, into shard files that training maps into
// memory. Private to core (Torch).
//
// Layout under <root>/<dataset>/<pipeline>/ (root: sampleCacheRoot()):
//   <shard fingerprint>.u8    raw uint8 rows, C×H×W each, padded to a whole number of pages
//   <shard fingerprint>.json  rows, shape and the files that could not be decoded (written last)
//   index-<fingerprint>.json  the shards of the whole dataset, for a start without any decoding
// A shard is a run of consecutive files of one class; its fingerprint hashes the pipeline key,
// the sample shape and each file's path, size and modification time, so a changed file rebuilds
// its shard only and a changed load-time step rebuilds everything (in another folder).
// The shards are mapped side by side into one reserved address range: one tensor over all rows,
// read through the page cache (no anonymous memory grows with the dataset).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "data/data_summary.h"

namespace netloom {

class ImagePipeline;

struct ImageFile {
    std::string path;
    int64_t size = 0;     // bytes
    int64_t mtimeNs = 0;  // modification time, nanoseconds
    int64_t group = 0;    // its class: a shard never spans two groups
};

struct CachedImages {
    torch::Tensor images;            // uint8 R×C×H×W over the mapped shards (R counts padding rows)
    std::vector<int64_t> rowOf;      // per file, its row in `images`; -1 when it could not be decoded
    std::vector<SkippedInput> skipped;
    std::string fingerprint;         // of the source files and the load-time pipeline (hex)
    std::string folder;              // where the shards are
    int64_t decoded = 0;             // files decoded by this call (0: everything came from the cache)
    double seconds = 0;
};

struct CacheRequest {
    std::vector<ImageFile> files;    // in dataset order
    std::string datasetKey;          // the dataset's root folder (names the cache folder)
    std::string pipelineKey;         // everything that decides the decoded rows (load-time steps, colour rule)
    const ImagePipeline* pipeline = nullptr;
    bool gray = false;
    std::vector<int64_t> background;
    int threads = 0;                 // 0: NETLOOM_DECODE_THREADS, else one per core
    int64_t shardBytes = 64 << 20;   // target size of one shard
    std::function<void(const DataProgress&)> progress;
};

// Maps the cached rows, decoding (in parallel) whatever is missing or stale. Throws DataError for
// images of different sizes (with both files named) and when the cache folder cannot be written.
CachedImages cacheImages(const CacheRequest& request);

// NETLOOM_CACHE_DIR, else $XDG_CACHE_HOME/netloom, else ~/.cache/netloom.
std::string sampleCacheRoot();

// Files and modification times of `path` as the cache keys them.
bool statImageFile(const std::string& path, ImageFile& out);

// A stable 128-bit FNV-1a digest in hex (fingerprints; not a cryptographic hash).
std::string digestHex(const std::string& bytes);

}  // namespace netloom
