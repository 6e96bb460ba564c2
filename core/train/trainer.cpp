#include "train/trainer.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <ctime>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "data/tabular_encoder.h"
#include "graph/graph_analysis.h"
#include "preprocess/image_pipeline.h"
#include "preprocess/text_pipeline.h"
#include "train/checkpoint.h"
#include "train/cpu_threads.h"
#include "train/metrics.h"
#include "train/network.h"
#include "util/atomic_file.h"

namespace netloom {

using Clock = std::chrono::steady_clock;

std::string describeDevice(const std::string& requested) {
    bool cuda = requested == "cuda" || (requested != "cpu" && torch::cuda::is_available());
    if (cuda) return "cuda:0";
    return "cpu (" + std::to_string(at::get_num_threads()) + " threads)";
}

struct Trainer::Impl {
    Project project;
    TrainOptions options;
    std::atomic<bool> stopRequested{false};
    std::atomic<bool> pauseRequested{false};
    std::mutex mutex;
    std::condition_variable wake;
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

std::string timestamp() {
    std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", std::localtime(&t));
    return buf;
}

double monitoredValue(const std::string& metric, const Metrics& v) {
    if (metric == "val_accuracy") return v.accuracy;
    if (metric == "val_mae") return v.mae;
    if (metric == "val_auc") return v.auc;
    return v.loss;
}

bool higherIsBetter(const std::string& metric) { return metric == "val_accuracy" || metric == "val_auc"; }

nlohmann::json metricsJson(const Metrics& m) {
    nlohmann::json j = {{"loss", m.loss}, {"samples", m.samples}};
    if (m.accuracy >= 0) j["accuracy"] = m.accuracy;
    if (m.mae >= 0) j["mae"] = m.mae;
    if (m.rmse >= 0) j["rmse"] = m.rmse;
    if (m.auc >= 0) j["auc"] = m.auc;
    if (!m.confusion.empty()) j["confusion"] = m.confusion;
    return j;
}

std::string csvNumber(double v) {
    if (v < 0) return "";
    std::ostringstream os;
    os.precision(6);
    os << v;
    return os.str();
}

// Everything one run needs, built once.
struct Run {
    Project project;
    TrainOptions options;
    Dataset data;
    GraphAnalysis analysis;
    Network net{nullptr};
    std::unique_ptr<torch::optim::Optimizer> optimizer;
    std::unique_ptr<ImagePipeline> pipeline;
    torch::Device device{torch::kCPU};
    std::string task;
    int64_t classes = 0;
    std::string runDir;
    double baseLr = 0;

    torch::Tensor inputs(const Split& split, const torch::Tensor& rows, bool training, std::mt19937_64* rng) const {
        torch::Tensor x = split.inputs.index_select(0, rows);
        if (data.kind == SampleKind::Image) x = pipeline->toModelInput(x, training, rng);
        return x.to(device, /*non_blocking=*/true);
    }

    torch::Tensor loss(const torch::Tensor& out, const torch::Tensor& x, const torch::Tensor& y) const {
        const std::string& l = project.training.loss;
        if (task == "reconstruction") {
            return l == "mae" ? torch::l1_loss(out, x) : torch::mse_loss(out, x);
        }
        if (task == "classification") return torch::cross_entropy_loss(out, y);
        if (task == "binary") return torch::binary_cross_entropy_with_logits(out.view({-1}), y.to(torch::kFloat32));
        return l == "mae" ? torch::l1_loss(out, y) : torch::mse_loss(out, y);
    }

