#pragma once
// Text preprocessing: clean → tokenize → stop words → stem → ids, with a vocabulary fitted on
// the training split. Torch-free, so the studio's preview and the export sidecar use it directly.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "preprocess/pipeline_spec.h"

struct sb_stemmer;

namespace netloom {

constexpr int64_t kPadId = 0;
constexpr int64_t kOovId = 1;

struct TextSteps {
    std::string original;
    std::string cleaned;              // after lowercase and punctuation removal
    std::vector<std::string> tokens;  // after stop words and stemming
    std::vector<int64_t> ids;         // padded/truncated to spec.length
    std::vector<bool> outOfVocabulary;  // per token
    int64_t padding = 0;              // PAD ids added in front
};

class TextEncoder {
public:
    explicit TextEncoder(TextPipelineSpec spec);
    ~TextEncoder();
    TextEncoder(const TextEncoder&) = delete;
    TextEncoder& operator=(const TextEncoder&) = delete;

    const TextPipelineSpec& spec() const { return spec_; }
    // The sequence length only pads and truncates: changing it keeps the fitted vocabulary.
    void setLength(int64_t length) { spec_.length = length; }

    std::string clean(const std::string& text) const;
    std::vector<std::string> tokenize(const std::string& text) const;  // clean + split + stop words + stem

    // Builds the vocabulary: most frequent tokens first (ties alphabetical), min frequency, max size.
    void fit(const std::vector<std::string>& trainingTexts);
    bool fitted() const { return !vocabulary_.empty(); }
    int64_t vocabularySize() const { return static_cast<int64_t>(vocabulary_.size()) + 2; }
    const std::vector<std::string>& vocabulary() const { return vocabulary_; }  // ids 2.. in order

    // Pads in front (so a recurrent layer's last step sees real text) and keeps the first
    // `length` tokens when truncating.
    std::vector<int64_t> encode(const std::string& text) const;
    TextSteps steps(const std::string& text) const;

    // The vocabulary and settings as JSON (the export's sidecar and the checkpoint's state).
    std::string toJson() const;
    static std::unique_ptr<TextEncoder> fromJson(const std::string& json, std::string& error);

private:
    std::string stem(const std::string& token) const;

    TextPipelineSpec spec_;
    std::vector<std::string> vocabulary_;
    std::map<std::string, int64_t> ids_;
    sb_stemmer* stemmer_ = nullptr;
    mutable std::mutex stemmerMutex_;  // a Snowball stemmer instance is not reentrant
};

// The English stop words removed by `remove_stop_words`.
bool isEnglishStopWord(const std::string& word);
const std::vector<std::string>& englishStopWords();

}  // namespace netloom
