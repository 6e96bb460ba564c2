#pragma once
// The JSON Schema of the `.netloom` format, generated from the layer registry so the published
// schema (docs/project.schema.json) can never drift from what the loader accepts.
#include <string>

namespace netloom {

std::string projectJsonSchema();

}  // namespace netloom
