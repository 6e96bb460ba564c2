// WebDataset shards: brace patterns, `data pack` from an image folder and a text folder, reading
// the shards back, and a damaged shard.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <algorithm>
#include <iterator>
#include <set>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "data/dataset.h"
#include "data/remote_shards.h"
#include "data/webdataset.h"
#include "test_graphs.h"
#include "train/collective.h"
#include "train/shard_batches.h"

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

namespace {

// A rank of a data-parallel run, for streams that ask who they are.
class FakeRank : public Collective {
public:
    FakeRank(int rank, int world) : rank_(rank), world_(world) {}
    int rank() const override { return rank_; }
    int worldSize() const override { return world_; }

private:
    int rank_, world_;
};

std::vector<std::string> epochRows(BatchStream& stream, int64_t epoch, std::vector<int64_t>* targets = nullptr) {
    std::vector<std::string> rows;
    stream.startEpoch(epoch);
    for (Batch b; stream.next(b);) {
        for (int64_t i = 0; i < b.rows(); ++i) {
            torch::Tensor r = b.inputs[i].contiguous();
            rows.emplace_back(static_cast<const char*>(r.data_ptr()), static_cast<size_t>(r.numel()));
            if (targets) targets->push_back(b.targets[i].item<int64_t>());
        }
    }
    return rows;
}

}  // namespace

