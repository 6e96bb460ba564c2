#include <gtest/gtest.h>

#include <cctype>
#include <dirent.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include <set>

#include "graph/graph_analysis.h"
#include "project/project.h"
#include "project/settings.h"
#include "test_graphs.h"
#include "util/atomic_file.h"

using namespace netloom;
using namespace netloom::testing;

namespace {

std::string tempDir() { return netloom::testing::makeTempDir(); }

std::vector<std::string> listDir(const std::string& dir) {
    std::vector<std::string> out;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d))
            if (e->d_name[0] != '.') out.push_back(e->d_name);
        closedir(d);
    }
    return out;
}

}  // namespace

class ExampleRoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(ExampleRoundTrip, SaveThenLoadGivesTheSameProject) {
    ProjectLoad load = loadProject(projectPath(GetParam()));
    ASSERT_TRUE(load.ok()) << load.error;
    std::string dir = tempDir();
    std::string path = dir + "/copy.netloom";
    ASSERT_EQ(saveProject(*load.project, path), "");
    ProjectLoad again = loadProject(path);
    ASSERT_TRUE(again.ok()) << again.error;
    EXPECT_TRUE(*again.project == *load.project);
    EXPECT_EQ(serializeProject(*again.project), serializeProject(*load.project));
}

INSTANTIATE_TEST_SUITE_P(ProjectIo, ExampleRoundTrip,
                         ::testing::Values("fashion-mnist-mlp", "fashion-mnist-cnn", "fashion-mnist-resnet",
                                           "fortune-text-classifier", "breast-cancer-autoencoder"),
                         [](const ::testing::TestParamInfo<const char*>& info) { return netloom::testing::exampleTestName(info.param); });

struct BrokenCase {
    const char* file;
    const char* expected;  // a fragment of the located message
};

class BrokenFiles : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenFiles, GiveALocatedError) {
    const BrokenCase& c = GetParam();
    ProjectLoad load = loadProject(std::string(NETLOOM_SOURCE_DIR) + "/tests/data/broken/" + c.file);
    ASSERT_FALSE(load.ok());
    EXPECT_NE(load.error.find(c.expected), std::string::npos) << load.error;
}

INSTANTIATE_TEST_SUITE_P(
    ProjectIo, BrokenFiles,
    ::testing::Values(
        BrokenCase{"truncated.netloom", "line 1, column"},
        BrokenCase{"wrong-type-kernel.netloom", "graph.nodes[1].params.kernel: expected integer, got \"3x3\""},
        BrokenCase{"unknown-layer.netloom", "graph.nodes[1].type: unknown layer type \"Conv3d\""},
        BrokenCase{"huge-number.netloom", "graph.nodes[1].params.units: expected integer"},
        BrokenCase{"huge-float.netloom", "number overflow parsing '1e400'"},
        BrokenCase{"newer-schema.netloom", "schema_version: this file uses schema version 7"},
        BrokenCase{"missing-graph.netloom", "graph: missing required field"},
        BrokenCase{"not-an-object.netloom", "expected an object, got a list"},
        BrokenCase{"edge-to-nowhere.netloom", "graph.edges[0].to: no node with id 9"},
        BrokenCase{"duplicate-id.netloom", "graph.nodes[1].id: duplicate node id 1"},
        BrokenCase{"unknown-field.netloom", "training.epochz: unknown field"},
        BrokenCase{"bad-choice.netloom", "training.optimizer.type: expected one of sgd, adam, adamw, rmsprop"},
        BrokenCase{"negative-id.netloom", "graph.nodes[0].id: expected integer in 1.."},
        BrokenCase{"empty.netloom", "not valid JSON"},
        BrokenCase{"binary-garbage.netloom", "not valid JSON"},
        BrokenCase{"wrong-format.netloom", "format: expected \"netloom-project\""},
        BrokenCase{"does-not-exist.netloom", "cannot open"},
        BrokenCase{"group-unknown-node.netloom", "editor.groups[1].members[1]: no node with id 7"}),
    [](const ::testing::TestParamInfo<BrokenCase>& info) {
        std::string name = info.param.file;
        name = name.substr(0, name.find('.'));
        for (char& ch : name)
            if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
        return name;
    });

