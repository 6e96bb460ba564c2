#include "data/webdataset.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numeric>
#include <random>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "data/dataset.h"
#include "preprocess/image_pipeline.h"
#include "util/atomic_file.h"

namespace netloom {

// --- names -----------------------------------------------------------------------------------

std::vector<std::string> expandBraces(const std::string& pattern) {
    const size_t open = pattern.find('{');
    if (open == std::string::npos) {
        if (pattern.find('}') != std::string::npos) throw DataError(pattern + ": a '}' without its '{'");
        return {pattern};
    }
    const size_t close = pattern.find('}', open);
    if (close == std::string::npos) throw DataError(pattern + ": a '{' without its '}'");
    const std::string inner = pattern.substr(open + 1, close - open - 1);
    const std::string head = pattern.substr(0, open);
    std::vector<std::string> choices;
    if (size_t dots = inner.find(".."); dots != std::string::npos) {
        const std::string from = inner.substr(0, dots), to = inner.substr(dots + 2);
        auto digits = [](const std::string& s) {
            return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        if (!digits(from) || !digits(to))
            throw DataError(pattern + ": {" + inner + "} is not a range of numbers like {0000..0099}");
        const long long a = std::stoll(from), b = std::stoll(to);
        if (b < a) throw DataError(pattern + ": {" + inner + "} counts down");
        if (b - a > 1000000) throw DataError(pattern + ": {" + inner + "} names more than a million shards");
        const int width = from.size() > 1 && from[0] == '0' ? static_cast<int>(from.size()) : 0;
        for (long long k = a; k <= b; ++k) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%0*lld", width, k);
            choices.push_back(buf);
        }
    } else {
        size_t start = 0;
        for (size_t comma; (comma = inner.find(',', start)) != std::string::npos; start = comma + 1)
            choices.push_back(inner.substr(start, comma - start));
        choices.push_back(inner.substr(start));
    }
    std::vector<std::string> out;
    for (const auto& tail : expandBraces(pattern.substr(close + 1)))
        for (const auto& c : choices) out.push_back(head + c + tail);
    // Order by the first group varying slowest.
    std::vector<std::string> ordered;
    const size_t tails = out.size() / choices.size();
    for (size_t c = 0; c < choices.size(); ++c)
        for (size_t t = 0; t < tails; ++t) ordered.push_back(out[t * choices.size() + c]);
    return ordered;
}

int64_t parseByteSize(const std::string& text) {
    if (text.empty()) return -1;
    size_t used = 0;
    double value;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        return -1;
    }
    std::string unit = text.substr(used);
    if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b')) unit.pop_back();
    if (!unit.empty() && unit.back() == 'i') unit.pop_back();
    double scale = 1;
    if (unit == "k" || unit == "K") scale = 1024.0;
    else if (unit == "M" || unit == "m") scale = 1024.0 * 1024;
    else if (unit == "G" || unit == "g") scale = 1024.0 * 1024 * 1024;
    else if (!unit.empty()) return -1;
    if (value <= 0) return -1;
    return static_cast<int64_t>(value * scale);
}

// --- reading ---------------------------------------------------------------------------------

struct ShardReader::Archive {
    struct archive* a = nullptr;
    ~Archive() {
        if (a) archive_read_free(a);
    }
};

ShardReader::ShardReader(const std::string& path) : archive_(std::make_unique<Archive>()), path_(path) {
    archive_->a = archive_read_new();
    archive_read_support_format_tar(archive_->a);
    if (archive_read_open_filename(archive_->a, path.c_str(), 1 << 20) != ARCHIVE_OK) {
        error_ = path + ": " + (archive_error_string(archive_->a) ? archive_error_string(archive_->a) : "cannot open");
        done_ = true;
    }
}

ShardReader::~ShardReader() = default;

bool ShardReader::readMember(std::string& name, std::string& bytes) {
    for (;;) {
        struct archive_entry* entry = nullptr;
        const int r = archive_read_next_header(archive_->a, &entry);
        if (r == ARCHIVE_EOF) return false;
        if (r < ARCHIVE_WARN) {
            error_ = path_ + ": " + (archive_error_string(archive_->a) ? archive_error_string(archive_->a) : "unreadable tar");
            return false;
        }
        if (archive_entry_filetype(entry) != AE_IFREG) continue;
        name = archive_entry_pathname(entry);
        const int64_t size = archive_entry_size(entry);
        bytes.resize(static_cast<size_t>(std::max<int64_t>(0, size)));
        int64_t got = 0;
        while (got < size) {
            la_ssize_t n = archive_read_data(archive_->a, bytes.data() + got, static_cast<size_t>(size - got));
            if (n <= 0) break;
            got += n;
        }
        if (got != size) {
            error_ = path_ + ": " + name + " is cut short (" + std::to_string(got) + " of " + std::to_string(size) +
                     " bytes): the shard is truncated";
            return false;
        }
        return true;
    }
}

