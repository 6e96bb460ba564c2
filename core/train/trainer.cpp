// One training run, as stages: prepare (resume, device, data, network, optimizer, run folder), the
// epoch loop (batches from a BatchStream), evaluation, checkpoints and the run folder's records.
// Every stage also runs on each rank of a distributed run: the Collective keeps them in step and
// only the leader writes.
#include "train/trainer.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <random>

#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "data/tabular_encoder.h"
#include "graph/graph_analysis.h"
#include "preprocess/image_pipeline.h"
#include "preprocess/text_pipeline.h"
#include "project/project_checks.h"
#include "train/batch_stream.h"
#include "train/checkpoint.h"
#include "train/collective.h"
#include "train/cpu_threads.h"
#include "train/evaluation.h"
#include "train/network.h"
#include "train/optimization.h"
#include "train/prefetch_batches.h"
#include "train/shard_batches.h"
#include "train/run_folder.h"

namespace netloom {

using Clock = std::chrono::steady_clock;

std::string describeDevice(const std::string& requested) {
    bool cuda = requested == "cuda" || (requested != "cpu" && torch::cuda::is_available());
    if (cuda) return "cuda:0";
    return "cpu (" + std::to_string(at::get_num_threads()) + " threads)";
}

// Pause, resume and stop, set from any thread and honoured between batches.
struct Trainer::Impl {
    Project project;
    TrainOptions options;
    std::atomic<bool> stopRequested{false};
    std::atomic<bool> pauseRequested{false};
    std::mutex mutex;
    std::condition_variable wake;

    // Blocks while paused; returns true when the run should stop.
    bool holdWhilePausedThenCheckStop(TrainingObserver& observer) {
        if (pauseRequested) {
            observer.paused(true);
            std::unique_lock<std::mutex> lock(mutex);
            wake.wait(lock, [&] { return !pauseRequested || stopRequested; });
            observer.paused(false);
        }
        return stopRequested;
    }
};

Trainer::Trainer(Project project, TrainOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->project = std::move(project);
    impl_->options = std::move(options);
}

Trainer::~Trainer() = default;

void Trainer::pause() { impl_->pauseRequested = true; }

// The flags change under the mutex the paused loop waits with, so a wake-up cannot fall between
// its check and its wait and be lost.
void Trainer::resume() {
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        impl_->pauseRequested = false;
    }
    impl_->wake.notify_all();
}

void Trainer::stop() {
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        impl_->stopRequested = true;
    }
    impl_->wake.notify_all();
}

namespace {

class RunFailure : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

void require(const std::string& error, const std::string& context = {}) {
    if (!error.empty()) throw RunFailure(context + error);
}

// The metric early stopping, the `best` checkpoint and the plateau schedule watch. Without a
// validation split it falls back to the training figures, and says so.
struct Monitor {
    std::string metric;  // val_loss | val_accuracy | val_mae | val_auc
    bool onValidation = true;
    double best = std::nan("");
    int64_t bestEpoch = 0;
    int64_t sinceBest = 0;

    std::string watched() const { return onValidation ? metric : "train_" + metric.substr(4) + " (no validation split)"; }
    bool higherIsBetter() const { return metric == "val_accuracy" || metric == "val_auc"; }
    double valueOf(const Metrics& m) const {
        if (metric == "val_accuracy") return m.accuracy;
        if (metric == "val_mae") return m.mae;
        if (metric == "val_auc") return m.auc;
        return m.loss;
    }
    // Records the epoch; returns true when it is the best so far.
    bool record(int64_t epoch, const Metrics& m) {
        double value = valueOf(m);
        bool improved = std::isnan(best) || (higherIsBetter() ? value > best : value < best);
        if (improved) {
            best = value;
            bestEpoch = epoch;
            sinceBest = 0;
        } else {
            ++sinceBest;
        }
        return improved;
    }
    nlohmann::json toJson() const {
        return {{"best_epoch", bestEpoch},
                {"best_value", std::isnan(best) ? nlohmann::json(nullptr) : nlohmann::json(best)},
                {"since_best", sinceBest},
                {"monitor", metric}};
    }
    void restore(const nlohmann::json& st) {
        bestEpoch = st.value("best_epoch", int64_t{0});
        if (st.contains("best_value") && st["best_value"].is_number()) best = st["best_value"].get<double>();
        sinceBest = st.value("since_best", int64_t{0});
    }
};

// Everything one run needs, built once by prepareRun.
struct Run {
    Project project;
    TrainOptions options;
    std::shared_ptr<Collective> collective;
    Dataset data;
    GraphAnalysis analysis;
    Network net{nullptr};
    std::unique_ptr<torch::optim::Optimizer> optimizer;
    std::unique_ptr<ImagePipeline> pipeline;
    std::unique_ptr<BatchStream> batches;
    torch::Device device{torch::kCPU};
    std::string deviceText;
    int64_t classes = 0;
    int64_t epochs = 0;
    int64_t firstEpoch = 1;
    std::string runDir;
    std::string resumeFrom;  // last.ckpt of the run being resumed
    CheckpointState resumeState;
    nlohmann::json preprocessState;
    Monitor monitor;
    std::optional<LearningRateSchedule> schedule;
    std::optional<RunFolderWriter> folder;  // the leader's; other ranks write nothing

