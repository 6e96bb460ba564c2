#include "cli/distributed_launch.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <optional>

extern char** environ;

namespace netloom::cli {

namespace {

std::optional<long> wholeNumber(const char* text) {
    if (!text || !*text) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    long v = std::strtol(text, &end, 10);
    if (errno || *end) return std::nullopt;
    return v;
}

}  // namespace

std::string readLaunchEnvironment(const std::function<const char*(const char*)>& getenv, int gpus,
                                  LaunchEnvironment& out) {
    auto number = [&](const char* name, long low, long high, int& into, bool required, long fallback) -> std::string {
        const char* text = getenv(name);
        if (!text || !*text) {
            if (required) return std::string(name) + " is not set";
            into = static_cast<int>(fallback);
            return {};
        }
        auto v = wholeNumber(text);
        if (!v || *v < low || *v > high)
            return std::string(name) + "=" + text + " is not a whole number from " + std::to_string(low) + " to " +
                   std::to_string(high);
        into = static_cast<int>(*v);
        return {};
    };
    auto text = [&](const char* name) { return std::string(getenv(name) ? getenv(name) : ""); };

    // Trainer v2 (and torchrun's own variables): nodes × processes per node.
    int perNode = 1;
    const bool pet = !text("PET_NNODES").empty();
    if (pet) {
        std::string nproc = text("PET_NPROC_PER_NODE");
        if (nproc.empty() || nproc == "auto" || nproc == "gpu") perNode = (nproc == "gpu" || nproc == "auto") && gpus > 0 ? gpus : 1;
        else if (nproc == "cpu") perNode = 1;
        else if (std::string e = number("PET_NPROC_PER_NODE", 1, 1024, perNode, true, 1); !e.empty()) return e;
    }
    if (pet && (perNode > 1 || text("RANK").empty())) {
        int nodes = 0, nodeRank = 0;
        if (std::string e = number("PET_NNODES", 1, 100000, nodes, true, 1); !e.empty())
            return e + " (an elastic range like 1:4 is not supported: give the node count)";
        // A plain Indexed Job gives the pod's index, not PET_NODE_RANK.
        const char* rankVariable = !text("PET_NODE_RANK").empty() || text("JOB_COMPLETION_INDEX").empty()
                                       ? "PET_NODE_RANK" : "JOB_COMPLETION_INDEX";
        if (std::string e = number(rankVariable, 0, nodes - 1, nodeRank, nodes > 1, 0); !e.empty()) return e;
        out.masterAddr = text("PET_MASTER_ADDR");
        if (out.masterAddr.empty()) return "PET_MASTER_ADDR is not set";
        if (std::string e = number("PET_MASTER_PORT", 1, 65535, out.masterPort, true, 0); !e.empty()) return e;
        out.worldSize = nodes * perNode;
        out.rank = nodeRank * perNode;
        out.localRank = 0;
        out.localProcesses = perNode;
        out.source = "PET_* (Kubeflow Trainer)";
        return {};
    }
    if (!text("RANK").empty() || !text("WORLD_SIZE").empty()) {
        std::string missing;
        for (const char* name : {"RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT"})
            if (text(name).empty()) missing += (missing.empty() ? "" : ", ") + std::string(name);
        if (!missing.empty()) return missing + " not set (a distributed run needs RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT)";
        if (std::string e = number("WORLD_SIZE", 1, 1000000, out.worldSize, true, 1); !e.empty()) return e;
        if (std::string e = number("RANK", 0, out.worldSize - 1, out.rank, true, 0); !e.empty()) return e;
        if (std::string e = number("MASTER_PORT", 1, 65535, out.masterPort, true, 0); !e.empty()) return e;
        if (std::string e = number("LOCAL_RANK", 0, 1023, out.localRank, false, 0); !e.empty()) return e;
        out.masterAddr = text("MASTER_ADDR");
        out.localProcesses = 1;
        out.source = "RANK/WORLD_SIZE/MASTER_* (torchrun, PyTorchJob)";
        return {};
    }
    return "--distributed needs the launcher's variables: RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT "
           "(torchrun, Kubeflow PyTorchJob), or PET_NNODES, PET_NODE_RANK, PET_NPROC_PER_NODE, PET_MASTER_ADDR and "
           "PET_MASTER_PORT (Kubeflow Trainer); none is set. To start ranks on this machine use --nproc N";
}

int freeLoopbackPort() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    int port = 0;
    socklen_t len = sizeof a;
    if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    close(fd);
    return port;
}

namespace {

volatile sig_atomic_t interrupts = 0;
void countInterrupt(int) { interrupts = interrupts + 1; }

struct Child {
    int rank = 0;
    pid_t pid = -1;
    int fds[2] = {-1, -1};       // stdout, stderr (read ends)
    std::string pending[2];      // a partial line per stream
    bool exited = false;
    int status = 0;
};

std::string programPath() {
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) return {};
    path[n] = 0;
    return path;
}

std::string describeExit(int status) {
    if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return std::string("was killed by signal ") + strsignal(WTERMSIG(status));
    return "ended";
}

}  // namespace

