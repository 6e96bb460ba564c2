#include <gtest/gtest.h>

#include <zlib.h>

#include <fstream>
#include <sys/stat.h>

#include <opencv2/imgcodecs.hpp>

#include "data/csv_table.h"
#include "data/dataset.h"
#include "test_graphs.h"

using namespace netloom;

namespace {

std::string tempDir() { return netloom::testing::makeTempDir(); }

void writeText(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string be32(uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

// A tiny IDX set: `n` 4×4 images whose pixels equal their label·10, labels cycling 0..2.
void writeIdxSet(const std::string& dir, const std::string& prefix, int n, bool gzip) {
    std::string images = be32(2051) + be32(n) + be32(4) + be32(4), labels = be32(2049) + be32(n);
    for (int i = 0; i < n; ++i) {
        images += std::string(16, static_cast<char>((i % 3) * 10));
        labels += static_cast<char>(i % 3);
    }
    auto write = [&](const std::string& name, const std::string& data) {
        if (gzip) {
            gzFile f = gzopen((dir + "/" + name + ".gz").c_str(), "wb");
            gzwrite(f, data.data(), static_cast<unsigned>(data.size()));
            gzclose(f);
        } else {
            writeText(dir + "/" + name, data);
        }
    };
    write(prefix + "-images-idx3-ubyte", images);
    write(prefix + "-labels-idx1-ubyte", labels);
}

Project idxProject(const std::string& dir) {
    Project p;
    p.dataset.kind = "idx";
    p.dataset.path = dir;
    p.dataset.validationSplit = 0.2;
    return p;
}

}  // namespace

TEST(Idx, ReadsGzippedAndPlainWithLabelsInPlace) {
    for (bool gz : {true, false}) {
        std::string dir = tempDir();
        writeIdxSet(dir, "train", 30, gz);
        writeIdxSet(dir, "t10k", 9, gz);
        DatasetLoad load = loadDataset(idxProject(dir));
        ASSERT_TRUE(load.ok()) << load.error;
        const Dataset& d = *load.dataset;
        EXPECT_EQ(d.summary.trainSize + d.summary.validationSize, 30);
        EXPECT_EQ(d.summary.testSize, 9);
        EXPECT_EQ(d.summary.sampleShape, (std::vector<int64_t>{1, 4, 4}));
        // Stratified: each of the 3 classes keeps 2 of its 10 for validation.
        EXPECT_EQ(d.summary.validationCounts, (std::vector<int64_t>{2, 2, 2}));
        // Every image still carries its own label (pixels = label·10): no shifted labels.
        auto pixels = d.train.inputs.flatten(1).select(1, 0).to(torch::kInt64);
        EXPECT_TRUE(torch::equal(pixels, d.train.targets * 10));
        EXPECT_EQ(d.train.inputs.scalar_type(), torch::kUInt8) << "images are kept as bytes, not floats";
    }
}

TEST(Idx, WrongMagicNumberIsNamed) {
    std::string dir = tempDir();
    writeIdxSet(dir, "train", 6, false);
    writeIdxSet(dir, "t10k", 3, false);
    // Swap: an images file where labels are expected.
    std::rename((dir + "/train-images-idx3-ubyte").c_str(), (dir + "/x").c_str());
    std::rename((dir + "/train-labels-idx1-ubyte").c_str(), (dir + "/train-images-idx3-ubyte").c_str());
    std::rename((dir + "/x").c_str(), (dir + "/train-labels-idx1-ubyte").c_str());
    DatasetLoad load = loadDataset(idxProject(dir));
    ASSERT_FALSE(load.ok());
    EXPECT_NE(load.error.find("must be idx3"), std::string::npos) << load.error;

    writeText(dir + "/train-images-idx3-ubyte", be32(1234) + be32(1));
    load = loadDataset(idxProject(dir));
    ASSERT_FALSE(load.ok());
    EXPECT_NE(load.error.find("train-images-idx3-ubyte: wrong magic number 1234"), std::string::npos) << load.error;
}

TEST(Idx, TruncatedDataIsRefused) {
    std::string dir = tempDir();
    writeIdxSet(dir, "train", 6, false);
    writeIdxSet(dir, "t10k", 3, false);
    writeText(dir + "/t10k-images-idx3-ubyte", be32(2051) + be32(3) + be32(4) + be32(4) + std::string(20, 'x'));
    DatasetLoad load = loadDataset(idxProject(dir));
    ASSERT_FALSE(load.ok());
    EXPECT_NE(load.error.find("header promises 48 bytes of data, file has 20"), std::string::npos) << load.error;
}

TEST(Idx, RealFashionMnistLoadsLean) {
    const char* dir = "/usr/share/datasets/fashion-mnist";
    struct stat st {};
    ASSERT_EQ(stat(dir, &st), 0) << "dataset-fashion-mnist is installed by scripts/install-deps";
    DatasetLoad load = loadDataset(idxProject(dir));
    ASSERT_TRUE(load.ok()) << load.error;
    const DataSummary& s = load.dataset->summary;
    EXPECT_EQ(s.trainSize + s.validationSize, 60000);
    EXPECT_EQ(s.testSize, 10000);
    // 70,000 images of 784 bytes plus labels: about its own size (55 MB), not 4× as floats.
    EXPECT_LT(s.bytesInMemory, 70000LL * 784 + 70000LL * 8 + 1024);
}

TEST(Csv, RaggedRowsAreSkippedAndReportedByLine) {
    std::string text = "a,b,label\n1,2,x\n3,4,y\n5,6\n7,8,x\n9,10,y\n11,12,x\n13,14,y\n15,16,x\n17,18,y\n19,20,x\n21,22,y\n";
    CsvTable t = parseCsv(text, "data.csv");
    EXPECT_EQ(t.rows.size(), 10u);
    ASSERT_EQ(t.skipped.size(), 1u);
    EXPECT_EQ(t.skipped[0].location, "data.csv:4");
    EXPECT_NE(t.skipped[0].reason.find("has 2 fields, the header has 3"), std::string::npos);
}

TEST(Csv, MostlyRaggedFileIsAnError) {
    EXPECT_THROW(parseCsv("a,b\n1\n2\n3,4\n", "bad.csv"), std::runtime_error);
}

TEST(Csv, QuotesAndUnterminatedQuote) {
    CsvTable t = parseCsv("text,label\n\"hello, world\",1\n\"say \"\"hi\"\"\nnow\",0\n", "q.csv");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][0], "hello, world");
    EXPECT_EQ(t.rows[1][0], "say \"hi\"\nnow");
    try {
        parseCsv("a,b\n\"open,1\n", "open.csv");
        FAIL() << "unterminated quote accepted";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("open.csv:2: quote opened here is never closed"), std::string::npos) << e.what();
    }
}