TEST(ProjectIo, EveryBrokenCorpusFileIsCovered) {
    // A file added to the corpus without a case above would be tested by the fuzzer only.
    auto files = listDir(std::string(NETLOOM_SOURCE_DIR) + "/tests/data/broken");
    EXPECT_EQ(files.size(), 17u);
}

TEST(AtomicFile, ReplacesWithoutLeavingTemporaries) {
    std::string dir = tempDir();
    std::string path = dir + "/p.netloom";
    ASSERT_EQ(writeFileAtomically(path, "first"), "");
    ASSERT_EQ(writeFileAtomically(path, "second"), "");
    std::string text, error;
    ASSERT_TRUE(readFile(path, text, error));
    EXPECT_EQ(text, "second");
    EXPECT_EQ(listDir(dir), std::vector<std::string>{"p.netloom"});
}

TEST(AtomicFile, FailedReplaceKeepsTheOldContentsAndCleansUp) {
    // The rename fails because the target is a non-empty folder (works even as root).
    std::string dir = tempDir();
    std::string target = dir + "/p.netloom";
    ASSERT_EQ(mkdir(target.c_str(), 0700), 0);
    ASSERT_EQ(writeFileAtomically(target + "/inside", "kept"), "");
    std::string error = writeFileAtomically(target, "lost");
    EXPECT_NE(error.find("cannot replace"), std::string::npos) << error;
    EXPECT_EQ(listDir(dir), std::vector<std::string>{"p.netloom"}) << "temporary file left behind";
    std::string text, readError;
    ASSERT_TRUE(readFile(target + "/inside", text, readError));
    EXPECT_EQ(text, "kept");
}

TEST(AtomicFile, MissingFolderIsAnError) {
    std::string error = writeFileAtomically("/nonexistent-netloom-dir/p.netloom", "x");
    EXPECT_NE(error.find("/nonexistent-netloom-dir/p.netloom"), std::string::npos) << error;
}

// --- the settings vocabulary (project/settings.h) ---

// Each declaration's default is the project's own default, passes its own spec, and has a label.
TEST(Settings, DeclarationsMatchTheProjectsDefaults) {
    const Project fresh;
    std::set<std::string> keys;
    for (const SettingSpec& s : projectSettings()) {
        EXPECT_TRUE(keys.insert(s.key).second) << s.key << " declared twice";
        EXPECT_FALSE(s.label.empty()) << s.key;
        EXPECT_FALSE(s.value.help.empty()) << s.key;
        EXPECT_EQ(s.get(fresh), s.value.defaultValue) << s.key;
        EXPECT_EQ(checkParamValue(s.value, s.value.defaultValue), "") << s.key;
        EXPECT_EQ(s.key.substr(s.key.rfind('.') + 1), s.value.name) << s.key;
    }
    EXPECT_NE(findSetting("training.optimizer.learning_rate"), nullptr);
    EXPECT_EQ(findSetting("training.optimizer.learningrate"), nullptr);
}

