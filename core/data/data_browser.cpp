// DataBrowser: the training loader's summary plus the raw samples, for the studio to look at.
#include "data/data_browser.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include <opencv2/imgcodecs.hpp>

#include "data/dataset.h"
#include "preprocess/image_pipeline.h"
#include "preprocess/text_pipeline.h"
#include "util/atomic_file.h"

namespace netloom {

namespace fs = std::filesystem;

struct DataBrowser::Impl {
    Kind kind = Kind::Images;
    DataSummary summary;
    // IDX: the two image files as read (uint8 N×H×W); samples index train first, then test.
    torch::Tensor idxTrain, idxTest;
    // Image folders: one file per sample.
    std::vector<std::string> files;
    std::vector<int64_t> labels;
    // Text.
    std::vector<std::string> texts, trainTexts;
    std::vector<int64_t> textLengths;
    // Tables.
    CsvTable table;
    std::vector<ColumnStats> stats;
    std::string source;
    std::vector<int64_t> background;  // transparency is shown as training sees it
};

namespace {

std::string findIdxFile(const std::string& dir, const std::string& stem) {
    for (const std::string& name : {stem, stem + ".gz"})
        if (fs::exists(dir + "/" + name)) return dir + "/" + name;
    throw DataError(dir + ": " + stem + " not found (also tried " + stem + ".gz)");
}

bool isImageName(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp";
}

// The readable images the loader used, in its order; the ones it skipped are in the summary.
void listImageTree(const std::string& root, const std::vector<std::string>& classes, const std::vector<SkippedInput>& skipped,
                   std::vector<std::string>& files, std::vector<int64_t>& labels) {
    for (size_t c = 0; c < classes.size(); ++c) {
        std::vector<std::string> names;
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(root + "/" + classes[c], ec))
            if (entry.is_regular_file() && isImageName(entry.path())) names.push_back(entry.path().string());
        std::sort(names.begin(), names.end());  // the loader's order
        for (auto& n : names) {
            if (std::any_of(skipped.begin(), skipped.end(), [&](const SkippedInput& k) { return k.location == n; })) continue;
            files.push_back(std::move(n));
            labels.push_back(static_cast<int64_t>(c));
        }
    }
}

// The most common width × height among (up to `limit` of) `files`, read from their headers.
std::pair<int64_t, int64_t> mostCommonSize(const std::vector<std::string>& files, size_t limit) {
    std::map<std::pair<int64_t, int64_t>, int64_t> counts;
    const size_t step = std::max<size_t>(1, files.size() / limit);
    for (size_t i = 0; i < files.size(); i += step) {
        cv::Mat m = cv::imread(files[i], cv::IMREAD_UNCHANGED);
        if (!m.empty()) ++counts[{m.cols, m.rows}];
    }
    std::pair<int64_t, int64_t> best{0, 0};
    int64_t most = 0;
    for (const auto& [size, n] : counts)
        if (n > most) {
            most = n;
            best = size;
        }
    return best;
}

std::vector<int64_t> tensorToVector(const torch::Tensor& t) {
    if (!t.defined()) return {};
    torch::Tensor c = t.to(torch::kInt64).contiguous();
    return {c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel()};
}

}  // namespace

std::vector<ColumnStats> computeColumnStats(const CsvTable& table) {
    std::vector<ColumnStats> out(table.columns.size());
    for (size_t c = 0; c < table.columns.size(); ++c) {
        ColumnStats& s = out[c];
        s.name = table.columns[c];
        std::map<std::string, int64_t> counts;
        double sum = 0, sumSq = 0;
        bool allNumeric = true;
        for (const auto& row : table.rows) {
            const std::string& v = row[c];
            if (isMissingValue(v)) {
                ++s.missing;
                continue;
            }
            ++s.present;
            ++counts[v];
            double x = 0;
            if (allNumeric && parseNumber(v, x)) {
                if (s.present == 1 || x < s.min) s.min = x;
                if (s.present == 1 || x > s.max) s.max = x;
                sum += x;
                sumSq += x * x;
            } else {
                allNumeric = false;
            }
        }
        s.distinct = static_cast<int64_t>(counts.size());
        s.numeric = allNumeric && s.present > 0;
        if (s.numeric) {
            s.mean = sum / s.present;
            s.stddev = std::sqrt(std::max(0.0, sumSq / s.present - s.mean * s.mean));
        } else {
            auto best = std::max_element(counts.begin(), counts.end(),
                                         [](const auto& a, const auto& b) { return a.second < b.second; });
            if (best != counts.end()) s.mostFrequent = best->first;
            s.min = s.max = s.mean = s.stddev = 0;
        }
    }
    return out;
}