TEST(Csv, StandardisesWithTrainingStatisticsAndOneHotsCategories) {
    std::string dir = tempDir();
    std::string text = "size,colour,label\n";
    for (int i = 0; i < 40; ++i)
        text += std::to_string(i) + "," + (i % 2 ? "red" : "blue") + "," + (i < 20 ? "small" : "large") + "\n";
    text += "NA,red,small\n";
    writeText(dir + "/t.csv", text);
    Project p;
    p.dataset.kind = "csv";
    p.dataset.path = dir + "/t.csv";
    p.dataset.target = "label";
    p.dataset.validationSplit = 0.25;
    DatasetLoad load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    const Dataset& d = *load.dataset;
    EXPECT_EQ(d.summary.classNames, (std::vector<std::string>{"large", "small"}));
    ASSERT_EQ(d.train.inputs.size(1), 3);  // size + one-hot(blue, red)
    // Training split's numeric column has mean 0 and std 1 (statistics from the training split).
    auto sizeCol = d.train.inputs.select(1, 0);
    EXPECT_NEAR(sizeCol.mean().item<double>(), 0.0, 0.05);
    EXPECT_NEAR(sizeCol.std(false).item<double>(), 1.0, 0.05);
    auto onehot = d.train.inputs.narrow(1, 1, 2).sum(1);
    EXPECT_TRUE(torch::allclose(onehot, torch::ones_like(onehot)));
    ASSERT_EQ(d.summary.notes.size(), 1u);
    EXPECT_NE(d.summary.notes[0].find("1 missing values"), std::string::npos);
}