// A value other than the default for every setting survives save and load: the loader and the
// writer are driven by the same declarations, so none can be forgotten.
TEST(Settings, EverySettingRoundTripsThroughTheFile) {
    Project p;
    p.dataset.kind = "csv";
    p.dataset.path = "data.csv";
    for (const SettingSpec& s : projectSettings()) {
        ParamValue v = s.value.defaultValue;
        const ParamSpec& spec = s.value;
        if (auto i = std::get_if<int64_t>(&v)) v = *i + 1 <= spec.max ? *i + 1 : *i - 1;
        else if (auto d = std::get_if<double>(&v)) v = *d + (spec.max - spec.min) / 7 <= spec.max ? *d + (spec.max - spec.min) / 7 : spec.min;
        else if (auto b = std::get_if<bool>(&v)) v = !*b;
        else if (spec.kind == ParamKind::Choice) v = spec.choices.back() == std::get<std::string>(v) ? spec.choices.front() : spec.choices.back();
        else if (spec.kind == ParamKind::Text) v = std::string("x/") + s.value.name;
        else if (spec.kind == ParamKind::TextList) v = std::vector<std::string>{"a", "b"};
        else if (spec.kind == ParamKind::IntList) v = std::vector<int64_t>(spec.minItems, static_cast<int64_t>(spec.min) + 1);
        if (s.key == "dataset.kind") v = std::string("csv");  // keeps the path's meaning
        if (s.key == "training.loss") continue;                // must fit the task: set below
        ASSERT_EQ(applySetting(p, s.key, v), "") << s.key;
    }
    p.training.task = Task::Regression;
    ASSERT_EQ(applySetting(p, "training.loss", std::string("mae")), "");
    ProjectLoad back = parseProject(serializeProject(p));
    ASSERT_TRUE(back.ok()) << back.error;
    for (const SettingSpec& s : projectSettings()) EXPECT_EQ(s.get(*back.project), s.get(p)) << s.key;
}

// The one place ranges live: a value outside is refused with the key, and nothing changes.
TEST(Settings, ApplyRefusesOutOfRangeAndChangesOnlyOneSetting) {
    Project p;
    p.training.optimizer.learningRate = 1e-8;
    Project before = p;
    std::string why = applySetting(p, "training.optimizer.learning_rate", 50.0);
    EXPECT_NE(why.find("training.optimizer.learning_rate"), std::string::npos) << why;
    EXPECT_TRUE(p == before);
    ASSERT_EQ(applySetting(p, "training.epochs", int64_t{3}), "");
    EXPECT_EQ(p.training.epochs, 3);
    EXPECT_EQ(p.training.optimizer.learningRate, 1e-8) << "editing the epochs leaves a tiny learning rate alone";
    EXPECT_EQ(applySetting(p, "training.optimizer.type", std::string("lion")).empty(), false);
}

namespace {

// The residual example with its first layers and a middle run of layers in two groups, one collapsed.
Project groupedResnet() {
    ProjectLoad load = loadProject(projectPath("fashion-mnist-resnet"));
    EXPECT_TRUE(load.ok()) << load.error;
    Project p = *load.project;
    std::vector<NodeId> ids;
    for (const auto& [id, n] : p.graph.nodes()) ids.push_back(id);
    EXPECT_GE(ids.size(), 8u);
    p.editor.groups.push_back({"stem", {ids[0], ids[1], ids[2]}, false});
    p.editor.groups.push_back({"residual block 1", {ids[5], ids[3], ids[4], ids[6]}, true});
    return p;
}

std::string describeAnalysis(const GraphAnalysis& a) {
    std::string out = std::to_string(a.totalParams) + " params, " + std::to_string(a.problems.size()) + " problems:";
    for (NodeId id : a.order) {
        const NodeAnalysis& n = a.nodes.at(id);
        out += " " + std::to_string(id) + "=" + std::to_string(n.params) + "/" +
               (n.output ? n.output->toString() : std::string("?"));
    }
    return out;
}

}  // namespace

TEST(ProjectGroups, SurviveSaveAndLoadInTheirOrder) {
    Project p = groupedResnet();
    std::string dir = tempDir();
    ASSERT_EQ(saveProject(p, dir + "/grouped.netloom"), "");
    ProjectLoad back = loadProject(dir + "/grouped.netloom");
    ASSERT_TRUE(back.ok()) << back.error;
    ASSERT_EQ(back.project->editor.groups.size(), 2u);
    EXPECT_EQ(back.project->editor.groups[1].name, "residual block 1");
    EXPECT_TRUE(back.project->editor.groups[1].collapsed);
    EXPECT_FALSE(back.project->editor.groups[0].collapsed);
    EXPECT_EQ(back.project->editor.groups[1].members, p.editor.groups[1].members);
    EXPECT_TRUE(*back.project == p);
    p.editor.groups[1].collapsed = false;
    EXPECT_FALSE(*back.project == p) << "the collapsed flag is part of the project";
}

