#pragma once
// Reading JSON with located errors: every value knows its path ("graph.nodes[3].params.kernel"),
// so a wrong type or a missing field becomes a sentence that says where, not a crash.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace netloom {

class JsonError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class JsonValue {
public:
    JsonValue(const nlohmann::json& j, std::string path) : j_(&j), path_(std::move(path)) {}

    const std::string& path() const { return path_; }
    const nlohmann::json& raw() const { return *j_; }

    bool isNull() const { return j_->is_null(); }
    bool isObject() const { return j_->is_object(); }
    bool isArray() const { return j_->is_array(); }
    bool has(const std::string& key) const { return j_->is_object() && j_->contains(key); }

    JsonValue at(const std::string& key) const;   // required field
    JsonValue at(size_t index) const;
    size_t size() const;                          // of an array
    std::vector<std::string> keys() const;        // of an object

    int64_t toInt(int64_t min, int64_t max) const;
    double toNumber(double min, double max) const;
    bool toBool() const;
    std::string toString() const;
    std::vector<int64_t> toIntList(int64_t min, int64_t max) const;
    std::vector<double> toNumberList(double min, double max) const;
    // A string that must be one of `choices`.
    std::string toChoice(const std::vector<std::string>& choices) const;

    // Optional fields: the default when absent.
    int64_t intOr(const std::string& key, int64_t def, int64_t min, int64_t max) const;
    double numberOr(const std::string& key, double def, double min, double max) const;
    bool boolOr(const std::string& key, bool def) const;
    std::string stringOr(const std::string& key, const std::string& def) const;
    std::string choiceOr(const std::string& key, const std::string& def, const std::vector<std::string>& choices) const;

    // Refuses fields not in `allowed`, so a typo ("epochz") is reported instead of ignored.
    void onlyKeys(const std::vector<std::string>& allowed) const;

    [[noreturn]] void fail(const std::string& message) const;
    void expectObject() const;
    void expectArray() const;

private:
    const nlohmann::json* j_;
    std::string path_;
};

// "\"3x3\"", "true", "an object", ... for error messages; long values are shortened.
std::string describeJson(const nlohmann::json& j);

// Parses text; a syntax error becomes "line L, column C: ..." in a JsonError.
nlohmann::json parseJsonText(const std::string& text);

}  // namespace netloom
