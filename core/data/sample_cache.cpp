#include "data/sample_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "preprocess/image_pipeline.h"
#include "util/atomic_file.h"

namespace netloom {

namespace {

using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

constexpr int kFormat = 1;  // bump when the shard layout or the decode rule changes

// Two independent 64-bit lanes: FNV-1a and a multiply-rotate mix.
struct Digest {
    uint64_t a = 1469598103934665603ULL, b = 0x6a09e667f3bcc909ULL;
    void bytes(const void* data, size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (size_t i = 0; i < n; ++i) {
            a = (a ^ p[i]) * 1099511628211ULL;
            b = ((b ^ p[i]) * 0x9e3779b97f4a7c15ULL);
            b ^= b >> 29;
        }
    }
    void add(const std::string& s) {
        bytes(s.data(), s.size());
        add(static_cast<int64_t>(s.size()));
    }
    void add(int64_t v) { bytes(&v, sizeof v); }
    std::string hex() const {
        char out[33];
        std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(a), static_cast<unsigned long long>(b));
        return out;
    }
};

std::string errnoText() { return std::strerror(errno); }

bool fileSize(const std::string& path, int64_t& size) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    size = st.st_size;
    return true;
}

void makeDirs(const std::string& path) {
    std::string partial;
    for (size_t i = 0; i <= path.size(); ++i) {
        if (i == path.size() || (path[i] == '/' && i > 0)) {
            partial = path.substr(0, i);
            if (::mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST)
                throw DataError(partial + ": cannot create the sample cache folder (" + errnoText() +
                                ") — set NETLOOM_CACHE_DIR to a writable folder");
        }
    }
}

