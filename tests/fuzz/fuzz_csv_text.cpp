// Any bytes as a CSV file give a table or a located error; any bytes as text tokenize and encode
// to exactly `length` ids, never crash.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "data/csv_table.h"
#include "preprocess/text_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        netloom::CsvTable t = netloom::parseCsv(text, "fuzz.csv");
        for (const auto& row : t.rows)
            if (row.size() != t.columns.size()) __builtin_trap();  // ragged rows must never get through
    } catch (const std::runtime_error& e) {
        if (std::string(e.what()).rfind("fuzz.csv", 0) != 0) __builtin_trap();  // errors name the file
    }
    netloom::TextPipelineSpec spec;
    spec.stem = size % 2 == 0;
    spec.removeStopWords = size % 3 == 0;
    spec.length = 16;
    netloom::TextEncoder enc(spec);
    enc.fit({text});
    if (enc.encode(text).size() != 16) __builtin_trap();
    return 0;
}
