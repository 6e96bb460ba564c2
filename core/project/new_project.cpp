// New project from data: inspection of the user's files and the proposed project (new_project.h).
// Formats are read by the project's own loaders (DataBrowser, loadDataset, parseCsv, TextEncoder);
// values go through the settings vocabulary and layers through the layer registry.
#include "project/new_project.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include <opencv2/imgcodecs.hpp>

#include "data/csv_table.h"
#include "data/dataset.h"
#include "graph/graph_analysis.h"
#include "graph/layer_registry.h"
#include "preprocess/text_pipeline.h"
#include "project/project_checks.h"
#include "project/settings.h"
#include "util/atomic_file.h"

namespace netloom {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool isImageName(const fs::path& p) {
    std::string ext = lower(p.extension().string());
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp";
}

std::vector<fs::path> subfolders(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_directory() && e.path().filename().string()[0] != '.') out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Counts the files in `dir` (not recursive) that `want` accepts.
int64_t countFiles(const fs::path& dir, bool (*want)(const fs::path&)) {
    int64_t n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file() && want(e.path())) ++n;
    return n;
}

bool isTextName(const fs::path& p) { return lower(p.extension().string()) == ".txt"; }

// A folder of class folders holding images (the image_folder layout).
bool looksLikeImageClasses(const fs::path& dir) {
    for (const auto& sub : subfolders(dir))
        if (countFiles(sub, isImageName) > 0) return true;
    return false;
}

bool looksLikeTextClasses(const fs::path& dir) {
    for (const auto& sub : subfolders(dir))
        if (countFiles(sub, isTextName) > 0) return true;
    return false;
}

// The fortune/strfile layout the loader also reads: one file per class, without an extension,
// records separated by lines of a single "%".
bool looksLikeTextFiles(const fs::path& dir) {
    int64_t files = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file() && !e.path().has_extension() && e.path().filename().string()[0] != '.') ++files;
    return files >= 2;
}

bool hasIdx(const fs::path& dir) {
    for (const char* name : {"train-images-idx3-ubyte", "train-images-idx3-ubyte.gz"})
        if (fs::is_regular_file(dir / name)) return true;
    return false;
}

// A project that reads the data as it is: no preprocessing, no splits (every sample in training).
Project probeProject(const DataInspection& d) {
    Project p;
    p.dataset.kind = d.kind;
    p.dataset.path = d.path;
    p.dataset.testPath = d.testPath;
    p.dataset.target = d.target;
    p.dataset.textColumn = d.textColumn;
    p.dataset.validationSplit = 0;
    p.dataset.testSplit = 0;
    return p;
}

void countsFromSummary(const DataSummary& s, DataInspection& d) {
    d.classes.clear();
    d.samples = 0;
    for (size_t k = 0; k < s.classNames.size(); ++k) {
        int64_t n = 0;
        for (const auto* counts : {&s.trainCounts, &s.validationCounts, &s.testCounts})
            if (k < counts->size()) n += (*counts)[k];
        d.classes.push_back({s.classNames[k], n});
        d.samples += n;
    }
}

void warnAboutClasses(DataInspection& d) {
    if (d.classes.empty()) return;
    int64_t most = 0, least = INT64_MAX;
    for (const auto& c : d.classes) {
        most = std::max(most, c.count);
        least = std::min(least, c.count);
        if (c.count == 1)
            d.warnings.push_back("class \"" + c.name + "\" has a single sample: it is used for training only, so "
                                 "validation and test cannot measure it");
        else if (c.count == 0)
            d.warnings.push_back("class \"" + c.name + "\" has no usable sample");
    }
    if (d.classes.size() < 2) d.warnings.push_back("only one class: a classifier needs at least two");
    if (least > 0 && most >= 10 * least)
        d.warnings.push_back("the classes are unbalanced (" + std::to_string(most) + " against " + std::to_string(least) +
                             " samples): accuracy alone can mislead, look at the confusion matrix");
}