// Kind webdataset: the packed folder streams back through a seeded shuffle buffer — the same rows
// the folder gives, in an order fixed by the seed and new every epoch; two ranks read disjoint
// shards; a corrupt member and a damaged shard are skipped and counted.
TEST(WebDataset, ShardsStreamThroughASeededShuffleBuffer) {
    ::setenv("NETLOOM_CACHE_DIR", netloom::testing::makeTempDir().c_str(), 1);
    const std::string dir = netloom::testing::makeTempDir(), out = netloom::testing::makeTempDir();
    for (int c = 0; c < 2; ++c) {
        ::mkdir((dir + "/c" + std::to_string(c)).c_str(), 0755);
        for (int i = 0; i < 20; ++i) {
            cv::Mat img(10 + i % 3, 12, CV_8UC3, cv::Scalar(i * 12, c * 100, 3 * i));
            cv::imwrite(dir + "/c" + std::to_string(c) + "/" + std::to_string(i) + ".png", img);
        }
    }
    Project folder;
    folder.dataset.kind = "image_folder";
    folder.dataset.path = dir;
    folder.dataset.validationSplit = 0.0;
    folder.preprocess.image = {ImageStep::make("resize", {{"width", int64_t{6}}, {"height", int64_t{5}}})};
    PackOptions options;
    options.outDir = out;
    options.shardBytes = 3000;
    PackReport report = packDataset(folder, options);
    ASSERT_GE(report.shards, 4);
    // One more shard: a corrupt image, a sample without a class, and a good one.
    std::string good = readBytes(dir + "/c1/3.png");
    writeShard(out + "/extra.tar", {{"bad.png", "garbage"}, {"nocls.png", good}, {"fine.png", good}, {"fine.cls", "1"}});

    Project p = folder;
    p.dataset.kind = "webdataset";
    p.dataset.path = out + "/" + report.pattern;
    DatasetLoad load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    ASSERT_TRUE(load.dataset->trainStream);
    EXPECT_EQ(load.dataset->summary.trainSize, 40);
    EXPECT_EQ(load.dataset->summary.sampleShape, (std::vector<int64_t>{3, 5, 6}));
    EXPECT_EQ(load.dataset->summary.classNames, (std::vector<std::string>{"c0", "c1"}));

    // The rows the image folder itself gives, as a multiset.
    DatasetLoad reference = loadDataset(folder);
    ASSERT_TRUE(reference.ok()) << reference.error;
    std::multiset<std::string> expected;
    const Split& all = reference.dataset->train;
    for (int64_t i = 0; i < all.size(); ++i) {
        torch::Tensor r = all.row(i).contiguous();
        expected.emplace(static_cast<const char*>(r.data_ptr()), static_cast<size_t>(r.numel()));
    }
    Collective single;
    load.dataset->trainStream->shuffleBuffer = 8;
    auto stream = shardBatches(load.dataset->trainStream, 4, single);
    EXPECT_EQ(stream->batchesPerEpoch(), 10);
    std::vector<int64_t> targets;
    std::vector<std::string> first = epochRows(*stream, 1, &targets);
    EXPECT_EQ(std::multiset<std::string>(first.begin(), first.end()), expected);
    EXPECT_EQ(std::count(targets.begin(), targets.end(), 1), 20);
    EXPECT_EQ(epochRows(*shardBatches(load.dataset->trainStream, 4, single), 1), first) << "seeded";
    EXPECT_NE(epochRows(*stream, 2), first) << "a new order every epoch";

    // Two ranks: disjoint shards, the same number of batches.
    FakeRank r0(0, 2), r1(1, 2);
    auto s0 = shardBatches(load.dataset->trainStream, 4, r0), s1 = shardBatches(load.dataset->trainStream, 4, r1);
    std::vector<std::string> a = epochRows(*s0, 1), b = epochRows(*s1, 1);
    EXPECT_EQ(s0->batchesPerEpoch(), s1->batchesPerEpoch());
    EXPECT_EQ(static_cast<int64_t>(a.size()), s0->batchesPerEpoch() * 2);
    std::multiset<std::string> both(a.begin(), a.end());
    both.insert(b.begin(), b.end());
    for (const auto& row : both) EXPECT_LE(both.count(row), expected.count(row));

    // The extra shard: one good sample of three; the bad two are counted with their names.
    p.dataset.path = out + "/extra.tar";
    p.dataset.classes = {"c0", "c1"};
    load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    EXPECT_EQ(load.dataset->summary.trainSize, 3);
    auto extra = shardBatches(load.dataset->trainStream, 1, single);
    EXPECT_EQ(epochRows(*extra, 1).size(), 1u);
    EXPECT_EQ(load.dataset->trainStream->skipped.load(), 2);
    std::set<std::string> named;
    for (const auto& s : load.dataset->trainStream->skippedInputs) named.insert(s.location.substr(s.location.find(':') + 1));
    EXPECT_EQ(named, (std::set<std::string>{"bad", "nocls"}));

    // A missing shard is named.
    p.dataset.path = out + "/train-{0000..0099}.tar";
    load = loadDataset(p);
    ASSERT_FALSE(load.ok());
    EXPECT_NE(load.error.find("shard missing"), std::string::npos) << load.error;
}

namespace {

// A real server on loopback: a program that prints its port on its first line once it serves.
// Stopped when the object goes.
class LoopbackServer {
public:
    explicit LoopbackServer(std::vector<std::string> argv) {
        int out[2];
        if (::pipe(out) != 0) return;
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(out[1], 1);
            ::close(out[0]);
            std::vector<char*> args;
            for (auto& a : argv) args.push_back(a.data());
            args.push_back(nullptr);
            ::execvp(args[0], args.data());
            ::_exit(127);
        }
        ::close(out[1]);
        // Read the whole first line: a pipe may hand it over in pieces. The read end stays open
        // until the server is stopped, or a late write of the newline would kill it (EPIPE).
        readFd_ = out[0];
        std::string line;
        for (char c; line.size() < 32 && ::read(readFd_, &c, 1) == 1 && c != '\n';) line += c;
        port_ = std::atoi(line.c_str());
    }
    ~LoopbackServer() {
        if (readFd_ >= 0) ::close(readFd_);
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    bool ok() const { return port_ > 0; }

private:
    pid_t pid_ = -1;
    int readFd_ = -1;
    int port_ = 0;
};

// Python's http.server serving `dir`; a path containing "flaky-0000" answers 503 twice before it
// is served. With `log`, every GET's path is appended to that file.
std::vector<std::string> httpServer(const std::string& dir, const std::string& log = "/dev/null") {
    static const char* script = R"PY(
import functools, http.server, sys
hits = {}
class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args): pass
    def do_GET(self):
        with open(sys.argv[2], "a") as log:
            log.write(self.path + "\n")
        hits[self.path] = hits.get(self.path, 0) + 1
        if "flaky-0000" in self.path and hits[self.path] <= 2:
            self.send_error(503, "try again")
            return
        super().do_GET()
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
print(server.server_address[1], flush=True)
server.serve_forever()
)PY";
    return {"python3", "-c", script, dir, log};
}


