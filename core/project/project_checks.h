#pragma once
// Problems in a project's settings that no single field's range can catch (combinations), as
// sentences naming the setting. Validation (`netloom-cli validate`, the studio's Problems) shows
// them; training refuses to start on them. Torch-free.
//
// The network against its data: preprocessingProblems() needs only the project (the Input against
// what the preprocessing makes of every sample: the resize or crop size, the colour step's channels,
// the text sequence length); dataProblems() needs what the loader found (DataFacts: the sample's
// shape, the classes, the target's width, the vocabulary). Both tie each problem to its node (Input,
// Output, Embedding), so the canvas, Problems and `netloom-cli validate` show it before Start does.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/data_summary.h"
#include "graph/graph_analysis.h"
#include "project/project.h"

namespace netloom {

std::vector<std::string> settingsProblems(const Project& project);

// The per-sample shape the preprocessing guarantees, as far as it is known without reading the
// data: images C×H×W with 0 for what the files decide (no resize: H and W; no colour step: C),
// tokens [length]; empty for tables (the columns decide) and projects without a dataset.
std::vector<int64_t> expectedSampleShape(const Project& project);

std::vector<Problem> preprocessingProblems(const Project& project, const GraphAnalysis& analysis);

// What the loader read, for dataProblems(); a field at 0 (or empty) is not checked.
struct DataFacts {
    std::vector<int64_t> sampleShape;  // as fed to the network
    int64_t classes = 0;               // class names
    int64_t targetWidth = 0;           // regression: values per target
    int64_t vocabulary = 0;            // text: token ids, PAD and OOV included

    // From the loader's summary (loadDataset's, or a DataBrowser's in the studio). A summary with a
    // `problem` (the data cannot be trained on as it is) gives only its classes.
    static DataFacts of(const DataSummary& summary);
    // From a checkpoint's run state (its "sample_shape" and "classes", written by training); what a
    // run state lacks (a checkpoint older than them, unreadable JSON) stays 0 or empty.
    static DataFacts ofRunState(const std::string& stateJson);
};

// What an Input with "shape_from": "data" takes: the kind the dataset holds (images, a table's
// feature vector, token ids) and, per dimension, what the preprocessing guarantees
// (expectedSampleShape), else what the loader read (facts), else 0 (the node's own field).
// nullopt for a project without a dataset: such an Input keeps its own fields.
std::optional<DataInput> dataInputOf(const Project& project, const DataFacts* facts = nullptr);

// The project's network analysed with its Inputs resolved (dataInputOf): what training, export,
// prediction, validation and the studio's canvas all see.
GraphAnalysis analyzeProject(const Project& project, const DataFacts* facts = nullptr);

std::vector<Problem> dataProblems(const Project& project, const GraphAnalysis& analysis, const DataFacts& facts);

}  // namespace netloom
