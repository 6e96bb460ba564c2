#pragma once
// Runs raw inputs (image files, text, CSV rows) through the project's preprocessing and a trained
// checkpoint: what `netloom-cli predict` prints and what an export is compared against.
// Torch-free interface (pimpl).
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "project/project.h"

namespace netloom {

struct Prediction {
    std::string input;
    std::string label;                                         // classification/binary
    std::vector<std::pair<std::string, double>> probabilities; // per class, in class order
    std::vector<double> values;                                // regression outputs
    double anomalyScore = -1;                                  // reconstruction: mean squared error
    std::string error;                                         // this input could not be used
};

class Predictor {
public:
    // Returns null and sets `error` when the checkpoint does not fit the project.
    static std::unique_ptr<Predictor> open(const Project& project, const std::string& checkpoint, std::string& error);
    ~Predictor();

    // Each input is an image file path (image datasets), a text (text datasets) or a CSV row of the
    // feature columns (tabular datasets).
    std::vector<Prediction> predict(const std::vector<std::string>& inputs);

private:
    Predictor();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace netloom
