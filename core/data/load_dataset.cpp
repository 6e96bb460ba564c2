// loadDataset: from the project's dataset spec to split tensors, whatever the source format.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <numeric>
#include <optional>

#include <nlohmann/json.hpp>

#include "data/csv_table.h"
#include "data/dataset.h"
#include "data/remote_shards.h"
#include "data/sample_cache.h"
#include "data/webdataset.h"
#include "data/tabular_encoder.h"
#include "preprocess/image_pipeline.h"
#include "preprocess/text_pipeline.h"
#include "util/atomic_file.h"

namespace netloom {

namespace {

bool isDir(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool isFile(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::vector<std::string> listDir(const std::string& dir) {
    std::vector<std::string> out;
    DIR* d = ::opendir(dir.c_str());
    if (!d) throw DataError(dir + ": cannot open folder (" + std::strerror(errno) + ")");
    while (dirent* e = ::readdir(d))
        if (e->d_name[0] != '.') out.emplace_back(e->d_name);
    ::closedir(d);
    std::sort(out.begin(), out.end());
    return out;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string extensionOf(const std::string& name) {
    auto dot = name.find_last_of('.');
    return dot == std::string::npos ? "" : lower(name.substr(dot + 1));
}

std::string slurp(const std::string& path) {
    std::string text, error;
    if (!readFile(path, text, error)) throw DataError(error);
    return text;
}

// Classes of a folder dataset: the project's list, or every subfolder/file that qualifies.
std::vector<std::string> chooseClasses(const std::vector<std::string>& available, const DatasetSpec& spec,
                                       const std::string& root) {
    if (spec.classes.empty()) return available;
    for (const auto& c : spec.classes)
        if (std::find(available.begin(), available.end(), c) == available.end())
            throw DataError(root + ": class \"" + c + "\" listed in the project has no folder or file here");
    return spec.classes;
}

std::vector<int64_t> toVector(const torch::Tensor& labels) {
    auto l = labels.to(torch::kInt64).contiguous();
    return std::vector<int64_t>(l.data_ptr<int64_t>(), l.data_ptr<int64_t>() + l.numel());
}

void countClasses(const torch::Tensor& labels, size_t classes, std::vector<int64_t>& counts) {
    counts.assign(classes, 0);
    if (!labels.defined() || labels.dim() != 1 || labels.scalar_type() != torch::kInt64) return;
    for (int64_t v : toVector(labels))
        if (v >= 0 && static_cast<size_t>(v) < classes) ++counts[v];
}

// Seeded random subset of at most `limit` rows (limit 0: all).
std::vector<int64_t> limitRows(std::vector<int64_t> rows, int64_t limit, uint64_t seed) {
    if (limit <= 0 || static_cast<int64_t>(rows.size()) <= limit) return rows;
    std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
    std::shuffle(rows.begin(), rows.end(), rng);
    rows.resize(static_cast<size_t>(limit));
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::string findIdx(const std::string& dir, const std::string& stem) {
    for (const char* suffix : {"", ".gz"}) {
        std::string p = dir + "/" + stem + suffix;
        if (isFile(p)) return p;
    }
    throw DataError(dir + ": missing " + stem + " (or " + stem + ".gz)");
}

// What decides a cached row besides the file: the load-time steps (as the project file writes
// them), the colour the file is decoded to and the background transparency is composited over.
std::string loadStageKey(const Project& project, bool gray) {
    nlohmann::json steps = nlohmann::json::parse(serializeProject(project))["preprocess"]["image"];
    nlohmann::json load = nlohmann::json::array();
    for (size_t k = 0; k < project.preprocess.image.size() && k < steps.size(); ++k)
        if (project.preprocess.image[k].stage() == ImageStage::Load) load.push_back(steps[k]);
    return nlohmann::json{{"load_steps", load}, {"gray", gray}, {"background", project.preprocess.background}}.dump();
}

// Applies the load-time image steps to every image of an N×C×H×W uint8 tensor.
torch::Tensor prepareImages(const ImagePipeline& pipeline, const torch::Tensor& images) {
    bool any = false;
    for (const auto& s : pipeline.steps()) any |= s.stage() == ImageStage::Load && s.op != "grayscale";
    if (!any) return images;
    std::vector<torch::Tensor> out;
    out.reserve(static_cast<size_t>(images.size(0)));
    for (int64_t i = 0; i < images.size(0); ++i) out.push_back(matToTensor(pipeline.prepare(tensorToMat(images[i]))));
    return torch::stack(out);
}

void loadIdx(const Project& project, Dataset& ds, bool testOnly) {
    const DatasetSpec& spec = project.dataset;
    std::string dir = project.resolvePath(spec.path);
    torch::Tensor testX = readIdx(findIdx(dir, "t10k-images-idx3-ubyte"));
    torch::Tensor testY = readIdx(findIdx(dir, "t10k-labels-idx1-ubyte")).to(torch::kInt64);
    // Test-only: the test files stand in for the training split too (same shapes, same classes).
    torch::Tensor trainX = testOnly ? testX : readIdx(findIdx(dir, "train-images-idx3-ubyte"));
    torch::Tensor trainY = testOnly ? testY : readIdx(findIdx(dir, "train-labels-idx1-ubyte")).to(torch::kInt64);
    if (trainX.dim() != 3 || testX.dim() != 3) throw DataError(dir + ": image files must be idx3 (N×H×W)");
    if (trainY.dim() != 1 || testY.dim() != 1) throw DataError(dir + ": label files must be idx1");
    if (trainX.size(0) != trainY.size(0))
        throw DataError(dir + ": train-images has " + std::to_string(trainX.size(0)) + " images but train-labels has " +
                        std::to_string(trainY.size(0)) + " labels");
    if (testX.size(0) != testY.size(0))
        throw DataError(dir + ": t10k-images has " + std::to_string(testX.size(0)) + " images but t10k-labels has " +
                        std::to_string(testY.size(0)) + " labels");
    int64_t classes = std::max(trainY.max().item<int64_t>(), testY.max().item<int64_t>()) + 1;
    if (!spec.classes.empty()) {
        if (static_cast<int64_t>(spec.classes.size()) < classes)
            throw DataError(dir + ": labels go up to " + std::to_string(classes - 1) + " but the project names only " +
                            std::to_string(spec.classes.size()) + " classes");
        ds.summary.classNames = spec.classes;
    } else {
        for (int64_t k = 0; k < classes; ++k) ds.summary.classNames.push_back(std::to_string(k));
    }
    ImagePipeline pipeline(project.preprocess.image);
    trainX = prepareImages(pipeline, trainX.unsqueeze(1));
    testX = prepareImages(pipeline, testX.unsqueeze(1));

    SplitIndices split = stratifiedSplit(toVector(trainY), spec.validationSplit, 0.0, spec.seed);
    ds.train = takeRows(trainX, trainY, limitRows(split.train, spec.limit, spec.seed));
    ds.validation = takeRows(trainX, trainY, split.validation);
    ds.test = Split{testX.contiguous(), testY, {}};
}

void loadImageFolder(const Project& project, Dataset& ds, const std::function<void(const DataProgress&)>& progress) {
    const DatasetSpec& spec = project.dataset;
    std::string root = project.resolvePath(spec.path);
    if (!isDir(root)) throw DataError(root + ": not a folder");
    std::vector<std::string> available;
    for (const auto& name : listDir(root))
        if (isDir(root + "/" + name)) available.push_back(name);
    if (available.empty()) throw DataError(root + ": no class subfolders (expected one folder per class)");
    std::vector<std::string> classes = chooseClasses(available, spec, root);
    ds.summary.classNames = classes;
    ImagePipeline pipeline(project.preprocess.image);
    const bool gray = pipeline.wantsGray();
    const std::string pipelineKey = loadStageKey(project, gray);

    // Every file of every class folder, decoded through the sample cache; the readable ones become
    // samples (rows of the mapped cache), the others are skipped with their reason.
    struct Tree {
        CachedImages cache;
        std::vector<int64_t> cacheRows;
        std::vector<int64_t> labels;
        std::vector<std::string> files;
    };
    auto readTree = [&](const std::string& base) {
        CacheRequest request;
        request.datasetKey = base;
        request.pipelineKey = pipelineKey;
        request.pipeline = &pipeline;
        request.gray = gray;
        request.background = project.preprocess.background;
        request.progress = progress;
        for (size_t c = 0; c < classes.size(); ++c) {
            std::string dir = base + "/" + classes[c];
            if (!isDir(dir)) throw DataError(dir + ": class folder missing");
            for (const auto& name : listDir(dir)) {
                std::string ext = extensionOf(name), path = dir + "/" + name;
                if (ext != "png" && ext != "jpg" && ext != "jpeg" && ext != "bmp") continue;
                ImageFile f;
                if (!statImageFile(path, f)) {
                    ds.summary.skipped.push_back({path, "cannot open the file"});
                    continue;
                }
                f.group = static_cast<int64_t>(c);
                request.files.push_back(f);
            }
        }
        Tree t;
        t.cache = cacheImages(request);
        std::vector<int64_t> readable(classes.size(), 0);
        for (size_t k = 0; k < request.files.size(); ++k) {
            if (t.cache.rowOf[k] < 0) continue;
            t.cacheRows.push_back(t.cache.rowOf[k]);
            t.labels.push_back(request.files[k].group);
            t.files.push_back(request.files[k].path);
            ++readable[static_cast<size_t>(request.files[k].group)];
        }
        ds.summary.skipped.insert(ds.summary.skipped.end(), t.cache.skipped.begin(), t.cache.skipped.end());
        for (size_t c = 0; c < classes.size(); ++c)
            if (readable[c] == 0) throw DataError(base + "/" + classes[c] + ": class folder has no readable images");
        ds.summary.cacheDecoded += t.cache.decoded;
        return t;
    };
    Tree tree = readTree(root);
    ds.summary.fingerprint = tree.cache.fingerprint;
    ds.summary.cacheFolder = tree.cache.folder;
    torch::Tensor y = torch::tensor(tree.labels, torch::kInt64);
    double testFraction = spec.testPath.empty() ? spec.testSplit : 0.0;
    SplitIndices split = stratifiedSplit(tree.labels, spec.validationSplit, testFraction, spec.seed);
    ds.train = takeCachedRows(tree.cache.images, tree.cacheRows, y, tree.files, limitRows(split.train, spec.limit, spec.seed));
    ds.validation = takeCachedRows(tree.cache.images, tree.cacheRows, y, tree.files, split.validation);
    if (!spec.testPath.empty()) {
        Tree test = readTree(project.resolvePath(spec.testPath));
        std::vector<int64_t> all(test.labels.size());
        std::iota(all.begin(), all.end(), 0);
        ds.test = takeCachedRows(test.cache.images, test.cacheRows, torch::tensor(test.labels, torch::kInt64), test.files, all);
        // Both folders are the data version.
        ds.summary.fingerprint = digestHex(tree.cache.fingerprint + test.cache.fingerprint);
    } else {
        ds.test = takeCachedRows(tree.cache.images, tree.cacheRows, y, tree.files, split.test);
    }
}

// The image and class id of a WebDataset sample, decoded by the one rule (image_pipeline.h) and
// the load-time steps; `shape` (when known) is the size every sample must have.
bool decodeShardSample(const ShardSample& s, const ImagePipeline& pipeline, bool gray, const std::vector<int64_t>& background,
                       const std::vector<int64_t>& shape, torch::Tensor& row, int64_t& target, std::string& error) {
    const std::string* image = nullptr;
    for (const char* ext : {"jpg", "jpeg", "png", "bmp"})
        if (auto it = s.members.find(ext); it != s.members.end()) image = &it->second;
    if (!image) {
        error = "no image member (.jpg, .png or .bmp)";
        return false;
    }
    auto cls = s.members.find("cls");
    if (cls == s.members.end() || cls->second.empty() ||
        cls->second.find_first_not_of("0123456789 \n") != std::string::npos) {
        error = "no class id (.cls member with a number)";
        return false;
    }
    target = std::stoll(cls->second);
    cv::Mat img = decodeImageBytes(std::vector<unsigned char>(image->begin(), image->end()), gray, background, error);
    if (img.empty()) return false;
    row = matToTensor(pipeline.prepare(img));
    if (!shape.empty() && std::vector<int64_t>(row.sizes().begin(), row.sizes().end()) != shape) {
        error = "image is " + std::to_string(row.size(2)) + "×" + std::to_string(row.size(1)) + ", the others are " +
                std::to_string(shape[2]) + "×" + std::to_string(shape[1]) + " — add a resize step to the preprocessing";
        return false;
    }
    return true;
}

// The dataset.json beside a pattern's shards (written by `netloom-cli data pack`): fetched like a
// shard when they are remote; null when there is none or it is not JSON.
nlohmann::json shardMetadata(const std::string& firstShard, const FetchOptions& fetch) {
    const std::string meta = firstShard.substr(0, firstShard.find_last_of('/') + 1) + "dataset.json";
    std::string local = meta, text, error;
    if (isRemoteShard(meta)) {  // fetched afresh each time: a shard set packed again changes it
        FetchOptions once = fetch;
        once.attempts = 1;
        once.reuseCached = false;
        try {
            local = fetchShard(meta, once);
        } catch (const DataError&) {
            return nullptr;
        }
    }
    if (!readFile(local, text, error)) return nullptr;
    try {
        return nlohmann::json::parse(text);
    } catch (const std::exception& e) {
        throw DataError(meta + ": unreadable (" + e.what() + ")");
    }
}

// Every shard's sample count from dataset.json's "shard_samples" (by file name), or nothing when
// one is missing.
std::optional<std::vector<int64_t>> countsFromMetadata(const nlohmann::json& meta, const std::vector<std::string>& shards) {
    if (!meta.is_object() || !meta.contains("shard_samples") || !meta["shard_samples"].is_object()) return std::nullopt;
    std::vector<int64_t> counts;
    for (const std::string& shard : shards) {
        const std::string name = shard.substr(shard.find_last_of('/') + 1);
        auto it = meta["shard_samples"].find(name);
        if (it == meta["shard_samples"].end() || !it->is_number_integer()) return std::nullopt;
        counts.push_back(it->get<int64_t>());
    }
    return counts;
}

// WebDataset shards named by a brace pattern (or an S3 prefix): the training samples stream from
// them (counted here, decoded while training); test_path's shards, when given, are read whole as
// the test split. Remote shards whose counts dataset.json gives are not fetched here, but the first
// (for the sample shape): each rank fetches its own shards as it reaches them.
void loadWebDataset(const Project& project, Dataset& ds) {
    const DatasetSpec& spec = project.dataset;
    auto pipeline = std::make_shared<ImagePipeline>(project.preprocess.image);
    const bool gray = pipeline->wantsGray();
    const std::vector<int64_t> background = project.preprocess.background;
    auto source = std::make_shared<ShardSource>();
    FetchOptions fetch;
    fetch.onRetry = [&](const std::string& message) { ds.summary.notes.push_back(message); };
    auto shardNames = [&](const std::string& pattern) {
        return isShardListing(pattern)  ? listShards(pattern, fetch)
               : isRemoteShard(pattern) ? expandBraces(pattern)
                                        : expandBraces(project.resolvePath(pattern));
    };
    // URLs are fetched into the local shard cache (data/remote_shards.h).
    auto localShard = [&](const std::string& name, const std::string& pattern, const char* field) {
        if (isRemoteShard(name)) return fetchShard(name, fetch);
        if (!isFile(name)) throw DataError(name + ": shard missing (dataset." + field + " names it: " + pattern + ")");
        return name;
    };
    std::vector<std::string> names = shardNames(spec.path);
    const nlohmann::json meta = shardMetadata(names.front(), fetch);
    const bool remote = isRemoteShard(names.front());
    std::optional<std::vector<int64_t>> counts = remote ? countsFromMetadata(meta, names) : std::nullopt;
    std::vector<int64_t>& shape = ds.summary.sampleShape;
    int64_t maxClass = -1, total = 0;
    // Reads a shard whole: its count, its largest class id, the shape of its first usable sample.
    auto scan = [&](const std::string& shard) {
        ShardReader reader(shard);
        int64_t n = 0;
        for (ShardSample s; reader.next(s); ++n) {
            if (auto cls = s.members.find("cls"); cls != s.members.end())
                maxClass = std::max<int64_t>(maxClass, std::atoll(cls->second.c_str()));
            if (shape.empty()) {
                torch::Tensor row;
                int64_t target;
                std::string error;
                if (decodeShardSample(s, *pipeline, gray, background, {}, row, target, error))
                    shape.assign(row.sizes().begin(), row.sizes().end());
            }
        }
        if (!reader.error().empty()) ds.summary.skipped.push_back({shard, reader.error()});
        return n;
    };
    // The first shard must hold what dataset.json says, or dataset.json is not this shard set's.
    if (counts && scan(localShard(names.front(), spec.path, "path")) != counts->front()) {
        ds.summary.notes.push_back("dataset.json's shard_samples does not match " + names.front() +
                                   ": every shard is fetched and counted");
        counts.reset();
        shape.clear();
        maxClass = -1;
    }
    if (counts) {
        source->shards = names;  // URLs, fetched when streamed
        source->samples = *counts;
        for (int64_t n : *counts) total += n;
        FetchOptions streaming;  // on the stream's thread: no notes (a failure is a skipped shard)
        source->localFile = [streaming](const std::string& name) {
            return isRemoteShard(name) ? fetchShard(name, streaming) : name;
        };
    } else {
        for (const std::string& name : names) {
            source->shards.push_back(localShard(name, spec.path, "path"));
            source->samples.push_back(scan(source->shards.back()));
            total += source->samples.back();
        }
    }
    source->seed = spec.seed;
    if (shape.empty()) throw DataError(spec.path + ": no readable image in the shards");
    // The shuffle buffer: up to 2,000 samples, at most 64 MB of rows.
    const int64_t rowBytes = std::max<int64_t>(1, shape[0] * shape[1] * shape[2]);
    source->shuffleBuffer = std::clamp<int64_t>((64 << 20) / rowBytes, 64, 2000);
    const std::vector<int64_t> expected = shape;
    // Class names: the project's, else dataset.json's, else ids.
    if (!spec.classes.empty()) {
        ds.summary.classNames = spec.classes;
    } else if (meta.is_object() && meta.contains("classes")) {
        try {
            ds.summary.classNames = meta.at("classes").get<std::vector<std::string>>();
        } catch (const std::exception& e) {
            throw DataError("dataset.json beside " + spec.path + ": unreadable classes (" + e.what() + ")");
        }
    }
    for (int64_t k = static_cast<int64_t>(ds.summary.classNames.size()); k <= maxClass && spec.classes.empty(); ++k)
        ds.summary.classNames.push_back(std::to_string(k));
    if (maxClass >= static_cast<int64_t>(ds.summary.classNames.size()))
        throw DataError(spec.path + ": class ids go up to " + std::to_string(maxClass) + " but only " +
                        std::to_string(ds.summary.classNames.size()) + " classes are named");
    // Only the first shard was read here when dataset.json gave the counts: a class id out of range
    // in a later one is a skipped sample, never a target the loss cannot take.
    const int64_t classCount = static_cast<int64_t>(ds.summary.classNames.size());
    source->decode = [pipeline, gray, background, expected, classCount](const ShardSample& s, torch::Tensor& row,
                                                                        int64_t& target, std::string& error) {
        if (!decodeShardSample(s, *pipeline, gray, background, expected, row, target, error)) return false;
        if (target >= 0 && target < classCount) return true;
        error = "class id " + std::to_string(target) + " is not one of the " + std::to_string(classCount) + " classes";
        return false;
    };
    ds.summary.trainSize = total;
    ds.trainStream = source;
    if (!spec.testPath.empty()) {
        std::vector<torch::Tensor> rows;
        std::vector<int64_t> labels;
        for (const std::string& name : shardNames(spec.testPath)) {
            const std::string shard = localShard(name, spec.testPath, "test_path");
            ShardReader reader(shard);
            for (ShardSample s; reader.next(s);) {
                torch::Tensor row;
                int64_t target;
                std::string error;
                if (decodeShardSample(s, *pipeline, gray, background, expected, row, target, error)) {
                    rows.push_back(row);
                    labels.push_back(target);
                } else {
                    ds.summary.skipped.push_back({s.location, error});
                }
            }
            if (!reader.error().empty()) ds.summary.skipped.push_back({shard, reader.error()});
        }
        if (!rows.empty()) ds.test = Split{torch::stack(rows), torch::tensor(labels, torch::kInt64), {}, {}};
    }
    ds.summary.notes.push_back("training samples stream from " + std::to_string(source->shards.size()) +
                               " shards through a shuffle buffer of " + std::to_string(source->shuffleBuffer) +
                               " samples; only whole batches are trained");
}

// Class ids for a label column: scikit-learn's header names when ids are 0..K-1, otherwise the
// sorted distinct values (numerically when all are numbers).
std::vector<int64_t> labelColumn(const CsvTable& t, size_t column, std::vector<std::string>& classNames,
                                 const std::string& source) {
    std::vector<std::string> values;
    for (const auto& r : t.rows) values.push_back(r[column]);
    std::vector<std::string> distinct(values.begin(), values.end());
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    bool numeric = true;
    for (const auto& v : distinct) {
        double d;
        numeric &= parseNumber(v, d);
    }
    if (numeric)
        std::sort(distinct.begin(), distinct.end(), [](const std::string& a, const std::string& b) {
            double x, y;
            parseNumber(a, x);
            parseNumber(b, y);
            return x < y;
        });
    for (size_t k = 0; k < values.size(); ++k)
        if (isMissingValue(values[k]))
            throw DataError(source + ":" + std::to_string(t.rowLines[k]) + ": missing label in column \"" +
                            t.columns[column] + "\"");
    std::map<std::string, int64_t> ids;
    for (size_t k = 0; k < distinct.size(); ++k) ids[distinct[k]] = static_cast<int64_t>(k);
    classNames = distinct;
    if (!t.classNamesFromHeader.empty() && t.classNamesFromHeader.size() == distinct.size() && numeric) {
        bool zeroBased = true;
        for (size_t k = 0; k < distinct.size(); ++k) {
            double d;
            parseNumber(distinct[k], d);
            zeroBased &= d == static_cast<double>(k);
        }
        if (zeroBased) classNames = t.classNamesFromHeader;
    }
    std::vector<int64_t> out;
    for (const auto& v : values) out.push_back(ids[v]);
    return out;
}

size_t columnIndex(const CsvTable& t, const std::string& name, const std::string& source, const char* role) {
    for (size_t k = 0; k < t.columns.size(); ++k)
        if (t.columns[k] == name) return k;
    std::string cols;
    for (const auto& c : t.columns) cols += (cols.empty() ? "" : ", ") + c;
    throw DataError(source + ": no " + std::string(role) + " column \"" + name + "\" (columns: " + cols + ")");
}

CsvTable readCsv(const std::string& path) {
    try {
        return parseCsv(slurp(path), path);
    } catch (const DataError&) {
        throw;
    } catch (const std::runtime_error& e) {
        throw DataError(e.what());
    }
}

void loadCsv(const Project& project, Dataset& ds) {
    const DatasetSpec& spec = project.dataset;
    const Task task = project.training.task;
    std::string path = project.resolvePath(spec.path);
    CsvTable t = readCsv(path);
    ds.summary.skipped = t.skipped;
    bool hasTarget = !spec.target.empty();
    if (!hasTarget && task != Task::Reconstruction)
        throw DataError(path + ": the project names no target column (dataset.target) for task " + nameOf(task));
    size_t targetCol = hasTarget ? columnIndex(t, spec.target, path, "target") : t.columns.size();
    std::vector<size_t> features;
    for (size_t k = 0; k < t.columns.size(); ++k)
        if (k != targetCol) features.push_back(k);

    std::vector<int64_t> labels(t.rows.size(), 0);
    torch::Tensor targets;
    if (hasTarget && (task == Task::Classification || task == Task::Binary || task == Task::Reconstruction)) {
        labels = labelColumn(t, targetCol, ds.summary.classNames, path);
        targets = torch::tensor(labels, torch::kInt64);
    } else if (hasTarget) {
        std::vector<float> y;
        for (size_t r = 0; r < t.rows.size(); ++r) {
            double v;
            if (!parseNumber(t.rows[r][targetCol], v))
                throw DataError(path + ":" + std::to_string(t.rowLines[r]) + ": target \"" + t.rows[r][targetCol] +
                                "\" is not a number");
            y.push_back(static_cast<float>(v));
        }
        targets = torch::tensor(y).unsqueeze(1);
    }
    SplitIndices split = stratifiedSplit(labels, spec.validationSplit, spec.testSplit, spec.seed);
    std::vector<size_t> trainRows(split.train.begin(), split.train.end());
    auto encoder = std::make_shared<TabularEncoder>();
    encoder->fit(t, features, trainRows);
    std::vector<float> values;
    values.reserve(t.rows.size() * encoder->width());
    int64_t missing = 0;
    for (const auto& row : t.rows) encoder->encode(row, values, missing);
    torch::Tensor x = torch::from_blob(values.data(), {static_cast<int64_t>(t.rows.size()), static_cast<int64_t>(encoder->width())},
                                       torch::kFloat32)
                          .clone();
    if (missing)
        ds.summary.notes.push_back(std::to_string(missing) +
                                   " missing values: numeric ones set to the training mean, categorical ones to no category");
    const std::vector<int64_t> trainIndexes = limitRows(split.train, spec.limit, spec.seed);
    ds.train = takeRows(x, targets, trainIndexes);
    ds.validation = takeRows(x, targets, split.validation);
    ds.test = takeRows(x, targets, split.test);
    ds.tabular = encoder;
    ds.tableColumns = t.columns;
    for (int64_t i : trainIndexes) ds.trainRows.push_back(t.rows[static_cast<size_t>(i)]);
    for (int64_t i : split.validation) ds.validationRows.push_back(t.rows[static_cast<size_t>(i)]);
    for (int64_t i : split.test) ds.testRows.push_back(t.rows[static_cast<size_t>(i)]);
}

// Text samples with labels, from a CSV or from a folder.
void readTextSamples(const Project& project, const std::string& root, std::vector<std::string>& texts,
                     std::vector<int64_t>& labels, std::vector<std::string>& classNames, Dataset& ds) {
    const DatasetSpec& spec = project.dataset;
    if (spec.kind == "text_csv") {
        CsvTable t = readCsv(root);
        ds.summary.skipped.insert(ds.summary.skipped.end(), t.skipped.begin(), t.skipped.end());
        if (spec.textColumn.empty()) throw DataError(root + ": the project names no text column (dataset.text_column)");
        if (spec.target.empty()) throw DataError(root + ": the project names no label column (dataset.target)");
        size_t tc = columnIndex(t, spec.textColumn, root, "text");
        size_t lc = columnIndex(t, spec.target, root, "label");
        labels = labelColumn(t, lc, classNames, root);
        for (const auto& r : t.rows) texts.push_back(r[tc]);
        return;
    }
    if (!isDir(root)) throw DataError(root + ": not a folder");
    // One subfolder of .txt files per class, or one file per class holding records separated by
    // lines of a single "%" (the fortune/strfile format).
    std::vector<std::string> available;
    for (const auto& name : listDir(root)) {
        std::string p = root + "/" + name;
        if (isDir(p) || (isFile(p) && extensionOf(name).empty())) available.push_back(name);
    }
    if (available.empty()) throw DataError(root + ": no class folders or files");
    classNames = chooseClasses(available, spec, root);
    for (size_t c = 0; c < classNames.size(); ++c) {
        std::string p = root + "/" + classNames[c];
        int64_t before = static_cast<int64_t>(texts.size());
        if (isDir(p)) {
            for (const auto& name : listDir(p)) {
                if (extensionOf(name) != "txt") continue;
                std::string text = slurp(p + "/" + name);
                if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
                    ds.summary.skipped.push_back({p + "/" + name, "empty text"});
                    continue;
                }
                texts.push_back(text);
                labels.push_back(static_cast<int64_t>(c));
            }
        } else {
            std::istringstream in(slurp(p));
            std::string line, record;
            auto flush = [&] {
                if (record.find_first_not_of(" \t\r\n") != std::string::npos) {
                    texts.push_back(record);
                    labels.push_back(static_cast<int64_t>(c));
                }
                record.clear();
            };
            while (std::getline(in, line)) {
                if (line == "%") flush();
                else record += line + "\n";
            }
            flush();
        }
        if (static_cast<int64_t>(texts.size()) == before) throw DataError(p + ": class has no texts");
    }
}

void loadText(const Project& project, Dataset& ds) {
    const DatasetSpec& spec = project.dataset;
    std::vector<std::string> texts;
    std::vector<int64_t> labels;
    readTextSamples(project, project.resolvePath(spec.path), texts, labels, ds.summary.classNames, ds);
    double testFraction = spec.testPath.empty() ? spec.testSplit : 0.0;
    SplitIndices split = stratifiedSplit(labels, spec.validationSplit, testFraction, spec.seed);
    split.train = limitRows(split.train, spec.limit, spec.seed);
    auto encoder = std::make_shared<TextEncoder>(project.preprocess.text);
    std::vector<std::string> trainTexts;
    for (int64_t i : split.train) trainTexts.push_back(texts[i]);
    encoder->fit(trainTexts);
    ds.trainTexts = trainTexts;

    auto encodeAll = [&](const std::vector<std::string>& src) {
        int64_t len = project.preprocess.text.length;
        torch::Tensor ids = torch::empty({static_cast<int64_t>(src.size()), len}, torch::kInt64);
        auto* p = ids.data_ptr<int64_t>();
        for (size_t i = 0; i < src.size(); ++i) {
            auto e = encoder->encode(src[i]);
            std::copy(e.begin(), e.end(), p + i * len);
        }
        return ids;
    };
    torch::Tensor x = encodeAll(texts);
    torch::Tensor y = torch::tensor(labels, torch::kInt64);
    ds.train = takeRows(x, y, split.train);
    ds.validation = takeRows(x, y, split.validation);
    for (int64_t i : split.validation) ds.validationTexts.push_back(texts[i]);
    if (!spec.testPath.empty()) {
        std::vector<std::string> testTexts, names;
        std::vector<int64_t> testLabels;
        readTextSamples(project, project.resolvePath(spec.testPath), testTexts, testLabels, names, ds);
        if (names != ds.summary.classNames) throw DataError(spec.testPath + ": test classes differ from training classes");
        ds.test = Split{encodeAll(testTexts), torch::tensor(testLabels, torch::kInt64), {}};
        ds.testTexts = testTexts;
    } else {
        ds.test = takeRows(x, y, split.test);
        for (int64_t i : split.test) ds.testTexts.push_back(texts[i]);
    }
    ds.text = encoder;
}

}  // namespace

DatasetLoad loadDataset(const Project& project, bool testSplitOnly, const std::function<void(const DataProgress&)>& progress) {
    DatasetLoad result;
    auto start = std::chrono::steady_clock::now();
    Dataset ds;
    ds.summary.kind = project.dataset.kind;
    try {
        const std::string& kind = project.dataset.kind;
        if (kind == "idx") {
            loadIdx(project, ds, testSplitOnly);
            ds.kind = SampleKind::Image;
        } else if (kind == "image_folder") {
            loadImageFolder(project, ds, progress);
            ds.kind = SampleKind::Image;
        } else if (kind == "webdataset") {
            loadWebDataset(project, ds);
            ds.kind = SampleKind::Image;
        } else if (kind == "csv") {
            loadCsv(project, ds);
            ds.kind = SampleKind::Features;
        } else if (kind == "text_csv" || kind == "text_folder") {
            loadText(project, ds);
            ds.kind = SampleKind::Tokens;
        } else {
            throw DataError("the project has no dataset (dataset.kind is \"" + kind + "\")");
        }
        if (ds.train.size() == 0 && !ds.trainStream) throw DataError(project.dataset.path + ": no training samples after the split");
    } catch (const DataError& e) {
        result.error = e.what();
        return result;
    } catch (const c10::Error& e) {
        result.error = std::string("dataset: ") + e.what_without_backtrace();
        return result;
    } catch (const std::exception& e) {
        result.error = std::string("dataset: ") + e.what();
        return result;
    }
    DataSummary& s = ds.summary;
    if (!ds.trainStream) {  // a stream's shape and count were found while its shards were counted
        auto sizes = ds.train.inputs.sizes();
        s.sampleShape.assign(sizes.begin() + 1, sizes.end());
        s.trainSize = ds.train.size();
    }
    if (ds.train.targets.defined() && ds.train.targets.dim() == 2) s.targetWidth = ds.train.targets.size(1);
    if (ds.text) s.vocabularySize = ds.text->vocabularySize();
    s.validationSize = ds.validation.size();
    s.testSize = ds.test.size();
    countClasses(ds.train.targets, s.classNames.size(), s.trainCounts);
    countClasses(ds.validation.targets, s.classNames.size(), s.validationCounts);
    countClasses(ds.test.targets, s.classNames.size(), s.testCounts);
    for (const Split* sp : {&ds.train, &ds.validation, &ds.test}) {
        if (sp->rows.defined()) s.bytesInMemory += sp->rows.numel() * sp->rows.element_size();
        else if (sp->inputs.defined()) s.bytesInMemory += sp->inputs.numel() * sp->inputs.element_size();
        if (sp->rows.defined()) s.bytesMapped += sp->rows.numel() * sp->inputs[0].numel();
        if (sp->targets.defined()) s.bytesInMemory += sp->targets.numel() * sp->targets.element_size();
    }
    s.loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.dataset = std::move(ds);
    return result;
}

}  // namespace netloom