void inspectImages(DataInspection& d, const InspectOptions& options) {
    Project probe = probeProject(d);
    // The loader lists and decodes every file (what it skips is what training would skip); a tiny
    // resize keeps what it holds small however large the photos are, and lets images of several
    // sizes load. Sizes and modes are read from the files themselves below.
    if (d.kind == "image_folder")
        probe.preprocess.image = {ImageStep::make("resize", {{"width", ParamValue{int64_t{8}}}, {"height", ParamValue{int64_t{8}}}})};
    std::string error;
    std::unique_ptr<DataBrowser> browser = DataBrowser::open(probe, error);
    if (!browser) {
        d.error = error;
        return;
    }
    const DataSummary& s = browser->summary();
    countsFromSummary(s, d);
    for (const auto& k : s.skipped) d.unreadable.push_back(k);

    std::map<std::pair<int, int>, int64_t> sizes;
    if (d.kind == "idx") {
        // IDX files hold one size and gray levels only.
        if (s.sampleShape.size() == 3) sizes[{static_cast<int>(s.sampleShape[2]), static_cast<int>(s.sampleShape[1])}] = d.samples;
        d.grayImages = d.samples;
        d.imagesExamined = d.samples;
    } else {
        // Decode a spread of the files as stored (IMREAD_UNCHANGED keeps gray, RGB and RGBA apart).
        const int64_t n = browser->sampleCount();
        const int64_t limit = options.maxImagesExamined > 0 ? options.maxImagesExamined : n;
        const double step = n > limit ? static_cast<double>(n) / static_cast<double>(limit) : 1.0;
        std::vector<int64_t> decoded(d.classes.size(), 0);
        for (double x = 0; static_cast<int64_t>(x) < n; x += step) {
            const std::string file = browser->origin(static_cast<int64_t>(x));
            cv::Mat m = cv::imread(file, cv::IMREAD_UNCHANGED);
            if (m.empty()) {
                d.unreadable.push_back({file, "cannot be decoded as an image"});
                continue;
            }
            const int64_t label = browser->label(static_cast<int64_t>(x));
            if (label >= 0 && label < static_cast<int64_t>(decoded.size())) ++decoded[static_cast<size_t>(label)];
            ++d.imagesExamined;
            ++sizes[{m.cols, m.rows}];
            if (m.channels() == 4) ++d.rgbaImages;
            else if (m.channels() == 3) ++d.rgbImages;
            else ++d.grayImages;
        }
        // Every file was looked at: the counts are of the images training will read.
        if (step == 1.0) {
            d.samples = 0;
            for (size_t k = 0; k < d.classes.size(); ++k) d.samples += d.classes[k].count = decoded[k];
        }
    }
    for (const auto& [wh, count] : sizes) d.sizes.push_back({wh.first, wh.second, count});
    std::stable_sort(d.sizes.begin(), d.sizes.end(), [](const ImageSizeCount& a, const ImageSizeCount& b) {
        return a.count > b.count || (a.count == b.count && a.width * a.height > b.width * b.height);
    });
    if (d.imagesExamined == 0) {
        d.error = d.path + ": no image could be decoded";
        return;
    }
    auto wh = [](const ImageSizeCount& s) { return std::to_string(s.width) + "×" + std::to_string(s.height); };
    if (d.sizes.size() > 1) {
        int64_t others = d.imagesExamined - d.sizes.front().count;
        d.warnings.push_back(std::to_string(others) + " of " + std::to_string(d.imagesExamined) +
                             " images differ from the most common size " + wh(d.sizes.front()) + " (" +
                             std::to_string(d.sizes.size()) + " sizes): a resize step makes them one size");
    }
    int modes = (d.grayImages > 0) + (d.rgbImages > 0) + (d.rgbaImages > 0);
    if (modes > 1)
        d.warnings.push_back("colour modes are mixed (" + std::to_string(d.grayImages) + " gray, " +
                             std::to_string(d.rgbImages) + " RGB, " + std::to_string(d.rgbaImages) +
                             " RGBA): every image is converted to the same channels");
    if (d.rgbaImages > 0)
        d.warnings.push_back(std::to_string(d.rgbaImages) +
                             " images have transparency: it is composited over the background colour (white unless "
                             "preprocess.background says otherwise), in training, prediction, export and the server alike");
    if (!d.unreadable.empty())
        d.warnings.push_back(std::to_string(d.unreadable.size()) + (d.unreadable.size() == 1 ? " file cannot" : " files cannot") +
                             " be read and " + (d.unreadable.size() == 1 ? "is" : "are") + " left out (first: " +
                             d.unreadable.front().location + ": " + d.unreadable.front().reason + ")");
    if (d.kind == "image_folder" && browser->sampleCount() > std::max<int64_t>(options.maxImagesExamined, 1) &&
        options.maxImagesExamined > 0)
        d.warnings.push_back("sizes and modes come from " + std::to_string(d.imagesExamined) + " of " +
                             std::to_string(browser->sampleCount()) + " images, spread over the classes");
    warnAboutClasses(d);
}

