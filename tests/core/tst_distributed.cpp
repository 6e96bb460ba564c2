// Data-parallel training with real processes on loopback: netloom-cli started as N ranks (by
// --nproc, or by the launcher variables a test sets itself) against one process; ranks killed and
// stopped mid-run; a killed run resumed. The CLI is the real program (NETLOOM_CLI).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include "cli/distributed_launch.h"
#include "project/project.h"
#include "train/run_history.h"
#include "test_graphs.h"

using namespace netloom;
using namespace netloom::testing;
using Clock = std::chrono::steady_clock;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A messy tabular dataset: 6 features on different scales, one with gaps, 3 classes from a noisy
// rule; `rows` chosen by each test so that the last global batch is short.
std::string writeDataset(const std::string& dir, int rows, uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0, 1);
    std::ofstream csv(dir + "/data.csv");
    csv << "a,b,c,d,e,f,label\n";
    for (int i = 0; i < rows; ++i) {
        double a = noise(rng), b = 100 * noise(rng), c = 0.01 * noise(rng), d = noise(rng), e = noise(rng), f = noise(rng);
        double score = a + b / 100 - c * 50 + 0.3 * noise(rng);
        const char* label = score < -0.5 ? "low" : score < 0.5 ? "mid" : "high";
        csv << a << "," << b << "," << c << ",";
        if (i % 17 != 0) csv << d;  // some gaps
        csv << "," << e << "," << f << "," << label << "\n";
    }
    return dir + "/data.csv";
}

std::string writeProject(const std::string& dir, int rows, int64_t batch, int64_t epochs, bool batchNorm = false) {
    Project p;
    p.name = "dist";
    Graph& g = p.graph;
    std::vector<NodeId> ids{add(g, "Input", {{"kind", std::string("vector")}, {"size", int64_t{6}}}),
                            add(g, "Dense", {{"units", int64_t{24}}})};
    if (batchNorm) ids.push_back(add(g, "BatchNorm"));
    for (NodeId id : {add(g, "ReLU"), add(g, "Dense", {{"units", int64_t{16}}}), add(g, "Tanh"),
                      add(g, "Dense", {{"units", int64_t{3}}}), add(g, "Output")})
        ids.push_back(id);
    chain(g, ids);
    p.dataset.kind = "csv";
    p.dataset.path = writeDataset(dir, rows, 11);
    p.dataset.target = "label";
    p.dataset.validationSplit = 0.2;
    p.dataset.testSplit = 0.1;
    p.training.epochs = epochs;
    p.training.batchSize = batch;
    p.training.optimizer.learningRate = 0.01;
    p.training.seed = 5;
    p.training.threads = 1;
    const std::string path = dir + "/dist.netloom";
    EXPECT_EQ(saveProject(p, path), "");
    return path;
}

struct Process {
    pid_t pid = -1;
    std::string stdoutPath, stderrPath;
    int status = -1;
    double seconds = 0;
};

