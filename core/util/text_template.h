#pragma once
// The templates Netloom fills (the serving bundle, the training-job bundle; packaging/*/templates):
// {{KEY}} values and {{#FLAG}}...{{/FLAG}} sections. Plain C++.
#include <map>
#include <string>

namespace netloom {

// {{#FLAG}}...{{/FLAG}} keeps what it encloses when the flag is set and drops it when not. A marker
// alone on its line takes the line with it, so a YAML key or a README paragraph comes and goes cleanly.
std::string keepSections(std::string text, const std::map<std::string, bool>& flags);

// Every {{KEY}} replaced by its value.
std::string fill(std::string text, const std::map<std::string, std::string>& values);

}  // namespace netloom
