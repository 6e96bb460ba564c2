#include "project/project_checks.h"

#include <algorithm>

namespace netloom {

namespace {

std::string lossProblem(const TrainingSettings& t) {
    const std::vector<LossType> fitting = lossesFor(t.task);
    if (std::find(fitting.begin(), fitting.end(), t.loss) != fitting.end()) return {};
    std::string names;
    for (LossType l : fitting) names += (names.empty() ? "" : ", ") + nameOf(l);
    return "training.loss: \"" + nameOf(t.loss) + "\" does not fit the task " + nameOf(t.task) + " (use " + names + ")";
}

}  // namespace

std::vector<std::string> settingsProblems(const Project& project) {
    std::vector<std::string> problems;
    if (std::string p = lossProblem(project.training); !p.empty()) problems.push_back(p);
    return problems;
}

}  // namespace netloom
