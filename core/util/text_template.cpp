#include "util/text_template.h"

namespace netloom {

std::string keepSections(std::string text, const std::map<std::string, bool>& flags) {
    // [from, to) of a marker at `at`: its whole line when nothing else is on it, else only itself.
    auto span = [&](size_t at, size_t length) -> std::pair<size_t, size_t> {
        size_t lineStart = at == 0 ? 0 : text.rfind('\n', at - 1);
        lineStart = lineStart == std::string::npos ? 0 : (at == 0 ? 0 : lineStart + 1);
        size_t lineEnd = text.find('\n', at + length);
        bool alone = text.find_first_not_of(" \t", lineStart) == at &&
                     (lineEnd == std::string::npos ? text.size() : lineEnd) == at + length;
        if (!alone) return {at, at + length};
        return {lineStart, lineEnd == std::string::npos ? text.size() : lineEnd + 1};
    };
    for (const auto& [flag, on] : flags) {
        const std::string open = "{{#" + flag + "}}", close = "{{/" + flag + "}}";
        for (size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
            size_t stop = text.find(close, at + open.size());
            if (stop == std::string::npos) break;  // unclosed: left visible in the output
            auto [openFrom, openTo] = span(at, open.size());
            auto [closeFrom, closeTo] = span(stop, close.size());
            std::string kept = on ? text.substr(openTo, closeFrom - openTo) : std::string();
            text.replace(openFrom, closeTo - openFrom, kept);
            at = openFrom + kept.size();
        }
    }
    return text;
}

std::string fill(std::string text, const std::map<std::string, std::string>& values) {
    for (const auto& [key, value] : values) {
        std::string token = "{{" + key + "}}";
        for (size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size()))
            text.replace(at, token.size(), value);
    }
    return text;
}

}  // namespace netloom