// Token counts and distinct tokens under the default text pipeline.
void measureTexts(const std::vector<std::string>& texts, DataInspection& d) {
    TextEncoder encoder(TextPipelineSpec{});
    std::vector<int64_t> lengths;
    std::set<std::string> distinct;
    for (const auto& t : texts) {
        auto tokens = encoder.tokenize(t);
        lengths.push_back(static_cast<int64_t>(tokens.size()));
        distinct.insert(tokens.begin(), tokens.end());
    }
    d.distinctTokens = static_cast<int64_t>(distinct.size());
    if (lengths.empty()) return;
    std::sort(lengths.begin(), lengths.end());
    d.textMinTokens = lengths.front();
    d.textMaxTokens = lengths.back();
    d.textMedianTokens = lengths[lengths.size() / 2];
    d.textP95Tokens = lengths[std::min(lengths.size() - 1, static_cast<size_t>(std::ceil(0.95 * lengths.size())) - 1)];
    int64_t empty = std::count(lengths.begin(), lengths.end(), 0);
    if (empty > 0)
        d.warnings.push_back(std::to_string(empty) + " texts have no words left after cleaning (only punctuation or numbers)");
}

void inspectTextFolder(DataInspection& d) {
    Project probe = probeProject(d);
    std::string error;
    std::unique_ptr<DataBrowser> browser = DataBrowser::open(probe, error);
    if (!browser) {
        d.error = error;
        return;
    }
    countsFromSummary(browser->summary(), d);
    for (const auto& k : browser->summary().skipped) d.unreadable.push_back(k);
    std::vector<std::string> texts;
    for (int64_t i = 0; i < browser->sampleCount(); ++i) texts.push_back(browser->text(i));
    measureTexts(texts, d);
    warnAboutClasses(d);
}

// A text column: words, not codes — long values, mostly distinct.
bool looksLikeText(const ColumnStats& c, const CsvTable& t, size_t column) {
    if (c.numeric || c.present == 0) return false;
    double chars = 0, spaces = 0;
    for (const auto& row : t.rows) {
        chars += static_cast<double>(row[column].size());
        spaces += static_cast<double>(std::count(row[column].begin(), row[column].end(), ' '));
    }
    const double rows = static_cast<double>(std::max<size_t>(1, t.rows.size()));
    return spaces / rows >= 2.0 && chars / rows >= 15.0 && c.distinct * 2 >= c.present;
}

bool isCategorical(const ColumnStats& c, int64_t rows) {
    if (!c.numeric) return true;
    bool integral = c.min == std::floor(c.min) && c.max == std::floor(c.max);
    return integral && c.distinct <= std::max<int64_t>(2, std::min<int64_t>(20, rows / 5));
}

