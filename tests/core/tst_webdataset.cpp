// WebDataset shards: brace patterns, `data pack` from an image folder and a text folder, reading
// the shards back, and a damaged shard.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <set>

#include <opencv2/imgcodecs.hpp>

#include "data/dataset.h"
#include "data/webdataset.h"
#include "test_graphs.h"

using namespace netloom;

namespace {

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<ShardSample> readAll(const std::vector<std::string>& shards, std::string* error = nullptr) {
    std::vector<ShardSample> out;
    for (const auto& s : shards) {
        ShardReader reader(s);
        for (ShardSample sample; reader.next(sample);) out.push_back(sample);
        if (error && !reader.error().empty()) *error = reader.error();
    }
    return out;
}

}  // namespace

TEST(WebDataset, BracePatternsExpandInOrder) {
    EXPECT_EQ(expandBraces("s/train-{0000..0002}.tar"),
              (std::vector<std::string>{"s/train-0000.tar", "s/train-0001.tar", "s/train-0002.tar"}));
    EXPECT_EQ(expandBraces("{a,b}-{8..10}"), (std::vector<std::string>{"a-8", "a-9", "a-10", "b-8", "b-9", "b-10"}));
    EXPECT_EQ(expandBraces("plain.tar"), (std::vector<std::string>{"plain.tar"}));
    EXPECT_THROW(expandBraces("x-{1..y}.tar"), DataError);
    EXPECT_THROW(expandBraces("x-{1..3.tar"), DataError);
    EXPECT_THROW(expandBraces("x-{5..3}.tar"), DataError);
    EXPECT_EQ(parseByteSize("64M"), 64LL << 20);
    EXPECT_EQ(parseByteSize("1GiB"), 1LL << 30);
    EXPECT_EQ(parseByteSize("4096"), 4096);
    EXPECT_EQ(parseByteSize("12Q"), -1);
    EXPECT_EQ(parseByteSize("-3"), -1);
}

// Every readable file becomes one sample (its own bytes and its class id), spread over many small
// shards; the unreadable file is left out; a shard cut in half yields its whole samples and an error.
TEST(WebDataset, PackedImageFolderReadsBackFileForFile) {
    ::setenv("NETLOOM_CACHE_DIR", netloom::testing::makeTempDir().c_str(), 1);
    const std::string dir = netloom::testing::makeTempDir(), out = netloom::testing::makeTempDir() + "/shards";
    std::multiset<std::pair<std::string, std::string>> expected;  // (bytes, class id)
    const char* classes[] = {"cat", "dog", "eel"};
    for (int c = 0; c < 3; ++c) {
        ::mkdir((dir + "/" + classes[c]).c_str(), 0755);
        for (int i = 0; i < 7; ++i) {
            cv::Mat img(9 + i, 14 - i, i % 2 ? CV_8UC4 : CV_8UC3, cv::Scalar(i * 30, c * 80, 7, 128));
            std::string path = dir + "/" + classes[c] + "/" + std::to_string(i) + (i % 3 ? ".png" : ".jpg");
            cv::imwrite(path, img);
            expected.insert({readBytes(path), std::to_string(c)});
        }
    }
    std::ofstream(dir + "/eel/broken.png") << "not a png";
    Project p;
    p.dataset.kind = "image_folder";
    p.dataset.path = dir;
    p.dataset.validationSplit = 0.2;
    p.preprocess.image = {ImageStep::make("resize", {{"width", int64_t{8}}, {"height", int64_t{8}}})};
    PackOptions options;
    options.outDir = out;
    options.shardBytes = 6000;
    PackReport report = packDataset(p, options);
    EXPECT_EQ(report.samples, 21);
    EXPECT_GT(report.shards, 2);
    EXPECT_EQ(report.classNames, (std::vector<std::string>{"cat", "dog", "eel"}));
    std::vector<std::string> shards = expandBraces(out + "/" + report.pattern);
    ASSERT_EQ(static_cast<int64_t>(shards.size()), report.shards);
    std::multiset<std::pair<std::string, std::string>> got;
    std::set<std::string> keys;
    for (const auto& s : readAll(shards)) {
        ASSERT_EQ(s.members.size(), 2u) << s.location;
        ASSERT_EQ(s.members.count("cls"), 1u) << s.location;
        const std::string image = s.members.count("png") ? "png" : "jpg";
        ASSERT_EQ(s.members.count(image), 1u) << s.location;
        got.insert({s.members.at(image), s.members.at("cls")});
        keys.insert(s.key);
    }
    EXPECT_EQ(keys.size(), 21u);
    EXPECT_TRUE(got == expected) << "every readable file, byte for byte, with its class";
    std::string meta = readBytes(out + "/dataset.json");
    EXPECT_NE(meta.find("\"eel\""), std::string::npos);

    // A damaged shard: the samples before the cut, then an error naming the shard.
    std::string whole = readBytes(shards[0]);
    std::ofstream(shards[0], std::ios::binary | std::ios::trunc) << whole.substr(0, whole.size() / 2 + 100);
    std::string error;
    std::vector<ShardSample> partial = readAll({shards[0]}, &error);
    EXPECT_NE(error.find(shards[0]), std::string::npos) << error;
    EXPECT_LT(partial.size(), readAll({shards[1]}).size() + 2);
}

TEST(WebDataset, PackedTextFolderHasTxtMembers) {
    const std::string dir = netloom::testing::makeTempDir(), out = netloom::testing::makeTempDir();
    std::ofstream(dir + "/jokes") << "A joke.\n%\nAnother joke,\non two lines.\n%\nThird.\n";
    std::ofstream(dir + "/facts") << "Water is wet.\n%\nThe sky is blue.\n";
    Project p;
    p.dataset.kind = "text_folder";
    p.dataset.path = dir;
    p.dataset.validationSplit = 0.0;
    PackOptions options;
    options.outDir = out;
    PackReport report = packDataset(p, options);
    EXPECT_EQ(report.samples, 5);
    EXPECT_EQ(report.shards, 1);
    std::multiset<std::string> texts;
    for (const auto& s : readAll(expandBraces(out + "/" + report.pattern))) {
        texts.insert(s.members.at("txt"));
        EXPECT_EQ(s.members.at("cls"), s.members.at("txt").find("joke") != std::string::npos || s.members.at("txt").find("Third") != std::string::npos ? "1" : "0");
    }
    EXPECT_EQ(texts.count("Water is wet.\n"), 1u);
    EXPECT_EQ(texts.size(), 5u);

    p.dataset.kind = "csv";
    EXPECT_THROW(packDataset(p, options), DataError);
}