    const TrainingSettings& settings() const { return project.training; }
    bool leader() const { return collective->isLeader(); }

    // Stored rows → the network's input on the device (images: augmentation when training, scaling).
    torch::Tensor toInput(const torch::Tensor& stored, bool training, std::mt19937_64* rng) const {
        torch::Tensor x = stored;
        if (data.kind == SampleKind::Image) x = pipeline->toModelInput(x, training, rng);
        return x.to(device, /*non_blocking=*/true);
    }

    EvaluationContext evaluationContext() const {
        EvaluationContext c;
        c.task = settings().task;
        c.loss = settings().loss;
        c.classes = classes;
        c.device = device;
        c.toInput = [this](const torch::Tensor& stored) { return toInput(stored, false, nullptr); };
        return c;
    }

    void logEvent(const nlohmann::json& event) {
        if (folder) folder->logEvent(event);
    }
};

// --- prepare -------------------------------------------------------------------------------

// Resuming: the run folder's own project snapshot is the truth.
void adoptResumedRun(Run& r) {
    if (r.options.resumeDir.empty()) return;
    r.runDir = r.options.resumeDir;
    r.resumeFrom = r.runDir + "/last.ckpt";
    ProjectLoad snap = loadProject(r.runDir + "/project.netloom");
    if (!snap.ok()) throw RunFailure("cannot resume: " + snap.error);
    std::string keepBase = r.project.baseDir;
    r.project = *snap.project;
    r.project.baseDir = keepBase.empty() ? snap.project->baseDir : keepBase;
    require(readCheckpointState(r.resumeFrom, r.resumeState), "cannot resume: ");
}

void chooseDevice(Run& r) {
    const CpuWork cpuWork = cpuWorkOf(r.project.graph);
    const int64_t threads = configureCpuThreads(r.options.threads > 0 ? r.options.threads : r.settings().threads, cpuWork);
    const std::string wanted = r.options.device.empty() ? r.settings().device : r.options.device;
    const bool cudaAvailable = torch::cuda::is_available();
    if (wanted == "cuda" && !cudaAvailable)
        throw RunFailure("device cuda was asked for but LibTorch sees no CUDA GPU (this build of Netloom runs on the CPU)");
    const bool cuda = wanted == "cuda" || (wanted == "auto" && cudaAvailable);
    const auto gpu = static_cast<c10::DeviceIndex>(r.options.cudaDevice);
    r.device = cuda ? torch::Device(torch::kCUDA, gpu) : torch::Device(torch::kCPU);
    r.deviceText = cuda ? "cuda:" + std::to_string(r.options.cudaDevice)
                        : "cpu (" + std::to_string(threads) + " threads" +
                              (cpuWork == CpuWork::MatrixProducts ? ", in OpenBLAS)" : ")");
}

void analyseNetwork(Run& r) {
    // Without the data yet: an Input that follows the data has the preprocessing's shape here, and the
    // sample's once loadData has read it.
    r.analysis = analyzeProject(r.project);
    bool followsTheData = false;
    for (NodeId id : r.analysis.inputNodes()) followsTheData |= followsData(*r.project.graph.node(id));
    // Its shape may still change with what the data gives: loadData judges it then.
    if (!r.analysis.ok() && !followsTheData) throw RunFailure("the network has problems: " + r.analysis.problems[0].message);
    if (r.analysis.inputNodes().size() != 1 || r.analysis.outputNodes().size() != 1)
        throw RunFailure("training needs exactly one Input and one Output layer");
    for (const std::string& problem : settingsProblems(r.project)) throw RunFailure(problem);
}

void checkTaskFits(const Run& r) {
    const auto& outDims = r.analysis.nodes.at(r.analysis.outputNodes().at(0)).output->dims;
    const auto& summary = r.data.summary;
    auto dims = [](const std::vector<int64_t>& d) { return formatDims(d); };
    switch (r.settings().task) {
    case Task::Classification:
        if (outDims.size() != 1 || outDims[0] != r.classes)
            throw RunFailure("the Output gives " + dims(outDims) + " values but the dataset has " +
                             std::to_string(r.classes) + " classes — set the last Dense layer to " +
                             std::to_string(r.classes) + " units");
        break;
    case Task::Binary:
        if (r.classes != 2) throw RunFailure("task binary needs 2 classes, the dataset has " + std::to_string(r.classes));
        if (outDims != std::vector<int64_t>{1}) throw RunFailure("task binary needs an Output of 1 value, got " + dims(outDims));
        break;
    case Task::Regression: {
        int64_t width = r.data.train.targets.size(1);
        if (outDims != std::vector<int64_t>{width})
            throw RunFailure("the Output gives " + dims(outDims) + " values, the target has " + std::to_string(width));
        break;
    }
    case Task::Reconstruction:
        if (outDims != summary.sampleShape)
            throw RunFailure("a reconstruction must have the input's shape " + dims(summary.sampleShape) +
                             ", the Output gives " + dims(outDims));
        break;
    }
    // The Input must match what the data gives.
    const auto& inDims = r.analysis.nodes.at(r.analysis.inputNodes().at(0)).output->dims;
    if (inDims != summary.sampleShape)
        throw RunFailure("the Input expects " + dims(inDims) + " per sample but the dataset gives " +
                         dims(summary.sampleShape) + " — adjust the Input layer or the preprocessing");
    if (r.data.text) {
        for (const auto& [id, n] : r.project.graph.nodes())
            if (n.type == "Embedding" && n.params.find("vocab_size")) {
                int64_t v = std::get<int64_t>(*n.params.find("vocab_size"));
                if (v < r.data.text->vocabularySize())
                    throw RunFailure(n.name + " (Embedding): vocab_size " + std::to_string(v) +
                                     " is smaller than the vocabulary (" + std::to_string(r.data.text->vocabularySize()) +
                                     " ids)");
            }
    }
}

void loadData(Run& r, TrainingObserver& observer) {
    DatasetLoad load = loadDataset(r.project, false, [&observer](const DataProgress& p) { observer.dataProgress(p); });
    if (!load.ok()) throw RunFailure(load.error);
    r.data = std::move(*load.dataset);
    r.classes = static_cast<int64_t>(r.data.summary.classNames.size());
    r.pipeline = std::make_unique<ImagePipeline>(r.project.preprocess.image);
    const DataFacts facts = DataFacts::of(r.data.summary);
    r.analysis = analyzeProject(r.project, &facts);
    if (!r.analysis.ok()) throw RunFailure("the network has problems: " + r.analysis.problems[0].message);
    checkTaskFits(r);
    // The sample's shape goes with the weights: prediction and export resolve an Input that
    // follows the data as training did (DataFacts::ofRunState).
    r.preprocessState = {{"classes", r.data.summary.classNames},
                         {"task", nameOf(r.settings().task)},
                         {"sample_shape", r.data.summary.sampleShape}};
    if (r.data.text) r.preprocessState["text"] = nlohmann::json::parse(r.data.text->toJson());
    if (r.data.tabular) r.preprocessState["tabular"] = nlohmann::json::parse(r.data.tabular->toJson());
    if (!r.data.summary.fingerprint.empty()) r.preprocessState["data_fingerprint"] = r.data.summary.fingerprint;
}

// The project's seed decides the initial weights; rank 0's are broadcast so every rank starts equal.
void buildNetwork(Run& r) {
    torch::manual_seed(r.settings().seed);
    r.net = Network(r.project.graph, r.analysis);
    r.net->to(r.device);
    if (r.collective->worldSize() > 1) {
        std::vector<torch::Tensor> state;
        for (auto& p : r.net->parameters()) state.push_back(p.detach());
        for (auto& b : r.net->buffers()) state.push_back(b);
        torch::NoGradGuard noGrad;
        r.collective->broadcast(state);
        // From here each rank draws its own dropout masks (rank 0 keeps the single process's draws).
        if (r.collective->rank() > 0) torch::manual_seed(r.settings().seed + 1000003ull * r.collective->rank());
    }
    r.collective->attach(*r.net);
    r.optimizer = makeOptimizer(r.settings().optimizer, r.net->parameters());
    r.epochs = r.options.epochs > 0 ? r.options.epochs : r.settings().epochs;
    r.schedule.emplace(r.settings().schedule, r.settings().optimizer.learningRate, r.epochs);
    r.monitor.metric = r.settings().earlyStopping.metric;
    r.monitor.onValidation = r.data.validation.size() > 0;
}

void restoreCheckpoint(Run& r) {
    if (r.resumeFrom.empty()) return;
    require(loadCheckpoint(r.resumeFrom, *r.net, r.optimizer.get(), r.resumeState), "cannot resume: ");
    r.firstEpoch = r.resumeState.epochsCompleted + 1;
    r.monitor.restore(nlohmann::json::parse(r.resumeState.stateJson));
    torch::manual_seed(r.settings().seed + static_cast<uint64_t>(r.firstEpoch) + 1000003ull * r.collective->rank());
}

void openRunFolder(Run& r) {
    if (r.runDir.empty())
        r.runDir = r.options.runDir.empty() ? newRunFolderPath("runs", r.project.name.empty() ? "run" : r.project.name)
                                            : r.options.runDir;
    if (!r.leader()) return;
    r.folder.emplace();
    require(r.folder->open(r.runDir, r.project, !r.resumeFrom.empty()));
    require(r.folder->writePreprocess(r.preprocessState));
}

void prepareRun(Run& r, TrainingObserver& observer) {
    adoptResumedRun(r);
    chooseDevice(r);
    analyseNetwork(r);
    loadData(r, observer);
    buildNetwork(r);
    restoreCheckpoint(r);
    openRunFolder(r);
    const int64_t batch = r.settings().batchSize, cap = r.options.maxBatchesPerEpoch;
    r.batches = prefetchingBatches(r.data.trainStream ? shardBatches(r.data.trainStream, batch, *r.collective, cap)
                                                      : permutedBatches(r.data.train, batch, *r.collective, cap));
}

RunStarted startedEvent(const Run& r) {
    RunStarted started;
    started.runDir = r.runDir;
    started.device = r.deviceText;
    started.epochs = r.epochs;
    started.firstEpoch = r.firstEpoch;
    started.batchesPerEpoch = r.batches->batchesPerEpoch();
    started.trainSamples = r.data.trainStream ? r.data.summary.trainSize : r.data.train.size();
    started.parameters = r.net->parameterCount();
    started.classNames = r.data.summary.classNames;
    started.skippedInputs = static_cast<int64_t>(r.data.summary.skipped.size());
    started.dataFingerprint = r.data.summary.fingerprint;
    return started;
}

// --- checkpoints ---------------------------------------------------------------------------

void saveCheckpointNamed(Run& r, TrainingObserver& observer, const std::string& name, int64_t epochsCompleted) {
    if (!r.leader()) return;
    nlohmann::json state = r.preprocessState;
    state.update(r.monitor.toJson());
    const std::string path = r.folder->path(name);
    require(saveCheckpoint(path, *r.net, r.optimizer.get(), CheckpointState{epochsCompleted, state.dump()}));
    observer.checkpointSaved(path);
    r.logEvent({{"event", "checkpoint"}, {"path", path}, {"epochs_completed", epochsCompleted}});
}

// --- the epoch loop ------------------------------------------------------------------------

struct EpochTotals {
    double lossSum = 0;
    int64_t correct = 0;
    int64_t seen = 0;
    bool stopped = false;
    std::string stopReason;
};

// One optimisation step on this rank's part of a global batch; returns the local mean loss.
double trainStep(Run& r, const Batch& batch, std::mt19937_64& augmentRng, const std::vector<torch::Tensor>& trainable,
                 int64_t epoch, int64_t batchNumber, torch::Tensor& out, torch::Tensor& y) {
    // Gradients set to "none" rather than zero-filled: backward then writes fresh buffers instead
    // of adding into zeros (PyTorch's set_to_none; same values).
    for (auto& p : trainable) p.mutable_grad() = torch::Tensor();
    if (batch.rows() == 0) {
        // This rank's slice of a short last batch is empty: it adds nothing but steps with the others.
        r.collective->synchronizeGradients(trainable);
        if (r.settings().clipNorm > 0) torch::nn::utils::clip_grad_norm_(trainable, r.settings().clipNorm);
        r.optimizer->step();
        return 0;
    }
    auto x = r.toInput(batch.inputs, true, &augmentRng);
    y = batch.targets.defined() ? batch.targets.to(r.device, true) : torch::Tensor();
    out = r.net->forward(x);
    auto loss = taskLoss(r.settings().task, r.settings().loss, out, x, y);
    double value = loss.item<double>();
    if (!std::isfinite(value))
        throw RunFailure("the loss became " + std::string(std::isnan(value) ? "NaN" : "infinite") + " at epoch " +
                         std::to_string(epoch) + ", batch " + std::to_string(batchNumber) +
                         " — lower the learning rate or set clip_norm");
    // Scaled by this rank's share, the summed gradients are the global batch's mean gradient.
    if (batch.rows() != batch.globalRows) loss = loss * (static_cast<double>(batch.rows()) / batch.globalRows);
    loss.backward();
    r.collective->synchronizeGradients(trainable);
    if (r.settings().clipNorm > 0) torch::nn::utils::clip_grad_norm_(trainable, r.settings().clipNorm);
    r.optimizer->step();
    return value;
}

EpochTotals trainEpoch(Run& r, Trainer::Impl& control, TrainingObserver& observer, int64_t epoch, double lr,
                       std::mt19937_64& augmentRng, int64_t& globalStep) {
    const std::vector<torch::Tensor> trainable = r.net->parameters();
    const int64_t batches = r.batches->batchesPerEpoch();
    const bool classification = r.settings().task == Task::Classification;
    EpochTotals t;
    auto start = Clock::now();
    r.batches->startEpoch(epoch);
    Batch batch;
    for (int64_t b = 0; r.batches->next(batch); ++b) {
        if (r.collective->stopAgreed(control.holdWhilePausedThenCheckStop(observer))) {
            t.stopped = true;
            t.stopReason = "stopped by the user at epoch " + std::to_string(epoch) + ", batch " + std::to_string(b + 1);
            break;
        }
        torch::Tensor out, y;
        const double loss = trainStep(r, batch, augmentRng, trainable, epoch, b + 1, out, y);
        r.collective->progress(++globalStep);
        const int64_t rows = batch.rows();
        t.lossSum += loss * rows;
        t.seen += rows;
        if (classification && rows > 0) t.correct += (out.argmax(1) == y).sum().item<int64_t>();
        const int64_t every = r.options.batchEventEvery;
        if (every > 0 && (b % every == 0 || b + 1 == batches)) {
            BatchEvent be;
            be.epoch = epoch;
            be.batch = b + 1;
            be.batchesPerEpoch = batches;
            be.globalStep = globalStep;
            be.loss = loss;
            be.runningAccuracy = classification ? static_cast<double>(t.correct) / t.seen : -1;
            double secs = std::chrono::duration<double>(Clock::now() - start).count();
            be.samplesPerSecond = secs > 0 ? t.seen / secs : 0;
            be.learningRate = lr;
            observer.batch(be);
        }
    }
    return t;
}

// The epoch's training figures over all ranks.
Metrics trainMetrics(Run& r, EpochTotals t) {
    if (r.collective->worldSize() > 1) {
        std::vector<torch::Tensor> sums{torch::tensor({t.lossSum, static_cast<double>(t.correct), static_cast<double>(t.seen)},
                                                      torch::kFloat64)};
        r.collective->allReduceSum(sums);
        t.lossSum = sums[0][0].item<double>();
        t.correct = static_cast<int64_t>(sums[0][1].item<double>());
        t.seen = static_cast<int64_t>(sums[0][2].item<double>());
    }
    Metrics m;
    m.loss = t.seen ? t.lossSum / t.seen : 0;
    m.samples = t.seen;
    if (r.settings().task == Task::Classification) m.accuracy = t.seen ? static_cast<double>(t.correct) / t.seen : 0;
    return m;
}

// The validation figures that steer the run (best checkpoint, early stopping, plateau schedule)
// are rank 0's on every rank, so that no rank can decide differently from the others.
void agreeOnValidation(Run& r, Metrics& m) {
    if (r.collective->worldSize() == 1 || m.samples == 0) return;
    std::vector<torch::Tensor> v{torch::tensor({m.loss, m.accuracy, m.mae, m.rmse, m.auc}, torch::kFloat64)};
    r.collective->broadcast(v);
    auto a = v[0].accessor<double, 1>();
    m.loss = a[0], m.accuracy = a[1], m.mae = a[2], m.rmse = a[3], m.auc = a[4];
}

// Records a finished epoch: monitor, schedule, checkpoints, metrics.csv, events, observer.
// Returns the early-stopping reason, or an empty string to go on.
std::string concludeEpoch(Run& r, TrainingObserver& observer, EpochEvent& ev) {
    const Metrics& watched = r.monitor.onValidation ? ev.validation : ev.train;
    ev.best = r.monitor.record(ev.epoch, watched);
    if (r.schedule->afterEpoch(*r.optimizer, r.monitor.sinceBest)) r.monitor.sinceBest = 0;
    if (ev.best) saveCheckpointNamed(r, observer, "best.ckpt", ev.epoch);
    saveCheckpointNamed(r, observer, "last.ckpt", ev.epoch);
    if (r.folder) require(r.folder->appendEpoch(epochRecordOf(ev)));
    nlohmann::json event = {{"event", "epoch"}, {"epoch", ev.epoch}, {"train", metricsJson(ev.train)},
                            {"learning_rate", ev.learningRate}, {"seconds", ev.seconds}};
    if (ev.validation.samples > 0) event["validation"] = metricsJson(ev.validation);
    r.logEvent(event);
    observer.epoch(ev);
    const EarlyStoppingSettings& es = r.settings().earlyStopping;
    if (es.enabled && ev.epoch - r.monitor.bestEpoch >= es.patience)
        return "early stopping at epoch " + std::to_string(ev.epoch) + " (no improvement in " + r.monitor.watched() +
               " for " + std::to_string(es.patience) + " epochs)";
    return {};
}

// --- the end -------------------------------------------------------------------------------

// The best weights on the test split; without one, on the validation split (and said so).
void finalEvaluation(Run& r, RunFinished& fin) {
    if (r.monitor.bestEpoch == 0 || !r.leader()) return;  // the leader reports it
    const Split* split = r.data.test.size() ? &r.data.test : r.data.validation.size() ? &r.data.validation : nullptr;
    if (!split) return;
    CheckpointState st;
    require(loadCheckpoint(fin.bestCheckpoint, *r.net, nullptr, st));
    fin.evaluatedOn = split == &r.data.test ? "test" : "validation";
    fin.evaluation = evaluate(*r.net, *split, r.evaluationContext());
}

void writeSummary(Run& r, const RunFinished& fin) {
    nlohmann::json summary = {{"reason", fin.reason}, {"best_epoch", fin.bestEpoch},
                              {"classes", r.data.summary.classNames}, {"evaluated_on", fin.evaluatedOn}};
    if (!fin.evaluatedOn.empty()) summary["final"] = metricsJson(fin.evaluation);
    if (r.data.trainStream && r.data.trainStream->skipped > 0) {  // found while streaming
        std::lock_guard<std::mutex> lock(r.data.trainStream->mutex);
        summary["skipped_while_streaming"] = r.data.trainStream->skipped.load();
        nlohmann::json named = nlohmann::json::array();
        for (const auto& s : r.data.trainStream->skippedInputs) named.push_back({{"input", s.location}, {"reason", s.reason}});
        summary["skipped_inputs"] = named;
    }
    if (fin.evaluatedOn == "test") summary["test"] = metricsJson(fin.evaluation);
    if (r.folder) require(r.folder->writeSummary(summary));
    nlohmann::json event = summary;
    event["event"] = "finished";
    r.logEvent(event);
}

void runEpochs(Run& r, Trainer::Impl& control, TrainingObserver& observer) {
    std::mt19937_64 augmentRng(r.settings().seed * 7919 + static_cast<uint64_t>(r.firstEpoch) +
                               1000003ull * r.collective->rank());
    std::string reason = "completed";
    int64_t globalStep = (r.firstEpoch - 1) * r.batches->batchesPerEpoch();
    double epochSecondsSum = 0;
    int64_t completedEpochs = r.firstEpoch - 1;
    bool stopped = false;
    r.net->train();
    for (int64_t epoch = r.firstEpoch; epoch <= r.epochs; ++epoch) {
        r.schedule->atEpochStart(*r.optimizer, epoch);
        const double lr = currentLearningRate(*r.optimizer);
        auto epochStart = Clock::now();
        EpochTotals totals = trainEpoch(r, control, observer, epoch, lr, augmentRng, globalStep);
        if (totals.stopped) {
            stopped = true;
            reason = totals.stopReason;
            break;
        }
        const double trainSeconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
        EpochEvent ev;
        ev.epoch = epoch;
        ev.epochs = r.epochs;
        ev.train = trainMetrics(r, totals);
        r.collective->averageBuffers(*r.net);
        ev.validation = evaluate(*r.net, r.data.validation, r.evaluationContext());
        agreeOnValidation(r, ev.validation);
        ev.learningRate = lr;
        ev.seconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
        ev.samplesPerSecond = trainSeconds > 0 ? ev.train.samples / trainSeconds : 0;
        epochSecondsSum += ev.seconds;
        ev.etaSeconds = epochSecondsSum / (epoch - r.firstEpoch + 1) * static_cast<double>(r.epochs - epoch);
        completedEpochs = epoch;
        std::string early = concludeEpoch(r, observer, ev);
        if (!early.empty()) {
            reason = early;
            break;
        }
    }
    RunFinished fin;
    fin.reason = reason;
    fin.bestEpoch = r.monitor.bestEpoch;
    fin.lastCheckpoint = r.runDir + "/last.ckpt";
    fin.bestCheckpoint = r.runDir + "/best.ckpt";
    // Keep what was learned: `last` holds the weights as they are now, resuming redoes this epoch.
    if (stopped) saveCheckpointNamed(r, observer, "last.ckpt", completedEpochs);
    finalEvaluation(r, fin);
    writeSummary(r, fin);
    observer.finished(fin);
}

}  // namespace