void inspectCsv(DataInspection& d, const InspectOptions& options) {
    std::string text, error;
    if (!readFile(d.path, text, error)) {
        d.error = error;
        return;
    }
    CsvTable table;
    try {
        table = parseCsv(text, d.path);
    } catch (const std::exception& e) {
        d.error = e.what();
        return;
    }
    if (table.rows.empty()) {
        d.error = d.path + ": the table has a header but no rows";
        return;
    }
    if (table.columns.size() < 2) {
        d.error = d.path + ": one column only — a table needs feature columns and a target, a text CSV a text column "
                           "and a label column (or put the texts in one folder per class)";
        return;
    }
    d.columns = computeColumnStats(table);
    d.unreadable = table.skipped;
    const auto rows = static_cast<int64_t>(table.rows.size());
    auto find = [&](const std::string& name) -> int {
        for (size_t k = 0; k < d.columns.size(); ++k)
            if (d.columns[k].name == name) return static_cast<int>(k);
        return -1;
    };

    // The text column: the one asked for, else the wordiest column that reads as prose.
    int textCol = -1;
    if (!options.textColumn.empty()) {
        textCol = find(options.textColumn);
        if (textCol < 0) {
            d.error = d.path + ": no column \"" + options.textColumn + "\"";
            return;
        }
    } else {
        for (size_t k = 0; k < d.columns.size(); ++k)
            if (looksLikeText(d.columns[k], table, k)) {
                textCol = static_cast<int>(k);
                break;
            }
    }

    // The target: the one asked for, else a column named like one, else (tables) the last column
    // when it is categorical or numeric, else (texts) the first categorical column.
    int targetCol = -1;
    if (!options.target.empty()) {
        targetCol = find(options.target);
        if (targetCol < 0) {
            d.error = d.path + ": no column \"" + options.target + "\"";
            return;
        }
    } else {
        static const std::vector<std::string> names = {"label", "labels", "target", "class", "category", "y",
                                                       "sentiment", "outcome", "species", "type"};
        for (const auto& want : names) {
            for (size_t k = 0; k < d.columns.size() && targetCol < 0; ++k)
                if (static_cast<int>(k) != textCol && lower(d.columns[k].name) == want) targetCol = static_cast<int>(k);
            if (targetCol >= 0) break;
        }
        if (targetCol < 0 && textCol >= 0) {
            for (size_t k = 0; k < d.columns.size() && targetCol < 0; ++k)
                if (static_cast<int>(k) != textCol && isCategorical(d.columns[k], rows)) targetCol = static_cast<int>(k);
        }
        if (targetCol < 0 && textCol < 0 && d.columns.size() >= 2) {
            const ColumnStats& last = d.columns.back();
            if (last.missing == 0 && (isCategorical(last, rows) || last.numeric))
                targetCol = static_cast<int>(d.columns.size()) - 1;
        }
    }
    if (targetCol >= 0) {
        d.target = d.columns[targetCol].name;
        d.targetIsCategorical = isCategorical(d.columns[targetCol], rows);
        if (d.columns[targetCol].missing > 0)
            d.warnings.push_back("the target column \"" + d.target + "\" has " + std::to_string(d.columns[targetCol].missing) +
                                 " missing values: training refuses rows without a label — fill or remove them");
    }
    if (textCol >= 0) {
        d.kind = "text_csv";
        d.textColumn = d.columns[textCol].name;
        if (targetCol < 0) {
            d.error = d.path + ": texts in column \"" + d.textColumn + "\" but no label column; name one with --target";
            return;
        }
        std::vector<std::string> texts;
        for (const auto& r : table.rows) texts.push_back(r[textCol]);
        measureTexts(texts, d);
    }
    // Class counts for a categorical target (the loader's class order: numeric or text sort).
    if (targetCol >= 0 && d.targetIsCategorical) {
        Project probe = probeProject(d);
        probe.training.task = Task::Classification;
        DatasetLoad load = loadDataset(probe);
        if (!load.ok()) {
            d.error = load.error;
            return;
        }
        countsFromSummary(load.dataset->summary, d);
        warnAboutClasses(d);
    } else {
        d.samples = rows;
    }
    for (size_t k = 0; k < d.columns.size(); ++k) {
        if (static_cast<int>(k) == targetCol || static_cast<int>(k) == textCol) continue;
        const ColumnStats& c = d.columns[k];
        d.missingValues += c.missing;
        if (d.kind == "csv" && !c.numeric && c.distinct > 50)
            d.warnings.push_back("column \"" + c.name + "\" has " + std::to_string(c.distinct) +
                                 " distinct text values: each becomes a feature of its own (one-hot)");
    }
    if (d.missingValues > 0 && d.kind == "csv")
        d.warnings.push_back(std::to_string(d.missingValues) +
                             " feature values are missing: numeric ones become the training mean, categorical ones no category");
    if (!table.skipped.empty())
        d.warnings.push_back(std::to_string(table.skipped.size()) + " rows have the wrong number of fields and are left out (first: " +
                             table.skipped.front().location + ")");
}

}  // namespace

std::string DataInspection::describe() const {
    std::string s;
    for (const auto& c : classes) s += (s.empty() ? "" : ", ") + c.name + " " + std::to_string(c.count);
    return s;
}

DataInspection inspectData(const std::string& path, const InspectOptions& options) {
    DataInspection d;
    std::error_code ec;
    fs::path p = fs::absolute(fs::path(path), ec);
    d.path = p.lexically_normal().string();
    if (!d.path.empty() && d.path.size() > 1 && d.path.back() == '/') d.path.pop_back();
    try {
        if (fs::is_directory(p)) {
            if (hasIdx(p)) {
                d.kind = "idx";
            } else if (fs::is_directory(p / "train") && looksLikeImageClasses(p / "train")) {
                d.kind = "image_folder";
                d.path = (p / "train").lexically_normal().string();
                if (fs::is_directory(p / "test") && looksLikeImageClasses(p / "test"))
                    d.testPath = (p / "test").lexically_normal().string();
            } else if (looksLikeImageClasses(p)) {
                d.kind = "image_folder";
            } else if (fs::is_directory(p / "train") && looksLikeTextClasses(p / "train")) {
                d.kind = "text_folder";
                d.path = (p / "train").lexically_normal().string();
                if (fs::is_directory(p / "test") && looksLikeTextClasses(p / "test"))
                    d.testPath = (p / "test").lexically_normal().string();
            } else if (looksLikeTextClasses(p) || looksLikeTextFiles(p)) {
                d.kind = "text_folder";
            } else {
                d.error = d.path + ": no class folders of images (.png .jpg .jpeg .bmp) or texts (.txt), and no IDX "
                                   "files (train-images-idx3-ubyte) — put one folder per class in it";
                return d;
            }
            if (d.kind == "text_folder") inspectTextFolder(d);
            else inspectImages(d, options);
        } else if (fs::is_regular_file(p)) {
            std::string ext = lower(p.extension().string());
            if (ext == ".csv" || ext == ".tsv" || ext == ".txt") {
                d.kind = "csv";
                inspectCsv(d, options);
            } else {
                d.error = d.path + ": not a CSV file (a table or texts with labels), a folder of class folders or "
                                   "an IDX folder";
            }
        } else {
            d.error = d.path + ": no such file or folder";
        }
    } catch (const std::exception& e) {
        d.error = d.path + ": " + e.what();
    }
    if (!d.error.empty()) d.kind.clear();
    return d;
}

