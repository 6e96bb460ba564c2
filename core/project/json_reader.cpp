#include "project/json_reader.h"

#include <cmath>
#include <sstream>

namespace netloom {

std::string describeJson(const nlohmann::json& j) {
    switch (j.type()) {
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "a list";
    case nlohmann::json::value_t::null: return "null";
    default: break;
    }
    std::string s = j.dump();
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return s;
}

void JsonValue::fail(const std::string& message) const {
    throw JsonError(path_.empty() ? message : path_ + ": " + message);
}

void JsonValue::expectObject() const {
    if (!j_->is_object()) fail("expected an object, got " + describeJson(*j_));
}

void JsonValue::expectArray() const {
    if (!j_->is_array()) fail("expected a list, got " + describeJson(*j_));
}

JsonValue JsonValue::at(const std::string& key) const {
    expectObject();
    auto it = j_->find(key);
    std::string child = path_.empty() ? key : path_ + "." + key;
    if (it == j_->end()) throw JsonError(child + ": missing required field");
    return JsonValue(*it, child);
}

JsonValue JsonValue::at(size_t index) const {
    expectArray();
    if (index >= j_->size()) fail("index " + std::to_string(index) + " out of range");
    return JsonValue((*j_)[index], path_ + "[" + std::to_string(index) + "]");
}

size_t JsonValue::size() const {
    expectArray();
    return j_->size();
}

std::vector<std::string> JsonValue::keys() const {
    expectObject();
    std::vector<std::string> out;
    for (auto it = j_->begin(); it != j_->end(); ++it) out.push_back(it.key());
    return out;
}

int64_t JsonValue::toInt(int64_t min, int64_t max) const {
    int64_t v = 0;
    if (j_->is_number_integer()) {
        if (j_->is_number_unsigned() && j_->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
            fail("expected integer in " + std::to_string(min) + ".." + std::to_string(max) + ", got " + describeJson(*j_));
        v = j_->get<int64_t>();
    } else if (j_->is_number_float()) {
        double d = j_->get<double>();
        if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9e15)
            fail("expected integer, got " + describeJson(*j_));
        v = static_cast<int64_t>(d);
    } else {
        fail("expected integer, got " + describeJson(*j_));
    }
    if (v < min || v > max)
        fail("expected integer in " + std::to_string(min) + ".." + std::to_string(max) + ", got " + std::to_string(v));
    return v;
}

double JsonValue::toNumber(double min, double max) const {
    if (!j_->is_number()) fail("expected number, got " + describeJson(*j_));
    double d = j_->get<double>();
    if (!std::isfinite(d) || d < min || d > max) {
        std::ostringstream os;
        os << "expected number in " << min << ".." << max << ", got " << describeJson(*j_);
        fail(os.str());
    }
    return d;
}

bool JsonValue::toBool() const {
    if (!j_->is_boolean()) fail("expected true or false, got " + describeJson(*j_));
    return j_->get<bool>();
}

std::string JsonValue::toString() const {
    if (!j_->is_string()) fail("expected string, got " + describeJson(*j_));
    return j_->get<std::string>();
}

std::vector<int64_t> JsonValue::toIntList(int64_t min, int64_t max) const {
    std::vector<int64_t> out;
    for (size_t k = 0; k < size(); ++k) out.push_back(at(k).toInt(min, max));
    return out;
}

std::vector<double> JsonValue::toNumberList(double min, double max) const {
    std::vector<double> out;
    for (size_t k = 0; k < size(); ++k) out.push_back(at(k).toNumber(min, max));
    return out;
}

std::string JsonValue::toChoice(const std::vector<std::string>& choices) const {
    std::string s = toString();
    for (const auto& c : choices)
        if (c == s) return s;
    std::string allowed;
    for (size_t k = 0; k < choices.size(); ++k) allowed += (k ? ", " : "") + choices[k];
    fail("expected one of " + allowed + ", got \"" + s + "\"");
}

int64_t JsonValue::intOr(const std::string& key, int64_t def, int64_t min, int64_t max) const {
    return has(key) ? at(key).toInt(min, max) : def;
}

double JsonValue::numberOr(const std::string& key, double def, double min, double max) const {
    return has(key) ? at(key).toNumber(min, max) : def;
}

bool JsonValue::boolOr(const std::string& key, bool def) const { return has(key) ? at(key).toBool() : def; }

std::string JsonValue::stringOr(const std::string& key, const std::string& def) const {
    return has(key) ? at(key).toString() : def;
}

std::string JsonValue::choiceOr(const std::string& key, const std::string& def,
                                const std::vector<std::string>& choices) const {
    return has(key) ? at(key).toChoice(choices) : def;
}

void JsonValue::onlyKeys(const std::vector<std::string>& allowed) const {
    expectObject();
    for (auto it = j_->begin(); it != j_->end(); ++it) {
        bool known = false;
        for (const auto& a : allowed) known |= a == it.key();
        if (!known) {
            std::string child = path_.empty() ? it.key() : path_ + "." + it.key();
            throw JsonError(child + ": unknown field");
        }
    }
}

nlohmann::json parseJsonText(const std::string& text) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // Convert the byte offset into line and column, which editors show.
        size_t offset = std::min<size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
        size_t line = 1, col = 1;
        for (size_t k = 0; k < offset; ++k) {
            if (text[k] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        std::string what = e.what();
        // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 2: ..."
        auto colon = what.find(": ", what.find("parse error"));
        std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
        throw JsonError("line " + std::to_string(line) + ", column " + std::to_string(col) +
                        ": not valid JSON (" + reason + ")");
    } catch (const nlohmann::json::exception& e) {
        // e.g. out_of_range 406 "number overflow parsing '1e400'", which carries no position.
        std::string what = e.what();
        auto bracket = what.find("] ");
        throw JsonError("not valid JSON (" + (bracket == std::string::npos ? what : what.substr(bracket + 2)) + ")");
    }
}

}  // namespace netloom
