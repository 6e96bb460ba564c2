#pragma once
// A training-job bundle: what `netloom-cli job` and the studio's "Train on a cluster…" write for a
// Kubernetes cluster (trainer image, Kubeflow PyTorchJob and TrainJob, a plain Indexed Job, claims,
// README). Templates live in packaging/job/templates. Torch-free.
#include <string>

#include "project/project.h"

namespace netloom {

struct JobBundleOptions {
    std::string name;             // the job's name; empty: the project's name with -train
    std::string image;            // empty: netloom-trainer:VERSION
    int workers = 2;              // pods, 1..1000; rank 0 is the first
    int gpusPerWorker = 0;        // 0..16; one rank per GPU
    std::string dataClaim;        // an existing claim with the dataset; empty: the bundle asks for NAME-data
    std::string runsClaim;        // an existing claim for run folders; empty: the bundle asks for NAME-runs
    std::string cpuRequest = "2", memoryRequest = "4Gi", cpuLimit = "4", memoryLimit = "8Gi";
    int timeout = 300;            // the ranks' fault timeout, 10..86400 s
    int port = 29500;             // the rendezvous store's port
};

// "" when the options can be written, else a sentence naming the option and its value.
std::string validateJobBundleOptions(const JobBundleOptions& options);

// The job's name for a project (DNS-1123, short enough for pod names).
std::string defaultJobName(const Project& project);

// Writes the bundle into outDir. Returns an error sentence or ""; `summary` receives a few lines
// saying what was written.
std::string writeJobBundle(const Project& project, const JobBundleOptions& options, const std::string& outDir,
                           std::string& summary);

}  // namespace netloom