// ---- the proposal -------------------------------------------------------------------------

namespace {

// Builds a chain of layers, checking every parameter name against the registry, and lays the
// nodes out left to right, six to a row (the examples' spacing).
class ChainBuilder {
public:
    explicit ChainBuilder(Graph& g) : g_(g) {}
    NodeId add(const std::string& type, std::map<std::string, ParamValue> params = {}, std::string name = {}) {
        const LayerSpec* spec = LayerRegistry::instance().find(type);
        if (!spec) throw std::logic_error("starter network: no layer type " + type);
        for (const auto& [key, value] : params)
            if (!spec->param(key) || !checkParamValue(*spec->param(key), value).empty())
                throw std::logic_error("starter network: " + type + "." + key + " is not a valid parameter value");
        Node n;
        n.type = type;
        n.name = g_.uniqueName(name.empty() ? spec->nameStem : name);
        n.params = NodeParams(std::move(params));
        n.position = {270.0 * static_cast<double>(count_ % 6), 260.0 * static_cast<double>(count_ / 6)};
        NodeId id = g_.addNode(n);
        if (last_) g_.connect(last_, id, 0);
        last_ = id;
        ++count_;
        return id;
    }

private:
    Graph& g_;
    NodeId last_ = 0;
    int count_ = 0;
};

using P = std::map<std::string, ParamValue>;

ParamValue i64(int64_t v) { return ParamValue{v}; }

}  // namespace

Graph starterNetwork(Task task, const std::string& datasetKind, const std::vector<int64_t>& sample, int64_t outputs,
                     int64_t vocabulary) {
    Graph g;
    ChainBuilder b(g);
    const bool images = datasetKind == "image_folder" || datasetKind == "idx";
    const bool text = datasetKind == "text_csv" || datasetKind == "text_folder";
    if (images && sample.size() == 3) {
        // The Input follows the data; its fields are the shape to show until the data is read.
        b.add("Input", {{"shape_from", std::string("data")}, {"kind", std::string("image")}, {"channels", i64(sample[0])},
                        {"height", i64(sample[1])}, {"width", i64(sample[2])}}, "image");
        if (task == Task::Reconstruction) {
            const int64_t n = sample[0] * sample[1] * sample[2];
            b.add("Flatten");
            b.add("Dense", {{"units", i64(128)}}, "encoder");
            b.add("ReLU");
            b.add("Dense", {{"units", i64(32)}}, "code");
            b.add("ReLU");
            b.add("Dense", {{"units", i64(128)}}, "decoder");
            b.add("ReLU");
            b.add("Dense", {{"units", i64(n)}}, "reconstruction");
            b.add("Reshape", {{"shape", std::vector<int64_t>(sample.begin(), sample.end())}});
        } else {
            // Conv 3×3 → ReLU → MaxPool 2 while the image is at least 8 pixels on its short side.
            int64_t side = std::min(sample[1], sample[2]);
            const int64_t filters[] = {16, 32, 64, 64};
            for (int block = 0; block < 4 && side >= 8; ++block, side /= 2) {
                b.add("Conv2d", {{"filters", i64(filters[block])}, {"kernel", i64(3)}, {"padding", i64(1)}});
                b.add("ReLU");
                b.add("MaxPool2d", {{"kernel", i64(2)}});
            }
            b.add("Flatten");
            b.add("Dropout", {{"rate", 0.25}});
            b.add("Dense", {{"units", i64(64)}}, "hidden");
            b.add("ReLU");
            b.add("Dense", {{"units", i64(outputs)}}, "logits");
        }
    } else if (text && sample.size() == 1) {
        b.add("Input", {{"shape_from", std::string("data")}, {"kind", std::string("tokens")}, {"length", i64(sample[0])},
                        {"vocab_size", i64(vocabulary)}}, "tokens");
        b.add("Embedding", {{"vocab_size", i64(vocabulary)}, {"dim", i64(64)}});
        b.add("LSTM", {{"hidden", i64(64)}});
        b.add("Dense", {{"units", i64(outputs)}}, "logits");
    } else if (sample.size() == 1) {
        const int64_t f = sample[0];
        b.add("Input", {{"shape_from", std::string("data")}, {"kind", std::string("vector")}, {"size", i64(f)}},
              "features");
        if (task == Task::Reconstruction) {
            const int64_t hidden = std::max<int64_t>(4, std::min<int64_t>(64, f / 2));
            const int64_t code = std::max<int64_t>(2, std::min<int64_t>(16, f / 4));
            b.add("Dense", {{"units", i64(hidden)}}, "encoder");
            b.add("ReLU");
            b.add("Dense", {{"units", i64(code)}}, "code");
            b.add("ReLU");
            b.add("Dense", {{"units", i64(hidden)}}, "decoder");
            b.add("ReLU");
            b.add("Dense", {{"units", i64(f)}}, "reconstruction");
        } else {
            b.add("Dense", {{"units", i64(64)}});
            b.add("ReLU");
            b.add("Dropout", {{"rate", 0.1}});
            b.add("Dense", {{"units", i64(32)}});
            b.add("ReLU");
            b.add("Dense", {{"units", i64(outputs)}}, task == Task::Regression ? "prediction" : "logits");
        }
    }
    b.add("Output", {}, "output");
    return g;
}

