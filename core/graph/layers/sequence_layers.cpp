// Embedding, LSTM, GRU: the text and sequence layers.
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
