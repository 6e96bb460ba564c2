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
        {"new", "make a project from your own data (inspects it, proposes a network)",
         "netloom-cli new OUT.netloom --data PATH [--task TASK] [--size WxH] [--channels gray|rgb]\n"
         "                [--target COLUMN] [--text-column COLUMN] [--validation-split F] [--test-split F]\n"
         "                [--epochs N] [--name NAME] [--no-normalize] [--force]\n\n"
         "Inspects PATH: a folder with one subfolder of images per class (or train/ and test/ each with\n"
         "them), an IDX folder, a CSV table, a CSV of texts with labels, or a folder with one subfolder of\n"
         ".txt files per class. Prints what it found (classes and counts, image sizes and colour modes,\n"
         "column types and the likely target, text lengths, warnings), then writes a project that\n"
         "validates and trains as it is: preprocessing (resize to the most common size or --size, channels,\n"
         "scaling, normalisation from the training split), validation and test splits, and a starter\n"
         "network sized from the data (a small CNN, an MLP, Embedding -> LSTM, or an autoencoder).\n"
         "  --task TASK           classification, binary, regression or reconstruction (guessed from the data)\n"
         "  --size WxH            resize images to W x H pixels (default: the most common size, at most 128)\n"
         "  --channels C          gray or rgb (default: gray only when every image is gray)\n"
         "  --target COLUMN       the CSV column to predict (default: a column named like label or target,\n"
         "                        else the last one; none for an autoencoder)\n"
         "  --text-column COLUMN  the CSV column that holds the texts (default: the wordiest column)\n"
         "  --validation-split F  fraction held out for validation (0.15)\n"
         "  --test-split F        fraction held out for the test when there is no separate test set (0.15)\n"
         "  --epochs N            training epochs (10)\n"
         "  --name NAME           the project's name (default: the data's folder or file name)\n"
         "  --no-normalize        images: no normalisation step after scaling to 0..1\n"
         "  --force               replace OUT.netloom if it exists\n"
         "The file is written atomically. Exit 0 when written, 1 when the data cannot be used or a choice does\n"
         "not fit it (the sentence says why), 2 for bad usage or an existing file without --force.\n",
         {"no-normalize", "force"},
         {"data", "task", "size", "channels", "target", "text-column", "validation-split", "test-split", "epochs", "name"},
         newCommand},
        {"validate", "check a project's network and print its summary",
         "netloom-cli validate FILE [--no-data]\n\n"
         "Prints a summary (layer, type, output shape, parameters) and totals, then checks the network\n"
         "against its preprocessing and its data as training will read it: the Input against the sample,\n"
         "the Output against the classes or the target, an Embedding against the vocabulary.\n"
         "  --no-data   skip reading the dataset (the network and the preprocessing are still checked)\n"
         "Exit 0 when the network is valid, 1 with every problem listed when it is not,\n"
         "2 when the file cannot be read or is malformed (the message names the place).\n",
         {"no-data"}, {}, validateCommand},
        {"train", "train a project's network on its dataset",
         "netloom-cli train FILE [--epochs N] [--device auto|cpu|cuda] [--out RUN_DIR] [--resume RUN_DIR]\n"
         "                  [--threads N] [--max-batches N] [--auto-resume]\n"
         "                  [--nproc N | --distributed] [--timeout S] [--rendezvous-timeout S]\n\n"
         "Trains with the project's settings, printing one line per epoch (loss, metrics, samples/s, ETA),\n"
         "then evaluates the best checkpoint on the test split. The run folder receives a project snapshot,\n"
         "metrics.csv, events.jsonl, preprocess.json, best.ckpt and last.ckpt. --resume continues a stopped\n"
         "or killed run from its last checkpoint; --auto-resume (with --out) does so when RUN_DIR has a\n"
         "last.ckpt and starts afresh otherwise (a restarted job). Ctrl+C stops after the current batch and\n"
         "keeps the checkpoint.\n\n"
         "Data-parallel training (c10d: Gloo on CPU; the project's batch size is the global batch, split\n"
         "across the ranks, so N ranks give the same losses per epoch as one process):\n"
         "  --nproc N                 start N ranks on this machine (a free port, the cores divided,\n"
         "                            output lines prefixed with [rank R]; Ctrl+C stops all)\n"
         "  --distributed             be one rank of a run a launcher started: reads RANK, WORLD_SIZE,\n"
         "                            MASTER_ADDR, MASTER_PORT, LOCAL_RANK (torchrun, Kubeflow PyTorchJob) or\n"
         "                            PET_NNODES, PET_NODE_RANK, PET_NPROC_PER_NODE, PET_MASTER_ADDR,\n"
         "                            PET_MASTER_PORT (Kubeflow Trainer; starts PET_NPROC_PER_NODE ranks)\n"
         "  --timeout S               a rank that dies or stops responding for S seconds ends the run on\n"
         "                            every rank with an error naming it (300)\n"
         "  --rendezvous-timeout S    how long ranks wait for the master and for each other at the start (900)\n"
         "Rank 0 alone writes the run folder; resuming needs it on storage every rank can read.\n\n"
         "Exit 0 when the run completes or is stopped, 1 when it fails, 2 for an unreadable project or bad usage.\n",
         {"distributed", "auto-resume"},
         {"epochs", "device", "out", "resume", "threads", "max-batches", "nproc", "timeout", "rendezvous-timeout"}, trainCommand},
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
        {"job", "write a bundle that trains a project on a Kubernetes cluster",
         "netloom-cli job PROJECT --out DIR [--workers N] [--gpus-per-worker G] [--data CLAIM] [--runs CLAIM]\n"
         "                [--image IMAGE] [--name NAME] [--timeout S] [--cpu-request Q] [--memory-request Q]\n"
         "                [--cpu-limit Q] [--memory-limit Q]\n\n"
         "Writes a training-job bundle: a trainer image (Dockerfile: Debian 12 with Netloom's .deb;\n"
         "Dockerfile.cuda: built against a CUDA LibTorch), the project with its dataset paths in /data, and\n"
         "k8s/: a Kubeflow PyTorchJob, a Kubeflow Trainer TrainJob and a plain Indexed Job with a headless\n"
         "Service (use one), the project as a ConfigMap and PersistentVolumeClaims for data and runs.\n"
         "Each pod runs netloom-cli train --distributed --auto-resume; the README says how to apply, watch\n"
         "the logs and fetch the run folder.\n\n"
         "  --workers N           pods, 1..1000 (2); rank 0 is the first\n"
         "  --gpus-per-worker G   GPUs per pod, 0..16 (0: CPU); one rank per GPU, NCCL, 8Gi of /dev/shm\n"
         "  --data CLAIM          an existing PersistentVolumeClaim holding the dataset (default: NAME-data is\n"
         "                        asked for, to be filled as the README says)\n"
         "  --runs CLAIM          an existing PersistentVolumeClaim for run folders (default: NAME-runs)\n"
         "  --image IMAGE         the trainer image (netloom-trainer:VERSION)\n"
         "  --name NAME           the job's name (the project's name with -train)\n"
         "  --timeout S           a rank silent for S seconds ends the run, 10..86400 (300)\n"
         "  --cpu-request Q       CPU per pod (2); --memory-request Q (4Gi); --cpu-limit Q (4);\n"
         "  --memory-limit Q      memory limit per pod (8Gi)\n\n"
         "Exit 0 when written, 1 when it cannot be written, 2 for an unreadable project or a bad option.\n",
         {}, {"out", "workers", "gpus-per-worker", "data", "runs", "image", "name", "timeout", "cpu-request",
              "memory-request", "cpu-limit", "memory-limit"}, jobCommand},
        {"data", "write a project's dataset as WebDataset shards",
         "netloom-cli data pack FILE --out DIR [--shard-size SIZE] [--prefix NAME]\n\n"
         "Writes every sample of the project's dataset (all splits, in an order shuffled by dataset.seed) as\n"
         "POSIX tar shards in the WebDataset convention: DIR/train-0000.tar, ... with members KEY.jpg/.png/.bmp\n"
         "(image folders keep each file's bytes; IDX images become PNG) or KEY.txt (texts), and KEY.cls (the\n"
         "class id), plus DIR/dataset.json (class names, the shards' brace pattern, counts). A shard is closed\n"
         "once it holds SIZE (256M; 64M, 1G or bytes); --prefix names the shards (train).\n"
         "Exit 0 when written, 1 when the dataset cannot be read or written, 2 for an unusable command line.\n",
         {}, {"out", "shard-size", "prefix"}, dataCommand},
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
