#pragma once
// The closed choices of a project's training settings, as enums with their one spelling in project
// files. Everything that turns a choice into text or back (the loader, the JSON schema, the CLI, the
// studio's forms) goes through enumNames<E>().
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace netloom {

enum class Task { Classification, Binary, Regression, Reconstruction };
enum class LossType { Auto, CrossEntropy, Bce, Mse, Mae };
enum class OptimizerType { Sgd, Adam, AdamW, RmsProp };
enum class ScheduleType { None, Step, Cosine, Plateau };
// The editor's layered layout: inputs at the top (TB) or at the left (LR).
enum class LayoutDirection { TopToBottom, LeftToRight };

template <typename E>
struct EnumTable;  // specialised below: static const std::vector<std::pair<E, const char*>> entries

template <>
struct EnumTable<Task> {
    static inline const std::vector<std::pair<Task, const char*>> entries = {{Task::Classification, "classification"},
                                                                            {Task::Binary, "binary"},
                                                                            {Task::Regression, "regression"},
                                                                            {Task::Reconstruction, "reconstruction"}};
};
template <>
struct EnumTable<LossType> {
    static inline const std::vector<std::pair<LossType, const char*>> entries = {{LossType::Auto, "auto"},
                                                                                {LossType::CrossEntropy, "cross_entropy"},
                                                                                {LossType::Bce, "bce"},
                                                                                {LossType::Mse, "mse"},
                                                                                {LossType::Mae, "mae"}};
};
template <>
struct EnumTable<OptimizerType> {
    static inline const std::vector<std::pair<OptimizerType, const char*>> entries = {{OptimizerType::Sgd, "sgd"},
                                                                                     {OptimizerType::Adam, "adam"},
                                                                                     {OptimizerType::AdamW, "adamw"},
                                                                                     {OptimizerType::RmsProp, "rmsprop"}};
};
template <>
struct EnumTable<ScheduleType> {
    static inline const std::vector<std::pair<ScheduleType, const char*>> entries = {{ScheduleType::None, "none"},
                                                                                    {ScheduleType::Step, "step"},
                                                                                    {ScheduleType::Cosine, "cosine"},
                                                                                    {ScheduleType::Plateau, "plateau"}};
};

template <>
struct EnumTable<LayoutDirection> {
    static inline const std::vector<std::pair<LayoutDirection, const char*>> entries = {
        {LayoutDirection::TopToBottom, "TB"}, {LayoutDirection::LeftToRight, "LR"}};
};

template <typename E>
std::string nameOf(E value) {
    for (const auto& [v, name] : EnumTable<E>::entries)
        if (v == value) return name;
    return {};
}

template <typename E>
std::optional<E> enumFromName(const std::string& name) {
    for (const auto& [v, n] : EnumTable<E>::entries)
        if (name == n) return v;
    return std::nullopt;
}

template <typename E>
std::vector<std::string> enumChoices() {
    std::vector<std::string> names;
    for (const auto& entry : EnumTable<E>::entries) names.emplace_back(entry.second);
    return names;
}

// The losses that fit a task ("auto" always does): what training honours, what validation refuses.
inline std::vector<LossType> lossesFor(Task task) {
    switch (task) {
    case Task::Classification: return {LossType::Auto, LossType::CrossEntropy};
    case Task::Binary: return {LossType::Auto, LossType::Bce};
    case Task::Regression:
    case Task::Reconstruction: return {LossType::Auto, LossType::Mse, LossType::Mae};
    }
    return {LossType::Auto};
}

}  // namespace netloom
