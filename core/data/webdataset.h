#pragma once
// WebDataset shards: POSIX tar files whose members are grouped by key — `0001.jpg` + `0001.cls`
// (an image and its class id), `0001.txt` + `0001.cls` (a text) — the format large PyTorch trainings
// stream from disks and object stores. Read and written with libarchive. Torch-free.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "data/data_summary.h"
#include "project/project.h"

namespace netloom {

// "shards/train-{0000..0099}.tar" → the 100 names; "{a,b}" lists too; several groups multiply.
// Throws DataError for an unbalanced or malformed brace.
std::vector<std::string> expandBraces(const std::string& pattern);

struct ShardSample {
    std::string key;                                 // "000123"
    std::map<std::string, std::string> members;      // extension ("jpg", "cls", "txt") → bytes
    std::string location;                            // "shards/train-0003.tar:000123" for messages
};

// Reads one shard's samples in order. A damaged tar (truncated, bad header) ends the shard early:
// next() returns false and error() says where.
class ShardReader {
public:
    explicit ShardReader(const std::string& path);
    ~ShardReader();
    ShardReader(const ShardReader&) = delete;
    ShardReader& operator=(const ShardReader&) = delete;
    bool next(ShardSample& sample);
    const std::string& error() const { return error_; }

private:
    bool readMember(std::string& name, std::string& bytes);
    struct Archive;
    std::unique_ptr<Archive> archive_;
    std::string path_, error_;
    std::string pendingName_, pendingBytes_;
    bool havePending_ = false, done_ = false;
};

struct PackOptions {
    std::string outDir;
    int64_t shardBytes = 256LL << 20;  // a shard is closed once it holds this much
    std::string prefix = "train";
};

struct PackReport {
    int64_t samples = 0, shards = 0, bytes = 0;
    std::string pattern;               // "train-{0000..0012}.tar", relative to outDir
    std::vector<std::string> classNames;
};

// Writes every sample of the project's dataset (all splits, in a seeded shuffled order so each
// shard mixes the classes) as shards in `outDir`, plus dataset.json (classes, pattern, counts).
// Image folders keep each file's own bytes; IDX images are written as PNG; texts as .txt.
// Throws DataError.
PackReport packDataset(const Project& project, const PackOptions& options,
                       const std::function<void(const DataProgress&)>& progress = {});

// One shard with these members (name, bytes), in order; written atomically. Throws DataError.
void writeShard(const std::string& path, const std::vector<std::pair<std::string, std::string>>& members);

// "256M", "1G", "65536" → bytes; -1 when unreadable.
int64_t parseByteSize(const std::string& text);

}  // namespace netloom
