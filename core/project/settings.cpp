#include "project/settings.h"

#include <cstdint>

#include "project/project.h"

// Labels are English source text translated by the studio. Spelled like Qt's marker so that
// lupdate collects them from this file (context "Setting"); core itself has no Qt.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace netloom {

namespace {

constexpr double kMaxSeed = 9.2e18;  // below INT64_MAX, exactly representable bounds in JSON schema

// Project field <-> ParamValue, one overload per field type.
ParamValue toValue(int64_t v) { return v; }
ParamValue toValue(uint64_t v) { return static_cast<int64_t>(v); }
ParamValue toValue(double v) { return v; }
ParamValue toValue(bool v) { return v; }
ParamValue toValue(const std::string& v) { return v; }
ParamValue toValue(const std::vector<std::string>& v) { return v; }
ParamValue toValue(const std::vector<int64_t>& v) { return v; }
template <typename E, typename = decltype(EnumTable<E>::entries)>
ParamValue toValue(E v) {
    return nameOf(v);
}

void fromValue(const ParamValue& v, int64_t& out) { out = std::get<int64_t>(v); }
void fromValue(const ParamValue& v, uint64_t& out) { out = static_cast<uint64_t>(std::get<int64_t>(v)); }
void fromValue(const ParamValue& v, double& out) {
    if (auto i = std::get_if<int64_t>(&v)) out = static_cast<double>(*i);
    else out = std::get<double>(v);
}
void fromValue(const ParamValue& v, bool& out) { out = std::get<bool>(v); }
void fromValue(const ParamValue& v, std::string& out) { out = std::get<std::string>(v); }
void fromValue(const ParamValue& v, std::vector<std::string>& out) { out = std::get<std::vector<std::string>>(v); }
void fromValue(const ParamValue& v, std::vector<int64_t>& out) { out = std::get<std::vector<int64_t>>(v); }
template <typename E, typename = decltype(EnumTable<E>::entries)>
void fromValue(const ParamValue& v, E& out) {
    out = *enumFromName<E>(std::get<std::string>(v));
}

// A setting bound to one field of the project; `member` is a capture-less lambda returning it.
template <typename Field>
SettingSpec field(std::string key, const char* label, ParamSpec value, Field& (*member)(Project&)) {
    SettingSpec s;
    s.key = std::move(key);
    s.label = label;
    value.name = s.key.substr(s.key.rfind('.') + 1);
    s.value = std::move(value);
    s.get = [member](const Project& p) { return toValue(member(const_cast<Project&>(p))); };
    s.set = [member](Project& p, const ParamValue& v) { fromValue(v, member(p)); };
    return s;
}

SettingSpec omittedWhenDefault(SettingSpec s) {
    s.omitWhenDefault = true;
    return s;
}

SettingSpec when(SettingSpec s, std::function<bool(const Project&)> relevant) {
    s.relevant = std::move(relevant);
    return s;
}

template <typename E>
ParamSpec choiceOf(E def, std::string help) {
    return choiceParam("", nameOf(def), enumChoices<E>(), std::move(help));
}

using F = Project&;

bool hasDataset(const Project& p) { return p.dataset.kind != "none"; }

std::vector<SettingSpec> declareDataset() {
    return {
        field("dataset.kind", QT_TRANSLATE_NOOP("Setting", "Dataset kind"),
             choiceParam("", "none", {"none", "idx", "image_folder", "csv", "text_csv", "text_folder", "webdataset"},
                         "What the data is: IDX files, a folder per class of images, a CSV table, a CSV of texts, a folder "
                         "per class of text files, or WebDataset tar shards of images and class ids named by a pattern "
                         "like shards/train-{0000..0099}.tar (streamed while training)."),
             +[](F p) -> std::string& { return p.dataset.kind; }),
        when(omittedWhenDefault(field("dataset.path", QT_TRANSLATE_NOOP("Setting", "Path"),
                                      textParam("", "", "The data's file or folder; relative to the project file's folder."),
                                      +[](F p) -> std::string& { return p.dataset.path; })),
             hasDataset),
        when(omittedWhenDefault(field("dataset.test_path", QT_TRANSLATE_NOOP("Setting", "Test set"),
                                      textParam("", "", "A separate test set (folder or CSV); test_split is then not used."),
                                      +[](F p) -> std::string& { return p.dataset.testPath; })),
             [](const Project& p) { return hasDataset(p) && p.dataset.kind != "idx"; }),
        when(omittedWhenDefault(field("dataset.target", QT_TRANSLATE_NOOP("Setting", "Target column"),
                                      textParam("", "", "CSV: the column to predict; text CSV: the label column."),
                                      +[](F p) -> std::string& { return p.dataset.target; })),
             [](const Project& p) { return p.dataset.kind == "csv" || p.dataset.kind == "text_csv"; }),
        when(omittedWhenDefault(field("dataset.text_column", QT_TRANSLATE_NOOP("Setting", "Text column"),
                                      textParam("", "", "Text CSV: the column holding the text."),
                                      +[](F p) -> std::string& { return p.dataset.textColumn; })),
             [](const Project& p) { return p.dataset.kind == "text_csv"; }),
        field("dataset.validation_split", QT_TRANSLATE_NOOP("Setting", "Validation split"),
             floatParam("", 0.1, 0.0, 0.9, "Fraction of the training data held out for validation, stratified."),
             +[](F p) -> double& { return p.dataset.validationSplit; }),
        when(field("dataset.test_split", QT_TRANSLATE_NOOP("Setting", "Test split"),
                   floatParam("", 0.0, 0.0, 0.9, "Fraction held out for the final test when there is no separate test set."),
                   +[](F p) -> double& { return p.dataset.testSplit; }),
             [](const Project& p) { return p.dataset.testPath.empty() && p.dataset.kind != "idx"; }),
        field("dataset.seed", QT_TRANSLATE_NOOP("Setting", "Split seed"),
             intParam("", 42, 0, static_cast<int64_t>(kMaxSeed), "Seed of the shuffled, stratified split."),
             +[](F p) -> uint64_t& { return p.dataset.seed; }),
        omittedWhenDefault(field("dataset.limit", QT_TRANSLATE_NOOP("Setting", "Sample limit"),
                      intParam("", 0, 0, static_cast<int64_t>(kMaxSeed), "Use at most this many training samples (0: all)."),
                      +[](F p) -> int64_t& { return p.dataset.limit; })),
        omittedWhenDefault(field("dataset.classes", QT_TRANSLATE_NOOP("Setting", "Classes"),
                      textListParam("", "IDX: the names of the label ids; folders: use only these classes (all when empty)."),
                      +[](F p) -> std::vector<std::string>& { return p.dataset.classes; })),
    };
}

ParamSpec rgbParam(std::vector<int64_t> def, std::string help) {
    ParamSpec p = listParam("", std::move(def), 0, 255, std::move(help));
    p.minItems = p.maxItems = 3;
    return p;
}

std::vector<SettingSpec> declarePreprocessing() {
    return {
        omittedWhenDefault(field("preprocess.background", QT_TRANSLATE_NOOP("Setting", "Background colour"),
                                 rgbParam({255, 255, 255},
                                          "Transparent pixels are composited over this colour (R, G, B) when an image is read."),
                                 +[](F p) -> std::vector<int64_t>& { return p.preprocess.background; })),
        field("preprocess.text.lowercase", QT_TRANSLATE_NOOP("Setting", "Lowercase"),
             boolParam("", true, "Lowercase the text before splitting it into words."),
             +[](F p) -> bool& { return p.preprocess.text.lowercase; }),
        field("preprocess.text.strip_punctuation", QT_TRANSLATE_NOOP("Setting", "Strip punctuation"),
             boolParam("", true, "Drop punctuation characters."),
             +[](F p) -> bool& { return p.preprocess.text.stripPunctuation; }),
        field("preprocess.text.remove_stop_words", QT_TRANSLATE_NOOP("Setting", "Remove stop words"),
             boolParam("", false, "Drop common English words (the, and, of...)."),
             +[](F p) -> bool& { return p.preprocess.text.removeStopWords; }),
        field("preprocess.text.stem", QT_TRANSLATE_NOOP("Setting", "Stem words"),
             boolParam("", false, "Reduce words to their stem with the Snowball English stemmer."),
             +[](F p) -> bool& { return p.preprocess.text.stem; }),
        field("preprocess.text.max_vocab", QT_TRANSLATE_NOOP("Setting", "Vocabulary size"),
             intParam("", 10000, 2, 1 << 22, "Most frequent words kept, including PAD (id 0) and OOV (id 1)."),
             +[](F p) -> int64_t& { return p.preprocess.text.maxVocab; }),
        field("preprocess.text.min_frequency", QT_TRANSLATE_NOOP("Setting", "Minimum frequency"),
             intParam("", 1, 1, 1 << 30, "Words seen fewer times in the training split become OOV."),
             +[](F p) -> int64_t& { return p.preprocess.text.minFrequency; }),
        field("preprocess.text.length", QT_TRANSLATE_NOOP("Setting", "Sequence length"),
             intParam("", 64, 1, 1 << 16, "Every text is padded or truncated to this many word ids."),
             +[](F p) -> int64_t& { return p.preprocess.text.length; }),
    };
}

bool usesMomentum(const Project& p) {
    return p.training.optimizer.type == OptimizerType::Sgd || p.training.optimizer.type == OptimizerType::RmsProp;
}
bool scheduleIs(const Project& p, std::initializer_list<ScheduleType> types) {
    for (ScheduleType t : types)
        if (p.training.schedule.type == t) return true;
    return false;
}

std::vector<SettingSpec> declareTraining() {
    return {
        field("training.task", QT_TRANSLATE_NOOP("Setting", "Task"),
             choiceOf(Task::Classification, "What the Output predicts: one of several classes, yes/no, numbers, or the input itself."),
             +[](F p) -> Task& { return p.training.task; }),
        field("training.loss", QT_TRANSLATE_NOOP("Setting", "Loss"),
             choiceOf(LossType::Auto,
                      "The training objective; auto picks the task's usual one (cross-entropy, binary cross-entropy, MSE)."),
             +[](F p) -> LossType& { return p.training.loss; }),
        field("training.epochs", QT_TRANSLATE_NOOP("Setting", "Epochs"),
             intParam("", 10, 1, 100000, "Passes over the training data."), +[](F p) -> int64_t& { return p.training.epochs; }),
        field("training.batch_size", QT_TRANSLATE_NOOP("Setting", "Batch size"),
             intParam("", 128, 1, 1 << 20, "Samples per optimisation step (over all ranks of a distributed run)."),
             +[](F p) -> int64_t& { return p.training.batchSize; }),
        field("training.optimizer.type", QT_TRANSLATE_NOOP("Setting", "Optimizer"),
             choiceOf(OptimizerType::Adam, "How the weights follow the gradient."),
             +[](F p) -> OptimizerType& { return p.training.optimizer.type; }),
        field("training.optimizer.learning_rate", QT_TRANSLATE_NOOP("Setting", "Learning rate"),
             floatParam("", 1e-3, 1e-12, 10, "Step size of the optimizer."),
             +[](F p) -> double& { return p.training.optimizer.learningRate; }),
        when(field("training.optimizer.momentum", QT_TRANSLATE_NOOP("Setting", "Momentum"),
                  floatParam("", 0.9, 0, 1, "SGD and RMSprop: weight of the previous steps."),
                  +[](F p) -> double& { return p.training.optimizer.momentum; }),
             usesMomentum),
        when(field("training.optimizer.nesterov", QT_TRANSLATE_NOOP("Setting", "Nesterov"),
                  boolParam("", false, "SGD: Nesterov momentum."), +[](F p) -> bool& { return p.training.optimizer.nesterov; }),
             [](const Project& p) { return p.training.optimizer.type == OptimizerType::Sgd; }),
        field("training.optimizer.weight_decay", QT_TRANSLATE_NOOP("Setting", "Weight decay"),
             floatParam("", 0.0, 0, 1, "L2 penalty on the weights (decoupled for AdamW)."),
             +[](F p) -> double& { return p.training.optimizer.weightDecay; }),
        field("training.schedule.type", QT_TRANSLATE_NOOP("Setting", "Schedule"),
             choiceOf(ScheduleType::None, "How the learning rate changes over the epochs."),
             +[](F p) -> ScheduleType& { return p.training.schedule.type; }),
        when(field("training.schedule.step_size", QT_TRANSLATE_NOOP("Setting", "Step size"),
                  intParam("", 10, 1, 100000, "Step schedule: epochs between decays."),
                  +[](F p) -> int64_t& { return p.training.schedule.stepSize; }),
             [](const Project& p) { return scheduleIs(p, {ScheduleType::Step}); }),
        when(field("training.schedule.gamma", QT_TRANSLATE_NOOP("Setting", "Decay factor"),
                  floatParam("", 0.1, 1e-6, 1, "Step and plateau schedules: the rate is multiplied by this."),
                  +[](F p) -> double& { return p.training.schedule.gamma; }),
             [](const Project& p) { return scheduleIs(p, {ScheduleType::Step, ScheduleType::Plateau}); }),
        when(field("training.schedule.patience", QT_TRANSLATE_NOOP("Setting", "Plateau patience"),
                  intParam("", 3, 0, 100000, "Plateau schedule: epochs without improvement before the rate drops."),
                  +[](F p) -> int64_t& { return p.training.schedule.patience; }),
             [](const Project& p) { return scheduleIs(p, {ScheduleType::Plateau}); }),
        when(field("training.schedule.min_learning_rate", QT_TRANSLATE_NOOP("Setting", "Minimum learning rate"),
                  floatParam("", 0.0, 0, 10, "Cosine and plateau schedules: the rate never goes below this."),
                  +[](F p) -> double& { return p.training.schedule.minLearningRate; }),
             [](const Project& p) { return scheduleIs(p, {ScheduleType::Cosine, ScheduleType::Plateau}); }),
        field("training.clip_norm", QT_TRANSLATE_NOOP("Setting", "Gradient clipping"),
             floatParam("", 0.0, 0, 1e6, "Largest gradient norm; 0 turns clipping off."),
             +[](F p) -> double& { return p.training.clipNorm; }),
        field("training.early_stopping.enabled", QT_TRANSLATE_NOOP("Setting", "Early stopping"),
             boolParam("", false, "Stop when the monitored metric has not improved for a while."),
             +[](F p) -> bool& { return p.training.earlyStopping.enabled; }),
        field("training.early_stopping.metric", QT_TRANSLATE_NOOP("Setting", "Monitored metric"),
             choiceParam("", "val_loss", {"val_loss", "val_accuracy", "val_mae", "val_auc"},
                         "The metric that picks the best checkpoint and drives early stopping and the plateau schedule."),
             +[](F p) -> std::string& { return p.training.earlyStopping.metric; }),
        when(field("training.early_stopping.patience", QT_TRANSLATE_NOOP("Setting", "Early-stopping patience"),
                  intParam("", 5, 1, 100000, "Epochs without improvement before the run stops."),
                  +[](F p) -> int64_t& { return p.training.earlyStopping.patience; }),
             [](const Project& p) { return p.training.earlyStopping.enabled; }),
        field("training.seed", QT_TRANSLATE_NOOP("Setting", "Seed"),
             intParam("", 0, 0, static_cast<int64_t>(kMaxSeed), "Seed of the initial weights, the shuffling and augmentation."),
             +[](F p) -> uint64_t& { return p.training.seed; }),
        field("training.device", QT_TRANSLATE_NOOP("Setting", "Device"),
             choiceParam("", "auto", {"auto", "cpu", "cuda"}, "Where to train; auto takes the GPU when there is one."),
             +[](F p) -> std::string& { return p.training.device; }),
        field("training.threads", QT_TRANSLATE_NOOP("Setting", "CPU threads"),
             intParam("", 0, 0, 1024, "Threads for CPU training; 0 uses one per core."),
             +[](F p) -> int64_t& { return p.training.threads; }),
    };
}

std::vector<SettingSpec> declareEditor() {
    return {
        omittedWhenDefault(field("editor.direction", QT_TRANSLATE_NOOP("Setting", "Layout direction"),
                                 choiceOf(LayoutDirection::TopToBottom,
                                          "How the layered layout draws the graph: TB puts the inputs at the top and "
                                          "the edges run downwards, LR puts them at the left."),
                                 +[](F p) -> LayoutDirection& { return p.editor.direction; })),
    };
}

}  // namespace