    Metrics evaluate(const Split& split) {
        Metrics m;
        m.samples = split.size();
        if (m.samples == 0) return m;
        torch::NoGradGuard noGrad;
        net->eval();
        std::vector<torch::Tensor> outs;
        double lossSum = 0;
        const int64_t chunk = 1024;
        for (int64_t start = 0; start < m.samples; start += chunk) {
            int64_t n = std::min(chunk, m.samples - start);
            auto rows = torch::arange(start, start + n, torch::kInt64);
            auto x = inputs(split, rows, false, nullptr);
            auto y = split.targets.defined() ? split.targets.index_select(0, rows).to(device) : torch::Tensor();
            auto out = net->forward(x);
            lossSum += loss(out, x, y).item<double>() * n;
            if (task == "reconstruction") outs.push_back((out - x).pow(2).flatten(1).mean(1).cpu());
            else outs.push_back(out.cpu());
        }
        net->train();
        m.loss = lossSum / m.samples;
        torch::Tensor all = torch::cat(outs);
        if (task == "classification") {
            classificationMetrics(all, split.targets, classes, m);
        } else if (task == "binary") {
            auto scores = torch::sigmoid(all.view({-1}));
            auto y = split.targets.to(torch::kInt64);
            m.accuracy = ((scores > 0.5).to(torch::kInt64) == y).to(torch::kFloat64).mean().item<double>();
            m.auc = rocAuc(scores, y == 1);
            classificationMetrics(torch::stack({1 - scores, scores}, 1), y, 2, m);
        } else if (task == "regression") {
            auto diff = all - split.targets;
            m.mae = diff.abs().mean().item<double>();
            m.rmse = std::sqrt(diff.pow(2).mean().item<double>());
        } else {  // reconstruction: `all` holds per-sample squared error
            m.mae = all.mean().item<double>();
            m.rmse = std::sqrt(all.mean().item<double>());
            if (split.targets.defined() && classes == 2) {
                // The minority class is the anomaly; the score is the reconstruction error.
                auto y = split.targets.to(torch::kInt64);
                int64_t ones = y.sum().item<int64_t>();
                auto positive = ones * 2 <= y.numel() ? (y == 1) : (y == 0);
                m.auc = rocAuc(all, positive);
            }
        }
        return m;
    }
};

void checkTaskFits(Run& r) {
    const auto& outDims = r.analysis.nodes.at(r.analysis.outputNodes().at(0)).output->dims;
    const auto& summary = r.data.summary;
    auto dims = [](const std::vector<int64_t>& d) { return formatDims(d); };
    if (r.task == "classification") {
        if (outDims.size() != 1 || outDims[0] != r.classes)
            throw RunFailure("the Output gives " + dims(outDims) + " values but the dataset has " +
                             std::to_string(r.classes) + " classes — set the last Dense layer to " +
                             std::to_string(r.classes) + " units");
    } else if (r.task == "binary") {
        if (r.classes != 2) throw RunFailure("task binary needs 2 classes, the dataset has " + std::to_string(r.classes));
        if (outDims != std::vector<int64_t>{1}) throw RunFailure("task binary needs an Output of 1 value, got " + dims(outDims));
    } else if (r.task == "regression") {
        int64_t width = r.data.train.targets.size(1);
        if (outDims != std::vector<int64_t>{width})
            throw RunFailure("the Output gives " + dims(outDims) + " values, the target has " + std::to_string(width));
    } else if (outDims != summary.sampleShape) {
        throw RunFailure("a reconstruction must have the input's shape " + dims(summary.sampleShape) + ", the Output gives " +
                         dims(outDims));
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
                    throw RunFailure(n.name + " (Embedding): vocab_size " + std::to_string(v) + " is smaller than the vocabulary (" +
                                     std::to_string(r.data.text->vocabularySize()) + " ids)");
            }
    }
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimizerSettings& o, std::vector<torch::Tensor> params) {
    namespace optim = torch::optim;
    if (o.type == "sgd")
        return std::make_unique<optim::SGD>(params, optim::SGDOptions(o.learningRate)
                                                        .momentum(o.momentum)
                                                        .nesterov(o.nesterov && o.momentum > 0)
                                                        .weight_decay(o.weightDecay));
    if (o.type == "adamw")
        return std::make_unique<optim::AdamW>(params, optim::AdamWOptions(o.learningRate).weight_decay(o.weightDecay));
    if (o.type == "rmsprop")
        return std::make_unique<optim::RMSprop>(
            params, optim::RMSpropOptions(o.learningRate).momentum(o.momentum).weight_decay(o.weightDecay));
    return std::make_unique<optim::Adam>(params, optim::AdamOptions(o.learningRate).weight_decay(o.weightDecay));
}

void setLearningRate(torch::optim::Optimizer& opt, double lr) {
    for (auto& group : opt.param_groups()) group.options().set_lr(lr);
}

double currentLearningRate(torch::optim::Optimizer& opt) { return opt.param_groups().at(0).options().get_lr(); }

}  // namespace

