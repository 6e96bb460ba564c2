#include "graph/param.h"

#include <cmath>
#include <sstream>

namespace netloom {

const char* paramKindName(ParamKind kind) {
    switch (kind) {
    case ParamKind::Int: return "integer";
    case ParamKind::Float: return "number";
    case ParamKind::Bool: return "boolean";
    case ParamKind::Choice: return "string";
    case ParamKind::IntList: return "list of integers";
    case ParamKind::FloatList: return "list of numbers";
    case ParamKind::Text: return "string";
    case ParamKind::TextList: return "list of strings";
    }
    return "value";
}

static std::string formatNumber(double v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

std::string formatParamValue(const ParamValue& value) {
    if (auto i = std::get_if<int64_t>(&value)) return std::to_string(*i);
    if (auto d = std::get_if<double>(&value)) return formatNumber(*d);
    if (auto b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    if (auto s = std::get_if<std::string>(&value)) return "\"" + *s + "\"";
    std::string s = "[";
    if (auto l = std::get_if<std::vector<int64_t>>(&value))
        for (size_t k = 0; k < l->size(); ++k) s += (k ? ", " : "") + std::to_string((*l)[k]);
    if (auto l = std::get_if<std::vector<double>>(&value))
        for (size_t k = 0; k < l->size(); ++k) s += (k ? ", " : "") + formatNumber((*l)[k]);
    if (auto l = std::get_if<std::vector<std::string>>(&value))
        for (size_t k = 0; k < l->size(); ++k) s += (k ? ", \"" : "\"") + (*l)[k] + "\"";
    return s + "]";
}

static std::string rangeText(const ParamSpec& spec) {
    return formatNumber(spec.min) + ".." + formatNumber(spec.max);
}

static std::string checkItemCount(const ParamSpec& spec, size_t n) {
    if (n < spec.minItems || n > spec.maxItems)
        return spec.minItems == spec.maxItems ? "expected " + std::to_string(spec.minItems) + " items, got " + std::to_string(n)
               : n == 0                       ? std::string("must not be empty")
                                              : "expected " + std::to_string(spec.minItems) + " to " +
                                                    std::to_string(spec.maxItems) + " items, got " + std::to_string(n);
    return {};
}

std::string checkParamValue(const ParamSpec& spec, const ParamValue& value) {
    switch (spec.kind) {
    case ParamKind::Int: {
        auto i = std::get_if<int64_t>(&value);
        if (!i) return "expected " + std::string(paramKindName(spec.kind)) + ", got " + formatParamValue(value);
        if (*i < spec.min || *i > spec.max)
            return "must be in " + rangeText(spec) + ", got " + std::to_string(*i);
        return {};
    }
    case ParamKind::Float: {
        double d;
        if (auto f = std::get_if<double>(&value)) d = *f;
        else if (auto i = std::get_if<int64_t>(&value)) d = static_cast<double>(*i);
        else return "expected number, got " + formatParamValue(value);
        if (!std::isfinite(d) || d < spec.min || d > spec.max)
            return "must be in " + rangeText(spec) + ", got " + formatNumber(d);
        return {};
    }
    case ParamKind::Bool:
        if (!std::holds_alternative<bool>(value)) return "expected boolean, got " + formatParamValue(value);
        return {};
    case ParamKind::Choice: {
        auto s = std::get_if<std::string>(&value);
        if (!s) return "expected string, got " + formatParamValue(value);
        for (const auto& c : spec.choices)
            if (c == *s) return {};
        std::string allowed;
        for (size_t k = 0; k < spec.choices.size(); ++k) allowed += (k ? ", " : "") + spec.choices[k];
        return "must be one of " + allowed + ", got \"" + *s + "\"";
    }
    case ParamKind::IntList: {
        auto l = std::get_if<std::vector<int64_t>>(&value);
        if (!l) return "expected list of integers, got " + formatParamValue(value);
        if (std::string e = checkItemCount(spec, l->size()); !e.empty()) return e;
        for (int64_t v : *l)
            if (v < spec.min || v > spec.max)
                return "elements must be in " + rangeText(spec) + ", got " + std::to_string(v);
        return {};
    }
    case ParamKind::FloatList: {
        auto l = std::get_if<std::vector<double>>(&value);
        if (!l) return "expected list of numbers, got " + formatParamValue(value);
        if (std::string e = checkItemCount(spec, l->size()); !e.empty()) return e;
        for (double v : *l)
            if (!std::isfinite(v) || v < spec.min || v > spec.max)
                return "elements must be in " + rangeText(spec) + ", got " + formatNumber(v);
        return {};
    }
    case ParamKind::Text:
        if (!std::holds_alternative<std::string>(value)) return "expected string, got " + formatParamValue(value);
        return {};
    case ParamKind::TextList: {
        auto l = std::get_if<std::vector<std::string>>(&value);
        if (!l) return "expected list of strings, got " + formatParamValue(value);
        return checkItemCount(spec, l->size());
    }
    }
    return {};
}

const ParamValue* NodeParams::find(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? nullptr : &it->second;
}

ParamValue ParamReader::value(const std::string& name) const {
    if (const ParamValue* v = params_.find(name)) return *v;
    for (const auto& s : specs_)
        if (s.name == name) return s.defaultValue;
    return int64_t{0};
}

int64_t ParamReader::integer(const std::string& name) const {
    ParamValue v = value(name);
    if (auto i = std::get_if<int64_t>(&v)) return *i;
    if (auto d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
    return 0;
}

double ParamReader::number(const std::string& name) const {
    ParamValue v = value(name);
    if (auto d = std::get_if<double>(&v)) return *d;
    if (auto i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
    return 0;
}

bool ParamReader::flag(const std::string& name) const {
    ParamValue v = value(name);
    auto b = std::get_if<bool>(&v);
    return b && *b;
}

std::string ParamReader::choice(const std::string& name) const {
    ParamValue v = value(name);
    auto s = std::get_if<std::string>(&v);
    return s ? *s : std::string();
}

std::vector<int64_t> ParamReader::list(const std::string& name) const {
    ParamValue v = value(name);
    auto l = std::get_if<std::vector<int64_t>>(&v);
    return l ? *l : std::vector<int64_t>{};
}

std::vector<double> ParamReader::numbers(const std::string& name) const {
    ParamValue v = value(name);
    auto l = std::get_if<std::vector<double>>(&v);
    return l ? *l : std::vector<double>{};
}

ParamSpec intParam(std::string name, int64_t def, int64_t min, int64_t max, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::Int;
    p.defaultValue = def;
    p.min = static_cast<double>(min);
    p.max = static_cast<double>(max);
    p.help = std::move(help);
    return p;
}

ParamSpec floatParam(std::string name, double def, double min, double max, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::Float;
    p.defaultValue = def;
    p.min = min;
    p.max = max;
    p.help = std::move(help);
    return p;
}

ParamSpec boolParam(std::string name, bool def, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::Bool;
    p.defaultValue = def;
    p.help = std::move(help);
    return p;
}

ParamSpec choiceParam(std::string name, std::string def, std::vector<std::string> choices, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::Choice;
    p.defaultValue = std::move(def);
    p.choices = std::move(choices);
    p.help = std::move(help);
    return p;
}

ParamSpec listParam(std::string name, std::vector<int64_t> def, int64_t min, int64_t max, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::IntList;
    p.defaultValue = std::move(def);
    p.min = static_cast<double>(min);
    p.max = static_cast<double>(max);
    p.help = std::move(help);
    return p;
}

ParamSpec floatListParam(std::string name, std::vector<double> def, double min, double max, size_t minItems,
                         size_t maxItems, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::FloatList;
    p.defaultValue = std::move(def);
    p.min = min;
    p.max = max;
    p.minItems = minItems;
    p.maxItems = maxItems;
    p.help = std::move(help);
    return p;
}

ParamSpec textParam(std::string name, std::string def, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::Text;
    p.defaultValue = std::move(def);
    p.help = std::move(help);
    return p;
}

ParamSpec textListParam(std::string name, std::string help) {
    ParamSpec p;
    p.name = std::move(name);
    p.kind = ParamKind::TextList;
    p.defaultValue = std::vector<std::string>{};
    p.minItems = 0;
    p.maxItems = 1 << 20;
    p.help = std::move(help);
    return p;
}

}  // namespace netloom