DataBrowser::DataBrowser() : impl_(std::make_unique<Impl>()) {}
DataBrowser::~DataBrowser() = default;

std::unique_ptr<DataBrowser> DataBrowser::open(const Project& project, std::string& error,
                                               const std::function<void(const std::string&)>& stage) {
    auto tell = [&](const std::string& what) {
        if (stage) stage(what);
    };
    error.clear();
    tell("reading the dataset as training will");
    DatasetLoad load = loadDataset(project, false, [&](const DataProgress& p) {
        tell(p.stage + ": " + std::to_string(p.done) + " of " + std::to_string(p.total));
    });
    if (!load.ok() && project.dataset.kind == "image_folder") return browseImagesAnyway(project, load.error, error, tell);
    if (!load.ok()) {
        error = load.error;
        return nullptr;
    }
    Dataset& ds = *load.dataset;
    std::unique_ptr<DataBrowser> b(new DataBrowser());
    Impl& d = *b->impl_;
    d.summary = ds.summary;
    d.background = project.preprocess.background;
    const DatasetSpec& spec = project.dataset;
    try {
        if (spec.kind == "idx") {
            tell("reading the raw images");
            std::string dir = project.resolvePath(spec.path);
            d.idxTrain = readIdx(findIdxFile(dir, "train-images-idx3-ubyte"));
            d.idxTest = readIdx(findIdxFile(dir, "t10k-images-idx3-ubyte"));
            d.labels = tensorToVector(readIdx(findIdxFile(dir, "train-labels-idx1-ubyte")));
            auto testLabels = tensorToVector(readIdx(findIdxFile(dir, "t10k-labels-idx1-ubyte")));
            d.labels.insert(d.labels.end(), testLabels.begin(), testLabels.end());
            d.source = dir;
        } else if (spec.kind == "image_folder") {
            tell("listing the image files");
            listImageTree(project.resolvePath(spec.path), d.summary.classNames, d.summary.skipped, d.files, d.labels);
            if (!spec.testPath.empty())
                listImageTree(project.resolvePath(spec.testPath), d.summary.classNames, d.summary.skipped, d.files, d.labels);
        } else if (spec.kind == "webdataset") {
            // The samples stay in their shards (streamed while training): the summary only.
        } else if (spec.kind == "csv") {
            d.kind = Kind::Table;
            tell("reading the table");
            d.source = project.resolvePath(spec.path);
            std::string text, readError;
            if (!readFile(d.source, text, readError)) throw DataError(readError);
            d.table = parseCsv(text, d.source);
            d.stats = computeColumnStats(d.table);
        } else {
            d.kind = Kind::Text;
            tell("tokenizing the texts");
            d.trainTexts = ds.trainTexts;
            d.texts = ds.trainTexts;
            d.texts.insert(d.texts.end(), ds.testTexts.begin(), ds.testTexts.end());
            d.labels = tensorToVector(ds.train.targets);
            auto testLabels = tensorToVector(ds.test.targets);
            d.labels.insert(d.labels.end(), testLabels.begin(), testLabels.end());
            d.labels.resize(d.texts.size(), -1);
            d.textLengths.reserve(d.texts.size());
            for (const auto& t : d.texts) d.textLengths.push_back(static_cast<int64_t>(ds.text->tokenize(t).size()));
        }
    } catch (const std::exception& e) {
        error = e.what();
        if (auto nl = error.find('\n'); nl != std::string::npos) error.resize(nl);
        return nullptr;
    }
    return b;
}

// Image folders that training cannot read as they are (images of several sizes, a class without a
// readable image...) can still be looked at: every decodable file is listed, the counts are the
// files', and the reason is the summary's problem, with a resize to the most common size offered.
std::unique_ptr<DataBrowser> DataBrowser::browseImagesAnyway(const Project& project, const std::string& whyNot,
                                                             std::string& error,
                                                             const std::function<void(const std::string&)>& tell) {
    const std::string root = project.resolvePath(project.dataset.path);
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        error = whyNot;
        return nullptr;
    }
    tell("listing the image files");
    std::unique_ptr<DataBrowser> b(new DataBrowser());
    Impl& d = *b->impl_;
    d.background = project.preprocess.background;
    d.summary.kind = "image_folder";
    for (const auto& entry : fs::directory_iterator(root, ec))
        if (entry.is_directory()) d.summary.classNames.push_back(entry.path().filename().string());
    std::sort(d.summary.classNames.begin(), d.summary.classNames.end());
    if (d.summary.classNames.empty()) {
        error = whyNot;
        return nullptr;
    }
    listImageTree(root, d.summary.classNames, d.summary.skipped, d.files, d.labels);
    d.summary.trainCounts.assign(d.summary.classNames.size(), 0);
    for (int64_t label : d.labels) ++d.summary.trainCounts[static_cast<size_t>(label)];
    d.summary.validationCounts.assign(d.summary.classNames.size(), 0);
    d.summary.testCounts.assign(d.summary.classNames.size(), 0);
    d.summary.trainSize = static_cast<int64_t>(d.files.size());
    d.summary.problem = whyNot;
    auto [w, h] = mostCommonSize(d.files, 300);
    if (whyNot.find("add a resize step") != std::string::npos && w > 0) {
        d.summary.suggestedWidth = w;
        d.summary.suggestedHeight = h;
    }
    return b;
}

