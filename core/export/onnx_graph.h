#pragma once
// Writing ONNX nodes and initializers: the small helpers every emitter uses (the layer families in
// graph/layers/ and the preprocessing operations in preprocess/image_ops*.cpp). Private to
// netloom_core (Torch, protobuf).
#include <stdexcept>
#include <string>
#include <vector>

#include <onnx/onnx_pb.h>
#include <torch/torch.h>

#include "graph/graph.h"

namespace netloom {

// A refusal to export, naming the node it is about (0: the model as a whole).
class ExportError : public std::runtime_error {
public:
    ExportError(NodeId node, const std::string& msg) : std::runtime_error(msg), node(node) {}
    NodeId node;
};

// Appends nodes and initializers with unique names to a graph.
class OnnxGraph {
public:
    // `prefix` keeps the names of nodes added to an existing graph apart from the ones it has.
    explicit OnnxGraph(onnx::GraphProto& g, std::string prefix = {}) : g_(g), prefix_(std::move(prefix)) {}

    std::string fresh(const std::string& stem) { return prefix_ + stem + "_" + std::to_string(counter_++); }

    onnx::NodeProto& node(const std::string& op, const std::vector<std::string>& inputs,
                          const std::vector<std::string>& outputs, const std::string& name = {});
    // One node with one fresh output; returns the output's name.
    std::string op(const std::string& op, const std::vector<std::string>& inputs, const std::string& stem);
    // Initializers: a tensor (float32 or int64), integers, floats.
    std::string tensor(const std::string& stem, const torch::Tensor& t);
    std::string ints(const std::string& stem, const std::vector<int64_t>& v);
    std::string floats(const std::string& stem, const std::vector<float>& v, std::vector<int64_t> shape = {});

private:
    onnx::GraphProto& g_;
    std::string prefix_;
    int counter_ = 0;
};

void attr(onnx::NodeProto& n, const std::string& name, int64_t v);
void attr(onnx::NodeProto& n, const std::string& name, float v);
void attr(onnx::NodeProto& n, const std::string& name, const std::string& v);
void attr(onnx::NodeProto& n, const std::string& name, const std::vector<int64_t>& v);

void valueInfo(onnx::ValueInfoProto* vi, const std::string& name, int elemType, const std::vector<std::string>& symbolic,
               const std::vector<int64_t>& dims);

}  // namespace netloom