// An S3 stand-in that checks every request's SigV4 signature itself (AWS's published algorithm,
// written independently of libcurl): GET /BUCKET/KEY serves DIR/KEY, GET /BUCKET?list-type=2&prefix=P
// lists DIR's files (one key a page, so the listing pages), a bad signature gets 403.
std::vector<std::string> sigv4Server(const std::string& dir, const std::string& secret) {
    static const char* script = R"PY(
import hashlib, hmac, http.server, os, sys, urllib.parse
root, secret = sys.argv[1], sys.argv[2]
EMPTY = hashlib.sha256(b"").hexdigest()
def signature_ok(h, path, query):
    auth = h.headers.get("Authorization", "")
    if not auth.startswith("AWS4-HMAC-SHA256 "): return False
    fields = dict(p.strip().split("=", 1) for p in auth[len("AWS4-HMAC-SHA256 "):].split(","))
    key, day, region, service, term = fields["Credential"].split("/")
    signed = fields["SignedHeaders"].split(";")
    pairs = sorted((urllib.parse.quote(k, safe="-_.~"), urllib.parse.quote(v, safe="-_.~"))
                   for k, v in urllib.parse.parse_qsl(query, keep_blank_values=True))
    canonical = "\n".join(["GET", path, "&".join(k + "=" + v for k, v in pairs),
                           "".join(n + ":" + " ".join(h.headers.get(n, "").split()) + "\n" for n in signed),
                           ";".join(signed), h.headers.get("x-amz-content-sha256", "")])
    scope = "/".join([day, region, service, term])
    to_sign = "\n".join(["AWS4-HMAC-SHA256", h.headers.get("x-amz-date", ""), scope,
                         hashlib.sha256(canonical.encode()).hexdigest()])
    k = ("AWS4" + secret).encode()
    for part in (day, region, service, term): k = hmac.new(k, part.encode(), hashlib.sha256).digest()
    good = hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest()
    return (hmac.compare_digest(good, fields["Signature"]) and region == "eu-west-3" and service == "s3"
            and "host" in signed and "x-amz-date" in signed and h.headers.get("x-amz-content-sha256") == EMPTY)
class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def reply(self, status, body, kind="application/octet-stream"):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if not signature_ok(self, url.path, url.query):
            return self.reply(403, b"<Error><Code>SignatureDoesNotMatch</Code></Error>", "application/xml")
        parts = url.path.split("/", 2)
        if len(parts) == 3 and parts[2]:
            name = os.path.join(root, urllib.parse.unquote(parts[2]))
            if not os.path.isfile(name): return self.reply(404, b"")
            with open(name, "rb") as f: return self.reply(200, f.read())
        q = dict(urllib.parse.parse_qsl(url.query))
        keys = sorted(k for k in os.listdir(root) if k.startswith(q.get("prefix", "")))
        after = q.get("continuation-token", "")
        keys = [k for k in keys if k > after]
        page, more = keys[:1], len(keys) > 1
        xml = "<ListBucketResult>" + "".join("<Contents><Key>%s</Key></Contents>" % k for k in page)
        xml += "<IsTruncated>%s</IsTruncated>" % ("true" if more else "false")
        if more: xml += "<NextContinuationToken>%s</NextContinuationToken>" % page[-1]
        self.reply(200, (xml + "</ListBucketResult>").encode(), "application/xml")
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
)PY";
    return {"python3", "-c", script, dir, secret};
}

}  // namespace

