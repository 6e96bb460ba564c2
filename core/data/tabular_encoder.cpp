#include "data/tabular_encoder.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

namespace netloom {

void TabularEncoder::fit(const CsvTable& table, const std::vector<size_t>& featureColumns,
                         const std::vector<size_t>& trainRows) {
    columns_.clear();
    sources_ = featureColumns;
    for (size_t c : featureColumns) {
        Column col;
        col.name = table.columns[c];
        double sum = 0, sumSq = 0;
        int64_t n = 0;
        std::set<std::string> cats;
        for (size_t r : trainRows) {
            const std::string& v = table.rows[r][c];
            if (isMissingValue(v)) continue;
            double x;
            if (col.numeric && parseNumber(v, x)) {
                sum += x;
                sumSq += x * x;
                ++n;
            } else {
                col.numeric = false;
            }
            cats.insert(v);
        }
        if (col.numeric) {
            col.mean = n ? sum / n : 0;
            double var = n ? sumSq / n - col.mean * col.mean : 0;
            col.std = var > 1e-12 ? std::sqrt(var) : 1.0;  // a constant column stays at 0
        } else {
            col.categories.assign(cats.begin(), cats.end());
        }
        columns_.push_back(col);
    }
}

size_t TabularEncoder::width() const {
    size_t w = 0;
    for (const auto& c : columns_) w += c.numeric ? 1 : c.categories.size();
    return w;
}

void TabularEncoder::encode(const std::vector<std::string>& row, std::vector<float>& out, int64_t& missing) const {
    for (size_t k = 0; k < columns_.size(); ++k) {
        const Column& col = columns_[k];
        const std::string& v = row[sources_[k]];
        bool isMissing = isMissingValue(v);
        if (col.numeric) {
            double x;
            if (isMissing || !parseNumber(v, x)) {
                ++missing;
                out.push_back(0.0f);
            } else {
                out.push_back(static_cast<float>((x - col.mean) / col.std));
            }
        } else {
            if (isMissing) ++missing;
            auto it = std::lower_bound(col.categories.begin(), col.categories.end(), v);
            bool found = it != col.categories.end() && *it == v;
            for (size_t j = 0; j < col.categories.size(); ++j)
                out.push_back(found && static_cast<size_t>(it - col.categories.begin()) == j ? 1.0f : 0.0f);
        }
    }
}

std::string TabularEncoder::toJson() const {
    nlohmann::json cols = nlohmann::json::array();
    for (const auto& c : columns_) {
        if (c.numeric)
            cols.push_back({{"name", c.name}, {"kind", "numeric"}, {"mean", c.mean}, {"std", c.std}});
        else
            cols.push_back({{"name", c.name}, {"kind", "categorical"}, {"categories", c.categories}});
    }
    return nlohmann::json{{"columns", cols},
                          {"missing", "numeric: training mean; categorical: all zeros"},
                          {"missing_values", missingValueSpellings()}}
        .dump();
}

bool TabularEncoder::fromJson(const std::string& text, TabularEncoder& out, std::string& error) {
    try {
        auto j = nlohmann::json::parse(text);
        out.columns_.clear();
        out.sources_.clear();
        for (const auto& c : j.at("columns")) {
            Column col;
            col.name = c.at("name").get<std::string>();
            col.numeric = c.at("kind").get<std::string>() == "numeric";
            if (col.numeric) {
                col.mean = c.at("mean").get<double>();
                col.std = c.at("std").get<double>();
            } else {
                col.categories = c.at("categories").get<std::vector<std::string>>();
            }
            out.sources_.push_back(out.columns_.size());
            out.columns_.push_back(col);
        }
        return true;
    } catch (const std::exception& e) {
        error = std::string("tabular encoder state is unreadable: ") + e.what();
        return false;
    }
}

}  // namespace netloom