// netloom-cli with `args` and extra environment, its output in files beside `logPrefix`.
Process start(const std::vector<std::string>& args, const std::vector<std::string>& env, const std::string& logPrefix) {
    Process p;
    p.stdoutPath = logPrefix + ".out";
    p.stderrPath = logPrefix + ".err";
    std::vector<std::string> all{NETLOOM_CLI};
    all.insert(all.end(), args.begin(), args.end());
    p.pid = fork();
    if (p.pid == 0) {
        int o = open(p.stdoutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(p.stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(o, 1);
        dup2(e, 2);
        for (const auto& v : env) putenv(const_cast<char*>(strdup(v.c_str())));
        std::vector<char*> argv;
        for (auto& a : all) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return p;
}

// Waits at most `limit` seconds; false (and the process killed) when it did not end.
bool waitFor(Process& p, double limit) {
    auto begin = Clock::now();
    for (;;) {
        int status = 0;
        if (waitpid(p.pid, &status, WNOHANG) == p.pid) {
            p.status = status;
            p.seconds = std::chrono::duration<double>(Clock::now() - begin).count();
            return true;
        }
        if (std::chrono::duration<double>(Clock::now() - begin).count() > limit) {
            kill(p.pid, SIGKILL);
            waitpid(p.pid, &status, 0);
            p.status = status;
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

int exitCode(const Process& p) { return WIFEXITED(p.status) ? WEXITSTATUS(p.status) : 128 + WTERMSIG(p.status); }

std::vector<EpochRecord> epochsOf(const std::string& runDir) {
    RunRecord run;
    std::string error;
    EXPECT_TRUE(readRun(runDir, run, error)) << error;
    return run.epochs;
}

// Runs to the end; the process must exit 0.
void runToEnd(const std::vector<std::string>& args, const std::string& log, std::vector<std::string> env = {}) {
    Process p = start(args, env, log);
    ASSERT_TRUE(waitFor(p, 240)) << "did not finish: " << readFile(p.stderrPath);
    ASSERT_EQ(exitCode(p), 0) << readFile(p.stdoutPath) << readFile(p.stderrPath);
}

void expectSameLosses(const std::vector<EpochRecord>& one, const std::vector<EpochRecord>& many, const char* what) {
    ASSERT_EQ(one.size(), many.size()) << what;
    for (size_t e = 0; e < one.size(); ++e) {
        EXPECT_NEAR(many[e].trainLoss, one[e].trainLoss, 1e-4 * std::abs(one[e].trainLoss) + 1e-6)
            << what << ", epoch " << e + 1;
        EXPECT_NEAR(many[e].valLoss, one[e].valLoss, 1e-4 * std::abs(one[e].valLoss) + 1e-6) << what << ", epoch " << e + 1;
    }
    // The comparison means something only when training moved the loss.
    EXPECT_LT(one.back().trainLoss, one.front().trainLoss * 0.95) << what;
}

// Epochs written so far; 0 while the folder is not there yet.
size_t epochsSoFar(const std::string& runDir) {
    RunRecord run;
    std::string error;
    return readRun(runDir, run, error) ? run.epochs.size() : 0;
}

int freePort() { return cli::freeLoopbackPort(); }

std::vector<std::string> rankEnv(int rank, int world, int port) {
    return {"RANK=" + std::to_string(rank), "WORLD_SIZE=" + std::to_string(world), "MASTER_ADDR=127.0.0.1",
            "MASTER_PORT=" + std::to_string(port), "LOCAL_RANK=" + std::to_string(rank)};
}

}  // namespace

// --- the launcher's environment -------------------------------------------------------------

struct FakeEnv {
    std::map<std::string, std::string> vars;
    std::function<const char*(const char*)> lookup() const {
        return [this](const char* n) -> const char* {
            auto it = vars.find(n);
            return it == vars.end() ? nullptr : it->second.c_str();
        };
    }
};

TEST(LaunchEnvironment, TorchrunAndPyTorchJobVariables) {
    FakeEnv env{{{"RANK", "2"}, {"WORLD_SIZE", "4"}, {"MASTER_ADDR", "job-master-0"}, {"MASTER_PORT", "23456"}}};
    cli::LaunchEnvironment e;
    ASSERT_EQ(cli::readLaunchEnvironment(env.lookup(), 0, e), "");
    EXPECT_EQ(e.rank, 2);
    EXPECT_EQ(e.worldSize, 4);
    EXPECT_EQ(e.masterAddr, "job-master-0");
    EXPECT_EQ(e.masterPort, 23456);
    EXPECT_EQ(e.localRank, 0) << "PyTorchJob sets no LOCAL_RANK: one rank per pod";
    EXPECT_EQ(e.localProcesses, 1);
}

TEST(LaunchEnvironment, TrainerV2VariablesStartProcessesPerNode) {
    FakeEnv env{{{"PET_NNODES", "3"}, {"PET_NPROC_PER_NODE", "4"}, {"PET_NODE_RANK", "2"},
                 {"PET_MASTER_ADDR", "train-node-0-0.train"}, {"PET_MASTER_PORT", "29400"}}};
    cli::LaunchEnvironment e;
    ASSERT_EQ(cli::readLaunchEnvironment(env.lookup(), 0, e), "");
    EXPECT_EQ(e.worldSize, 12);
    EXPECT_EQ(e.rank, 8) << "node 2's first rank";
    EXPECT_EQ(e.localProcesses, 4);
    EXPECT_EQ(e.masterAddr, "train-node-0-0.train");
    env.vars["PET_NPROC_PER_NODE"] = "auto";
    ASSERT_EQ(cli::readLaunchEnvironment(env.lookup(), 2, e), "");
    EXPECT_EQ(e.localProcesses, 2) << "auto: one per GPU";
    EXPECT_EQ(e.worldSize, 6);
    ASSERT_EQ(cli::readLaunchEnvironment(env.lookup(), 0, e), "");
    EXPECT_EQ(e.localProcesses, 1) << "auto without a GPU: one process";
    EXPECT_EQ(e.rank, 2);    // A plain Indexed Job: the node's rank is the pod's completion index.
    env.vars.erase("PET_NODE_RANK");
    env.vars["JOB_COMPLETION_INDEX"] = "1";
    ASSERT_EQ(cli::readLaunchEnvironment(env.lookup(), 0, e), "");
    EXPECT_EQ(e.rank, 1);
    env.vars["JOB_COMPLETION_INDEX"] = "3";
    EXPECT_NE(cli::readLaunchEnvironment(env.lookup(), 0, e).find("JOB_COMPLETION_INDEX=3"), std::string::npos);
}

TEST(LaunchEnvironment, MissingOrBadVariablesAreNamed) {
    cli::LaunchEnvironment e;
    EXPECT_NE(cli::readLaunchEnvironment(FakeEnv{}.lookup(), 0, e).find("RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT"),
              std::string::npos);
    FakeEnv half{{{"RANK", "0"}, {"WORLD_SIZE", "2"}}};
    EXPECT_NE(cli::readLaunchEnvironment(half.lookup(), 0, e).find("MASTER_ADDR, MASTER_PORT not set"), std::string::npos);
    FakeEnv outside{{{"RANK", "2"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "1"}}};
    EXPECT_NE(cli::readLaunchEnvironment(outside.lookup(), 0, e).find("RANK=2 is not a whole number from 0 to 1"),
              std::string::npos);
    FakeEnv port{{{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "http"}}};
    EXPECT_NE(cli::readLaunchEnvironment(port.lookup(), 0, e).find("MASTER_PORT=http"), std::string::npos);
    FakeEnv elastic{{{"PET_NNODES", "1:4"}, {"PET_MASTER_ADDR", "h"}, {"PET_MASTER_PORT", "5"}}};
    EXPECT_NE(cli::readLaunchEnvironment(elastic.lookup(), 0, e).find("elastic"), std::string::npos);
}

// --- ranks against one process --------------------------------------------------------------

// 2 and 3 ranks (--nproc) against one process with the same global batch: the same losses per
// epoch. 183 rows → 128 training rows in batches of 14: the last global batch has 2 rows, so with
// 3 ranks one rank's slice is empty.
TEST(Distributed, RanksGiveTheLossesOfOneProcess) {
    const std::string dir = makeTempDir();
    const std::string project = writeProject(dir, 183, 14, 4);
    runToEnd({"train", project, "--out", dir + "/one", "--threads", "1"}, dir + "/one");
    runToEnd({"train", project, "--out", dir + "/two", "--nproc", "2", "--timeout", "60"}, dir + "/two");
    runToEnd({"train", project, "--out", dir + "/three", "--nproc", "3", "--timeout", "60"}, dir + "/three");
    const auto one = epochsOf(dir + "/one");
    expectSameLosses(one, epochsOf(dir + "/two"), "2 ranks");
    expectSameLosses(one, epochsOf(dir + "/three"), "3 ranks");
    // Rank 0 alone wrote the run folder, and the output says which rank spoke.
    const std::string out = readFile(dir + "/three.out");
    // The case this project was sized for: a last global batch shorter than the 3 ranks.
    const size_t at = out.find("training samples: ");
    ASSERT_NE(at, std::string::npos) << out;
    const long samples = std::stol(out.substr(at + 18));
    EXPECT_GT(samples % 14, 0) << samples;
    EXPECT_LT(samples % 14, 3) << samples << " rows: the last batch leaves no rank without rows";
    EXPECT_NE(out.find("[rank 0] epoch 4/4"), std::string::npos) << out;
    EXPECT_EQ(out.find("[rank 1] epoch"), std::string::npos) << out;
    RunRecord run;
    std::string error;
    ASSERT_TRUE(readRun(dir + "/three", run, error)) << error;
    EXPECT_TRUE(run.finished && run.hasBest && run.hasLast);
    EXPECT_NE(readFile(dir + "/three/events.jsonl").find("\"ranks\":3"), std::string::npos);
}

// BatchNorm: each rank normalises by its own slice (no SyncBatchNorm), so losses differ a little
// from one process, but the running statistics are averaged: every rank ends with the same weights,
// and the run completes with the buffers in the checkpoint.
TEST(Distributed, BatchNormRunsAndAveragesItsStatistics) {
    const std::string dir = makeTempDir();
    const std::string project = writeProject(dir, 160, 16, 2, true);
    runToEnd({"train", project, "--out", dir + "/bn", "--nproc", "2", "--timeout", "60"}, dir + "/bn");
    auto epochs = epochsOf(dir + "/bn");
    ASSERT_EQ(epochs.size(), 2u);
    EXPECT_TRUE(std::isfinite(epochs[1].valLoss));
}

// Both variable sets, each rank started by the test: Trainer v2's PET_* and torchrun's RANK/...
TEST(Distributed, EnvironmentLaunchFromBothVariableSets) {
    const std::string dir = makeTempDir();
    const std::string project = writeProject(dir, 120, 20, 2);
    runToEnd({"train", project, "--out", dir + "/one", "--threads", "1"}, dir + "/one");
    for (const char* set : {"torchrun", "trainer"}) {
        const int port = freePort();
        std::vector<Process> ranks;
        for (int r = 0; r < 2; ++r) {
            std::vector<std::string> env =
                std::string(set) == "torchrun"
                    ? rankEnv(r, 2, port)
                    : std::vector<std::string>{"PET_NNODES=2", "PET_NPROC_PER_NODE=1", "PET_NODE_RANK=" + std::to_string(r),
                                               "PET_MASTER_ADDR=127.0.0.1", "PET_MASTER_PORT=" + std::to_string(port)};
            // The worker starts first: the rendezvous must wait for the master.
            ranks.push_back(start({"train", project, "--distributed", "--out", dir + "/" + set, "--threads", "1", "--timeout", "60"},
                                  env, dir + "/" + set + std::to_string(r)));
            if (r == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        }
        for (auto& p : ranks) {
            ASSERT_TRUE(waitFor(p, 240)) << set;
            EXPECT_EQ(exitCode(p), 0) << set << ": " << readFile(p.stderrPath);
        }
        expectSameLosses(epochsOf(dir + "/one"), epochsOf(dir + "/" + set), set);
    }
}

// No master: the rendezvous gives up after its timeout, says so, and exits non-zero.
TEST(Distributed, MissingMasterIsReportedAfterTheRendezvousTimeout) {
    const std::string dir = makeTempDir();
    const std::string project = writeProject(dir, 60, 20, 1);
    Process p = start({"train", project, "--distributed", "--rendezvous-timeout", "3"}, rankEnv(1, 2, freePort()), dir + "/alone");
    ASSERT_TRUE(waitFor(p, 60));
    EXPECT_EQ(exitCode(p), 1);
    EXPECT_LT(p.seconds, 20);
    const std::string err = readFile(p.stderrPath);
    EXPECT_NE(err.find("could not reach the master (rank 0) at 127.0.0.1:"), std::string::npos) << err;
    EXPECT_NE(err.find("within 3 s"), std::string::npos) << err;
}

// --- faults ---------------------------------------------------------------------------------

namespace {

// Two ranks on a long run; `fault` is done to rank 1 once rank 0 has finished an epoch. Rank 0
// must exit non-zero within `limit` seconds, naming rank 1.
void faultTest(int signal, int timeout, double limit, const std::string& dir, const std::string& project) {
    const int port = freePort();
    const std::vector<std::string> args{"train", project, "--distributed", "--out", dir + "/run", "--threads", "1",
                                        "--timeout", std::to_string(timeout)};
    Process leader = start(args, rankEnv(0, 2, port), dir + "/rank0");
    Process worker = start(args, rankEnv(1, 2, port), dir + "/rank1");
    auto begin = Clock::now();
    while (epochsSoFar(dir + "/run") < 2) {
        ASSERT_LT(std::chrono::duration<double>(Clock::now() - begin).count(), 120) << readFile(leader.stderrPath);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(worker.pid, signal);
    const bool ended = waitFor(leader, limit);
    kill(worker.pid, SIGKILL);
    waitFor(worker, 10);
    const std::string err = readFile(leader.stderrPath);
    ASSERT_TRUE(ended) << "rank 0 still ran " << limit << " s after rank 1's fault: " << err;
    EXPECT_EQ(exitCode(leader), 1) << err;
    EXPECT_NE(err.find("rank 1 "), std::string::npos) << err;
}

}  // namespace

// A killed rank: the other exits non-zero at once (its peer's connection closes), naming it; the
// job restarted with --auto-resume continues from last.ckpt to the end, no epoch lost or repeated.
TEST(Distributed, KilledRankStopsTheOthersAndTheRunResumes) {
    const std::string dir = makeTempDir();
    const std::string project = writeProject(dir, 2000, 20, 200);
    faultTest(SIGKILL, 30, 30, dir, project);
    const size_t done = epochsOf(dir + "/run").size();
    ASSERT_GE(done, 2u);
    ASSERT_LT(done, 200u);
    // The restarted job: same command, 2 epochs more than it had done.
    const std::string epochs = std::to_string(done + 2);
    runToEnd({"train", project, "--out", dir + "/run", "--auto-resume", "--nproc", "2", "--epochs", epochs, "--timeout", "60"},
             dir + "/resumed");
    const std::string out = readFile(dir + "/resumed.out");
    EXPECT_NE(out.find("[rank 0] resuming at epoch " + std::to_string(done + 1)), std::string::npos) << out;
    auto after = epochsOf(dir + "/run");
    ASSERT_EQ(after.size(), done + 2);
    for (size_t e = 0; e < after.size(); ++e) EXPECT_EQ(after[e].epoch, static_cast<int64_t>(e + 1));
}

// A hung rank (stopped, its sockets still open): the other gives up after the stated timeout
// (plus the heartbeat's margin), naming it — never waits forever.
TEST(Distributed, HungRankIsNamedWithinTheTimeout) {
    const std::string dir = makeTempDir();
    const std::string project = writeProject(dir, 2000, 20, 200);
    faultTest(SIGSTOP, 8, 8 + 5 + 15, dir, project);
}

// Ctrl+C on --nproc: the launcher passes it on once, every rank stops before the same batch (the
// stop flag travels with the gradients), rank 0 keeps last.ckpt, and everything exits 0.
TEST(Distributed, InterruptStopsEveryRankTogether) {
    const std::string dir = makeTempDir();
    const std::string project = writeProject(dir, 2000, 20, 200);
    Process launcher = start({"train", project, "--out", dir + "/run", "--nproc", "2", "--timeout", "30"}, {}, dir + "/launcher");
    auto begin = Clock::now();
    while (epochsSoFar(dir + "/run") < 1) {
        ASSERT_LT(std::chrono::duration<double>(Clock::now() - begin).count(), 120) << readFile(launcher.stderrPath);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(launcher.pid, SIGINT);
    ASSERT_TRUE(waitFor(launcher, 60)) << readFile(launcher.stderrPath);
    EXPECT_EQ(exitCode(launcher), 0) << readFile(launcher.stderrPath);
    const std::string out = readFile(launcher.stdoutPath);
    EXPECT_NE(out.find("[rank 0] finished: stopped by the user at epoch"), std::string::npos) << out;
    RunRecord run;
    std::string error;
    ASSERT_TRUE(readRun(dir + "/run", run, error)) << error;
    EXPECT_TRUE(run.hasLast);
    EXPECT_TRUE(run.resumable());
}