DataBrowser::Kind DataBrowser::kind() const { return impl_->kind; }
const DataSummary& DataBrowser::summary() const { return impl_->summary; }

int64_t DataBrowser::sampleCount() const {
    const Impl& d = *impl_;
    switch (d.kind) {
    case Kind::Table: return static_cast<int64_t>(d.table.rows.size());
    case Kind::Text: return static_cast<int64_t>(d.texts.size());
    case Kind::Images:
        if (d.idxTrain.defined()) return d.idxTrain.size(0) + d.idxTest.size(0);
        return static_cast<int64_t>(d.files.size());
    }
    return 0;
}

int64_t DataBrowser::label(int64_t index) const {
    if (index < 0 || index >= static_cast<int64_t>(impl_->labels.size())) return -1;
    return impl_->labels[static_cast<size_t>(index)];
}

std::string DataBrowser::labelName(int64_t index) const {
    int64_t l = label(index);
    const auto& names = impl_->summary.classNames;
    if (l < 0) return {};
    return l < static_cast<int64_t>(names.size()) ? names[static_cast<size_t>(l)] : std::to_string(l);
}

std::string DataBrowser::origin(int64_t index) const {
    const Impl& d = *impl_;
    if (index < 0 || index >= sampleCount()) return {};
    switch (d.kind) {
    case Kind::Table: return d.source + ":" + std::to_string(d.table.rowLines[static_cast<size_t>(index)]);
    case Kind::Text:
        return (index < static_cast<int64_t>(d.trainTexts.size()) ? "training text " + std::to_string(index)
                                                                   : "test text " + std::to_string(index - d.trainTexts.size()));
    case Kind::Images:
        if (d.idxTrain.defined())
            return index < d.idxTrain.size(0) ? "train-images[" + std::to_string(index) + "]"
                                              : "t10k-images[" + std::to_string(index - d.idxTrain.size(0)) + "]";
        return d.files[static_cast<size_t>(index)];
    }
    return {};
}

RawImage DataBrowser::image(int64_t index, std::string* error) const {
    const Impl& d = *impl_;
    RawImage out;
    if (d.kind != Kind::Images || index < 0 || index >= sampleCount()) {
        if (error) *error = "no image sample " + std::to_string(index);
        return out;
    }
    if (d.idxTrain.defined()) {
        torch::Tensor img = index < d.idxTrain.size(0) ? d.idxTrain[index] : d.idxTest[index - d.idxTrain.size(0)];
        img = img.contiguous();
        out.height = static_cast<int>(img.size(0));
        out.width = static_cast<int>(img.size(1));
        out.channels = 1;
        out.pixels.assign(img.data_ptr<uint8_t>(), img.data_ptr<uint8_t>() + img.numel());
        return out;
    }
    std::string why;
    cv::Mat m = decodeImageFile(d.files[static_cast<size_t>(index)], false, d.background, why);
    if (m.empty()) {
        if (error) *error = why;
        return out;
    }
    if (!m.isContinuous()) m = m.clone();
    out.width = m.cols;
    out.height = m.rows;
    out.channels = m.channels();
    out.pixels.assign(m.ptr<uint8_t>(), m.ptr<uint8_t>() + m.total() * m.channels());
    return out;
}

std::string DataBrowser::text(int64_t index) const {
    const Impl& d = *impl_;
    if (d.kind != Kind::Text || index < 0 || index >= static_cast<int64_t>(d.texts.size())) return {};
    return d.texts[static_cast<size_t>(index)];
}

const std::vector<int64_t>& DataBrowser::textLengths() const { return impl_->textLengths; }
const std::vector<std::string>& DataBrowser::trainingTexts() const { return impl_->trainTexts; }
const CsvTable& DataBrowser::table() const { return impl_->table; }
const std::vector<ColumnStats>& DataBrowser::columnStats() const { return impl_->stats; }

}  // namespace netloom
