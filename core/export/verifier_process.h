#pragma once
// The ONNX Runtime verifier as a child process: `node verify.js --serve`. It is started when an
// export starts and told to load each model as soon as its file is written, so node's start-up and
// ONNX Runtime's session creation run on the other core while the export goes on. Destroying it
// without a run ends the child (closed stdin) and waits for it.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace netloom {

// The node that runs the verifier and the bundle's self-test: NETLOOM_NODE from the environment,
// else the one CMake found when Netloom was configured (-DNETLOOM_NODE; by default the nodejs
// package's /usr/bin/node, which scripts/install-deps installs), else `node` on PATH.
std::string nodeProgram();

// Runs `node SCRIPT ARGS...` (nodeProgram()) and waits for it. `modulePath`, when not empty, is
// NODE_PATH: where require() looks for packages the script's own folders lack. Returns the exit
// status (-1 when node could not be started) and, in `output`, what it printed on both streams.
int runNodeScript(const std::string& script, const std::vector<std::string>& args, const std::string& modulePath,
                  std::string& output);

class VerifierProcess {
public:
    // `script`: verify.js, or empty for the usual places (NETLOOM_VERIFIER, share/netloom beside
    // the program, the source tree, /usr/share/netloom). Null with `error` set when none is found.
    static std::unique_ptr<VerifierProcess> start(const std::string& script, std::string& error);
    ~VerifierProcess();
    VerifierProcess(const VerifierProcess&) = delete;
    VerifierProcess& operator=(const VerifierProcess&) = delete;

    const std::string& script() const { return script_; }

    // Begins creating the model's session; errors surface in run(). False when the verifier has
    // already exited (run() then says why).
    bool load(const std::string& modelPath);

    // Runs REQUEST (see verify.js), waits for RESULT. Returns "" or the reason, with node's output.
    std::string run(const std::string& requestPath, const std::string& resultPath);

private:
    VerifierProcess() = default;
    bool send(const std::string& line);  // false when the child has gone
    int finish();                        // closes stdin, waits, returns the exit status

    std::string script_, logPath_;
    FILE* stdin_ = nullptr;
};

}  // namespace netloom
