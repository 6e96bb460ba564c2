#pragma once
// The parts of a project that are not the graph, edited as one value by the studio's panels.
#include "project/project.h"

namespace netloom::ui {

struct ProjectSettings {
    DatasetSpec dataset;
    PipelineSpec preprocess;
    TrainingSettings training;
    bool operator==(const ProjectSettings& o) const {
        return dataset == o.dataset && preprocess == o.preprocess && training == o.training;
    }
    bool operator!=(const ProjectSettings& o) const { return !(*this == o); }
};

}  // namespace netloom::ui
