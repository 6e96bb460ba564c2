// netloom-cli train FILE: one training run with a progress line per epoch and the test metrics.
#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <cstdio>
#include <iomanip>
#include <sstream>
#include <sys/stat.h>
#include <thread>

#include "cli/commands.h"
#include "cli/distributed_launch.h"
#include "project/project.h"
#include "train/distributed_collective.h"
#include "train/trainer.h"

namespace netloom::cli {

namespace {

Trainer* activeTrainer = nullptr;

void onInterrupt(int) {
    // SIGINT: stop after the current batch and keep the checkpoint (a second Ctrl+C kills).
    if (activeTrainer) activeTrainer->stop();
    std::signal(SIGINT, SIG_DFL);
}

std::string duration(double s) {
    std::ostringstream os;
    if (s >= 3600) os << static_cast<int>(s / 3600) << "h" << std::setw(2) << std::setfill('0') << static_cast<int>(s / 60) % 60 << "m";
    else if (s >= 60) os << static_cast<int>(s / 60) << "m" << std::setw(2) << std::setfill('0') << static_cast<int>(s) % 60 << "s";
    else os << std::fixed << std::setprecision(1) << s << "s";
    return os.str();
}

class ConsoleObserver : public TrainingObserver {
public:
    // `quiet`: a distributed run's other ranks print only their failures (rank 0 reports the run).
    ConsoleObserver(std::ostream& out, std::ostream& err, bool quiet = false) : out_(out), err_(err), quiet_(quiet) {}
    std::string failure;
    void started(const RunStarted& s) override {
        if (quiet_) return;
        out_ << "run folder: " << s.runDir << "\ndevice: " << s.device << "\nparameters: " << s.parameters
             << "\ntraining samples: " << s.trainSamples << ", " << s.batchesPerEpoch << " batches per epoch\n";
        if (s.firstEpoch > 1) out_ << "resuming at epoch " << s.firstEpoch << "\n";
        if (!s.dataFingerprint.empty()) out_ << "data version: " << s.dataFingerprint << "\n";
        if (s.skippedInputs > 0)
            out_ << "skipped inputs: " << s.skippedInputs << " unreadable (named in " << s.runDir << "/events.jsonl)\n";
        out_ << std::flush;
    }
    // One line per report (every half second while the cache builds), on stderr: stdout stays the record.
    void dataProgress(const DataProgress& p) override {
        err_ << p.stage << ": " << p.done << "/" << p.total;
        if (p.total > 0) err_ << " (" << (100 * p.done / p.total) << "%)";
        if (p.done == p.total) err_ << " in " << duration(p.seconds);
        else if (p.etaSeconds >= 0) err_ << ", eta " << duration(p.etaSeconds);
        err_ << std::endl;
    }
    void epoch(const EpochEvent& e) override {
        if (quiet_) return;
        out_ << "epoch " << e.epoch << "/" << e.epochs << std::fixed << std::setprecision(4) << "  loss " << e.train.loss;
        if (e.train.accuracy >= 0) out_ << "  acc " << e.train.accuracy;
        if (e.validation.samples > 0) {
            out_ << "  val_loss " << e.validation.loss;
            if (e.validation.accuracy >= 0) out_ << "  val_acc " << e.validation.accuracy;
            if (e.validation.mae >= 0) out_ << "  val_mae " << e.validation.mae;
            if (e.validation.auc >= 0) out_ << "  val_auc " << e.validation.auc;
        } else {
            out_ << "  (no validation split)";
        }
        out_ << std::setprecision(0) << "  " << e.samplesPerSecond << " samples/s  " << duration(e.seconds)
             << "  eta " << duration(e.etaSeconds) << (e.best ? "  *best" : "") << std::endl;
    }
    void finished(const RunFinished& f) override {
        if (quiet_) return;
        out_ << "finished: " << f.reason << "\nbest epoch: " << f.bestEpoch << std::fixed << std::setprecision(4) << "\n";
        printEvaluation(f);
        out_ << "checkpoints: " << f.bestCheckpoint << ", " << f.lastCheckpoint << std::endl;
    }
    // "test:" only from a real test split; otherwise the line says what it shows.
    void printEvaluation(const RunFinished& f) {
        const Metrics& m = f.evaluation;
        if (f.evaluatedOn.empty()) {
            out_ << "no test or validation split: nothing was held out to evaluate\n";
            return;
        }
        out_ << (f.evaluatedOn == "test" ? "test" : "no test split; validation") << ": loss " << m.loss;
        if (m.accuracy >= 0) out_ << "  accuracy " << m.accuracy;
        if (m.mae >= 0) out_ << "  mae " << m.mae << "  rmse " << m.rmse;
        if (m.auc >= 0) out_ << "  auc " << m.auc;
        out_ << "  (" << m.samples << " samples)\n";
    }
    void failed(const std::string& reason) override {
        failure = reason;
        err_ << "error: training failed: " << reason << std::endl;
    }

private:
    std::ostream& out_;
    std::ostream& err_;
    bool quiet_ = false;
};

bool fileExists(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0;
}

// The command line each local rank runs: this one, less --nproc, plus --distributed and its share
// of the cores.
std::vector<std::string> rankArguments(const Arguments& args, int processes) {
    std::vector<std::string> a{"train"};
    a.insert(a.end(), args.positional.begin(), args.positional.end());
    for (const auto& [name, value] : args.options) {
        if (name == "nproc" || name == "distributed") continue;
        a.push_back("--" + name);
        if (name != "auto-resume") a.push_back(value);
    }
    a.push_back("--distributed");
    if (!args.has("threads")) {
        const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        a.push_back("--threads");
        a.push_back(std::to_string(std::max(1u, cores / static_cast<unsigned>(processes))));
    }
    return a;
}

int wholeSeconds(const Arguments& args, const char* name, int fallback) {
    if (!args.has(name)) return fallback;
    long v = std::stol(args.get(name));
    if (v < 1 || v > 86400) throw std::invalid_argument(name);
    return static_cast<int>(v);
}

}  // namespace

int trainCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) {
        err << "usage: netloom-cli train FILE [--epochs N] [--device auto|cpu|cuda] [--out RUN_DIR] [--resume RUN_DIR]\n";
        return 2;
    }
    std::optional<Project> project = loadProjectFor(args.positional[0], err);
    if (!project) return 2;
    int timeout = 300, rendezvousTimeout = 900, nproc = 0;
    try {
        timeout = wholeSeconds(args, "timeout", 300);
        rendezvousTimeout = wholeSeconds(args, "rendezvous-timeout", 900);
        if (args.has("nproc")) nproc = std::stoi(args.get("nproc"));
        if (args.has("nproc") && (nproc < 1 || nproc > 1024)) throw std::invalid_argument("nproc");
    } catch (const std::exception&) {
        err << "error: --timeout and --rendezvous-timeout take seconds (1 to 86400), --nproc a count from 1 to 1024\n";
        return 2;
    }
    if (nproc > 0 && args.has("distributed")) {
        err << "error: --nproc starts its own ranks; --distributed is for a rank a launcher started (use one of them)\n";
        return 2;
    }
    if (args.has("auto-resume") && args.get("out").empty()) {
        err << "error: --auto-resume needs --out RUN_DIR (the folder a restarted job resumes)\n";
        return 2;
    }
    if (nproc > 0) {
        LocalLaunch launch;
        launch.processes = launch.worldSize = nproc;
        launch.masterPort = freeLoopbackPort();
        launch.arguments = rankArguments(args, nproc);
        launch.timeoutSeconds = timeout;
        return runLocalRanks(launch, out, err);
    }
    std::shared_ptr<DistributedCollective> collective;
    int localRank = 0;
    if (args.has("distributed")) {
        LaunchEnvironment env;
        const int gpus = torch::cuda::is_available() ? static_cast<int>(torch::cuda::device_count()) : 0;
        if (std::string e = readLaunchEnvironment([](const char* n) { return std::getenv(n); }, gpus, env); !e.empty()) {
            err << "error: " << e << "\n";
            return 2;
        }
        if (env.localProcesses > 1) {
            LocalLaunch launch;
            launch.processes = env.localProcesses;
            launch.firstRank = env.rank;
            launch.worldSize = env.worldSize;
            launch.masterAddr = env.masterAddr;
            launch.masterPort = env.masterPort;
            launch.arguments = rankArguments(args, env.localProcesses);
            launch.timeoutSeconds = timeout;
            return runLocalRanks(launch, out, err);
        }
        DistributedConfig config;
        config.masterAddr = env.masterAddr;
        config.masterPort = env.masterPort;
        config.worldSize = env.worldSize;
        config.rank = env.rank;
        config.localRank = localRank = env.localRank;
        config.timeout = std::chrono::seconds(timeout);
        config.rendezvousTimeout = std::chrono::seconds(rendezvousTimeout);
        config.cuda = args.get("device") != "cpu" && gpus > 0;
        try {
            collective = joinDistributedRun(config);
        } catch (const std::exception& e) {
            err << "error: " << e.what() << "\n";
            return 1;
        }
        if (collective->isLeader())
            out << "distributed: " << env.worldSize << " ranks from " << env.source << ", master " << env.masterAddr << ":"
                << env.masterPort << ", timeout " << timeout << " s\n" << std::flush;
    }
    TrainOptions options;
    try {
        if (args.has("epochs")) options.epochs = std::stoll(args.get("epochs"));
        if (args.has("threads")) options.threads = std::stoll(args.get("threads"));
        if (args.has("max-batches")) options.maxBatchesPerEpoch = std::stoll(args.get("max-batches"));
    } catch (const std::exception&) {
        err << "error: --epochs, --threads and --max-batches take whole numbers\n";
        return 2;
    }
    options.device = args.get("device");
    if (!options.device.empty() && options.device != "auto" && options.device != "cpu" && options.device != "cuda") {
        err << "error: --device must be auto, cpu or cuda\n";
        return 2;
    }
    options.runDir = args.get("out");
    options.resumeDir = args.get("resume");
    // A restarted job (a pod rescheduled after a failure) continues where its run folder stopped.
    if (args.has("auto-resume") && options.resumeDir.empty() && fileExists(options.runDir + "/last.ckpt"))
        options.resumeDir = options.runDir;
    options.batchEventEvery = 0;
    options.collective = collective;
    options.cudaDevice = localRank;
    Trainer trainer(*project, options);
    ConsoleObserver observer(out, err, collective && !collective->isLeader());
    activeTrainer = &trainer;
    std::signal(SIGINT, onInterrupt);
    bool ok = trainer.run(observer);
    std::signal(SIGINT, SIG_DFL);
    activeTrainer = nullptr;
    if (collective) collective->finish(ok, observer.failure);
    return ok ? 0 : 1;
}

}  // namespace netloom::cli
