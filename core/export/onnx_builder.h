#pragma once
// Graph + trained weights → onnx::ModelProto (opset 17). Private to core (Torch, protobuf).
#include <map>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>

#include "graph/graph_analysis.h"
#include "preprocess/pipeline_spec.h"
#include "project/setting_enums.h"
#include "train/network.h"

namespace netloom {

struct OnnxBuildOptions {
    Task task = Task::Classification;
    std::vector<std::string> classNames;
    std::map<std::string, std::string> metadata;  // extra metadata_props
};

struct OnnxBuildResult {
    std::string error;   // empty on success
    NodeId node = 0;     // the node that could not be exported
    std::string inputName;
    std::vector<std::string> outputNames;
};

OnnxBuildResult buildOnnxModel(const Graph& graph, const GraphAnalysis& analysis, NetworkImpl& net,
                               const OnnxBuildOptions& options, onnx::ModelProto& model);

// The raw-image model made from the tensor-input model: input uint8 NHWC RGB of any size, the
// load-time and float preprocessing steps inside, then the tensor model's nodes and weights copied
// unchanged. Cheaper than building
// again from the network, and the two files provably share their weights.
OnnxBuildResult withRawImageInput(const onnx::ModelProto& tensorModel, const PipelineSpec& preprocess,
                                  onnx::ModelProto& model);

// Whether the image pipeline can run inside ONNX (Canny cannot); the reason when not.
std::string rawImageUnsupportedReason(const PipelineSpec& preprocess);

}  // namespace netloom
