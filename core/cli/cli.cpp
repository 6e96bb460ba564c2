#include "cli/cli.h"

#include <cstring>
#include <functional>

#include "cli/commands.h"
#include "version.h"

namespace netloom::cli {

std::optional<Project> loadProjectFor(const std::string& path, std::ostream& err) {
    ProjectLoad load = loadProject(path);
    if (!load.ok()) {
        err << "error: " << load.error << "\n";
        return std::nullopt;
    }
    return std::move(load.project);
}

std::string Arguments::get(const std::string& name, const std::string& def) const {
    auto it = options.find(name);
    return it == options.end() ? def : it->second;
}

std::string parseArguments(int argc, char** argv, int first, const std::vector<std::string>& flags,
                           const std::vector<std::string>& valued, Arguments& out) {
    auto in = [](const std::vector<std::string>& v, const std::string& s) {
        for (const auto& x : v)
            if (x == s) return true;
        return false;
    };
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) == 0 && a.size() > 2) {
            std::string name = a.substr(2), value;
            auto eq = name.find('=');
            if (eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            if (in(flags, name)) {
                out.options[name] = "1";
            } else if (in(valued, name)) {
                if (eq == std::string::npos) {
                    if (i + 1 >= argc) return "option --" + name + " needs a value";
                    value = argv[++i];
                }
                out.options[name] = value;
            } else {
                return "unknown option --" + name;
            }
        } else {
            out.positional.push_back(a);
        }
    }
    return {};
}

