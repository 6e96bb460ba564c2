#pragma once
// What the studio's dataset browser shows: the dataset as the training run will see it (the
// counts per class and split, the skipped inputs) plus the raw samples to look at. Torch-free
// (pimpl) so widgets can hold one; open() is slow and belongs on a worker thread, the accessors
// are const and safe to call from several threads at once (thumbnails are made off the GUI thread).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "data/csv_table.h"
#include "data/data_summary.h"
#include "preprocess/image_preview.h"
#include "project/project.h"

namespace netloom {

struct ColumnStats {
    std::string name;
    bool numeric = false;      // every present value parses as a number
    int64_t present = 0, missing = 0, distinct = 0;
    double min = 0, max = 0, mean = 0, stddev = 0;  // numeric columns
    std::string mostFrequent;  // non-numeric columns
};

class DataBrowser {
public:
    enum class Kind { Images, Table, Text };

    // Reads the project's dataset. Returns null with a located `error` when it cannot.
    // `stage` (optional) is told what is being read, for a progress label.
    static std::unique_ptr<DataBrowser> open(const Project& project, std::string& error,
                                             const std::function<void(const std::string&)>& stage = {});
    ~DataBrowser();
    DataBrowser(const DataBrowser&) = delete;
    DataBrowser& operator=(const DataBrowser&) = delete;

    Kind kind() const;
    // Counts per class and split, skipped inputs and notes: exactly what training will use.
    const DataSummary& summary() const;

    // The raw samples in source order (training files first, then the separate test set).
    int64_t sampleCount() const;
    int64_t label(int64_t index) const;       // class id, -1 when the dataset has no labels
    std::string labelName(int64_t index) const;
    std::string origin(int64_t index) const;  // "train-images[123]", a file path, "file:line"

    // Images: decoded as stored (gray or RGB), before any preprocessing. Empty with `error` set
    // when the file cannot be decoded (the browser lists it with its reason).
    RawImage image(int64_t index, std::string* error = nullptr) const;
    // Text: the sample's text (training split, then test split).
    std::string text(int64_t index) const;
    // Text: tokens per sample after the project's text pipeline, for the length histogram.
    const std::vector<int64_t>& textLengths() const;
    // Texts of the training split, which the preview fits its vocabulary on (as training does).
    const std::vector<std::string>& trainingTexts() const;

    // Tables: the CSV as read, and statistics per column.
    const CsvTable& table() const;
    const std::vector<ColumnStats>& columnStats() const;

private:
    DataBrowser();
    static std::unique_ptr<DataBrowser> browseImagesAnyway(const Project& project, const std::string& whyNot,
                                                           std::string& error,
                                                           const std::function<void(const std::string&)>& tell);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Statistics for every column of a table (missing values as isMissingValue defines them).
std::vector<ColumnStats> computeColumnStats(const CsvTable& table);

}  // namespace netloom