int runLocalRanks(const LocalLaunch& launch, std::ostream& out, std::ostream& err) {
    const std::string program = programPath();
    if (program.empty()) {
        err << "error: cannot find this program's path (/proc/self/exe) to start the ranks\n";
        return 1;
    }
    // The children's environment: ours, with the rank variables set and Trainer v2's removed (a
    // child is one rank, never a launcher itself).
    std::vector<std::string> baseEnv;
    for (char** e = environ; *e; ++e) {
        std::string v = *e;
        std::string name = v.substr(0, v.find('='));
        if (name.rfind("PET_", 0) == 0 || name == "RANK" || name == "LOCAL_RANK" || name == "WORLD_SIZE" ||
            name == "MASTER_ADDR" || name == "MASTER_PORT" || name == "LOCAL_WORLD_SIZE")
            continue;
        baseEnv.push_back(v);
    }
    std::vector<Child> children(static_cast<size_t>(launch.processes));
    struct sigaction act {}, oldInt {}, oldTerm {};
    act.sa_handler = countInterrupt;
    sigemptyset(&act.sa_mask);
    sigaction(SIGINT, &act, &oldInt);
    sigaction(SIGTERM, &act, &oldTerm);
    interrupts = 0;
    const pid_t launcher = getpid();

    for (int i = 0; i < launch.processes; ++i) {
        Child& c = children[static_cast<size_t>(i)];
        c.rank = launch.firstRank + i;
        int outPipe[2], errPipe[2];
        if (pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0) {
            err << "error: cannot create pipes for rank " << c.rank << ": " << std::strerror(errno) << "\n";
            return 1;
        }
        std::vector<std::string> env = baseEnv;
        env.push_back("MASTER_ADDR=" + launch.masterAddr);
        env.push_back("MASTER_PORT=" + std::to_string(launch.masterPort));
        env.push_back("WORLD_SIZE=" + std::to_string(launch.worldSize));
        env.push_back("RANK=" + std::to_string(c.rank));
        env.push_back("LOCAL_RANK=" + std::to_string(i));
        env.push_back("LOCAL_WORLD_SIZE=" + std::to_string(launch.processes));
        std::vector<std::string> args{program};
        args.insert(args.end(), launch.arguments.begin(), launch.arguments.end());
        std::vector<char*> argv, envp;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        for (auto& e : env) envp.push_back(e.data());
        envp.push_back(nullptr);

        pid_t pid = fork();
        if (pid < 0) {
            err << "error: cannot start rank " << c.rank << ": " << std::strerror(errno) << "\n";
            return 1;
        }
        if (pid == 0) {
            // Its own process group: a terminal's Ctrl+C reaches the launcher only, which forwards
            // it once. The child dies with the launcher.
            setpgid(0, 0);
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != launcher) _exit(1);
            signal(SIGINT, SIG_DFL);
            signal(SIGTERM, SIG_DFL);
            dup2(outPipe[1], 1);
            dup2(errPipe[1], 2);
            execve(program.c_str(), argv.data(), envp.data());
            _exit(127);
        }
        close(outPipe[1]);
        close(errPipe[1]);
        c.pid = pid;
        c.fds[0] = outPipe[0];
        c.fds[1] = errPipe[0];
    }

    using Clock = std::chrono::steady_clock;
    std::optional<Clock::time_point> killAt;  // set when a rank failed or the user insisted
    int handledInterrupts = 0;
    bool failed = false;
    auto signalAll = [&](int sig) {
        for (auto& c : children)
            if (!c.exited) kill(c.pid, sig);
    };
    auto emit = [&](Child& c, int stream, const std::string& line) {
        std::ostream& to = stream == 0 ? out : err;
        to << "[rank " << c.rank << "] " << line << "\n" << std::flush;
    };

    for (;;) {
        std::vector<pollfd> fds;
        std::vector<std::pair<Child*, int>> owners;
        for (auto& c : children)
            for (int s = 0; s < 2; ++s)
                if (c.fds[s] >= 0) {
                    fds.push_back({c.fds[s], POLLIN, 0});
                    owners.push_back({&c, s});
                }
        bool allExited = true;
        for (auto& c : children) allExited = allExited && c.exited;
        if (fds.empty() && allExited) break;
        if (!fds.empty()) poll(fds.data(), fds.size(), 200);
        else usleep(200 * 1000);
        for (size_t k = 0; k < fds.size(); ++k) {
            if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            auto [c, s] = owners[k];
            char buffer[8192];
            ssize_t n = read(c->fds[s], buffer, sizeof buffer);
            if (n > 0) {
                c->pending[s].append(buffer, static_cast<size_t>(n));
                for (size_t nl; (nl = c->pending[s].find('\n')) != std::string::npos;) {
                    emit(*c, s, c->pending[s].substr(0, nl));
                    c->pending[s].erase(0, nl + 1);
                }
            } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                if (!c->pending[s].empty()) emit(*c, s, c->pending[s]);
                c->pending[s].clear();
                close(c->fds[s]);
                c->fds[s] = -1;
            }
        }
        for (auto& c : children) {
            if (c.exited) continue;
            int status = 0;
            if (waitpid(c.pid, &status, WNOHANG) == c.pid) {
                c.exited = true;
                c.status = status;
                if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
                    err << "[launcher] rank " << c.rank << " " << describeExit(status) << "\n" << std::flush;
                    if (!failed) {
                        failed = true;
                        killAt = Clock::now() + std::chrono::seconds(launch.timeoutSeconds + 15);
                    }
                }
            }
        }
        if (interrupts != handledInterrupts) {
            handledInterrupts = interrupts;
            if (handledInterrupts == 1) {
                err << "[launcher] interrupted: every rank stops after the current batch (Ctrl+C again to kill them)\n"
                    << std::flush;
                signalAll(SIGINT);
            } else {
                signalAll(SIGKILL);
            }
        }
        if (killAt && Clock::now() > *killAt) {
            err << "[launcher] the other ranks did not end in time: killing them\n" << std::flush;
            signalAll(SIGKILL);
            killAt.reset();
        }
    }
    sigaction(SIGINT, &oldInt, nullptr);
    sigaction(SIGTERM, &oldTerm, nullptr);
    return failed ? 1 : 0;
}

}  // namespace netloom::cli