// Training and export read project.graph; grouping must leave it, and what is inferred from it, alone.
TEST(ProjectGroups, TrainingAndExportSeeTheSameFlatGraph) {
    Project grouped = groupedResnet();
    ProjectLoad plain = loadProject(projectPath("fashion-mnist-resnet"));
    ASSERT_TRUE(plain.ok()) << plain.error;
    ProjectLoad back = parseProject(serializeProject(grouped));
    ASSERT_TRUE(back.ok()) << back.error;
    EXPECT_TRUE(back.project->graph == plain.project->graph);
    EXPECT_TRUE(back.project->training == plain.project->training);
    GraphAnalysis a = analyzeGraph(back.project->graph);
    GraphAnalysis b = analyzeGraph(plain.project->graph);
    EXPECT_TRUE(a.ok());
    EXPECT_GT(a.totalParams, 0);
    EXPECT_EQ(describeAnalysis(a), describeAnalysis(b));
}

// A layer deleted after grouping (by a tool that does not know groups) leaves the file loadable.
TEST(ProjectGroups, DeletedMembersAreDroppedWhenSaving) {
    Project p = groupedResnet();
    NodeId gone = p.editor.groups[0].members[1];
    p.graph.removeNode(gone);
    for (NodeId id : p.editor.groups[1].members) p.graph.removeNode(id);
    ProjectLoad back = parseProject(serializeProject(p));
    ASSERT_TRUE(back.ok()) << back.error;
    ASSERT_EQ(back.project->editor.groups.size(), 1u) << "a group with no layers left is not written";
    EXPECT_EQ(back.project->editor.groups[0].members,
              (std::vector<NodeId>{p.editor.groups[0].members[0], p.editor.groups[0].members[2]}));
}

struct BadGroup {
    const char* groups;    // the editor.groups JSON
    const char* expected;  // a fragment of the located message
};

class BadGroups : public ::testing::TestWithParam<BadGroup> {};

TEST_P(BadGroups, AreRefusedWithTheirPlace) {
    std::string text = R"({"format": "netloom-project", "schema_version": 1,
        "graph": {"nodes": [{"id": 3, "type": "Input"}, {"id": 5, "type": "Flatten"}], "edges": [{"from": 3, "to": 5}]},
        "editor": {"direction": "LR", "groups": )" + std::string(GetParam().groups) + "}}";
    ProjectLoad load = parseProject(text);
    ASSERT_FALSE(load.ok());
    EXPECT_NE(load.error.find(GetParam().expected), std::string::npos) << load.error;
}

INSTANTIATE_TEST_SUITE_P(
    ProjectGroups, BadGroups,
    ::testing::Values(BadGroup{R"([{"name": "a", "members": [3, 4]}])", "editor.groups[0].members[1]: no node with id 4"},
                      BadGroup{R"([{"name": "a", "members": [3]}, {"name": "b", "members": [5, 3]}])",
                               "editor.groups[1].members[1]: node 3 is already in group \"a\""},
                      BadGroup{R"([{"name": "a", "members": [5, 5]}])", "editor.groups[0].members[1]: node 5 is listed twice"},
                      BadGroup{R"([{"name": "", "members": [5]}])", "editor.groups[0].name: a group needs a name"},
                      BadGroup{R"([{"name": "a", "members": []}])", "editor.groups[0].members: a group needs at least"},
                      BadGroup{R"([{"name": "a", "members": [5], "folded": true}])", "editor.groups[0].folded: unknown field"},
                      BadGroup{R"([{"members": [5]}])", "editor.groups[0].name: missing required field"},
                      BadGroup{R"({"name": "a"})", "editor.groups: expected a list"}));
