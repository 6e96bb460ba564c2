#pragma once
// New project from data: one engine for the studio's New from Data wizard and `netloom-cli new`.
//   1. inspectData(path) looks at what the user has: an image folder (one subfolder per class, or
//      train/ and test/ each with one), an IDX folder, a CSV table, a CSV of texts, or a folder of
//      texts. It reports the kind, the classes and their counts, image sizes and colour modes, CSV
//      column types and a likely target, text lengths, and warnings in plain sentences.
//   2. proposeProject(inspection, choices) turns that into a Project that validates and trains
//      without edits: task, preprocessing (resize, channels, scale, normalisation statistics from
//      the training split), splits, and a starter network sized from the data.
// Both read the data with the project's own loaders (core/data) and speak the settings vocabulary
// (project/settings.h) and the layer registry; they know nothing of their own about formats.
// Torch-free header (the implementation is in netloom_core); both calls read files and can take
// seconds on a large dataset: the studio runs them on a worker thread.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/data_browser.h"  // ColumnStats
#include "data/data_summary.h"  // SkippedInput
#include "project/project.h"

namespace netloom {

struct ClassCount {
    std::string name;
    int64_t count = 0;
};

struct ImageSizeCount {
    int width = 0, height = 0;
    int64_t count = 0;
};

// What inspectData found. `kind` uses the project file's vocabulary (DatasetSpec::kind):
// image_folder | idx | csv | text_csv | text_folder; empty when nothing usable was found (`error`).
struct DataInspection {
    std::string path;       // absolute path of the data (a folder, or a CSV file)
    std::string kind;
    std::string testPath;   // a separate test set found beside it (image folders: root/test), else empty
    std::string error;      // why the data cannot be used; empty when it can
    bool ok() const { return error.empty() && !kind.empty(); }

    int64_t samples = 0;                  // usable samples (all splits)
    std::vector<ClassCount> classes;      // in the loader's class order; empty for unlabelled data

    // Images (image_folder, idx). Sizes as stored, most common first; modes as stored.
    std::vector<ImageSizeCount> sizes;
    int64_t grayImages = 0, rgbImages = 0, rgbaImages = 0;
    int64_t imagesExamined = 0;           // how many files the sizes and modes come from
    std::vector<SkippedInput> unreadable; // files that could not be decoded, with the reason

    // Tables (csv, text_csv): every column's statistics, the likely target and its role.
    std::vector<ColumnStats> columns;
    std::string target;                   // likely label/target column; empty: none (autoencoder)
    bool targetIsCategorical = false;     // few distinct values, or not numbers
    std::string textColumn;               // text_csv: the column that holds the texts
    int64_t missingValues = 0;            // over all feature columns

    // Texts (text_csv, text_folder): tokens per text after the default text pipeline.
    int64_t textMinTokens = 0, textMedianTokens = 0, textP95Tokens = 0, textMaxTokens = 0;
    int64_t distinctTokens = 0;           // in all texts, after the default text pipeline

    // Things the user should know ("7 images are 22×22, the rest 64×64: they are resized to 64×64").
    std::vector<std::string> warnings;

    // The most common image size, or {0, 0}.
    ImageSizeCount mostCommonSize() const { return sizes.empty() ? ImageSizeCount{} : sizes.front(); }
    // The class or target counts as one line: "cats 120, dogs 98, owls 1".
    std::string describe() const;
};

struct InspectOptions {
    // Image folders: at most this many files are decoded for sizes and modes (spread evenly over
    // the classes); every file is still counted. 0: all.
    int64_t maxImagesExamined = 4000;
    // Tables: the column to treat as the target (overrides the guess); text CSVs: the text column.
    std::string target;
    std::string textColumn;
};

DataInspection inspectData(const std::string& path, const InspectOptions& options = {});

// What the user may decide; everything left unset is chosen from the data.
struct NewProjectChoices {
    std::string name;                      // project name (default: the data's folder or file name)
    std::optional<Task> task;              // default: classification with labels, regression for a
                                           // numeric target with many values, reconstruction without
    int64_t width = 0, height = 0;         // images: resize to this (default: the most common size,
                                           // at most 128 on the longer side)
    std::string channels;                  // images: "gray" | "rgb" | "" (from the modes found)
    bool normalize = true;                 // images: per-channel mean/std from the training split
    double validationSplit = 0.15;         // must be > 0
    double testSplit = 0.15;               // must be > 0 when there is no separate test set
    int64_t epochs = 10;
    uint64_t seed = 42;
};

struct ProjectProposal {
    std::optional<Project> project;
    std::string error;                     // why no project can be proposed (a choice that does not fit)
    std::vector<std::string> notes;        // what was chosen and why, one sentence each
    bool ok() const { return project.has_value(); }
};

// Builds the project. Reads the training split once when image normalisation is asked for (the
// statistics come from it, through loadDataset). The project's dataset path is absolute; callers
// that save it elsewhere may make it relative.
ProjectProposal proposeProject(const DataInspection& inspection, const NewProjectChoices& choices = {});

// The starter network alone, for a task and the shapes the data gives: `sample` is one preprocessed
// sample (C×H×W, F, or L tokens), `outputs` the Output's units (classes, targets, or the sample for
// reconstruction), `vocabulary` the token ids (text). Laid out left to right in rows.
Graph starterNetwork(Task task, const std::string& datasetKind, const std::vector<int64_t>& sample, int64_t outputs,
                     int64_t vocabulary);

}  // namespace netloom
