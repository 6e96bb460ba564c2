#include "data/csv_table.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace netloom {

const std::vector<std::string>& missingValueSpellings() {
    static const std::vector<std::string> spellings = {"", "na", "n/a", "?", "nan", "null"};
    return spellings;
}

bool isMissingValue(const std::string& s) {
    std::string t;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    const auto& spellings = missingValueSpellings();
    return std::find(spellings.begin(), spellings.end(), t) != spellings.end();
}

std::string csvRecord(const std::vector<std::string>& fields) {
    std::string out;
    for (size_t k = 0; k < fields.size(); ++k) {
        const std::string& f = fields[k];
        if (k) out.push_back(',');
        const bool quote = f.find_first_of(",\"\r\n") != std::string::npos;
        if (!quote) {
            out += f;
            continue;
        }
        out.push_back('"');
        for (char c : f) {
            if (c == '"') out.push_back('"');
            out.push_back(c);
        }
        out.push_back('"');
    }
    return out;
}

bool parseNumber(const std::string& s, double& out) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    if (b == e) return false;
    std::string t = s.substr(b, e - b);
    char* end = nullptr;
    out = std::strtod(t.c_str(), &end);
    return end == t.c_str() + t.size() && std::isfinite(out);
}

namespace {

// Splits the text into records of fields; returns the line each record starts on.
void splitRecords(const std::string& text, const std::string& source, std::vector<std::vector<std::string>>& records,
                  std::vector<int64_t>& lines) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false, fieldStarted = false, any = false;
    int64_t line = 1, recordLine = 1, quoteLine = 0;
    auto endField = [&] {
        fields.push_back(field);
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        bool blank = fields.size() == 1 && fields[0].empty();
        if (!blank) {
            records.push_back(fields);
            lines.push_back(recordLine);
        }
        fields.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        any = true;
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field.push_back(c);
            }
        } else if (c == '"' && !fieldStarted && field.empty()) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == ',') {
            endField();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            endRecord();
            ++line;
            recordLine = line;
        } else {
            field.push_back(c);
            fieldStarted = true;
        }
    }
    if (quoted) throw std::runtime_error(source + ":" + std::to_string(quoteLine) + ": quote opened here is never closed");
    if (any && (!field.empty() || !fields.empty())) endRecord();
}

}  // namespace

CsvTable parseCsv(const std::string& text, const std::string& source) {
    std::vector<std::vector<std::string>> records;
    std::vector<int64_t> lines;
    splitRecords(text, source, records, lines);
    if (records.empty()) throw std::runtime_error(source + ": empty file, expected a header row");
    CsvTable t;
    const auto& header = records[0];
    double n0, n1;
    size_t first = 1;
    if (header.size() >= 2 && parseNumber(header[0], n0) && parseNumber(header[1], n1) && n1 >= 1 && n1 < 1e6) {
        // scikit-learn: "n_samples,n_features,class_0,class_1,..."; rows are features then target.
        auto features = static_cast<size_t>(n1);
        for (size_t k = 0; k < features; ++k) t.columns.push_back("feature_" + std::to_string(k));
        t.columns.push_back("target");
        for (size_t k = 2; k < header.size(); ++k) t.classNamesFromHeader.push_back(header[k]);
    } else {
        for (const auto& h : header) {
            std::string name = h;
            while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
            while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front()))) name.erase(name.begin());
            t.columns.push_back(name);
        }
    }
    for (size_t r = first; r < records.size(); ++r) {
        if (records[r].size() != t.columns.size()) {
            t.skipped.push_back({source + ":" + std::to_string(lines[r]),
                                 "has " + std::to_string(records[r].size()) + " fields, the header has " +
                                     std::to_string(t.columns.size())});
            continue;
        }
        t.rows.push_back(std::move(records[r]));
        t.rowLines.push_back(lines[r]);
    }
    if (t.rows.empty()) throw std::runtime_error(source + ": no data rows with " + std::to_string(t.columns.size()) + " fields");
    if (t.skipped.size() * 10 > t.rows.size() + t.skipped.size())
        throw std::runtime_error(source + ": " + std::to_string(t.skipped.size()) + " of " +
                                 std::to_string(t.rows.size() + t.skipped.size()) +
                                 " rows have the wrong number of fields (first: " + t.skipped[0].location + " " +
                                 t.skipped[0].reason + ")");
    return t;
}

}  // namespace netloom
