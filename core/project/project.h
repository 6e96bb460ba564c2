#pragma once
// A Netloom project: the graph plus everything needed to train and export it.
// Stored as a `.netloom` JSON file (docs/project-format.md, docs/project.schema.json).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "preprocess/pipeline_spec.h"
#include "project/setting_enums.h"

namespace netloom {

constexpr int kProjectSchemaVersion = 1;

struct DatasetSpec {
    // idx | image_folder | csv | text_csv | text_folder | webdataset | none
    std::string kind = "none";
    std::string path;            // relative paths are resolved against the project file's folder
    std::string testPath;        // optional separate test set (image/text folder, CSV)
    std::string target;          // csv: label/target column; text_csv: label column
    std::string textColumn;      // text_csv: the text column
    double validationSplit = 0.1;  // of the training data, stratified
    double testSplit = 0.0;        // used only when there is no separate test set
    uint64_t seed = 42;
    int64_t limit = 0;           // use at most this many training samples (0: all)
    // idx: names of the label ids; folders: use only these classes (all when empty)
    std::vector<std::string> classes;
    bool operator==(const DatasetSpec& o) const;
};

struct OptimizerSettings {
    OptimizerType type = OptimizerType::Adam;
    double learningRate = 1e-3;
    double momentum = 0.9;       // sgd, rmsprop
    bool nesterov = false;       // sgd
    double weightDecay = 0.0;
    bool operator==(const OptimizerSettings& o) const;
};

struct ScheduleSettings {
    ScheduleType type = ScheduleType::None;
    int64_t stepSize = 10;       // step: epochs between decays
    double gamma = 0.1;          // step/plateau: factor
    int64_t patience = 3;        // plateau: epochs without improvement
    double minLearningRate = 0.0;
    bool operator==(const ScheduleSettings& o) const;
};

struct EarlyStoppingSettings {
    bool enabled = false;
    std::string metric = "val_loss";  // val_loss | val_accuracy | val_mae | val_auc
    int64_t patience = 5;
    bool operator==(const EarlyStoppingSettings& o) const;
};

struct TrainingSettings {
    Task task = Task::Classification;
    LossType loss = LossType::Auto;       // must fit the task: lossesFor(task)
    int64_t epochs = 10;
    int64_t batchSize = 128;
    OptimizerSettings optimizer;
    ScheduleSettings schedule;
    double clipNorm = 0.0;                // 0: no gradient clipping
    EarlyStoppingSettings earlyStopping;
    uint64_t seed = 0;
    std::string device = "auto";          // auto | cpu | cuda
    int64_t threads = 0;                  // 0: one per core
    bool operator==(const TrainingSettings& o) const;
};

// A named block of layers ("residual block 1") the studio can collapse into one node. Only the
// editor knows groups: training and export see the flat graph.
struct NodeGroup {
    std::string name;
    std::vector<NodeId> members;  // each node is in at most one group
    bool collapsed = false;
    bool operator==(const NodeGroup& o) const {
        return name == o.name && members == o.members && collapsed == o.collapsed;
    }
};

// How the studio and `netloom-cli layout` draw the graph; training and export ignore it.
struct EditorSettings {
    LayoutDirection direction = LayoutDirection::TopToBottom;
    std::vector<NodeGroup> groups;
    bool operator==(const EditorSettings& o) const { return direction == o.direction && groups == o.groups; }
};

struct Project {
    int schemaVersion = kProjectSchemaVersion;
    std::string name;
    std::string description;
    Graph graph;
    DatasetSpec dataset;
    PipelineSpec preprocess;
    TrainingSettings training;
    EditorSettings editor;
    std::string baseDir;  // folder of the file it was loaded from; not saved

    bool operator==(const Project& o) const;
    // Dataset paths made absolute against baseDir.
    std::string resolvePath(const std::string& path) const;
};

struct ProjectLoad {
    std::optional<Project> project;
    std::string error;  // "graph.nodes[3].params.kernel: expected integer, got \"3x3\""
    bool ok() const { return project.has_value(); }
};

ProjectLoad parseProject(const std::string& text);
ProjectLoad loadProject(const std::string& path);
std::string serializeProject(const Project& project);
// Atomic: the previous file survives any failure. Returns an empty string on success.
std::string saveProject(const Project& project, const std::string& path);

}  // namespace netloom