// One cache folder at a time: ranks of a distributed run on one machine, or two studios, wait for
// the first builder and then find its shards.
class FolderLock {
public:
    explicit FolderLock(const std::string& folder) {
        fd_ = ::open((folder + "/.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0) throw DataError(folder + "/.lock: cannot open (" + errnoText() + ")");
        ::flock(fd_, LOCK_EX);
    }
    ~FolderLock() {
        ::flock(fd_, LOCK_UN);
        ::close(fd_);
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int fd_ = -1;
};

struct Shape {
    int64_t c = 0, h = 0, w = 0;
    int64_t bytes() const { return c * h * w; }
    bool operator==(const Shape& o) const { return c == o.c && h == o.h && w == o.w; }
    std::string size() const { return std::to_string(w) + "×" + std::to_string(h); }
    json toJson() const { return json::array({c, h, w}); }
    static Shape fromJson(const json& j) { return {j.at(0).get<int64_t>(), j.at(1).get<int64_t>(), j.at(2).get<int64_t>()}; }
};

struct ShardPlan {
    size_t first = 0, count = 0;  // files [first, first + count)
    int64_t rows = 0;             // count, padded to whole pages
    std::string fingerprint;
    std::vector<std::string> failed;  // per file: why it could not be decoded; empty when it was
};

std::string shardPath(const std::string& folder, const ShardPlan& s, const char* ext) {
    return folder + "/" + s.fingerprint + ext;
}

// Consecutive files of one group, `perShard` at most; rows padded so every shard is whole pages.
std::vector<ShardPlan> planShards(const CacheRequest& req, const Shape& shape) {
    const int64_t page = ::sysconf(_SC_PAGESIZE);
    const int64_t unit = page / std::gcd(shape.bytes(), page);  // rows per whole number of pages
    const int64_t perShard = std::max(unit, req.shardBytes / shape.bytes() / unit * unit);
    std::vector<ShardPlan> out;
    for (size_t i = 0; i < req.files.size();) {
        ShardPlan s;
        s.first = i;
        while (i < req.files.size() && static_cast<int64_t>(s.count) < perShard &&
               req.files[i].group == req.files[s.first].group) {
            ++s.count;
            ++i;
        }
        s.rows = (static_cast<int64_t>(s.count) + unit - 1) / unit * unit;
        Digest d;
        d.add(req.pipelineKey);
        d.add(shape.c), d.add(shape.h), d.add(shape.w);
        for (size_t k = s.first; k < s.first + s.count; ++k) {
            d.add(req.files[k].path);
            d.add(req.files[k].size);
            d.add(req.files[k].mtimeNs);
        }
        s.fingerprint = d.hex();
        s.failed.assign(s.count, std::string());
        out.push_back(std::move(s));
    }
    return out;
}

// Decoded and prepared rows of one file: C×H×W uint8; undefined with `error` set.
torch::Tensor decodeRow(const CacheRequest& req, const std::string& path, std::string& error) {
    return prepareImageFile(path, *req.pipeline, req.background, req.gray, error);
}

Shape shapeOf(const torch::Tensor& chw) { return {chw.size(0), chw.size(1), chw.size(2)}; }

bool readShardMeta(const std::string& folder, ShardPlan& s, const Shape& shape) {
    std::string text, error;
    int64_t size = 0;
    if (!readFile(shardPath(folder, s, ".json"), text, error)) return false;
    if (!fileSize(shardPath(folder, s, ".u8"), size) || size != s.rows * shape.bytes()) return false;
    try {
        json meta = json::parse(text);
        if (meta.at("format").get<int>() != kFormat || meta.at("files").get<size_t>() != s.count) return false;
        for (const auto& f : meta.at("failed")) s.failed.at(f.at(0).get<size_t>()) = f.at(1).get<std::string>();
    } catch (const std::exception&) {
        return false;
    }
    return true;
}

// Decodes the shards that are missing, on `threads` threads, writing rows straight into their
// files (through the page cache: no buffer the size of a shard). Reports progress meanwhile.
// `shapeFile` has the expected shape; mismatch messages name it.
int64_t buildShards(const CacheRequest& req, const std::string& folder, std::vector<ShardPlan*> pending,
                    const Shape& shape, const std::string& shapeFile, int threads) {
    struct Task {
        ShardPlan* shard;
        size_t offset;
    };
    struct Open {
        int fd = -1;
        std::string temp;
        std::atomic<int64_t> left{0};
    };
    std::vector<Task> tasks;
    std::vector<std::unique_ptr<Open>> open;
    std::map<ShardPlan*, Open*> openOf;
    for (ShardPlan* s : pending) {
        auto o = std::make_unique<Open>();
        o->temp = shardPath(folder, *s, ".u8") + ".tmp-" + std::to_string(::getpid());
        o->fd = ::open(o->temp.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (o->fd < 0 || ::ftruncate(o->fd, s->rows * shape.bytes()) != 0)
            throw DataError(o->temp + ": cannot write the sample cache (" + errnoText() + ")");
        o->left = static_cast<int64_t>(s->count);
        openOf[s] = o.get();
        open.push_back(std::move(o));
        for (size_t k = 0; k < s->count; ++k) tasks.push_back({s, k});
    }
    std::atomic<size_t> nextTask{0};
    std::atomic<int64_t> done{0};
    std::atomic<bool> abort{false};
    std::mutex errorMutex;
    std::string firstError;
    auto fail = [&](const std::string& message) {
        std::lock_guard<std::mutex> lock(errorMutex);
        if (firstError.empty()) firstError = message;
        abort = true;
    };
    auto finish = [&](ShardPlan& s, Open& o) {
        ::close(o.fd);
        o.fd = -1;
        if (::rename(o.temp.c_str(), shardPath(folder, s, ".u8").c_str()) != 0)
            return fail(o.temp + ": cannot rename into the sample cache (" + errnoText() + ")");
        json failed = json::array();
        for (size_t k = 0; k < s.count; ++k)
            if (!s.failed[k].empty()) failed.push_back({k, s.failed[k]});
        json meta = {{"format", kFormat}, {"files", s.count}, {"rows", s.rows}, {"shape", shape.toJson()}, {"failed", failed}};
        std::string error = writeFileAtomically(shardPath(folder, s, ".json"), meta.dump() + "\n");
        if (!error.empty()) fail(error);
    };
    auto worker = [&] {
        for (size_t t; !abort && (t = nextTask++) < tasks.size();) {
            ShardPlan& s = *tasks[t].shard;
            Open& o = *openOf.at(&s);
            const std::string& path = req.files[s.first + tasks[t].offset].path;
            std::string error;
            torch::Tensor row = decodeRow(req, path, error);
            if (!row.defined()) {
                s.failed[tasks[t].offset] = error.empty() ? "cannot decode" : error;
            } else if (!(shapeOf(row) == shape)) {
                return fail(path + ": image is " + shapeOf(row).size() + " but " + shapeFile + " is " + shape.size() +
                            " — add a resize step to the preprocessing");
            } else {
                const int64_t at = static_cast<int64_t>(tasks[t].offset) * shape.bytes();
                const char* p = static_cast<const char*>(row.data_ptr());
                for (int64_t written = 0; written < shape.bytes();) {
                    ssize_t n = ::pwrite(o.fd, p + written, static_cast<size_t>(shape.bytes() - written), at + written);
                    if (n <= 0) return fail(o.temp + ": cannot write the sample cache (" + errnoText() + ")");
                    written += n;
                }
            }
            ++done;
            if (--o.left == 0) finish(s, o);
        }
    };
    const auto start = Clock::now();
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) pool.emplace_back(worker);
    const int64_t total = static_cast<int64_t>(tasks.size());
    auto lastReport = start - std::chrono::seconds(1);
    while (done < total && !abort) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        auto now = Clock::now();
        if (req.progress && now - lastReport >= std::chrono::milliseconds(500)) {
            lastReport = now;
            DataProgress p;
            p.stage = "decoding images into the sample cache";
            p.done = done;
            p.total = total;
            p.seconds = std::chrono::duration<double>(now - start).count();
            p.etaSeconds = p.done > 0 ? p.seconds / p.done * (total - p.done) : -1;
            req.progress(p);
        }
    }
    for (auto& t : pool) t.join();
    for (auto& o : open)
        if (o->fd >= 0) {
            ::close(o->fd);
            ::unlink(o->temp.c_str());
        }
    if (!firstError.empty()) throw DataError(firstError);
    if (req.progress) {
        DataProgress p;
        p.stage = "decoding images into the sample cache";
        p.done = p.total = total;
        p.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        p.etaSeconds = 0;
        req.progress(p);
    }
    return total;
}

// The shards side by side in one reserved range: one tensor over every row.
torch::Tensor mapShards(const std::string& folder, const std::vector<ShardPlan>& shards, const Shape& shape) {
    int64_t rows = 0;
    for (const auto& s : shards) rows += s.rows;
    const size_t length = static_cast<size_t>(rows * shape.bytes());
    if (length == 0) return torch::empty({0, shape.c, shape.h, shape.w}, torch::kUInt8);
    void* base = ::mmap(nullptr, length, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) throw DataError(folder + ": cannot reserve address space for the sample cache (" + errnoText() + ")");
    auto unmap = [length](void* p) { ::munmap(p, length); };
    size_t offset = 0;
    for (const auto& s : shards) {
        const std::string path = shardPath(folder, s, ".u8");
        const size_t bytes = static_cast<size_t>(s.rows * shape.bytes());
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        void* at = fd < 0 ? MAP_FAILED
                          : ::mmap(static_cast<char*>(base) + offset, bytes, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0);
        if (fd >= 0) ::close(fd);
        if (at == MAP_FAILED) {
            std::string why = errnoText();
            unmap(base);
            throw DataError(path + ": cannot map the sample cache shard (" + why + ")");
        }
        offset += bytes;
    }
    return torch::from_blob(base, {rows, shape.c, shape.h, shape.w}, unmap, torch::kUInt8);
}

// Removes what no longer belongs to the current index: shards of changed files, old indexes,
// temporary files of builds that were interrupted. Called with the folder locked.
void removeStale(const std::string& folder, const std::vector<ShardPlan>& shards, const std::string& indexName) {
    std::set<std::string> keep{indexName, ".lock"};
    for (const auto& s : shards) {
        keep.insert(s.fingerprint + ".u8");
        keep.insert(s.fingerprint + ".json");
    }
    DIR* d = ::opendir(folder.c_str());
    if (!d) return;
    std::vector<std::string> stale;
    while (dirent* e = ::readdir(d)) {
        std::string name = e->d_name;
        if (name != "." && name != ".." && !keep.count(name)) stale.push_back(name);
    }
    ::closedir(d);
    for (const auto& name : stale) ::unlink((folder + "/" + name).c_str());
}

int threadCount(int requested) {
    if (requested > 0) return requested;
    if (const char* env = std::getenv("NETLOOM_DECODE_THREADS"))
        if (int n = std::atoi(env); n > 0) return n;
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

std::string digestHex(const std::string& bytes) {
    Digest d;
    d.add(bytes);
    return d.hex();
}

std::string sampleCacheRoot() {
    if (const char* dir = std::getenv("NETLOOM_CACHE_DIR"); dir && *dir) return dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/netloom";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/netloom";
    return "/tmp/netloom-cache";
}

bool statImageFile(const std::string& path, ImageFile& out) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    out.path = path;
    out.size = st.st_size;
    out.mtimeNs = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return true;
}

CachedImages cacheImages(const CacheRequest& req) {
    const auto start = Clock::now();
    CachedImages out;
    Digest all;
    all.add(static_cast<int64_t>(kFormat));
    all.add(req.pipelineKey);
    for (const auto& f : req.files) {
        all.add(f.path);
        all.add(f.size);
        all.add(f.mtimeNs);
        all.add(f.group);
    }
    out.fingerprint = all.hex();
    out.folder = sampleCacheRoot() + "/images/" + digestHex(req.datasetKey).substr(0, 16) + "/" +
                 digestHex(std::to_string(kFormat) + req.pipelineKey).substr(0, 16);
    const std::string indexName = "index-" + out.fingerprint + ".json";
    makeDirs(out.folder);
    FolderLock lock(out.folder);

    Shape shape;
    std::vector<ShardPlan> shards;
    bool indexed = false;
    // Warm start: the index names every shard; nothing is decoded.
    std::string text, error;
    if (readFile(out.folder + "/" + indexName, text, error)) {
        try {
            json index = json::parse(text);
            shape = Shape::fromJson(index.at("shape"));
            shards = planShards(req, shape);
            indexed = index.at("shards").size() == shards.size();
            for (auto& s : shards) indexed = indexed && readShardMeta(out.folder, s, shape);
        } catch (const std::exception&) {
            indexed = false;
        }
    }
    if (!indexed) {
        // The shape of the first decodable file decides the rows' size.
        size_t probe = 0;
        torch::Tensor first;
        std::vector<std::string> probeErrors;
        for (; probe < req.files.size(); ++probe) {
            std::string why;
            first = decodeRow(req, req.files[probe].path, why);
            if (first.defined()) break;
            probeErrors.push_back(why);
        }
        if (!first.defined()) {  // nothing is readable: every file is skipped
            for (size_t k = 0; k < req.files.size(); ++k) out.skipped.push_back({req.files[k].path, probeErrors[k]});
            out.rowOf.assign(req.files.size(), -1);
            out.decoded = static_cast<int64_t>(req.files.size());
            return out;
        }
        shape = shapeOf(first);
        shards = planShards(req, shape);
        std::vector<ShardPlan*> pending;
        for (auto& s : shards)
            if (!readShardMeta(out.folder, s, shape)) {
                std::fill(s.failed.begin(), s.failed.end(), std::string());
                pending.push_back(&s);
            }
        out.decoded = buildShards(req, out.folder, pending, shape, req.files[probe].path, threadCount(req.threads));
        json list = json::array();
        for (const auto& s : shards) list.push_back(s.fingerprint);
        json index = {{"format", kFormat}, {"shape", shape.toJson()}, {"shards", list}, {"files", req.files.size()}};
        if (std::string e = writeFileAtomically(out.folder + "/" + indexName, index.dump() + "\n"); !e.empty()) throw DataError(e);
        removeStale(out.folder, shards, indexName);
    }
    out.images = mapShards(out.folder, shards, shape);
    out.rowOf.assign(req.files.size(), -1);
    int64_t base = 0;
    for (const auto& s : shards) {
        for (size_t k = 0; k < s.count; ++k) {
            if (s.failed[k].empty()) out.rowOf[s.first + k] = base + static_cast<int64_t>(k);
            else out.skipped.push_back({req.files[s.first + k].path, s.failed[k]});
        }
        base += s.rows;
    }
    out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return out;
}

}  // namespace netloom