namespace {

struct Command {
    const char* name;
    const char* summary;
    const char* usage;
    std::vector<std::string> flags;
    std::vector<std::string> valued;
    std::function<int(const Arguments&, std::ostream&, std::ostream&)> run;
};

std::vector<Command> commands() {
    return {
        {"validate", "check a project's network and print its summary",
         "netloom-cli validate FILE\n\n"
         "Prints a summary (layer, type, output shape, parameters) and totals.\n"
         "Exit 0 when the network is valid, 1 with every problem listed when it is not,\n"
         "2 when the file cannot be read or is malformed (the message names the place).\n",
         {}, {}, validateCommand},
        {"train", "train a project's network on its dataset",
         "netloom-cli train FILE [--epochs N] [--device auto|cpu|cuda] [--out RUN_DIR] [--resume RUN_DIR]\n"
         "                  [--threads N] [--max-batches N]\n\n"
         "Trains with the project's settings, printing one line per epoch (loss, metrics, samples/s, ETA),\n"
         "then evaluates the best checkpoint on the test split. The run folder receives a project snapshot,\n"
         "metrics.csv, events.jsonl, preprocess.json, best.ckpt and last.ckpt. --resume continues a stopped\n"
         "or killed run from its last checkpoint. Ctrl+C stops after the current batch and keeps the checkpoint.\n"
         "Exit 0 when the run completes or is stopped, 1 when it fails, 2 for an unreadable project.\n",
         {}, {"epochs", "device", "out", "resume", "threads", "max-batches"}, trainCommand},
        {"predict", "run raw inputs through the preprocessing and a trained checkpoint",
         "netloom-cli predict FILE --weights CHECKPOINT [--json] [--top K] INPUT...\n\n"
         "Each INPUT is an image file (image datasets), a text (text datasets) or a CSV row of the feature\n"
         "columns (tabular datasets). Prints the class and its probabilities (all of them as JSON with --json),\n"
         "the values of a regression, or the anomaly score of an autoencoder.\n"
         "Exit 0 when every input was used, 1 when some could not be, 2 for an unusable project or checkpoint.\n",
         {"json"}, {"weights", "top"}, predictCommand},
        {"export", "write a trained model as ONNX and prove it in ONNX Runtime",
         "netloom-cli export FILE --weights CHECKPOINT --out DIR [--bundle [BUNDLE OPTIONS]] [--tensor-input]\n"
         "                   [--no-verify]\n\n"
         "Writes DIR/model.onnx (opset 17; for image models its input is the decoded image, uint8 NHWC RGB of\n"
         "any size, with the preprocessing inside the graph), DIR/model_tensor.onnx (input: the preprocessed\n"
         "tensor), labels.json, preprocess.json (vocabulary, column statistics) and verification.json: ONNX\n"
         "Runtime's outputs compared with LibTorch's on real samples at batch 1 and 7 (max |diff| <= 1e-4 and\n"
         "100% top-1 agreement required). --tensor-input writes only the tensor-input model as model.onnx.\n"
         "--bundle adds the deployable bundle: server/ (Node.js, ONNX Runtime, Open Inference Protocol),\n"
         "Dockerfile, k8s/, triton/, samples/ with the studio's answers, and a README.\n\n"
         "Bundle options (with --bundle; they fill k8s/ and the README):\n"
         "  --replicas N          the Deployment's replicas and the HPA's minimum, 1..100 (2);\n"
         "                        the HPA scales up to max(10, 2N)\n"
         "  --cpu-request Q       CPU each pod requests, like 250m, 1 or 0.5 (250m)\n"
         "  --memory-request Q    memory each pod requests, like 256Mi, 1Gi or 512M (256Mi)\n"
         "  --cpu-limit Q         CPU limit (1)\n"
         "  --memory-limit Q      memory limit (1Gi)\n"
         "  --gpu                 each pod asks for one GPU (nvidia.com/gpu: 1); the bundled server keeps\n"
         "                        ONNX Runtime's CPU provider, the GPU is for Triton or a GPU build\n"
         "  --no-triton           leave out triton/\n\n"
         "Exit 0 when exported and verified, 1 when the graph cannot be exported (the node is named) or the\n"
         "verification fails, 2 for an unreadable project or an unusable option (checked before exporting).\n",
         {"tensor-input", "no-verify", "bundle", "gpu", "no-triton"},
         {"weights", "out", "replicas", "cpu-request", "memory-request", "cpu-limit", "memory-limit"}, exportCommand},
        {"layout", "lay the network out as a layered graph (Graphviz dot)",
         "netloom-cli layout FILE [--direction TB|LR] [--out FILE]\n\n"
         "Places every layer as the studio's Layout command does: layers in ranks from the inputs to the\n"
         "outputs, top to bottom (TB) or left to right (LR), edges routed around the layers. --direction\n"
         "defaults to the project's own (editor.direction, TB when unset) and is saved in the project.\n"
         "Writes the project back to FILE, or to --out FILE (atomically: the old file survives any failure).\n"
         "Exit 0 when written, 1 when the layout or the write fails, 2 for an unreadable project or option.\n",
         {}, {"direction", "out"}, layoutCommand},
        {"schema", "print the JSON Schema of the .netloom format",
         "netloom-cli schema\n\nPrints the JSON Schema of project files, generated from the layer registry\n"
         "(the same text as docs/project.schema.json).\n",
         {}, {}, schemaCommand},
    };
}

void printHelp(std::ostream& out) {
    out << "netloom-cli " << NETLOOM_VERSION << " — design, train and export neural networks headless\n\n"
        << "usage: netloom-cli COMMAND [OPTIONS] ...\n\ncommands:\n";
    for (const Command& c : commands()) out << "  " << c.name << std::string(12 - std::strlen(c.name), ' ') << c.summary << "\n";
    out << "\nRun 'netloom-cli COMMAND --help' for a command's options.\n";
}

}  // namespace

int runCli(int argc, char** argv, std::ostream& out, std::ostream& err) {
    if (argc < 2) {
        printHelp(err);
        return 2;
    }
    std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        printHelp(out);
        return 0;
    }
    if (name == "--version") {
        out << "netloom-cli " << NETLOOM_VERSION << "\n";
        return 0;
    }
    for (const Command& c : commands()) {
        if (name != c.name) continue;
        for (int i = 2; i < argc; ++i)
            if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
                out << "usage: " << c.usage;
                return 0;
            }
        Arguments args;
        if (std::string e = parseArguments(argc, argv, 2, c.flags, c.valued, args); !e.empty()) {
            err << "error: " << e << "\nusage: " << c.usage;
            return 2;
        }
        try {
            return c.run(args, out, err);
        } catch (const std::exception& e) {
            err << "error: " << e.what() << "\n";
            return 1;
        }
    }
    err << "error: unknown command '" << name << "'\n";
    printHelp(err);
    return 2;
}

}  // namespace netloom::cli
