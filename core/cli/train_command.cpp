// netloom-cli train FILE: one training run with a progress line per epoch and the test metrics.
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "cli/commands.h"
#include "project/project.h"
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
    ConsoleObserver(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}
    void started(const RunStarted& s) override {
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
    void failed(const std::string& reason) override { err_ << "error: training failed: " << reason << std::endl; }

private:
    std::ostream& out_;
    std::ostream& err_;
};

}  // namespace

int trainCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) {
        err << "usage: netloom-cli train FILE [--epochs N] [--device auto|cpu|cuda] [--out RUN_DIR] [--resume RUN_DIR]\n";
        return 2;
    }
    std::optional<Project> project = loadProjectFor(args.positional[0], err);
    if (!project) return 2;
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
    options.batchEventEvery = 0;
    Trainer trainer(*project, options);
    ConsoleObserver observer(out, err);
    activeTrainer = &trainer;
    std::signal(SIGINT, onInterrupt);
    bool ok = trainer.run(observer);
    std::signal(SIGINT, SIG_DFL);
    activeTrainer = nullptr;
    return ok ? 0 : 1;
}

}  // namespace netloom::cli
