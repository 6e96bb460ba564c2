// The c10d side of a distributed run. LibTorch's C++ frontend has no DistributedDataParallel, so
// this is its small equivalent on the c10d collectives: rank 0's weights broadcast, gradients
// summed in flat buckets, BatchNorm buffers averaged. A heartbeat thread keeps every rank aware of
// the others through the store, so a rank that dies or hangs is named, and no rank waits forever.
#include "train/distributed_collective.h"

// The c10d headers compile to nothing without these (torch/csrc/distributed/c10d/*.hpp).
#define USE_C10D_GLOO
#ifdef NETLOOM_NCCL
#define USE_C10D_NCCL
#endif
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef NETLOOM_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace netloom {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds kBeat{500};

std::string secondsText(std::chrono::seconds s) { return std::to_string(s.count()) + " s"; }

bool isLoopback(const std::string& address) {
    return address == "localhost" || address.rfind("127.", 0) == 0 || address == "::1";
}

// LibTorch's messages carry a C++ backtrace after the sentence; keep the sentence.
std::string reasonOf(const std::exception& e) {
    std::string text;
    if (auto* c10 = dynamic_cast<const c10::Error*>(&e)) text = c10->what_without_backtrace();
    else text = e.what();
    auto end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

std::string key(const char* what, int rank) { return std::string("netloom/") + what + "/" + std::to_string(rank); }

std::string toText(const std::vector<uint8_t>& bytes) { return std::string(bytes.begin(), bytes.end()); }
std::vector<uint8_t> toBytes(const std::string& text) { return std::vector<uint8_t>(text.begin(), text.end()); }

std::string hostName() {
    char name[256] = {};
    gethostname(name, sizeof name - 1);
    return name;
}

c10::intrusive_ptr<c10d::TCPStore> openStore(const DistributedConfig& c, bool server, Clock::time_point deadline) {
    std::string lastError;
    const std::string where = c.masterAddr + ":" + std::to_string(c.masterPort);
    for (;;) {
        c10d::TCPStoreOptions options;
        options.port = static_cast<std::uint16_t>(c.masterPort);
        options.isServer = server;
        options.numWorkers = static_cast<std::size_t>(c.worldSize);
        options.waitWorkers = false;
        // The client retries a refused connection for this long; we retry around it until the deadline.
        auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
        options.timeout = std::clamp(left, milliseconds(1000), milliseconds(10000));
        try {
            auto store = c10::make_intrusive<c10d::TCPStore>(c.masterAddr, options);
            store->setTimeout(c.timeout);
            return store;
        } catch (const std::exception& e) {
            lastError = reasonOf(e);
        }
        if (server && (lastError.find("in use") != std::string::npos || lastError.find("errno: 98") != std::string::npos))
            throw std::runtime_error("rank 0 cannot serve the rendezvous store on port " + std::to_string(c.masterPort) +
                                     ": the port is in use (choose another MASTER_PORT)");
        if (Clock::now() >= deadline)
            throw std::runtime_error("rank " + std::to_string(c.rank) + " could not reach the master (rank 0) at " + where +
                                     " within " + secondsText(c.rendezvousTimeout) + " (" + lastError +
                                     "): is rank 0 running, and do MASTER_ADDR and MASTER_PORT name it?");
        std::this_thread::sleep_for(milliseconds(1000));
    }
}

}  // namespace

struct DistributedCollective::Impl {
    DistributedConfig config;
    c10::intrusive_ptr<c10d::TCPStore> store;     // the main thread's connection
    c10::intrusive_ptr<c10d::TCPStore> beatStore; // the heartbeat thread's own connection
    c10::intrusive_ptr<c10d::ProcessGroup> group;

    std::atomic<int64_t> step{0};
    std::thread heartbeat;
    std::mutex mutex;
    std::condition_variable wake;
    bool stopBeating = false;
    std::atomic<bool> reported{false};  // this rank published why the run failed

    struct Bucket {
        std::vector<size_t> members;  // indices into the parameter list
        std::vector<int64_t> offsets;
        torch::Tensor flat;
    };
    std::vector<Bucket> buckets;
    size_t bucketedParameters = 0;
    // The stop flag rides in the last bucket's extra element: no collective of its own per step.
    bool stopHere = false, stopAgreed = false;

    std::string where() const { return config.masterAddr + ":" + std::to_string(config.masterPort); }

    // --- failures -----------------------------------------------------------------------------

    // Publishes the run's failure once, for the ranks that are still waiting on a collective.
    void publishFailure(const std::string& reason) {
        if (reported.exchange(true)) return;
        try {
            store->set(key("failed", config.rank), toBytes(reason));
            store->add("netloom/failures", 1);
        } catch (const std::exception&) {
        }
    }

    // A failure reported by another rank, or "".
    std::string reportedFailure(c10d::Store& s) {
        if (s.add("netloom/failures", 0) == 0) return {};
        for (int k = 0; k < config.worldSize; ++k)
            if (k != config.rank && s.check({key("failed", k)})) return toText(s.get(key("failed", k)));
        return {};
    }

    // Why a collective failed, in terms of ranks: one that reported a failure, one whose
    // heartbeat stopped, or rank 0 when its store is gone.
    std::string diagnose(const std::string& what) {
        try {
            if (std::string other = reportedFailure(*store); !other.empty()) return other;
            std::map<int, int64_t> before;
            for (int k = 0; k < config.worldSize; ++k)
                if (k != config.rank) before[k] = store->add(key("beat", k), 0);
            std::this_thread::sleep_for(4 * kBeat);
            if (std::string other = reportedFailure(*store); !other.empty()) return other;
            std::vector<int> silent;
            for (auto [k, count] : before)
                if (store->add(key("beat", k), 0) == count && store->add(key("done", k), 0) == 0) silent.push_back(k);
            if (!silent.empty()) {
                std::string ranks;
                for (int k : silent) ranks += (ranks.empty() ? "" : ", ") + std::to_string(k);
                return (silent.size() == 1 ? "rank " : "ranks ") + ranks +
                       " stopped responding (exited, was killed or hung); rank " + std::to_string(config.rank) +
                       " gives up (" + what + ")";
            }
        } catch (const std::exception&) {
            if (config.rank != 0)
                return "lost rank 0 (the master at " + where() + "): it exited, was killed or is unreachable (" + what + ")";
        }
        return "rank " + std::to_string(config.rank) + ": a collective operation failed: " + what;
    }

    template <typename F>
    void guarded(F&& f) {
        try {
            f();
        } catch (const std::exception& e) {
            std::string reason = diagnose(reasonOf(e));
            publishFailure(reason);
            throw std::runtime_error(reason);
        }
    }

    void waitAll(std::vector<c10::intrusive_ptr<c10d::Work>>& works) {
        for (auto& w : works) w->wait(config.timeout);
    }

    // --- heartbeat ----------------------------------------------------------------------------

    [[noreturn]] void abortRun(const std::string& reason) {
        std::cerr << "error: training failed: " << reason << std::endl;
        std::_Exit(1);
    }

    // Every half second: beat, and look at the others. A rank silent for longer than the timeout
    // (plus a margin, so that the collective's own timeout usually reports first), a failure
    // another rank reported, or the loss of rank 0's store ends this process: nothing hangs.
    void beat() {
        std::map<int, std::pair<int64_t, Clock::time_point>> seen;
        const auto limit = std::chrono::duration_cast<milliseconds>(config.timeout) + milliseconds(5000);
        int storeErrors = 0;
        for (;;) {
            {
                std::unique_lock<std::mutex> lock(mutex);
                if (wake.wait_for(lock, kBeat, [&] { return stopBeating; })) return;
            }
            try {
                beatStore->set(key("step", config.rank), toBytes(std::to_string(step.load())));
                beatStore->add(key("beat", config.rank), 1);
                storeErrors = 0;
                if (!reported) {
                    if (std::string other = reportedFailure(*beatStore); !other.empty()) abortRun(other);
                }
                const auto now = Clock::now();
                for (int k = 0; k < config.worldSize; ++k) {
                    if (k == config.rank || beatStore->add(key("done", k), 0) > 0) continue;
                    int64_t count = beatStore->add(key("beat", k), 0);
                    auto it = seen.find(k);
                    if (it == seen.end() || it->second.first != count) {
                        seen[k] = {count, now};
                    } else if (now - it->second.second > limit && !reported) {
                        std::string reason = "rank " + std::to_string(k) + " has not responded for " +
                                             std::to_string(std::chrono::duration_cast<std::chrono::seconds>(limit).count()) +
                                             " s (hung, stopped or cut off); rank " + std::to_string(config.rank) +
                                             " gives up";
                        publishFailure(reason);
                        if (config.rank == 0) std::this_thread::sleep_for(4 * kBeat);
                        abortRun(reason);
                    }
                }
            } catch (const std::exception& e) {
                // The store lives in rank 0: losing it means losing rank 0.
                if (config.rank != 0 && ++storeErrors >= 3 && !reported)
                    abortRun("lost rank 0 (the master at " + where() + "): it exited, was killed or is unreachable (" +
                             reasonOf(e) + ")");
            }
        }
    }

    void stopHeartbeat() {
        {
            std::lock_guard<std::mutex> lock(mutex);
            stopBeating = true;
        }
        wake.notify_all();
        if (heartbeat.joinable()) heartbeat.join();
    }

    // --- gradients ----------------------------------------------------------------------------

    // Buckets of about config.bucketBytes, in reverse parameter order (roughly the order backward
    // produces gradients), one dtype and device per bucket.
    void buildBuckets(const std::vector<torch::Tensor>& parameters) {
        buckets.clear();
        bucketedParameters = parameters.size();
        Bucket current;
        int64_t bytes = 0;
        auto close = [&] {
            if (current.members.empty()) return;
            const torch::Tensor& first = parameters[current.members[0]];
            current.flat = torch::zeros({current.offsets.back()}, first.options());
            current.offsets.pop_back();
            buckets.push_back(std::move(current));
            current = Bucket();
            bytes = 0;
        };
        for (size_t n = parameters.size(); n-- > 0;) {
            const torch::Tensor& p = parameters[n];
            if (!current.members.empty()) {
                const torch::Tensor& first = parameters[current.members[0]];
                if (first.scalar_type() != p.scalar_type() || first.device() != p.device() ||
                    bytes + p.numel() * static_cast<int64_t>(p.element_size()) > static_cast<int64_t>(config.bucketBytes))
                    close();
            }
            if (current.offsets.empty()) current.offsets.push_back(0);
            current.members.push_back(n);
            current.offsets.push_back(current.offsets.back() + p.numel());
            bytes += p.numel() * static_cast<int64_t>(p.element_size());
        }
        close();
        if (buckets.empty()) buckets.push_back(Bucket{{}, {}, torch::zeros({0})});
        // One more element at the end of the last bucket: the stop flag.
        Bucket& last = buckets.back();
        last.flat = torch::cat({last.flat, torch::zeros({1}, last.flat.options())});
    }
};

std::shared_ptr<DistributedCollective> joinDistributedRun(const DistributedConfig& c) {
    if (c.worldSize < 1 || c.rank < 0 || c.rank >= c.worldSize)
        throw std::runtime_error("rank " + std::to_string(c.rank) + " is outside a world of " + std::to_string(c.worldSize) +
                                 " ranks (RANK must be 0..WORLD_SIZE-1)");
    auto impl = std::make_unique<DistributedCollective::Impl>();
    impl->config = c;
    const auto deadline = Clock::now() + c.rendezvousTimeout;
    impl->store = openStore(c, c.rank == 0, deadline);
    impl->beatStore = openStore(c, false, deadline);

    // Every rank signs in, then waits for the others.
    auto& store = *impl->store;
    store.set(key("host", c.rank), toBytes(hostName() + " pid " + std::to_string(getpid())));
    store.add("netloom/joined", 1);
    while (store.add("netloom/joined", 0) < c.worldSize) {
        if (Clock::now() >= deadline) {
            std::string missing;
            for (int k = 0; k < c.worldSize; ++k)
                if (!store.check({key("host", k)})) missing += (missing.empty() ? "" : ", ") + std::to_string(k);
            throw std::runtime_error("rank " + std::to_string(c.rank) + ": rank(s) " + missing + " of " +
                                     std::to_string(c.worldSize) + " did not join within " + secondsText(c.rendezvousTimeout));
        }
        std::this_thread::sleep_for(milliseconds(200));
    }

    auto prefixed = c10::make_intrusive<c10d::PrefixStore>("netloom/c10d", impl->store);
    try {
#ifdef NETLOOM_NCCL
        if (c.cuda) {
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = c.timeout;
            impl->group = c10::make_intrusive<c10d::ProcessGroupNCCL>(prefixed, c.rank, c.worldSize, options);
        }
#endif
        if (!impl->group) {
            auto options = c10d::ProcessGroupGloo::Options::create(c.timeout);
            if (isLoopback(c.masterAddr))
                options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
            else if (const char* iface = std::getenv("GLOO_SOCKET_IFNAME"); iface && *iface)
                options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(iface));
            else
                options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
            impl->group = c10::make_intrusive<c10d::ProcessGroupGloo>(prefixed, c.rank, c.worldSize, options);
        }
    } catch (const std::exception& e) {
        throw std::runtime_error("rank " + std::to_string(c.rank) + " could not connect to the other ranks: " + reasonOf(e));
    }
    auto* raw = impl.get();
    raw->heartbeat = std::thread([raw] { raw->beat(); });
    return std::shared_ptr<DistributedCollective>(new DistributedCollective(std::move(impl)));
}