// Shards over HTTP from a real server on loopback: counted from dataset.json, so the load fetches
// only the first shard (retrying the server's 503s); each rank fetches its own shards into the
// shard cache as it streams them; a missing shard fails with its URL and status.
TEST(WebDataset, ShardsOverHttpAreFetchedRetriedAndNamedWhenMissing) {
    ::setenv("NETLOOM_CACHE_DIR", netloom::testing::makeTempDir().c_str(), 1);
    const std::string dir = netloom::testing::makeTempDir(), served = netloom::testing::makeTempDir();
    for (int c = 0; c < 2; ++c) {
        ::mkdir((dir + "/k" + std::to_string(c)).c_str(), 0755);
        for (int i = 0; i < 6; ++i)
            cv::imwrite(dir + "/k" + std::to_string(c) + "/" + std::to_string(i) + ".png",
                        cv::Mat(4 + i, 5, CV_8UC3, cv::Scalar(40 * i, 100 * c, 9)));
    }
    Project folder;
    folder.dataset.kind = "image_folder";
    folder.dataset.path = dir;
    folder.dataset.validationSplit = 0.0;
    folder.preprocess.image = {ImageStep::make("resize", {{"width", int64_t{4}}, {"height", int64_t{4}}})};
    PackOptions options;
    options.outDir = served;
    options.shardBytes = 4000;  // about two samples a shard
    options.prefix = "flaky";
    PackReport report = packDataset(folder, options);
    ASSERT_GE(report.shards, 4);
    const std::string log = netloom::testing::makeTempDir() + "/requests";
    LoopbackServer server(httpServer(served, log));
    ASSERT_TRUE(server.ok());
    auto requested = [&] {  // the shards asked for so far, each once however often it was retried
        std::set<std::string> paths;
        std::ifstream in(log);
        for (std::string line; std::getline(in, line);)
            if (line.find(".tar") != std::string::npos) paths.insert(line.substr(1));
        return paths;
    };

    Project p = folder;
    p.dataset.kind = "webdataset";
    p.dataset.path = server.url() + "/" + report.pattern;
    DatasetLoad load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    EXPECT_EQ(load.dataset->summary.trainSize, 12) << "counted from dataset.json's shard_samples";
    EXPECT_EQ(load.dataset->summary.classNames, (std::vector<std::string>{"k0", "k1"})) << "from dataset.json";
    const std::vector<std::string> shards = expandBraces(report.pattern);
    // The load fetched the first shard only (for the sample shape), retrying its two 503s.
    EXPECT_EQ(requested(), (std::set<std::string>{shards[0]}));
    int64_t retries = 0;
    for (const auto& note : load.dataset->summary.notes) retries += note.find("HTTP 503, retrying") != std::string::npos;
    EXPECT_EQ(retries, 2) << "two 503s, each retried";

    // Rank 1 of 2 fetches its own shards as it streams them, and no other.
    FakeRank r1(1, 2);
    auto rank1 = shardBatches(load.dataset->trainStream, 2, r1);
    rank1->startEpoch(1);
    for (Batch b; rank1->next(b);) {
    }
    std::set<std::string> fetched = requested();
    EXPECT_GE(fetched.size(), shards.size() / 2) << "rank 1 fetched its half of the shards";
    EXPECT_LT(fetched.size(), shards.size()) << "but not rank 0's";

    // One process streams them all: every row, fetched once each into the shard cache.
    Collective single;
    std::vector<int64_t> targets;
    EXPECT_EQ(epochRows(*shardBatches(load.dataset->trainStream, 3, single), 1, &targets).size(), 12u);
    EXPECT_EQ(std::count(targets.begin(), targets.end(), 1), 6);
    EXPECT_EQ(requested(), std::set<std::string>(shards.begin(), shards.end()));

    // The second load reads the cached copies: no request, no retry.
    load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    for (const auto& note : load.dataset->summary.notes) EXPECT_EQ(note.find("retrying"), std::string::npos) << note;

    // dataset.json is fetched afresh, and one whose count for the first shard is wrong is not
    // trusted: every shard is counted.
    nlohmann::json meta = nlohmann::json::parse(readBytes(served + "/dataset.json"));
    meta["shard_samples"][shards[0]] = 99;
    std::ofstream(served + "/dataset.json", std::ios::trunc) << meta.dump();
    load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    EXPECT_EQ(load.dataset->summary.trainSize, 12);
    bool distrusted = false;
    for (const auto& note : load.dataset->summary.notes) distrusted = distrusted || note.find("does not match") != std::string::npos;
    EXPECT_TRUE(distrusted);

    p.dataset.path = server.url() + "/absent-{0..1}.tar";
    load = loadDataset(p);
    ASSERT_FALSE(load.ok());
    EXPECT_NE(load.error.find("GET " + server.url() + "/absent-0.tar: HTTP 404"), std::string::npos) << load.error;
}

