#pragma once
// A CSV file as rows of strings. Quoted fields (RFC 4180), CRLF, a header row. Rows whose field
// count differs from the header are skipped and reported with their line number, never shifted.
// Torch-free so it can be fuzzed.
#include <string>
#include <vector>

#include "data/data_summary.h"

namespace netloom {

struct CsvTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::vector<int64_t> rowLines;         // 1-based line of each row, for messages
    std::vector<SkippedInput> skipped;     // ragged rows
    std::vector<std::string> classNamesFromHeader;  // scikit-learn's header form (below)
};

// Parses CSV text. `source` names the file in messages. Throws DataError-like std::runtime_error
// with a located message when the file is unusable (no header, unterminated quote, mostly ragged).
// scikit-learn's bundled CSVs start with "n_samples,n_features,class names..."; that header is
// recognised and its columns named feature_0.. and "target".
CsvTable parseCsv(const std::string& text, const std::string& source);

// "" "NA" "N/A" "?" "nan" "null" count as missing: the field with its whitespace removed and
// lower-cased is one of missingValueSpellings(). The list is written to an export's preprocess.json,
// where the bundled server reads it.
const std::vector<std::string>& missingValueSpellings();
bool isMissingValue(const std::string& s);
// One CSV record (no line end) that parseCsv reads back as `fields`: a field with a comma, a quote or
// a line break, or one that starts with a quote, is quoted.
std::string csvRecord(const std::vector<std::string>& fields);
// Strict number parse: the whole field must be a finite number.
bool parseNumber(const std::string& s, double& out);

}  // namespace netloom