bool Trainer::run(TrainingObserver& observer) {
    Impl& s = *impl_;
    Run r;
    r.project = s.project;
    r.options = s.options;
    std::ofstream events;
    auto logEvent = [&](const nlohmann::json& j) {
        if (events) events << j.dump() << "\n" << std::flush;
    };
    try {
        // Resuming: the run folder's own project snapshot is the truth.
        CheckpointState resumeState;
        std::string lastPath;
        if (!r.options.resumeDir.empty()) {
            r.runDir = r.options.resumeDir;
            lastPath = r.runDir + "/last.ckpt";
            ProjectLoad snap = loadProject(r.runDir + "/project.netloom");
            if (!snap.ok()) throw RunFailure("cannot resume: " + snap.error);
            std::string keepBase = r.project.baseDir;
            r.project = *snap.project;
            r.project.baseDir = keepBase.empty() ? snap.project->baseDir : keepBase;
            if (std::string e = readCheckpointState(lastPath, resumeState); !e.empty()) throw RunFailure("cannot resume: " + e);
        }
        const TrainingSettings& ts = r.project.training;
        r.task = ts.task;
        int64_t epochs = r.options.epochs > 0 ? r.options.epochs : ts.epochs;
        const CpuWork cpuWork = cpuWorkOf(r.project.graph);
        const int64_t cpuThreads = configureCpuThreads(r.options.threads > 0 ? r.options.threads : ts.threads, cpuWork);
        std::string deviceWanted = r.options.device.empty() ? ts.device : r.options.device;
        if (deviceWanted == "cuda" && !torch::cuda::is_available())
            throw RunFailure("device cuda was asked for but LibTorch sees no CUDA GPU (this build: " +
                             std::string(torch::cuda::is_available() ? "CUDA" : "CPU-only") + ")");
        bool cuda = deviceWanted == "cuda" || (deviceWanted == "auto" && torch::cuda::is_available());
        r.device = cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);

        r.analysis = analyzeGraph(r.project.graph);
        if (!r.analysis.ok()) throw RunFailure("the network has problems: " + r.analysis.problems[0].message);
        if (r.analysis.inputNodes().size() != 1 || r.analysis.outputNodes().size() != 1)
            throw RunFailure("training needs exactly one Input and one Output layer");

        DatasetLoad load = loadDataset(r.project);
        if (!load.ok()) throw RunFailure(load.error);
        r.data = std::move(*load.dataset);
        r.classes = static_cast<int64_t>(r.data.summary.classNames.size());
        r.pipeline = std::make_unique<ImagePipeline>(r.project.preprocess.image);
        checkTaskFits(r);

        torch::manual_seed(ts.seed);
        r.net = Network(r.project.graph, r.analysis);
        r.net->to(r.device);
        r.optimizer = makeOptimizer(ts.optimizer, r.net->parameters());
        r.baseLr = ts.optimizer.learningRate;

        if (r.runDir.empty())
            r.runDir = r.options.runDir.empty() ? "runs/" + (r.project.name.empty() ? "run" : r.project.name) + "-" + timestamp()
                                                : r.options.runDir;
        std::error_code dirError;
        std::filesystem::create_directories(r.runDir, dirError);
        if (dirError) throw RunFailure("cannot create the run folder " + r.runDir + ": " + dirError.message());
        int64_t firstEpoch = 1;
        double bestValue = std::nan("");
        int64_t bestEpoch = 0, sinceBest = 0;
        std::vector<nlohmann::json> history;
        if (!lastPath.empty()) {
            if (std::string e = loadCheckpoint(lastPath, *r.net, r.optimizer.get(), resumeState); !e.empty())
                throw RunFailure("cannot resume: " + e);
            auto st = nlohmann::json::parse(resumeState.stateJson);
            firstEpoch = resumeState.epochsCompleted + 1;
            bestEpoch = st.value("best_epoch", int64_t{0});
            if (st.contains("best_value") && st["best_value"].is_number()) bestValue = st["best_value"].get<double>();
            sinceBest = st.value("since_best", int64_t{0});
            torch::manual_seed(ts.seed + static_cast<uint64_t>(firstEpoch));
        } else {
            if (std::string e = saveProject(r.project, r.runDir + "/project.netloom"); !e.empty()) throw RunFailure(e);
            std::ofstream(r.runDir + "/metrics.csv")
                << "epoch,train_loss,train_accuracy,val_loss,val_accuracy,val_mae,val_rmse,val_auc,learning_rate,seconds,samples_per_s\n";
        }
        events.open(r.runDir + "/events.jsonl", std::ios::app);

        nlohmann::json preprocessState = {{"classes", r.data.summary.classNames}, {"task", r.task}};
        if (r.data.text) preprocessState["text"] = nlohmann::json::parse(r.data.text->toJson());
        if (r.data.tabular) preprocessState["tabular"] = nlohmann::json::parse(r.data.tabular->toJson());
        writeFileAtomically(r.runDir + "/preprocess.json", preprocessState.dump(2) + "\n");

        const int64_t n = r.data.train.size();
        const int64_t batchSize = std::min<int64_t>(ts.batchSize, n);
        int64_t batches = (n + batchSize - 1) / batchSize;
        if (r.options.maxBatchesPerEpoch > 0) batches = std::min(batches, r.options.maxBatchesPerEpoch);

        RunStarted started;
        started.runDir = r.runDir;
        started.device = cuda ? "cuda:0"
                              : "cpu (" + std::to_string(cpuThreads) + " threads" +
                                    (cpuWork == CpuWork::MatrixProducts ? ", in OpenBLAS)" : ")");
        started.epochs = epochs;
        started.firstEpoch = firstEpoch;
        started.batchesPerEpoch = batches;
        started.trainSamples = n;
        started.parameters = r.net->parameterCount();
        started.classNames = r.data.summary.classNames;
        observer.started(started);
        logEvent({{"event", "started"}, {"device", started.device}, {"first_epoch", firstEpoch}, {"epochs", epochs}});

        const std::string monitor = ts.earlyStopping.metric;
        auto saveState = [&](int64_t completed) {
            nlohmann::json st = preprocessState;
            st["best_epoch"] = bestEpoch;
            st["best_value"] = std::isnan(bestValue) ? nlohmann::json(nullptr) : nlohmann::json(bestValue);
            st["since_best"] = sinceBest;
            st["monitor"] = monitor;
            return CheckpointState{completed, st.dump()};
        };
        auto save = [&](const std::string& name, int64_t completed) {
            std::string path = r.runDir + "/" + name;
            if (std::string e = saveCheckpoint(path, *r.net, r.optimizer.get(), saveState(completed)); !e.empty())
                throw RunFailure(e);
            observer.checkpointSaved(path);
            logEvent({{"event", "checkpoint"}, {"path", path}, {"epochs_completed", completed}});
        };

        std::mt19937_64 augmentRng(ts.seed * 7919 + static_cast<uint64_t>(firstEpoch));
        std::string reason = "completed";
        int64_t globalStep = (firstEpoch - 1) * batches;
        double epochSecondsSum = 0;
        int64_t epochsTimed = 0;
        bool stopped = false;
        int64_t completedEpochs = firstEpoch - 1;
        r.net->train();
        std::vector<torch::Tensor> trainable = r.net->parameters();

        for (int64_t epoch = firstEpoch; epoch <= epochs && !stopped; ++epoch) {
            // Learning-rate schedule, set at the start of each epoch.
            if (ts.schedule.type == "step") {
                setLearningRate(*r.optimizer, r.baseLr * std::pow(ts.schedule.gamma, (epoch - 1) / ts.schedule.stepSize));
            } else if (ts.schedule.type == "cosine") {
                double t = static_cast<double>(epoch - 1) / std::max<int64_t>(1, epochs);
                setLearningRate(*r.optimizer, ts.schedule.minLearningRate +
                                                  (r.baseLr - ts.schedule.minLearningRate) * 0.5 * (1 + std::cos(M_PI * t)));
            }
            double lr = currentLearningRate(*r.optimizer);
            auto perm = torch::randperm(n, torch::kInt64);
            auto epochStart = Clock::now();
            double lossSum = 0;
            int64_t correct = 0, seen = 0;
            for (int64_t b = 0; b < batches; ++b) {
                if (s.pauseRequested) {
                    observer.paused(true);
                    std::unique_lock<std::mutex> lock(s.mutex);
                    s.wake.wait(lock, [&] { return !s.pauseRequested || s.stopRequested; });
                    observer.paused(false);
                }
                if (s.stopRequested) {
                    stopped = true;
                    reason = "stopped by the user at epoch " + std::to_string(epoch) + ", batch " + std::to_string(b + 1);
                    break;
                }
                auto rows = perm.narrow(0, b * batchSize, std::min(batchSize, n - b * batchSize));
                auto x = r.inputs(r.data.train, rows, true, &augmentRng);
                torch::Tensor y;
                if (r.data.train.targets.defined()) y = r.data.train.targets.index_select(0, rows).to(r.device, true);
                // Gradients set to "none" rather than zero-filled: backward then writes fresh
                // buffers instead of adding into zeros (PyTorch's set_to_none; same values).
                for (auto& p : trainable) p.mutable_grad() = torch::Tensor();
                auto out = r.net->forward(x);
                auto loss = r.loss(out, x, y);
                double lossValue = loss.item<double>();
                if (!std::isfinite(lossValue))
                    throw RunFailure("the loss became " + std::string(std::isnan(lossValue) ? "NaN" : "infinite") +
                                     " at epoch " + std::to_string(epoch) + ", batch " + std::to_string(b + 1) +
                                     " — lower the learning rate or set clip_norm");
                loss.backward();
                if (ts.clipNorm > 0) torch::nn::utils::clip_grad_norm_(r.net->parameters(), ts.clipNorm);
                r.optimizer->step();
                ++globalStep;
                int64_t bs = rows.size(0);
                lossSum += lossValue * bs;
                seen += bs;
                if (r.task == "classification") correct += (out.argmax(1) == y).sum().item<int64_t>();
                if (r.options.batchEventEvery > 0 && (b % r.options.batchEventEvery == 0 || b + 1 == batches)) {
                    BatchEvent be;
                    be.epoch = epoch;
                    be.batch = b + 1;
                    be.batchesPerEpoch = batches;
                    be.globalStep = globalStep;
                    be.loss = lossValue;
                    be.runningAccuracy = r.task == "classification" ? static_cast<double>(correct) / seen : -1;
                    double secs = std::chrono::duration<double>(Clock::now() - epochStart).count();
                    be.samplesPerSecond = secs > 0 ? seen / secs : 0;
                    be.learningRate = lr;
                    observer.batch(be);
                }
            }
            if (stopped) break;
            double trainSeconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
            EpochEvent ev;
            ev.epoch = epoch;
            ev.epochs = epochs;
            ev.train.loss = seen ? lossSum / seen : 0;
            ev.train.samples = seen;
            if (r.task == "classification") ev.train.accuracy = seen ? static_cast<double>(correct) / seen : 0;
            ev.validation = r.data.validation.size() ? r.evaluate(r.data.validation) : ev.train;
            ev.learningRate = lr;
            ev.seconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
            ev.samplesPerSecond = trainSeconds > 0 ? seen / trainSeconds : 0;
            epochSecondsSum += ev.seconds;
            ++epochsTimed;
            ev.etaSeconds = epochSecondsSum / epochsTimed * static_cast<double>(epochs - epoch);

            double value = monitoredValue(monitor, ev.validation);
            bool improved = std::isnan(bestValue) || (higherIsBetter(monitor) ? value > bestValue : value < bestValue);
            if (improved) {
                bestValue = value;
                bestEpoch = epoch;
                sinceBest = 0;
            } else {
                ++sinceBest;
            }
            ev.best = improved;
            if (ts.schedule.type == "plateau" && sinceBest > ts.schedule.patience) {
                setLearningRate(*r.optimizer, std::max(ts.schedule.minLearningRate, lr * ts.schedule.gamma));
                sinceBest = 0;
            }
            if (improved) save("best.ckpt", epoch);
            save("last.ckpt", epoch);
            {
                std::ofstream csv(r.runDir + "/metrics.csv", std::ios::app);
                csv << epoch << "," << csvNumber(ev.train.loss) << "," << csvNumber(ev.train.accuracy) << ","
                    << csvNumber(ev.validation.loss) << "," << csvNumber(ev.validation.accuracy) << ","
                    << csvNumber(ev.validation.mae) << "," << csvNumber(ev.validation.rmse) << ","
                    << csvNumber(ev.validation.auc) << "," << csvNumber(lr) << "," << csvNumber(ev.seconds) << ","
                    << csvNumber(ev.samplesPerSecond) << "\n";
            }
            logEvent({{"event", "epoch"}, {"epoch", epoch}, {"train", metricsJson(ev.train)},
                      {"validation", metricsJson(ev.validation)}, {"learning_rate", lr}, {"seconds", ev.seconds}});
            completedEpochs = epoch;
            observer.epoch(ev);
            if (ts.earlyStopping.enabled && epoch - bestEpoch >= ts.earlyStopping.patience) {
                reason = "early stopping at epoch " + std::to_string(epoch) + " (no improvement in " + monitor + " for " +
                         std::to_string(ts.earlyStopping.patience) + " epochs)";
                break;
            }
        }

        RunFinished fin;
        fin.reason = reason;
        fin.bestEpoch = bestEpoch;
        fin.lastCheckpoint = r.runDir + "/last.ckpt";
        fin.bestCheckpoint = r.runDir + "/best.ckpt";
        if (stopped) {
            // Keep what was learned: `last` holds the weights as they are now, resuming redoes this epoch.
            save("last.ckpt", completedEpochs);
        }
        if (bestEpoch > 0) {
            CheckpointState st;
            if (std::string e = loadCheckpoint(fin.bestCheckpoint, *r.net, nullptr, st); !e.empty()) throw RunFailure(e);
            fin.test = r.evaluate(r.data.test.size() ? r.data.test : r.data.validation);
        }
        nlohmann::json summary = {{"reason", reason}, {"best_epoch", bestEpoch}, {"test", metricsJson(fin.test)},
                                  {"classes", r.data.summary.classNames}};
        writeFileAtomically(r.runDir + "/summary.json", summary.dump(2) + "\n");
        logEvent({{"event", "finished"}, {"reason", reason}, {"best_epoch", bestEpoch}, {"test", metricsJson(fin.test)}});
        observer.finished(fin);
        return true;
    } catch (const RunFailure& e) {
        logEvent({{"event", "failed"}, {"reason", e.what()}});
        observer.failed(e.what());
    } catch (const c10::Error& e) {
        std::string why = std::string("LibTorch: ") + e.what_without_backtrace();
        logEvent({{"event", "failed"}, {"reason", why}});
        observer.failed(why);
    } catch (const std::exception& e) {
        logEvent({{"event", "failed"}, {"reason", e.what()}});
        observer.failed(e.what());
    }
    return false;
}

}  // namespace netloom