const std::vector<SettingSpec>& projectSettings() {
    static const std::vector<SettingSpec> all = [] {
        std::vector<SettingSpec> v;
        for (auto part : {declareDataset(), declarePreprocessing(), declareTraining(), declareEditor()})
            v.insert(v.end(), part.begin(), part.end());
        return v;
    }();
    return all;
}

const SettingSpec* findSetting(const std::string& key) {
    for (const SettingSpec& s : projectSettings())
        if (s.key == key) return &s;
    return nullptr;
}

std::vector<const SettingSpec*> settingsUnder(const std::string& prefix) {
    std::vector<const SettingSpec*> out;
    for (const SettingSpec& s : projectSettings())
        if (s.key.compare(0, prefix.size(), prefix) == 0) out.push_back(&s);
    return out;
}

std::string applySetting(Project& project, const std::string& key, const ParamValue& value) {
    const SettingSpec* spec = findSetting(key);
    if (!spec) return "no setting " + key;
    ParamValue v = value;
    // Whole numbers typed into a number field arrive as integers.
    if (spec->value.kind == ParamKind::Float)
        if (auto i = std::get_if<int64_t>(&v)) v = static_cast<double>(*i);
    if (std::string why = checkParamValue(spec->value, v); !why.empty()) return key + ": " + why;
    spec->set(project, v);
    return {};
}

}  // namespace netloom