namespace {

// WebDataset's rule: the key is the path up to the first dot of the file name.
void splitMember(const std::string& name, std::string& key, std::string& ext) {
    const size_t slash = name.find_last_of('/');
    const size_t dot = name.find('.', slash == std::string::npos ? 0 : slash + 1);
    key = dot == std::string::npos ? name : name.substr(0, dot);
    ext = dot == std::string::npos ? "" : name.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

}  // namespace

bool ShardReader::next(ShardSample& sample) {
    if (done_) return false;
    sample = ShardSample();
    std::string name, bytes;
    if (havePending_) {
        name = std::move(pendingName_);
        bytes = std::move(pendingBytes_);
        havePending_ = false;
    } else if (!readMember(name, bytes)) {
        done_ = true;
        return false;
    }
    std::string ext;
    splitMember(name, sample.key, ext);
    sample.members[ext] = std::move(bytes);
    sample.location = path_ + ":" + sample.key;
    for (;;) {
        if (!readMember(name, bytes)) {
            done_ = true;
            // A sample cut short by a damaged shard is not returned.
            return error_.empty();
        }
        std::string key;
        splitMember(name, key, ext);
        if (key != sample.key) {
            pendingName_ = std::move(name);
            pendingBytes_ = std::move(bytes);
            havePending_ = true;
            return true;
        }
        sample.members[ext] = std::move(bytes);
    }
}

// --- writing ---------------------------------------------------------------------------------

namespace {

class TarWriter {
public:
    explicit TarWriter(const std::string& path) : path_(path), temp_(path + ".tmp") {
        a_ = archive_write_new();
        archive_write_set_format_pax_restricted(a_);
        if (archive_write_open_filename(a_, temp_.c_str()) != ARCHIVE_OK) fail("cannot create");
    }
    ~TarWriter() {
        if (a_) {
            archive_write_free(a_);
            std::remove(temp_.c_str());
        }
    }
    void add(const std::string& name, const std::string& bytes) {
        struct archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, name.c_str());
        archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_mtime(e, 0, 0);  // reproducible shards
        const int r = archive_write_header(a_, e);
        archive_entry_free(e);
        if (r != ARCHIVE_OK) fail("cannot write " + name);
        if (!bytes.empty() && archive_write_data(a_, bytes.data(), bytes.size()) != static_cast<la_ssize_t>(bytes.size()))
            fail("cannot write " + name);
        bytes_ += static_cast<int64_t>(bytes.size()) + 1024;  // + headers
    }
    int64_t bytes() const { return bytes_; }
    void finish() {
        if (archive_write_close(a_) != ARCHIVE_OK) fail("cannot finish");
        archive_write_free(a_);
        a_ = nullptr;
        if (std::rename(temp_.c_str(), path_.c_str()) != 0) throw DataError(path_ + ": cannot rename the finished shard");
    }

private:
    [[noreturn]] void fail(const std::string& what) {
        std::string why = archive_error_string(a_) ? archive_error_string(a_) : "";
        throw DataError(path_ + ": " + what + (why.empty() ? "" : " (" + why + ")"));
    }
    std::string path_, temp_;
    struct archive* a_ = nullptr;
    int64_t bytes_ = 0;
};

std::string readWhole(const std::string& path) {
    std::string text, error;
    if (!readFile(path, text, error)) throw DataError(error);
    return text;
}

std::string extensionOf(const std::string& path) {
    const size_t dot = path.find_last_of('.');
    std::string ext = dot == std::string::npos ? "bin" : path.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

void writeShard(const std::string& path, const std::vector<std::pair<std::string, std::string>>& members) {
    TarWriter shard(path);
    for (const auto& [name, bytes] : members) shard.add(name, bytes);
    shard.finish();
}

PackReport packDataset(const Project& project, const PackOptions& options,
                       const std::function<void(const DataProgress&)>& progress) {
    const std::string& kind = project.dataset.kind;
    if (kind != "image_folder" && kind != "idx" && kind != "text_csv" && kind != "text_folder")
        throw DataError("data pack: datasets of kind \"" + kind +
                        "\" are not packed (image folders, IDX files and texts are; a CSV file is read as it is)");
    DatasetLoad load = loadDataset(project, false, progress);
    if (!load.ok()) throw DataError(load.error);
    const Dataset& ds = *load.dataset;

    // Every sample of every split: (split, row).
    struct Ref {
        const Split* split;
        const std::vector<std::string>* texts;
        int64_t row;
    };
    std::vector<Ref> refs;
    const std::pair<const Split*, const std::vector<std::string>*> splits[] = {
        {&ds.train, &ds.trainTexts}, {&ds.validation, &ds.validationTexts}, {&ds.test, &ds.testTexts}};
    for (const auto& [split, texts] : splits)
        for (int64_t r = 0; r < split->size(); ++r) refs.push_back({split, texts, r});
    std::mt19937_64 rng(project.dataset.seed);
    std::shuffle(refs.begin(), refs.end(), rng);

    std::error_code ec;
    std::filesystem::create_directories(options.outDir, ec);
    if (ec) throw DataError(options.outDir + ": cannot create (" + ec.message() + ")");
    // The shard count is known at the end: shards are named with 4 digits (more when needed).
    PackReport report;
    report.classNames = ds.summary.classNames;
    std::vector<std::string> written;
    std::vector<int64_t> counts;  // samples per written shard
    std::unique_ptr<TarWriter> shard;
    auto shardName = [&](size_t index) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "-%04zu.tar", index);
        return options.prefix + buf;
    };
    auto close = [&] {
        if (!shard) return;
        report.bytes += shard->bytes();
        shard->finish();
        shard.reset();
    };
    for (size_t k = 0; k < refs.size(); ++k) {
        const Ref& ref = refs[k];
        if (!shard) {
            written.push_back(shardName(written.size()));
            counts.push_back(0);
            shard = std::make_unique<TarWriter>(options.outDir + "/" + written.back());
        }
        char key[32];
        std::snprintf(key, sizeof key, "%08zu", k);
        const int64_t cls = ref.split->targets.defined() ? ref.split->targets[ref.row].item<int64_t>() : -1;
        if (ds.kind == SampleKind::Tokens) {
            shard->add(std::string(key) + ".txt", ref.texts->at(static_cast<size_t>(ref.row)));
        } else if (static_cast<size_t>(ref.row) < ref.split->sources.size()) {
            const std::string& file = ref.split->sources[static_cast<size_t>(ref.row)];
            shard->add(std::string(key) + "." + extensionOf(file), readWhole(file));
        } else {  // IDX: the stored image, as PNG
            std::vector<unsigned char> png;
            cv::imencode(".png", tensorToMat(ref.split->row(ref.row)), png);
            shard->add(std::string(key) + ".png", std::string(png.begin(), png.end()));
        }
        if (cls >= 0) shard->add(std::string(key) + ".cls", std::to_string(cls));
        ++report.samples;
        ++counts.back();
        if (shard->bytes() >= options.shardBytes) close();
        if (progress && (k % 1000 == 999 || k + 1 == refs.size()))
            progress({"writing shards", static_cast<int64_t>(k + 1), static_cast<int64_t>(refs.size()), 0, -1});
    }
    close();
    report.shards = static_cast<int64_t>(written.size());
    char last[32];
    std::snprintf(last, sizeof last, "%04lld", static_cast<long long>(std::max<int64_t>(0, report.shards - 1)));
    report.pattern = options.prefix + "-{0000.." + last + "}.tar";
    nlohmann::json meta = {{"format", "webdataset"}, {"shards", report.pattern}, {"samples", report.samples},
                           {"classes", report.classNames}, {"source_kind", kind},
                           {"members", ds.kind == SampleKind::Tokens ? "txt, cls" : "image (jpg/png/bmp), cls"}};
    if (!ds.summary.fingerprint.empty()) meta["data_fingerprint"] = ds.summary.fingerprint;
    // A reader of remote shards takes the counts from here and fetches only the shards it reads.
    for (size_t k = 0; k < written.size(); ++k) meta["shard_samples"][written[k]] = counts[k];
    if (std::string e = writeFileAtomically(options.outDir + "/dataset.json", meta.dump(2) + "\n"); !e.empty()) throw DataError(e);
    return report;
}

}  // namespace netloom