namespace {

// Sets a setting through the vocabulary (its range is checked there); a refusal is the caller's error.
void apply(Project& p, const std::string& key, const ParamValue& value) {
    if (std::string e = applySetting(p, key, value); !e.empty()) throw std::invalid_argument(e);
}

std::string fmt(double v) {
    std::ostringstream os;
    os.precision(4);
    os << v;
    return os.str();
}

Task chooseTask(const DataInspection& d, const NewProjectChoices& c, std::vector<std::string>& notes) {
    if (c.task) return *c.task;
    if (d.kind == "csv" && d.target.empty()) {
        notes.push_back("task reconstruction (an autoencoder): the table has no target column");
        return Task::Reconstruction;
    }
    if (d.kind == "csv" && !d.targetIsCategorical) {
        notes.push_back("task regression: the target \"" + d.target + "\" is a number with many values");
        return Task::Regression;
    }
    notes.push_back("task classification over " + std::to_string(d.classes.size()) + " classes");
    return Task::Classification;
}

std::string checkTaskFits(Task task, const DataInspection& d) {
    const bool images = d.kind == "image_folder" || d.kind == "idx";
    const bool text = d.kind == "text_csv" || d.kind == "text_folder";
    switch (task) {
    case Task::Classification:
        if (d.kind == "csv" && d.target.empty()) return "classification needs a target column; name one with --target";
        if (d.classes.size() < 2 && (images || text || d.targetIsCategorical))
            return "classification needs at least two classes, the data has " + std::to_string(d.classes.size());
        if (d.kind == "csv" && !d.targetIsCategorical)
            return "the target \"" + d.target + "\" has many numeric values: choose task regression, or a categorical target";
        return {};
    case Task::Binary:
        if (d.classes.size() != 2)
            return "task binary needs exactly two classes, the data has " + std::to_string(d.classes.size());
        return {};
    case Task::Regression:
        if (d.kind != "csv") return "regression needs a table with a numeric target column";
        if (d.target.empty()) return "regression needs a target column; name one with --target";
        for (const auto& col : d.columns)
            if (col.name == d.target && !col.numeric) return "the target \"" + d.target + "\" is not numeric";
        return {};
    case Task::Reconstruction:
        if (text) return "reconstruction (an autoencoder) works on images and tables, not on texts";
        return {};
    }
    return {};
}

// Images: the resize, channel and scaling steps (normalisation comes after the data is read).
void imageSteps(const DataInspection& d, const NewProjectChoices& c, Project& p, std::vector<std::string>& notes) {
    int64_t w = c.width, h = c.height;
    if ((w > 0) != (h > 0)) throw std::invalid_argument("give both width and height of the resize (WxH)");
    if (w <= 0) {
        ImageSizeCount common = d.mostCommonSize();
        w = common.width;
        h = common.height;
        const int64_t longest = std::max(w, h);
        if (longest > 128) {
            w = std::max<int64_t>(1, w * 128 / longest);
            h = std::max<int64_t>(1, h * 128 / longest);
            notes.push_back("resize to " + std::to_string(w) + "×" + std::to_string(h) + ": the most common size " +
                            std::to_string(common.width) + "×" + std::to_string(common.height) +
                            " scaled to 128 on its longer side, to keep the starter network small");
        } else {
            notes.push_back("resize to " + std::to_string(w) + "×" + std::to_string(h) + ", the most common size (" +
                            std::to_string(common.count) + " of " + std::to_string(d.imagesExamined) +
                            " images); the exported model then takes images of any size");
        }
    } else {
        notes.push_back("resize to " + std::to_string(w) + "×" + std::to_string(h) + ", as chosen");
    }
    std::string channels = c.channels;
    if (channels.empty()) channels = (d.rgbImages == 0 && d.rgbaImages == 0) ? "gray" : "rgb";
    if (channels != "gray" && channels != "rgb") throw std::invalid_argument("channels must be gray or rgb, not " + channels);
    notes.push_back(channels == "gray" ? "1 channel (gray): every image is gray or made gray"
                                       : "3 channels (RGB): gray images are copied into R, G and B, transparency is composited "
                                         "over white");
    p.preprocess.image.push_back(ImageStep::make(channels == "gray" ? "grayscale" : "rgb"));
    p.preprocess.image.push_back(ImageStep::make("resize", {{"width", ParamValue{w}}, {"height", ParamValue{h}}}));
    p.preprocess.image.push_back(ImageStep::make("scale"));
    for (const ImageStep& s : p.preprocess.image)
        if (std::string e = s.problem(); !e.empty()) throw std::invalid_argument(e);
}

// Per-channel mean and standard deviation of the training split, on the 0–1 scale the scale step
// gives. The split's rows are read through rowsAt, in blocks: with the sample cache `inputs` is
// every row of the mapped cache, not this split (reading it directly gave a mean of 0.01 for
// random pixels), and one block at a time keeps memory bounded.
ImageStep normalizationFrom(const Dataset& ds) {
    constexpr int64_t kBlock = 1024;
    const int64_t n = ds.train.size();
    auto eachBlock = [&](const std::function<void(const torch::Tensor&)>& use) {
        for (int64_t start = 0; start < n; start += kBlock)
            use(ds.train.rowsAt(start, std::min(kBlock, n - start)).to(torch::kFloat64).div_(255.0));  // B×C×H×W
    };
    torch::Tensor sum, squares;
    double perChannel = 0;  // pixels per channel
    eachBlock([&](const torch::Tensor& x) {
        sum = sum.defined() ? sum + x.sum({0, 2, 3}) : x.sum({0, 2, 3});
        perChannel += static_cast<double>(x.size(0) * x.size(2) * x.size(3));
    });
    torch::Tensor mean = sum / perChannel;
    torch::Tensor centre = mean.view({1, -1, 1, 1});
    eachBlock([&](const torch::Tensor& x) {
        torch::Tensor s = (x - centre).pow_(2).sum({0, 2, 3});
        squares = squares.defined() ? squares + s : s;
    });
    torch::Tensor stdev = (squares / perChannel).sqrt_();
    std::vector<double> m, s;
    for (int64_t k = 0; k < mean.size(0); ++k) {
        m.push_back(std::round(mean[k].item<double>() * 1e4) / 1e4);
        s.push_back(std::max(1e-3, std::round(stdev[k].item<double>() * 1e4) / 1e4));
    }
    return ImageStep::make("normalize", {{"mean", ParamValue{m}}, {"std", ParamValue{s}}});
}

}  // namespace

