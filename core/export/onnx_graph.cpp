#include "export/onnx_graph.h"

namespace netloom {

onnx::NodeProto& OnnxGraph::node(const std::string& op, const std::vector<std::string>& inputs,
                                 const std::vector<std::string>& outputs, const std::string& name) {
    onnx::NodeProto* n = g_.add_node();
    n->set_op_type(op);
    n->set_name(name.empty() ? fresh(op) : name);
    for (const auto& i : inputs) n->add_input(i);
    for (const auto& o : outputs) n->add_output(o);
    return *n;
}

std::string OnnxGraph::op(const std::string& op, const std::vector<std::string>& inputs, const std::string& stem) {
    std::string out = fresh(stem);
    node(op, inputs, {out});
    return out;
}

std::string OnnxGraph::tensor(const std::string& stem, const torch::Tensor& t) {
    std::string name = fresh(stem);
    onnx::TensorProto* init = g_.add_initializer();
    init->set_name(name);
    for (int64_t d : t.sizes()) init->add_dims(d);
    torch::Tensor c = t.detach().cpu().contiguous();
    if (c.scalar_type() == torch::kInt64) {
        init->set_data_type(onnx::TensorProto::INT64);
    } else {
        c = c.to(torch::kFloat32).contiguous();
        init->set_data_type(onnx::TensorProto::FLOAT);
    }
    init->set_raw_data(std::string(static_cast<const char*>(c.data_ptr()), c.numel() * c.element_size()));
    return name;
}

std::string OnnxGraph::ints(const std::string& stem, const std::vector<int64_t>& v) {
    return tensor(stem, torch::tensor(v, torch::kInt64));
}

std::string OnnxGraph::floats(const std::string& stem, const std::vector<float>& v, std::vector<int64_t> shape) {
    auto t = torch::tensor(v, torch::kFloat32);
    if (!shape.empty()) t = t.view(shape);
    return tensor(stem, t);
}

void attr(onnx::NodeProto& n, const std::string& name, int64_t v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(v);
}

void attr(onnx::NodeProto& n, const std::string& name, float v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::FLOAT);
    a->set_f(v);
}

void attr(onnx::NodeProto& n, const std::string& name, const std::string& v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::STRING);
    a->set_s(v);
}

void attr(onnx::NodeProto& n, const std::string& name, const std::vector<int64_t>& v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (int64_t x : v) a->add_ints(x);
}

void valueInfo(onnx::ValueInfoProto* vi, const std::string& name, int elemType, const std::vector<std::string>& symbolic,
               const std::vector<int64_t>& dims) {
    vi->set_name(name);
    auto* tt = vi->mutable_type()->mutable_tensor_type();
    tt->set_elem_type(elemType);
    auto* shape = tt->mutable_shape();
    for (const auto& s : symbolic) shape->add_dim()->set_dim_param(s);
    for (int64_t d : dims) shape->add_dim()->set_dim_value(d);
}

}  // namespace netloom
