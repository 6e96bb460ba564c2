#pragma once
// Typed layer parameters: the registry declares a ParamSpec for each, a node stores ParamValues.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace netloom {

// Typed values, shared by layer parameters, preprocessing steps and project settings.
// Text is free text (a path, a column name); Choice is one of `choices`.
enum class ParamKind { Int, Float, Bool, Choice, IntList, FloatList, Text, TextList };

using ParamValue = std::variant<int64_t, double, bool, std::string, std::vector<int64_t>, std::vector<double>,
                                std::vector<std::string>>;

struct ParamSpec {
    std::string name;
    ParamKind kind = ParamKind::Int;
    ParamValue defaultValue;
    double min = 0;        // inclusive bounds for Int, Float and each element of IntList/FloatList
    double max = 0;
    std::vector<std::string> choices;  // for Choice
    std::string help;      // one sentence for the inspector's tooltip
    std::string label;     // for forms ("Width"); empty: the name is shown
    size_t minItems = 1, maxItems = 8;  // IntList, FloatList, TextList
    bool required = false;  // a project file must give it (no default makes sense)
};

const char* paramKindName(ParamKind kind);

// Spec shorthands for the declarations (layers, preprocessing steps, settings).
ParamSpec intParam(std::string name, int64_t def, int64_t min, int64_t max, std::string help);
ParamSpec floatParam(std::string name, double def, double min, double max, std::string help);
ParamSpec boolParam(std::string name, bool def, std::string help);
ParamSpec choiceParam(std::string name, std::string def, std::vector<std::string> choices, std::string help);
ParamSpec listParam(std::string name, std::vector<int64_t> def, int64_t min, int64_t max, std::string help);
ParamSpec floatListParam(std::string name, std::vector<double> def, double min, double max, size_t minItems,
                         size_t maxItems, std::string help);
ParamSpec textParam(std::string name, std::string def, std::string help);
ParamSpec textListParam(std::string name, std::string help);

// Checks a value against its spec; returns an empty string when valid, else a sentence.
std::string checkParamValue(const ParamSpec& spec, const ParamValue& value);

// A human-readable rendering: 3, 0.001, true, "same", [1, 28, 28].
std::string formatParamValue(const ParamValue& value);

// A node's parameter values. Lookups fall back to the spec's default, so a node only needs
// to store what differs; accessors never throw for a kind mismatch, they return the default.
class NodeParams {
public:
    NodeParams() = default;
    explicit NodeParams(std::map<std::string, ParamValue> values) : values_(std::move(values)) {}

    void set(const std::string& name, ParamValue v) { values_[name] = std::move(v); }
    bool has(const std::string& name) const { return values_.count(name) != 0; }
    const ParamValue* find(const std::string& name) const;
    const std::map<std::string, ParamValue>& values() const { return values_; }

    bool operator==(const NodeParams& o) const { return values_ == o.values_; }

private:
    std::map<std::string, ParamValue> values_;
};

// Resolved view of a node's parameters: stored value or the registry default.
class ParamReader {
public:
    ParamReader(const std::vector<ParamSpec>& specs, const NodeParams& params)
        : specs_(specs), params_(params) {}
    int64_t integer(const std::string& name) const;
    double number(const std::string& name) const;
    bool flag(const std::string& name) const;
    std::string choice(const std::string& name) const;
    std::vector<int64_t> list(const std::string& name) const;
    std::vector<double> numbers(const std::string& name) const;
    ParamValue value(const std::string& name) const;

private:
    const std::vector<ParamSpec>& specs_;
    const NodeParams& params_;
};

}  // namespace netloom