ProjectProposal proposeProject(const DataInspection& d, const NewProjectChoices& c) {
    ProjectProposal out;
    if (!d.ok()) {
        out.error = d.error.empty() ? "the data was not inspected" : d.error;
        return out;
    }
    try {
        Project p;
        std::vector<std::string>& notes = out.notes;
        p.name = c.name;
        if (p.name.empty()) {
            const fs::path data(d.path);
            p.name = data.filename() == "train" ? data.parent_path().filename().string() : data.stem().string();
        }
        p.description = "Made by New from Data from " + d.path + ".";
        const Task task = chooseTask(d, c, notes);
        if (std::string e = checkTaskFits(task, d); !e.empty()) throw std::invalid_argument(e);

        apply(p, "dataset.kind", d.kind);
        apply(p, "dataset.path", d.path);
        if (!d.testPath.empty()) apply(p, "dataset.test_path", d.testPath);
        if (!d.target.empty()) apply(p, "dataset.target", d.target);
        if (!d.textColumn.empty()) apply(p, "dataset.text_column", d.textColumn);
        if (c.validationSplit <= 0) throw std::invalid_argument("the validation split must be above 0");
        apply(p, "dataset.validation_split", c.validationSplit);
        const bool separateTest = d.kind == "idx" || !d.testPath.empty();
        if (!separateTest) {
            if (c.testSplit <= 0) throw std::invalid_argument("the test split must be above 0 when there is no separate test set");
            apply(p, "dataset.test_split", c.testSplit);
            notes.push_back("splits: " + fmt(c.validationSplit * 100) + " % validation, " + fmt(c.testSplit * 100) +
                            " % test, stratified by class, seed " + std::to_string(c.seed));
        } else {
            notes.push_back("splits: " + fmt(c.validationSplit * 100) + " % of the training data for validation; the test set is " +
                            (d.kind == "idx" ? std::string("the t10k files") : d.testPath));
        }
        apply(p, "dataset.seed", static_cast<int64_t>(c.seed));
        apply(p, "training.task", nameOf(task));
        apply(p, "training.epochs", c.epochs);
        apply(p, "training.seed", int64_t{1});

        const bool images = d.kind == "image_folder" || d.kind == "idx";
        const bool text = d.kind == "text_csv" || d.kind == "text_folder";
        if (images) imageSteps(d, c, p, notes);
        if (text) {
            const int64_t length = std::clamp<int64_t>(d.textP95Tokens, 8, 256);
            apply(p, "preprocess.text.length", length);
            apply(p, "preprocess.text.max_vocab", std::clamp<int64_t>(d.distinctTokens + 2, 2, 20000));
            notes.push_back("sequences of " + std::to_string(length) + " tokens (95 % of the texts have at most " +
                            std::to_string(d.textP95Tokens) + ")");
        }
        int64_t samples = d.samples;
        int64_t batch = samples >= 2000 ? 64 : samples >= 400 ? 32 : 16;
        apply(p, "training.batch_size", batch);

        // Read the data as training will: the sample's shape, the classes, the vocabulary and the
        // normalisation statistics come from the training split.
        DatasetLoad load = loadDataset(p);
        if (!load.ok()) throw std::invalid_argument(load.error);
        const Dataset& ds = *load.dataset;
        if (images && c.normalize) {
            ImageStep norm = normalizationFrom(ds);
            notes.push_back("normalisation from the training split: " + norm.summary());
            p.preprocess.image.push_back(std::move(norm));
        }
        if (d.kind == "csv") notes.push_back("feature columns standardised with the training split's mean and standard deviation");

        const std::vector<int64_t>& sample = ds.summary.sampleShape;
        int64_t outputs = 0;
        switch (task) {
        case Task::Classification: outputs = static_cast<int64_t>(ds.summary.classNames.size()); break;
        case Task::Binary: outputs = 1; break;
        case Task::Regression: outputs = ds.train.targets.dim() == 2 ? ds.train.targets.size(1) : 1; break;
        case Task::Reconstruction: {
            outputs = 1;
            for (int64_t s : sample) outputs *= s;
            break;
        }
        }
        const int64_t vocabulary = ds.text ? ds.text->vocabularySize() : 0;
        if (ds.text) {
            apply(p, "preprocess.text.max_vocab", std::max<int64_t>(2, vocabulary));
            notes.push_back("vocabulary of " + std::to_string(vocabulary) + " ids (PAD and OOV included) from the training split");
        }
        p.graph = starterNetwork(task, d.kind, sample, outputs, vocabulary);
        if (images) notes.push_back(task == Task::Reconstruction ? "network: a dense autoencoder over the image"
                                                                  : "network: a small CNN (Conv 3×3 → ReLU → MaxPool blocks, then Dense)");
        else if (text) notes.push_back("network: Embedding → LSTM → Dense");
        else notes.push_back(task == Task::Reconstruction ? "network: a dense autoencoder" : "network: an MLP (Dense 64 → 32)");

        const DataFacts facts = DataFacts::of(ds.summary);
        GraphAnalysis analysis = analyzeProject(p, &facts);
        if (!analysis.ok()) throw std::logic_error("the starter network is invalid: " + analysis.problems.front().message);
        for (const std::string& problem : settingsProblems(p)) throw std::logic_error(problem);
        out.project = std::move(p);
    } catch (const std::exception& e) {
        out.project.reset();
        out.error = e.what();
    }
    return out;
}

}  // namespace netloom
