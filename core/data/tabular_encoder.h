#pragma once
// Turns CSV rows into feature vectors with statistics from the training split only:
// numeric columns standardised (mean/std), categorical columns one-hot. Missing values: numeric
// → the training mean (0 after standardisation); categorical → all zeros. Unseen categories → all zeros.
#include <string>
#include <vector>

#include "data/csv_table.h"

namespace netloom {

class TabularEncoder {
public:
    struct Column {
        std::string name;
        bool numeric = true;
        double mean = 0, std = 1;
        std::vector<std::string> categories;
    };

    // `featureColumns` are indexes into the table's columns; `trainRows` the rows to fit on.
    void fit(const CsvTable& table, const std::vector<size_t>& featureColumns, const std::vector<size_t>& trainRows);
    size_t width() const;  // features produced per row
    // Appends one row's features to `out`; counts missing values in `missing`.
    void encode(const std::vector<std::string>& row, std::vector<float>& out, int64_t& missing) const;
    const std::vector<Column>& columns() const { return columns_; }
    const std::vector<size_t>& sourceIndexes() const { return sources_; }

    std::string toJson() const;
    // Restores a fitted encoder for rows that hold only the feature columns, in order.
    static bool fromJson(const std::string& json, TabularEncoder& out, std::string& error);

private:
    std::vector<Column> columns_;
    std::vector<size_t> sources_;
};

}  // namespace netloom
