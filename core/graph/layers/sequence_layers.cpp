// Embedding, LSTM, GRU: the text and sequence layers.
// Spec (netloom_model) first, then the LibTorch builders and ONNX emitters (netloom_core).
#ifndef NETLOOM_KERNELS
#include "graph/layers/shape_rules.h"

namespace netloom::layers {

namespace {

LayerSpec recurrent(const std::string& type, int gates) {
    LayerSpec r;
    r.type = type;
    r.category = "Sequence";
    r.description = type == "LSTM" ? "Long short-term memory over a sequence L×F."
                                   : "Gated recurrent unit over a sequence L×F.";
    r.nameStem = type == "LSTM" ? "lstm" : "gru";
    r.params = {intParam("hidden", 128, 1, 65536, "Hidden state size per direction."),
                intParam("layers", 1, 1, 16, "Stacked recurrent layers."),
                boolParam("bidirectional", false, "Also read the sequence backwards and concatenate."),
                boolParam("return_sequences", false, "Output every step (L×H) instead of the last step (H).")};
    r.inferShape = [type](const ShapeContext& c) {
        const TensorType& in = c.inputs[0];
        if (in.dtype == DType::Int64)
            return ShapeResult::fail(type + " expects a sequence of vectors, got token ids " + in.toString() +
                                     " — add Embedding first");
        if (in.rank() != 2)
            return ShapeResult::fail(type + " expects a sequence L×F, got " + kindOf(in));
        int64_t h = c.params.integer("hidden") * (c.params.flag("bidirectional") ? 2 : 1);
        if (c.params.flag("return_sequences")) return ShapeResult::ok({DType::Float32, {in.dims[0], h}});
        return ShapeResult::ok({DType::Float32, {h}});
    };
    r.countParams = [gates](const ShapeContext& c) {
        int64_t h = c.params.integer("hidden");
        int64_t dirs = c.params.flag("bidirectional") ? 2 : 1;
        int64_t in = c.inputs[0].dims[1];
        int64_t total = 0;
        for (int64_t layer = 0; layer < c.params.integer("layers"); ++layer) {
            int64_t layerIn = layer == 0 ? in : h * dirs;
            // weight_ih, weight_hh, bias_ih, bias_hh per direction (PyTorch's layout)
            total += dirs * gates * h * (layerIn + h + 2);
        }
        return total;
    };
    return r;
}

}  // namespace

void declareSequence(std::vector<LayerSpec>& out) {
    LayerSpec emb;
    emb.type = "Embedding";
    emb.category = "Sequence";
    emb.description = "Looks up a learned vector for each token id: L ids → L×D.";
    emb.nameStem = "embedding";
    emb.params = {intParam("vocab_size", 10000, 2, 1 << 22, "Number of distinct token ids (PAD and OOV included)."),
                  intParam("dim", 64, 1, 65536, "Vector size per token.")};
    emb.inferShape = [](const ShapeContext& c) {
        const TensorType& in = c.inputs[0];
        if (in.dtype != DType::Int64)
            return ShapeResult::fail("Embedding expects token ids, got float features " + in.toString() +
                                     " — feed it from a tokens Input");
        TensorType t{DType::Float32, in.dims};
        t.dims.push_back(c.params.integer("dim"));
        return ShapeResult::ok(t);
    };
    emb.countParams = [](const ShapeContext& c) { return c.params.integer("vocab_size") * c.params.integer("dim"); };
    out.push_back(std::move(emb));

    out.push_back(recurrent("LSTM", 4));
    out.push_back(recurrent("GRU", 3));
}

}  // namespace netloom::layers
#else  // NETLOOM_KERNELS
#include "graph/layers/layer_kernels.h"
#include "train/network.h"

