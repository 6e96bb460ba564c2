// The bundle's Node server encodes table rows itself (packaging/bundle/server/src/table.js) from the
// parameters an export writes to preprocess.json. A deployed table model is only right if that gives
// the studio's features, value for value: this fits the studio's encoder on a messy table made here
// (missing values in every spelling, numbers written every way strtod reads them, categories with
// spaces, quotes and commas, a constant column) and compares every row, sent as values and as CSV text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

#include "data/csv_table.h"
#include "data/tabular_encoder.h"
#include "export/verifier_process.h"
#include "test_graphs.h"

using namespace netloom;
using nlohmann::json;

TEST(ServerTable, EncodesEveryRowAsTheStudio) {
    std::mt19937 random(20261202);
    auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
    const std::vector<std::string> missing = {"", "NA", " na ", "N/A", "n / a", "?", "NaN", "nan", "NULL", " null"};
    const std::vector<std::string> cities = {"Lyon", "Porto", "São Paulo", "New York, NY", "the \"Hague\"", " Graz ", "graz"};
    std::string text = "age,city,income,constant,label\n";
    for (int k = 0; k < 300; ++k) {
        std::uniform_real_distribution<double> income(-5e4, 2e5);
        const std::vector<std::string> ages = {std::to_string(18 + k % 60), " " + std::to_string(k % 90) + " ", "+7", ".5",
                                               "41.", "1e2", "-3.25E-1", "0x1F", std::to_string(income(random))};
        std::vector<std::string> row = {k % 7 == 0 ? pick(missing) : pick(ages), k % 5 == 0 ? pick(missing) : pick(cities),
                                        k % 11 == 0 ? pick(missing) : std::to_string(income(random)), "3",
                                        k % 2 ? "yes" : "no"};
        text += csvRecord(row) + "\n";
    }
    CsvTable table = parseCsv(text, "messy.csv");
    ASSERT_EQ(table.rows.size(), 300u);
    std::vector<size_t> train;
    for (size_t r = 0; r < 200; ++r) train.push_back(r);
    TabularEncoder fitted;
    fitted.fit(table, {0, 1, 2, 3}, train);
    ASSERT_TRUE(fitted.columns()[0].numeric);
    ASSERT_FALSE(fitted.columns()[1].numeric);
    // The rows the server is sent: the feature columns, and probes of what training never saw.
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : table.rows) rows.push_back({r[0], r[1], r[2], r[3]});
    rows.push_back({"12", "Atlantis", "1", "3"});   // an unseen category: no category
    rows.push_back({"12", "LYON", "1", "3"});       // matched exactly: no category either
    rows.push_back({" 1e-3\t", "Lyon", "0X10", "3"});
    json request = {{"tabular", json::parse(fitted.toJson())}, {"rows", json::array()}, {"features", json::array()},
                    {"refused", json::array({json::array({"twelve", "Lyon", "1", "3"}), json::array({"1e", "Lyon", "1", "3"}),
                                             json::array({"12", "Lyon", "inf", "3"})})}};
    request["tabular"]["target"] = "label";
    std::string csv = "city,label,age,income,constant\n";  // another order, and the target: a header names them
    TabularEncoder encoder;  // as an export restores it: the feature columns alone, in order
    std::string error;
    ASSERT_TRUE(TabularEncoder::fromJson(fitted.toJson(), encoder, error)) << error;
    for (const auto& row : rows) {
        std::vector<float> features;
        int64_t missingCount = 0;
        encoder.encode(row, features, missingCount);
        request["rows"].push_back(row);
        request["features"].push_back(features);
        csv += csvRecord({row[1], "yes", row[0], row[2], row[3]}) + "\r\n";
    }
    request["csv"] = csv;
    // The studio counts text in a numeric column as missing; the server refuses it (a client's mistake).
    for (const auto& r : request["refused"]) {
        std::vector<float> features;
        int64_t missingCount = 0;
        encoder.encode(r.get<std::vector<std::string>>(), features, missingCount);
        EXPECT_GE(missingCount, 1) << r.dump();
    }

    const std::string work = netloom::testing::makeTempDir();
    std::ofstream(work + "/request.json") << request.dump();
    std::string output;
    int rc = runNodeScript(NETLOOM_SOURCE_DIR "/tests/bundle/table-parity.js",
                           {NETLOOM_SOURCE_DIR "/packaging/bundle/server/src/table.js", work + "/request.json"}, {}, output);
    EXPECT_EQ(rc, 0) << output;
    EXPECT_NE(output.find("303 rows, " + std::to_string(encoder.width()) + " features: 0 differ; 3 of 3 refused"),
              std::string::npos)
        << output;
}

TEST(ServerTable, CsvRecordsReadBackAsTheirFields) {
    const std::vector<std::vector<std::string>> rows = {
        {"plain", "with, comma", "with \"quotes\"", "line\nbreak", "\"starts with a quote", " spaced "},
        {"", "", "x", "", "", ""}};
    std::string text = "a,b,c,d,e,f\n";
    for (const auto& r : rows) text += csvRecord(r) + "\n";
    CsvTable t = parseCsv(text, "records.csv");
    ASSERT_EQ(t.rows.size(), rows.size());
    for (size_t k = 0; k < rows.size(); ++k) EXPECT_EQ(t.rows[k], rows[k]);
}
