#include "train/metrics.h"

#include <algorithm>
#include <numeric>

namespace netloom {

void classificationMetrics(const torch::Tensor& logits, const torch::Tensor& labels, int64_t classes, Metrics& m) {
    auto pred = logits.argmax(1).to(torch::kInt64).contiguous();
    auto y = labels.to(torch::kInt64).contiguous();
    // One bincount over (true·K + predicted) gives the whole confusion matrix.
    auto cm = torch::bincount(y * classes + pred, {}, classes * classes).view({classes, classes}).contiguous();
    auto acc = cm.accessor<int64_t, 2>();
    m.confusion.assign(classes, std::vector<int64_t>(classes, 0));
    int64_t correct = 0, total = 0;
    for (int64_t t = 0; t < classes; ++t)
        for (int64_t p = 0; p < classes; ++p) {
            m.confusion[t][p] = acc[t][p];
            total += acc[t][p];
            if (t == p) correct += acc[t][p];
        }
    m.accuracy = total ? static_cast<double>(correct) / total : 0;
    m.perClass.assign(classes, {});
    for (int64_t k = 0; k < classes; ++k) {
        int64_t tp = acc[k][k], predicted = 0, actual = 0;
        for (int64_t j = 0; j < classes; ++j) {
            predicted += acc[j][k];
            actual += acc[k][j];
        }
        ClassScores& s = m.perClass[k];
        s.support = actual;
        s.precision = predicted ? static_cast<double>(tp) / predicted : 0;
        s.recall = actual ? static_cast<double>(tp) / actual : 0;
        s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
    }
}

double rocAuc(const torch::Tensor& scores, const torch::Tensor& positive) {
    auto s = scores.to(torch::kFloat64).contiguous();
    auto p = positive.to(torch::kBool).contiguous();
    const int64_t n = s.numel();
    std::vector<int64_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    const double* sv = s.data_ptr<double>();
    const bool* pv = p.data_ptr<bool>();
    std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) { return sv[a] < sv[b]; });
    // Mann–Whitney U with average ranks for ties.
    double rankSum = 0;
    int64_t pos = 0;
    for (int64_t i = 0; i < n;) {
        int64_t j = i;
        while (j + 1 < n && sv[order[j + 1]] == sv[order[i]]) ++j;
        double rank = (i + j) / 2.0 + 1;
        for (int64_t k = i; k <= j; ++k)
            if (pv[order[k]]) {
                rankSum += rank;
                ++pos;
            }
        i = j + 1;
    }
    int64_t neg = n - pos;
    if (pos == 0 || neg == 0) return -1;
    return (rankSum - pos * (pos + 1) / 2.0) / (static_cast<double>(pos) * neg);
}

}  // namespace netloom
