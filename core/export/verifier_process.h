#pragma once
// The ONNX Runtime verifier as a child process: `node verify.js --serve`. It is started when an
// export starts and told to load each model as soon as its file is written, so node's start-up and
// ONNX Runtime's session creation run on the other core while the export goes on. Destroying it
// without a run ends the child (closed stdin) and waits for it.
#include <cstdio>
#include <memory>
#include <string>

namespace netloom {

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