TEST(Csv, ScikitLearnHeaderGivesClassNames) {
    std::string path = "/usr/lib/python3/dist-packages/sklearn/datasets/data/iris.csv";
    Project p;
    p.dataset.kind = "csv";
    p.dataset.path = path;
    p.dataset.target = "target";
    DatasetLoad load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    EXPECT_EQ(load.dataset->summary.classNames, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
    EXPECT_EQ(load.dataset->summary.sampleShape, (std::vector<int64_t>{4}));
}

TEST(ImageFolder, CorruptImagesAreCountedAndEmptyClassIsAnError) {
    std::string dir = tempDir();
    for (const char* cls : {"cat", "dog"}) {
        mkdir((dir + "/" + cls).c_str(), 0755);
        for (int i = 0; i < 5; ++i) {
            cv::Mat img(6, 8, CV_8UC3, cv::Scalar(i * 20, 10, std::string(cls) == "cat" ? 200 : 50));
            cv::imwrite(dir + "/" + cls + "/" + std::to_string(i) + ".png", img);
        }
    }
    writeText(dir + "/dog/broken.png", "this is not a png");
    Project p;
    p.dataset.kind = "image_folder";
    p.dataset.path = dir;
    p.dataset.validationSplit = 0.2;
    DatasetLoad load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    const DataSummary& s = load.dataset->summary;
    EXPECT_EQ(s.classNames, (std::vector<std::string>{"cat", "dog"}));
    EXPECT_EQ(s.trainSize + s.validationSize, 10);
    ASSERT_EQ(s.skipped.size(), 1u);
    EXPECT_EQ(s.skipped[0].location, dir + "/dog/broken.png");
    EXPECT_EQ(s.sampleShape, (std::vector<int64_t>{3, 6, 8}));
    // RGB order: the cat images' first channel (red) is 200.
    auto catRows = (load.dataset->train.targets == 0).nonzero().flatten();
    EXPECT_EQ(load.dataset->train.rowsAt(catRows)[0][0][0][0].item<int>(), 200);

    mkdir((dir + "/bird").c_str(), 0755);
    load = loadDataset(p);
    ASSERT_FALSE(load.ok());
    EXPECT_NE(load.error.find(dir + "/bird: class folder has no readable images"), std::string::npos) << load.error;
}

TEST(TextFolder, FortuneFilesAreSplitIntoRecords) {
    std::string dir = tempDir();
    writeText(dir + "/jokes", "A joke.\n%\nAnother joke,\non two lines.\n%\nThird.\n");
    writeText(dir + "/facts", "Water is wet.\n%\nThe sky is blue.\n%\nFire is hot.\n");
    writeText(dir + "/jokes.dat", "binary index, ignored");
    Project p;
    p.dataset.kind = "text_folder";
    p.dataset.path = dir;
    p.dataset.validationSplit = 0.0;
    p.preprocess.text.length = 5;
    DatasetLoad load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    EXPECT_EQ(load.dataset->summary.classNames, (std::vector<std::string>{"facts", "jokes"}));
    EXPECT_EQ(load.dataset->summary.trainSize, 6);
    EXPECT_EQ(load.dataset->train.inputs.sizes(), (std::vector<int64_t>{6, 5}));
}