bool Trainer::run(TrainingObserver& observer) {
    Impl& s = *impl_;
    Run r;
    r.project = s.project;
    r.options = s.options;
    r.collective = r.options.collective ? r.options.collective : std::make_shared<Collective>();
    try {
        prepareRun(r, observer);
        RunStarted started = startedEvent(r);
        observer.started(started);
        nlohmann::json event = {{"event", "started"}, {"device", started.device}, {"first_epoch", r.firstEpoch},
                                {"epochs", r.epochs}, {"ranks", r.collective->worldSize()}};
        if (!started.dataFingerprint.empty()) event["data_fingerprint"] = started.dataFingerprint;
        if (started.skippedInputs > 0) {
            event["skipped_inputs"] = started.skippedInputs;
            nlohmann::json skipped = nlohmann::json::array();
            for (const auto& s : r.data.summary.skipped) skipped.push_back({{"input", s.location}, {"reason", s.reason}});
            event["skipped"] = skipped;
        }
        r.logEvent(event);
        runEpochs(r, s, observer);
        return true;
    } catch (const RunFailure& e) {
        r.logEvent({{"event", "failed"}, {"reason", e.what()}});
        observer.failed(e.what());
    } catch (const c10::Error& e) {
        std::string why = std::string("LibTorch: ") + e.what_without_backtrace();
        r.logEvent({{"event", "failed"}, {"reason", why}});
        observer.failed(why);
    } catch (const std::exception& e) {
        r.logEvent({{"event", "failed"}, {"reason", e.what()}});
        observer.failed(e.what());
    }
    return false;
}

}  // namespace netloom