// Shards from an S3-compatible server on loopback (npm's s3rver, tests/s3): s3:// names, requests
// signed by libcurl's SigV4 with the AWS_* variables; an unknown key fails with the URL and 403.
// (s3rver 3.7 parses the V4 Authorization header and checks its key id, not the signature itself.)
TEST(WebDataset, ShardsFromS3AreSignedWithSigV4) {
    const std::string serve = std::string(NETLOOM_SOURCE_DIR) + "/tests/s3/serve.js";
    if (::access((std::string(NETLOOM_SOURCE_DIR) + "/tests/s3/node_modules/s3rver").c_str(), R_OK) != 0)
        GTEST_SKIP() << "s3rver is not installed (scripts/install-deps runs npm ci in tests/s3)";
    ::setenv("NETLOOM_CACHE_DIR", netloom::testing::makeTempDir().c_str(), 1);
    const std::string dir = netloom::testing::makeTempDir(), upload = netloom::testing::makeTempDir();
    for (int c = 0; c < 2; ++c) {
        ::mkdir((dir + "/s" + std::to_string(c)).c_str(), 0755);
        for (int i = 0; i < 5; ++i)
            cv::imwrite(dir + "/s" + std::to_string(c) + "/" + std::to_string(i) + ".jpg",
                        cv::Mat(6, 6 + i, CV_8UC3, cv::Scalar(30 * i, 120 * c, 60)));
    }
    Project folder;
    folder.dataset.kind = "image_folder";
    folder.dataset.path = dir;
    folder.dataset.validationSplit = 0.0;
    folder.preprocess.image = {ImageStep::make("resize", {{"width", int64_t{3}}, {"height", int64_t{3}}})};
    PackOptions options;
    options.outDir = upload;
    options.shardBytes = 9000;
    PackReport report = packDataset(folder, options);
    ASSERT_GE(report.shards, 2);
    LoopbackServer server({"node", serve, netloom::testing::makeTempDir(), "netloom", upload});
    ASSERT_TRUE(server.ok());
    ::setenv("AWS_ENDPOINT_URL", server.url().c_str(), 1);
    ::setenv("AWS_REGION", "us-east-1", 1);
    ::setenv("AWS_ACCESS_KEY_ID", "S3RVER", 1);
    ::setenv("AWS_SECRET_ACCESS_KEY", "S3RVER", 1);
    Project p = folder;
    p.dataset.kind = "webdataset";
    p.dataset.path = "s3://netloom/" + report.pattern;
    DatasetLoad load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    EXPECT_EQ(load.dataset->summary.trainSize, 10);
    Collective single;
    EXPECT_EQ(epochRows(*shardBatches(load.dataset->trainStream, 2, single), 1).size(), 10u);

    // A prefix ending in "/" lists the bucket (ListObjectsV2, signed): every .tar under it, in key
    // order; the class names from the dataset.json beside them. (Paging is tested against the
    // SigV4-checking server below: s3rver 3.7 answers 500 to max-keys.)
    std::vector<std::string> expected;
    for (const std::string& name : expandBraces(report.pattern)) expected.push_back("s3://netloom/" + name);
    EXPECT_EQ(listShards("s3://netloom/"), expected);
    p.dataset.path = "s3://netloom/";
    load = loadDataset(p);
    ASSERT_TRUE(load.ok()) << load.error;
    EXPECT_EQ(load.dataset->summary.trainSize, 10);
    EXPECT_EQ(load.dataset->summary.classNames, (std::vector<std::string>{"s0", "s1"}));
    p.dataset.path = "s3://netloom/nothing-here/";
    load = loadDataset(p);
    ASSERT_FALSE(load.ok());
    EXPECT_NE(load.error.find("s3://netloom/nothing-here/: no .tar shards"), std::string::npos) << load.error;

    ::setenv("AWS_ACCESS_KEY_ID", "NOBODY", 1);
    p.dataset.path = "s3://netloom/never-fetched.tar";  // not in the shard cache: a signed request
    load = loadDataset(p);
    ::unsetenv("AWS_SECRET_ACCESS_KEY");
    ::unsetenv("AWS_ACCESS_KEY_ID");
    ::unsetenv("AWS_ENDPOINT_URL");
    ASSERT_FALSE(load.ok());
    EXPECT_NE(load.error.find("GET s3://netloom/never-fetched.tar: HTTP 403"), std::string::npos) << load.error;
}

