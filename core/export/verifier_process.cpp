#include "export/verifier_process.h"

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include "node_program.h"
#include "util/data_dirs.h"

namespace netloom {

namespace {

std::string findScript(const std::string& configured) {
    if (!configured.empty()) return configured;
    if (const char* env = std::getenv("NETLOOM_VERIFIER")) return env;
    std::string verifier = findSharedPath("bundle/server", "packaging/bundle/server", "verify.js") + "/verify.js";
    return std::filesystem::exists(verifier) ? verifier : std::string();
}

std::string shellQuoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// While alive, SIGPIPE is blocked for this thread, and one raised meanwhile is discarded: a child
// that has exited (node without onnxruntime-node, say) must not take this process down when we
// write to it or close its stdin. The write then fails with EPIPE instead.
class NoSigpipe {
public:
    NoSigpipe() {
        sigemptyset(&pipe_);
        sigaddset(&pipe_, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
    }
    ~NoSigpipe() {
        timespec zero{0, 0};
        while (sigtimedwait(&pipe_, nullptr, &zero) > 0) {
        }
        pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    }
    NoSigpipe(const NoSigpipe&) = delete;
    NoSigpipe& operator=(const NoSigpipe&) = delete;

private:
    sigset_t pipe_, old_;
};

std::string readAll(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

std::string nodeProgram() {
    if (const char* env = std::getenv("NETLOOM_NODE"); env && *env) return env;
    if (::access(NETLOOM_NODE_PROGRAM, X_OK) == 0) return NETLOOM_NODE_PROGRAM;
    return "node";
}

int runNodeScript(const std::string& script, const std::vector<std::string>& args, const std::string& modulePath,
                  std::string& output) {
    std::string command = modulePath.empty() ? std::string() : "NODE_PATH=" + shellQuoted(modulePath) + " ";
    command += "exec " + shellQuoted(nodeProgram()) + " " + shellQuoted(script);
    for (const std::string& a : args) command += " " + shellQuoted(a);
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return -1;
    output.clear();
    char buffer[4096];
    while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    int status = ::pclose(pipe);
    return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::unique_ptr<VerifierProcess> VerifierProcess::start(const std::string& script, std::string& error) {
    std::unique_ptr<VerifierProcess> p(new VerifierProcess);
    p->script_ = findScript(script);
    if (p->script_.empty()) {
        error = "no ONNX Runtime verifier found (verify.js in share/netloom/bundle/server beside the program, "
                "packaging/bundle/server in the source tree, or /usr/share/netloom/bundle/server); pass --no-verify to skip it";
        return nullptr;
    }
    std::error_code noTemp;
    std::filesystem::path temp = std::filesystem::temp_directory_path(noTemp);
    if (noTemp) temp = "/tmp";  // TMPDIR names no directory
    std::string log = (temp / "netloom-verify-XXXXXX").string();
    int fd = ::mkstemp(log.data());
    if (fd < 0) {
        error = "cannot create a log file for the verifier in " + temp.string();
        return nullptr;
    }
    ::close(fd);
    p->logPath_ = log;
    // node gets the malloc tuning this process has (configureMalloc): ONNX Runtime copies each
    // model's weights while it creates a session, and large blocks mapped afresh fault page by page.
    std::string command = "MALLOC_MMAP_THRESHOLD_=536870912 MALLOC_TRIM_THRESHOLD_=1073741824 exec " +
                          shellQuoted(nodeProgram()) + " " + shellQuoted(p->script_) + " --serve > " + shellQuoted(log) + " 2>&1";
    p->stdin_ = ::popen(command.c_str(), "w");
    if (!p->stdin_) {
        error = "cannot start node for the verifier";
        return nullptr;
    }
    return p;
}

VerifierProcess::~VerifierProcess() {
    finish();
    if (!logPath_.empty()) std::remove(logPath_.c_str());
}

bool VerifierProcess::send(const std::string& line) {
    if (!stdin_) return false;
    NoSigpipe guard;
    return std::fputs((line + "\n").c_str(), stdin_) >= 0 && std::fflush(stdin_) == 0;
}

int VerifierProcess::finish() {
    if (!stdin_) return -1;
    NoSigpipe guard;
    int status = ::pclose(stdin_);
    stdin_ = nullptr;
    return status;
}

bool VerifierProcess::load(const std::string& modelPath) { return send(nlohmann::json{{"load", modelPath}}.dump()); }

std::string VerifierProcess::run(const std::string& requestPath, const std::string& resultPath) {
    bool sent = send(nlohmann::json{{"run", requestPath}, {"result", resultPath}}.dump());
    int status = finish();
    bool ok = sent && status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0 && std::filesystem::exists(resultPath);
    if (ok) return {};
    std::string output = readAll(logPath_);
    if (output.find("Cannot find module 'onnxruntime-node'") != std::string::npos)
        return "the verifier " + script_ + " cannot load onnxruntime-node: run `npm ci` in " +
               std::filesystem::path(script_).parent_path().string() + ", or pass --no-verify";
    if (output.empty()) output = "node exited with status " + std::to_string(status);
    return "ONNX Runtime could not run the exported model: " + output;
}

}  // namespace netloom
