#pragma once
// The project's settings vocabulary: every dataset, text-preprocessing, training and editor setting is
// declared here once — its key (its path in the project file), type, choices, range, default,
// help and label. The loader, the writer, the JSON schema, `netloom-cli validate` and the studio's
// forms all read these declarations; nothing else spells a range or a choice list.
// (Image preprocessing steps are declared in preprocess/image_ops.h; layers in graph/layers/.)
#include <functional>
#include <string>
#include <vector>

#include "graph/param.h"

namespace netloom {

struct Project;

struct SettingSpec {
    std::string key;    // "training.optimizer.learning_rate"
    std::string label;  // "Learning rate": English source text, translated by the studio (context "Setting")
    ParamSpec value;    // kind, default, range, choices, help; value.name is the key's last part
    std::function<ParamValue(const Project&)> get;
    std::function<void(Project&, const ParamValue&)> set;
    // Written to the file only when it differs from the default (optional paths and names).
    bool omitWhenDefault = false;
    // Whether the setting matters for this project (momentum only for sgd and rmsprop); forms grey
    // out the others. Null: always.
    std::function<bool(const Project&)> relevant;

    std::string section() const { return key.substr(0, key.find('.')); }
    bool isRelevant(const Project& p) const { return !relevant || relevant(p); }
};

// In declaration order: dataset, preprocess.text, training, editor.
const std::vector<SettingSpec>& projectSettings();
const SettingSpec* findSetting(const std::string& key);
// The settings under a key prefix ("training.optimizer."), in declaration order.
std::vector<const SettingSpec*> settingsUnder(const std::string& prefix);

// Sets one setting after checking the value against its spec; returns an empty string on success,
// else the sentence why not (the project is then unchanged).
std::string applySetting(Project& project, const std::string& key, const ParamValue& value);

}  // namespace netloom
