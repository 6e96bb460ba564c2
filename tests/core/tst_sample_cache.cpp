// The decoded-sample cache: parity with the studio's own decoding, reuse, invalidation, bad files,
// the memory bound, and the prefetching batch stream.
#include <gtest/gtest.h>

#include <malloc.h>
#include <sys/stat.h>
#include <utime.h>

#include <fstream>
#include <iterator>

#include <opencv2/imgcodecs.hpp>

#include "data/dataset.h"
#include "data/sample_cache.h"
#include "preprocess/image_pipeline.h"
#include "test_graphs.h"
#include "train/batch_stream.h"
#include "train/collective.h"
#include "train/prefetch_batches.h"

using namespace netloom;

namespace {

// Each test has a cache folder of its own (removed with the test's temporary folders).
std::string freshCache() {
    std::string dir = netloom::testing::makeTempDir();
    ::setenv("NETLOOM_CACHE_DIR", dir.c_str(), 1);
    return dir;
}

cv::Mat noise(int rows, int cols, int type, uint64_t seed) {
    cv::Mat m(rows, cols, type);
    cv::RNG rng(seed);
    rng.fill(m, cv::RNG::UNIFORM, 0, 256);
    return m;
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeBytes(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// Two classes of odd sizes and kinds: RGB JPEGs, RGBA and gray PNGs, a BMP, a truncated JPEG, a
// truncated PNG and a text file named .png. Returns the unreadable files.
std::vector<std::string> writeMessyFolder(const std::string& dir, int perClass) {
    std::vector<std::string> bad;
    for (const char* cls : {"ant", "bee"}) {
        const std::string d = dir + "/" + cls;
        ::mkdir(d.c_str(), 0755);
        const uint64_t salt = std::string(cls) == "ant" ? 1 : 1000;
        for (int i = 0; i < perClass; ++i) {
            const std::string stem = d + "/" + std::to_string(i);
            switch (i % 4) {
            case 0: cv::imwrite(stem + ".jpg", noise(23 + i, 37 + 2 * i, CV_8UC3, salt + i)); break;
            case 1: cv::imwrite(stem + ".png", noise(17 + i, 31, CV_8UC4, salt + i)); break;  // RGBA, random alpha
            case 2: cv::imwrite(stem + ".png", noise(29, 19 + i, CV_8UC1, salt + i)); break;  // gray
            default: cv::imwrite(stem + ".bmp", noise(13, 41, CV_8UC3, salt + i)); break;
            }
        }
    }
    cv::imwrite(dir + "/ant/whole.jpg", noise(40, 40, CV_8UC3, 7));
    std::string jpeg = readBytes(dir + "/ant/whole.jpg");
    writeBytes(dir + "/ant/truncated.jpg", jpeg.substr(0, jpeg.size() / 2));
    cv::imwrite(dir + "/bee/whole.png", noise(40, 40, CV_8UC3, 8));
    std::string png = readBytes(dir + "/bee/whole.png");
    writeBytes(dir + "/bee/truncated.png", png.substr(0, png.size() / 2));
    writeBytes(dir + "/bee/notes.png", "not an image at all");
    bad = {dir + "/ant/truncated.jpg", dir + "/bee/notes.png", dir + "/bee/truncated.png"};
    return bad;
}

Project folderProject(const std::string& dir, int side) {
    Project p;
    p.dataset.kind = "image_folder";
    p.dataset.path = dir;
    p.dataset.validationSplit = 0.2;
    p.dataset.testSplit = 0.2;
    p.preprocess.background = {10, 200, 30};
    p.preprocess.image = {ImageStep::make("resize", {{"width", int64_t{side}}, {"height", int64_t{side + 3}}}),
                          ImageStep::make("random_flip"), ImageStep::make("scale")};
    return p;
}

// Every sample of every split, as the training loop reads it, equals what the studio's predict
// path computes from the original file.
void expectParity(const Dataset& d, const Project& p) {
    ImagePipeline pipeline(p.preprocess.image);
    int64_t checked = 0;
    for (const Split* s : {&d.train, &d.validation, &d.test}) {
        ASSERT_EQ(static_cast<int64_t>(s->sources.size()), s->size());
        for (int64_t i = 0; i < s->size(); ++i) {
            std::string error;
            torch::Tensor expected = prepareImageFile(s->sources[i], pipeline, p.preprocess.background, false, error);
            ASSERT_TRUE(expected.defined()) << s->sources[i] << ": " << error;
            ASSERT_TRUE(torch::equal(s->row(i), expected)) << s->sources[i];
            ++checked;
        }
    }
    EXPECT_EQ(checked, d.summary.trainSize + d.summary.validationSize + d.summary.testSize);
}

// Anonymous memory in use: glibc's free lists handed back first, so what is counted is what is
// live, not what the allocator keeps for the next batch.
int64_t anonymousKb() {
    ::malloc_trim(0);
    std::ifstream status("/proc/self/status");
    std::string key;
    int64_t value = 0;
    while (status >> key) {
        if (key == "RssAnon:") {
            status >> value;
            return value;
        }
        status.ignore(1 << 10, '\n');
    }
    return -1;
}

}  // namespace

TEST(SampleCache, MessyFolderMatchesPredictAndSkipsBadFilesByName) {
    freshCache();
    const std::string dir = netloom::testing::makeTempDir();
    std::vector<std::string> bad = writeMessyFolder(dir, 12);
    Project p = folderProject(dir, 9);
    DatasetLoad load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    const Dataset& d = *load.dataset;
    EXPECT_EQ(d.summary.sampleShape, (std::vector<int64_t>{3, 12, 9}));
    EXPECT_EQ(d.summary.trainSize + d.summary.validationSize + d.summary.testSize, 2 * 12 + 2);
    std::vector<std::string> skipped;
    for (const auto& s : d.summary.skipped) skipped.push_back(s.location);
    std::sort(skipped.begin(), skipped.end());
    EXPECT_EQ(skipped, bad);
    for (const auto& s : d.summary.skipped)
        if (s.location.find("truncated.jpg") != std::string::npos) EXPECT_NE(s.reason.find("truncated"), std::string::npos);
    EXPECT_EQ(d.summary.cacheDecoded, 2 * 12 + 2 + 3);
    EXPECT_EQ(d.summary.fingerprint.size(), 32u);
    EXPECT_TRUE(d.train.rows.defined()) << "image folders are read from the mapped cache";
    expectParity(d, p);
}

TEST(SampleCache, SecondLoadDecodesNothingAndChangesRebuildOnlyWhatChanged) {
    freshCache();
    const std::string dir = netloom::testing::makeTempDir();
    writeMessyFolder(dir, 8);
    Project p = folderProject(dir, 7);
    DatasetLoad first = loadDataset(p);
    ASSERT_TRUE(first.ok()) << first.error;
    const int64_t files = 2 * 8 + 2 + 3;
    EXPECT_EQ(first.dataset->summary.cacheDecoded, files);

    DatasetLoad again = loadDataset(p);
    ASSERT_TRUE(again.ok()) << again.error;
    EXPECT_EQ(again.dataset->summary.cacheDecoded, 0);
    EXPECT_EQ(again.dataset->summary.fingerprint, first.dataset->summary.fingerprint);
    EXPECT_EQ(again.dataset->summary.skipped.size(), 3u) << "skipped files are remembered with the shard";
    EXPECT_TRUE(torch::equal(again.dataset->train.rowsAt(0, again.dataset->train.size()),
                             first.dataset->train.rowsAt(0, first.dataset->train.size())));

    // Augmentation and scaling run per batch: changing them keeps the cache.
    p.preprocess.image.pop_back();
    DatasetLoad augment = loadDataset(p);
    ASSERT_TRUE(augment.ok()) << augment.error;
    EXPECT_EQ(augment.dataset->summary.cacheDecoded, 0);

    // One changed file: its class's shard only (9 files of "bee": 8 + whole.png, plus its two bad ones).
    cv::imwrite(dir + "/bee/3.bmp", noise(13, 41, CV_8UC3, 99));
    struct utimbuf later {0, 2000000000};
    ::utime((dir + "/bee/3.bmp").c_str(), &later);
    DatasetLoad changed = loadDataset(p);
    ASSERT_TRUE(changed.ok()) << changed.error;
    EXPECT_EQ(changed.dataset->summary.cacheDecoded, 8 + 1 + 2);
    EXPECT_NE(changed.dataset->summary.fingerprint, first.dataset->summary.fingerprint);
    expectParity(*changed.dataset, p);

    // A load-time step changed: everything is decoded again, at the new size.
    p.preprocess.image[0] = ImageStep::make("resize", {{"width", int64_t{5}}, {"height", int64_t{6}}});
    DatasetLoad resized = loadDataset(p);
    ASSERT_TRUE(resized.ok()) << resized.error;
    EXPECT_EQ(resized.dataset->summary.cacheDecoded, files);
    EXPECT_EQ(resized.dataset->summary.sampleShape, (std::vector<int64_t>{3, 6, 5}));
    expectParity(*resized.dataset, p);
}

TEST(SampleCache, ImagesOfSeveralSizesWithoutResizeNameBothFiles) {
    freshCache();
    const std::string dir = netloom::testing::makeTempDir();
    for (const char* cls : {"a", "b"}) {
        ::mkdir((dir + "/" + cls).c_str(), 0755);
        cv::imwrite(dir + "/" + cls + "/0.png", noise(10, 12, CV_8UC3, 1));
    }
    cv::imwrite(dir + "/b/1.png", noise(11, 12, CV_8UC3, 2));
    Project p;
    p.dataset.kind = "image_folder";
    p.dataset.path = dir;
    DatasetLoad load = loadDataset(p);
    ASSERT_FALSE(load.ok());
    EXPECT_NE(load.error.find(dir + "/b/1.png: image is 12×11 but " + dir + "/a/0.png is 12×10"), std::string::npos)
        << load.error;
    EXPECT_NE(load.error.find("add a resize step"), std::string::npos) << load.error;
}

// Many shards, each padded to whole pages, mapped side by side: row k of the tensor is file k.
TEST(SampleCache, ShardsAreMappedSideBySideWithPadding) {
    freshCache();
    const std::string dir = netloom::testing::makeTempDir();
    ImagePipeline pipeline({ImageStep::make("resize", {{"width", int64_t{5}}, {"height", int64_t{7}}})});
    CacheRequest request;
    request.datasetKey = dir;
    request.pipelineKey = "resize 5x7";
    request.pipeline = &pipeline;
    request.background = {255, 255, 255};
    request.shardBytes = 1;  // the smallest shard: one page's worth of rows
    request.threads = 2;
    int64_t reports = 0;
    request.progress = [&](const DataProgress& p) {
        ++reports;
        EXPECT_LE(p.done, p.total);
    };
    for (int i = 0; i < 9; ++i) {
        std::string path = dir + "/" + std::to_string(i) + ".png";
        cv::imwrite(path, noise(8 + i, 9, CV_8UC3, 50 + i));
        ImageFile f;
        ASSERT_TRUE(statImageFile(path, f));
        f.group = i / 4;  // three groups: three shards at least
        request.files.push_back(f);
    }
    CachedImages cached = cacheImages(request);
    EXPECT_EQ(cached.decoded, 9);
    EXPECT_GE(reports, 1);
    ASSERT_EQ(cached.rowOf.size(), 9u);
    const int64_t rowBytes = 3 * 7 * 5;
    EXPECT_EQ(cached.images.size(0) * rowBytes % 4096, 0) << "every shard is whole pages";
    for (int i = 0; i < 9; ++i) {
        std::string error;
        torch::Tensor expected = prepareImageFile(request.files[i].path, pipeline, request.background, false, error);
        ASSERT_GE(cached.rowOf[i], 0);
        EXPECT_TRUE(torch::equal(cached.images[cached.rowOf[i]], expected)) << i;
    }
    EXPECT_GT(cached.rowOf[4], cached.rowOf[3] + 1) << "a new group starts a new shard";
}

// The cache keeps anonymous memory flat: decoded rows live in mapped files (the page cache), so
// loading a folder whose decoded size is 48 MB and reading every batch of an epoch adds far less
// (the in-memory loader held all 48 MB).
TEST(SampleCache, AnonymousMemoryDoesNotGrowWithTheDecodedData) {
    freshCache();
    const std::string dir = netloom::testing::makeTempDir();
    for (const char* cls : {"x", "y"}) {
        ::mkdir((dir + "/" + cls).c_str(), 0755);
        for (int i = 0; i < 128; ++i)
            cv::imwrite(dir + "/" + cls + "/" + std::to_string(i) + ".png", noise(9 + i % 5, 11, CV_8UC3, i));
    }
    Project p;
    p.dataset.kind = "image_folder";
    p.dataset.path = dir;
    p.dataset.validationSplit = 0.1;
    p.preprocess.image = {ImageStep::make("resize", {{"width", int64_t{256}}, {"height", int64_t{256}}})};
    ASSERT_TRUE(loadDataset(p).ok());  // builds the cache
    const int64_t before = anonymousKb();
    ASSERT_GT(before, 0);
    DatasetLoad load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    const Dataset& d = *load.dataset;
    const int64_t decodedKb = 256 * 3 * 256 * 256 / 1024;
    EXPECT_GE(d.summary.bytesMapped / 1024, decodedKb * 95 / 100);
    Collective single;
    torch::manual_seed(3);
    // Batches of 4 rows (768 kB): what is legitimately in flight (the prefetch queue, the batch
    // being gathered, the one in hand) stays far below the bound even when a loaded machine lets the
    // prefetcher run ahead; with 16-row batches those alone came near it (1 run in 4 failed under load).
    auto stream = prefetchingBatches(permutedBatches(d.train, 4, single));
    stream->startEpoch(1);
    Batch b;
    int64_t rows = 0, checksum = 0;
    while (stream->next(b)) {
        rows += b.rows();
        checksum += b.inputs.sum().item<int64_t>();
    }
    EXPECT_EQ(rows, d.train.size());
    EXPECT_GT(checksum, 0);
    const int64_t grown = anonymousKb() - before;
    EXPECT_LT(grown, decodedKb / 4) << "anonymous memory grew by " << grown << " kB for " << decodedKb << " kB of decoded rows";
}

// Prefetching changes when batches are gathered, never which: the same rows in the same order.
TEST(PrefetchingBatches, SameBatchesInTheSameOrderOverEpochs) {
    Split split;
    split.inputs = torch::arange(0, 103 * 2, torch::kInt64).view({103, 2});
    split.targets = torch::arange(0, 103, torch::kInt64);
    Collective single;
    for (int depth : {1, 3}) {
        torch::manual_seed(11);
        auto plain = permutedBatches(split, 10, single);
        std::vector<torch::Tensor> expected;
        for (int64_t epoch = 1; epoch <= 2; ++epoch) {
            plain->startEpoch(epoch);
            for (Batch b; plain->next(b);) expected.push_back(b.targets);
        }
        torch::manual_seed(11);
        auto ahead = prefetchingBatches(permutedBatches(split, 10, single), depth);
        EXPECT_EQ(ahead->batchesPerEpoch(), 11);
        size_t k = 0;
        for (int64_t epoch = 1; epoch <= 2; ++epoch) {
            ahead->startEpoch(epoch);
            for (Batch b; ahead->next(b); ++k) {
                ASSERT_LT(k, expected.size());
                EXPECT_TRUE(torch::equal(b.targets, expected[k]));
                EXPECT_TRUE(torch::equal(b.inputs.select(1, 0), b.targets * 2));
            }
        }
        EXPECT_EQ(k, expected.size());
        // An epoch abandoned after one batch (a stop) leaves nothing behind for the next one.
        ahead->startEpoch(3);
        Batch b;
        ASSERT_TRUE(ahead->next(b));
        ahead->startEpoch(4);
        int64_t batches = 0, rows = 0;
        for (; ahead->next(b); ++batches) rows += b.rows();
        EXPECT_EQ(batches, 11);
        EXPECT_EQ(rows, 103);
    }
}
