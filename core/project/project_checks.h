#pragma once
// Problems in a project's settings that no single field's range can catch (combinations), as
// sentences naming the setting. Validation (`netloom-cli validate`, the studio's Problems) shows
// them; training refuses to start on them. Torch-free.
#include <string>
#include <vector>

#include "project/project.h"

namespace netloom {

std::vector<std::string> settingsProblems(const Project& project);

}  // namespace netloom