DistributedCollective::DistributedCollective(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

DistributedCollective::~DistributedCollective() {
    impl_->stopHeartbeat();
    impl_->group.reset();
}

int DistributedCollective::rank() const { return impl_->config.rank; }
int DistributedCollective::worldSize() const { return impl_->config.worldSize; }

void DistributedCollective::progress(int64_t step) { impl_->step = step; }

void DistributedCollective::broadcast(std::vector<torch::Tensor>& tensors) {
    impl_->guarded([&] {
        std::vector<c10::intrusive_ptr<c10d::Work>> works;
        std::vector<torch::Tensor> sent;
        for (auto& t : tensors) {
            sent.push_back(t.is_contiguous() ? t : t.contiguous());
            std::vector<torch::Tensor> one{sent.back()};
            works.push_back(impl_->group->broadcast(one));
        }
        impl_->waitAll(works);
        for (size_t k = 0; k < tensors.size(); ++k)
            if (!sent[k].is_same(tensors[k])) tensors[k].copy_(sent[k]);
    });
}

void DistributedCollective::allReduceSum(std::vector<torch::Tensor>& tensors) {
    impl_->guarded([&] {
        std::vector<c10::intrusive_ptr<c10d::Work>> works;
        std::vector<torch::Tensor> summed;
        for (auto& t : tensors) {
            summed.push_back(t.is_contiguous() ? t : t.contiguous());
            std::vector<torch::Tensor> one{summed.back()};
            works.push_back(impl_->group->allreduce(one));
        }
        impl_->waitAll(works);
        for (size_t k = 0; k < tensors.size(); ++k)
            if (!summed[k].is_same(tensors[k])) tensors[k].copy_(summed[k]);
    });
}

bool DistributedCollective::stopAgreed(bool requestedHere) {
    impl_->stopHere = impl_->stopHere || requestedHere;
    return impl_->stopAgreed;
}

void DistributedCollective::attach(torch::nn::Module& network) { impl_->buildBuckets(network.parameters()); }

// Each bucket is packed, all buckets are summed at once (Gloo works on them in its own threads),
// then unpacked. The loss was scaled by this rank's share of the global batch, so the sum is the
// global batch's mean gradient: the "divide" of SUM-then-divide happened before backward, exactly
// (also for an uneven last batch, where dividing by the world size would be wrong).
void DistributedCollective::synchronizeGradients(const std::vector<torch::Tensor>& parameters) {
    if (impl_->bucketedParameters != parameters.size()) impl_->buildBuckets(parameters);
    torch::NoGradGuard noGrad;
    impl_->guarded([&] {
        std::vector<c10::intrusive_ptr<c10d::Work>> works;
        for (auto& bucket : impl_->buckets) {
            for (size_t m = 0; m < bucket.members.size(); ++m) {
                const torch::Tensor& grad = parameters[bucket.members[m]].grad();
                torch::Tensor slot = bucket.flat.narrow(0, bucket.offsets[m], parameters[bucket.members[m]].numel());
                if (grad.defined()) slot.copy_(grad.reshape(-1));
                else slot.zero_();
            }
            if (&bucket == &impl_->buckets.back()) bucket.flat[-1].fill_(impl_->stopHere ? 1 : 0);
            std::vector<torch::Tensor> one{bucket.flat};
            works.push_back(impl_->group->allreduce(one));
        }
        impl_->waitAll(works);
    });
    impl_->stopAgreed = impl_->buckets.back().flat[-1].item<double>() > 0;
    for (auto& bucket : impl_->buckets)
        for (size_t m = 0; m < bucket.members.size(); ++m) {
            const torch::Tensor& p = parameters[bucket.members[m]];
            torch::Tensor summed = bucket.flat.narrow(0, bucket.offsets[m], p.numel()).view(p.sizes());
            // Every rank ends with a gradient for every parameter, also one whose slice of the batch
            // was empty, so that every rank steps its optimizer the same way.
            if (p.grad().defined()) p.grad().copy_(summed);
            else const_cast<torch::Tensor&>(p).mutable_grad() = summed.clone();
        }
}

void DistributedCollective::averageBuffers(torch::nn::Module& network) {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> floating;
    for (auto& b : network.buffers())
        if (b.is_floating_point()) floating.push_back(b);
    if (floating.empty()) return;
    allReduceSum(floating);
    for (auto& b : floating) b.div_(worldSize());
}

void DistributedCollective::finish(bool ok, const std::string& reason) {
    Impl& s = *impl_;
    s.stopHeartbeat();
    try {
        if (!ok) {
            s.publishFailure("rank " + std::to_string(s.config.rank) + " failed: " + (reason.empty() ? "see its output" : reason));
            // Rank 0 holds the store: stay a moment so the others can read why.
            if (s.config.rank == 0) std::this_thread::sleep_for(6 * kBeat);
            return;
        }
        s.store->add(key("done", s.config.rank), 1);
        if (s.config.rank != 0) return;
        // Rank 0 keeps the store until every rank has left it (or one failed, or the timeout).
        const auto deadline = Clock::now() + s.config.timeout;
        for (;;) {
            int done = 0;
            for (int k = 1; k < s.config.worldSize; ++k) done += s.store->add(key("done", k), 0) > 0;
            if (done == s.config.worldSize - 1 || s.store->add("netloom/failures", 0) > 0 || Clock::now() > deadline) break;
            std::this_thread::sleep_for(milliseconds(100));
        }
    } catch (const std::exception&) {
        // The store is gone: nobody is left to wait for.
    }
}

}  // namespace netloom