namespace netloom::layers {

namespace nn = torch::nn;

namespace {

StepFunction buildRecurrent(BuildContext& c) {
    const ParamReader& p = c.params;
    int64_t in = c.analysis.inputs[0].dims[1], hidden = p.integer("hidden");
    bool bi = p.flag("bidirectional"), seq = p.flag("return_sequences");
    auto lastStep = [bi, hidden](const torch::Tensor& out) {
        // Forward direction's last step; the backward direction's summary is its first step.
        auto fwd = out.select(1, out.size(1) - 1).narrow(1, 0, hidden);
        if (!bi) return fwd;
        return torch::cat({fwd, out.select(1, 0).narrow(1, hidden, hidden)}, 1);
    };
    // LSTM and GRU differ only in their module type; both return (output, state).
    auto wrap = [&](auto m) -> StepFunction {
        return [m, seq, lastStep](const std::vector<torch::Tensor>& x) {
            auto out = std::get<0>(m->forward(x[0]));
            return seq ? out : lastStep(out);
        };
    };
    if (c.node.type == "LSTM")
        return wrap(c.submodule(
            nn::LSTM(nn::LSTMOptions(in, hidden).num_layers(p.integer("layers")).bidirectional(bi).batch_first(true))));
    return wrap(
        c.submodule(nn::GRU(nn::GRUOptions(in, hidden).num_layers(p.integer("layers")).bidirectional(bi).batch_first(true))));
}

// PyTorch gate blocks → ONNX order. `order` lists, for each ONNX block, the PyTorch block index.
torch::Tensor reorderGates(const torch::Tensor& t, int64_t hidden, const std::vector<int64_t>& order) {
    std::vector<torch::Tensor> blocks;
    for (int64_t k : order) blocks.push_back(t.narrow(0, k * hidden, hidden));
    return torch::cat(blocks, 0);
}

std::string emitRecurrent(EmitContext& c) {
    OnnxGraph& g = c.g;
    const ParamReader& p = c.params;
    const std::string& stem = c.stem;
    const bool lstm = c.node.type == "LSTM";
    const int64_t hidden = p.integer("hidden"), layers = p.integer("layers");
    const bool bi = p.flag("bidirectional"), seq = p.flag("return_sequences");
    const int64_t dirs = bi ? 2 : 1;
    // PyTorch i,f,g,o → ONNX i,o,f,c; PyTorch r,z,n → ONNX z,r,h.
    const std::vector<int64_t> order = lstm ? std::vector<int64_t>{0, 3, 1, 2} : std::vector<int64_t>{1, 0, 2};
    // ONNX recurrent ops are sequence-major: [L, N, F].
    std::string x = g.fresh(stem + "_seq_major");
    attr(g.node("Transpose", {c.inputs[0]}, {x}), "perm", std::vector<int64_t>{1, 0, 2});
    std::string lastHidden;
    for (int64_t layer = 0; layer < layers; ++layer) {
        std::vector<torch::Tensor> W, R, B;
        for (int64_t d = 0; d < dirs; ++d) {
            std::string suffix = "_l" + std::to_string(layer) + (d == 1 ? "_reverse" : "");
            W.push_back(reorderGates(c.weight("weight_ih" + suffix), hidden, order));
            R.push_back(reorderGates(c.weight("weight_hh" + suffix), hidden, order));
            B.push_back(torch::cat({reorderGates(c.weight("bias_ih" + suffix), hidden, order),
                                    reorderGates(c.weight("bias_hh" + suffix), hidden, order)}));
        }
        std::string y = g.fresh(stem + "_y"), yh = g.fresh(stem + "_yh");
        std::vector<std::string> outs{y, yh};
        if (lstm) outs.push_back(g.fresh(stem + "_yc"));
        auto& node = g.node(lstm ? "LSTM" : "GRU",
                            {x, g.tensor(stem + "_W", torch::stack(W)), g.tensor(stem + "_R", torch::stack(R)),
                             g.tensor(stem + "_B", torch::stack(B))},
                            outs);
        attr(node, "hidden_size", hidden);
        if (bi) attr(node, "direction", std::string("bidirectional"));
        if (!lstm) attr(node, "linear_before_reset", int64_t{1});
        // Y is [L, dirs, N, H] → [L, N, dirs·H] for the next layer.
        std::string perm = g.fresh(stem + "_perm");
        attr(g.node("Transpose", {y}, {perm}), "perm", std::vector<int64_t>{0, 2, 1, 3});
        x = g.op("Reshape", {perm, g.ints(stem + "_shape", {0, 0, -1})}, stem);
        lastHidden = yh;
    }
    if (seq) {
        std::string out = g.fresh(stem);
        attr(g.node("Transpose", {x}, {out}), "perm", std::vector<int64_t>{1, 0, 2});
        return out;
    }
    // Y_h [dirs, N, H] holds the forward direction's last step and the backward one's first.
    std::string t = g.fresh(stem + "_h");
    attr(g.node("Transpose", {lastHidden}, {t}), "perm", std::vector<int64_t>{1, 0, 2});
    return g.op("Reshape", {t, g.ints(stem + "_hshape", {0, -1})}, stem);
}

}  // namespace

void sequenceKernels(LayerKernelTable& table) {
    table.add("LSTM", {buildRecurrent, emitRecurrent});
    table.add("GRU", {buildRecurrent, emitRecurrent});
    table.add("Embedding", {[](BuildContext& c) -> StepFunction {
                                auto m = c.submodule(
                                    nn::Embedding(nn::EmbeddingOptions(c.params.integer("vocab_size"), c.params.integer("dim"))));
                                return [m](const std::vector<torch::Tensor>& x) { return m->forward(x[0]); };
                            },
                            [](EmitContext& c) {
                                return c.g.op("Gather", {c.g.tensor(c.stem + "_weight", c.weight("weight")), c.inputs[0]}, c.stem);
                            }});
}

}  // namespace netloom::layers
#endif  // NETLOOM_KERNELS