// The S3 requests' signatures, checked by an independent SigV4 implementation (not s3rver's, which
// checks the key id only): a listing (its query signed, page by page) and a fetch pass with the right
// secret and region; a wrong secret is refused with 403 and named.
TEST(WebDataset, S3SignaturesMatchAnIndependentSigV4Check) {
    ::setenv("NETLOOM_CACHE_DIR", netloom::testing::makeTempDir().c_str(), 1);
    const std::string served = netloom::testing::makeTempDir();
    writeShard(served + "/part-b.tar", {{"1.cls", "0"}});
    writeShard(served + "/part-a.tar", {{"2.cls", "1"}});
    std::ofstream(served + "/part-notes.txt") << "not a shard";
    LoopbackServer server(sigv4Server(served, "s3cr3t/key+x"));
    ASSERT_TRUE(server.ok());
    ::setenv("AWS_ENDPOINT_URL", server.url().c_str(), 1);
    ::setenv("AWS_REGION", "eu-west-3", 1);
    ::setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", 1);
    ::setenv("AWS_SECRET_ACCESS_KEY", "s3cr3t/key+x", 1);
    FetchOptions options;
    options.attempts = 1;
    EXPECT_EQ(listShards("s3://bucket/part-", options),
              (std::vector<std::string>{"s3://bucket/part-a.tar", "s3://bucket/part-b.tar"}));
    const std::string local = fetchShard("s3://bucket/part-a.tar", options);
    EXPECT_EQ(readBytes(local), readBytes(served + "/part-a.tar"));
    ::setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret", 1);
    std::string refused;
    try {
        fetchShard("s3://bucket/part-b.tar", options);
    } catch (const DataError& e) {
        refused = e.what();
    }
    ::unsetenv("AWS_SECRET_ACCESS_KEY");
    ::unsetenv("AWS_ACCESS_KEY_ID");
    ::unsetenv("AWS_ENDPOINT_URL");
    ::unsetenv("AWS_REGION");
    EXPECT_NE(refused.find("GET s3://bucket/part-b.tar: HTTP 403"), std::string::npos) << refused;
}
