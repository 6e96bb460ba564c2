#include "preprocess/text_pipeline.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include <libstemmer.h>
#include <nlohmann/json.hpp>

namespace netloom {

const std::vector<std::string>& englishStopWords() {
    // The classic English list (as in NLTK/Snowball), without negations, which carry meaning
    // for classification ("not good").
    static const std::vector<std::string> words = {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
        "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "now", "of", "off",
        "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
        "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
        "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "would", "you", "your", "yours", "yourself", "yourselves"};
    return words;
}

bool isEnglishStopWord(const std::string& word) {
    static const std::set<std::string> words(englishStopWords().begin(), englishStopWords().end());
    return words.count(word) != 0;
}

TextEncoder::TextEncoder(TextPipelineSpec spec) : spec_(spec) {
    if (spec_.stem) stemmer_ = sb_stemmer_new("english", "UTF_8");
}

TextEncoder::~TextEncoder() {
    if (stemmer_) sb_stemmer_delete(stemmer_);
}

std::string TextEncoder::clean(const std::string& text) const {
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (c >= 0x80) {
            out.push_back(static_cast<char>(c));  // UTF-8 bytes are kept as letters
        } else if (std::isalnum(c)) {
            out.push_back(spec_.lowercase ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
        } else if (std::isspace(c)) {
            out.push_back(' ');
        } else if (spec_.stripPunctuation) {
            // Apostrophes join ("don't" → "dont"); other punctuation separates words.
            if (c != '\'') out.push_back(' ');
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

std::string TextEncoder::stem(const std::string& token) const {
    if (!stemmer_) return token;
    std::lock_guard<std::mutex> lock(stemmerMutex_);
    const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(token.data()),
                                         static_cast<int>(token.size()));
    if (!s) return token;  // out of memory: keep the word rather than lose it
    return std::string(reinterpret_cast<const char*>(s), static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

std::vector<std::string> TextEncoder::tokenize(const std::string& text) const {
    std::string cleaned = clean(text);
    std::vector<std::string> tokens;
    size_t i = 0;
    while (i < cleaned.size()) {
        while (i < cleaned.size() && cleaned[i] == ' ') ++i;
        size_t j = i;
        while (j < cleaned.size() && cleaned[j] != ' ') ++j;
        if (j > i) {
            std::string word = cleaned.substr(i, j - i);
            if (!(spec_.removeStopWords && isEnglishStopWord(word))) tokens.push_back(stem(word));
        }
        i = j;
    }
    return tokens;
}

void TextEncoder::fit(const std::vector<std::string>& texts) {
    std::unordered_map<std::string, int64_t> counts;
    for (const auto& t : texts)
        for (auto& tok : tokenize(t)) ++counts[tok];
    std::vector<std::pair<std::string, int64_t>> sorted(counts.begin(), counts.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    vocabulary_.clear();
    ids_.clear();
    for (const auto& [tok, n] : sorted) {
        if (n < spec_.minFrequency || static_cast<int64_t>(vocabulary_.size()) + 2 >= spec_.maxVocab) break;
        ids_[tok] = static_cast<int64_t>(vocabulary_.size()) + 2;
        vocabulary_.push_back(tok);
    }
}

TextSteps TextEncoder::steps(const std::string& text) const {
    TextSteps s;
    s.original = text;
    s.cleaned = clean(text);
    s.tokens = tokenize(text);
    std::vector<int64_t> ids;
    for (const auto& tok : s.tokens) {
        auto it = ids_.find(tok);
        s.outOfVocabulary.push_back(it == ids_.end());
        if (static_cast<int64_t>(ids.size()) < spec_.length) ids.push_back(it == ids_.end() ? kOovId : it->second);
    }
    s.padding = spec_.length - static_cast<int64_t>(ids.size());
    s.ids.assign(static_cast<size_t>(s.padding), kPadId);
    s.ids.insert(s.ids.end(), ids.begin(), ids.end());
    return s;
}

std::vector<int64_t> TextEncoder::encode(const std::string& text) const { return steps(text).ids; }

std::string TextEncoder::toJson() const {
    nlohmann::json j = {{"lowercase", spec_.lowercase},
                        {"strip_punctuation", spec_.stripPunctuation},
                        {"remove_stop_words", spec_.removeStopWords},
                        {"stem", spec_.stem},
                        {"max_vocab", spec_.maxVocab},
                        {"min_frequency", spec_.minFrequency},
                        {"length", spec_.length},
                        {"padding", "pre"},
                        {"truncation", "post"},
                        {"pad_id", kPadId},
                        {"oov_id", kOovId},
                        {"vocabulary", vocabulary_}};
    // The exported server tokenizes with exactly this list.
    if (spec_.removeStopWords) j["stop_words"] = englishStopWords();
    return j.dump();
}

std::unique_ptr<TextEncoder> TextEncoder::fromJson(const std::string& text, std::string& error) {
    try {
        auto j = nlohmann::json::parse(text);
        TextPipelineSpec spec;
        spec.lowercase = j.at("lowercase").get<bool>();
        spec.stripPunctuation = j.at("strip_punctuation").get<bool>();
        spec.removeStopWords = j.at("remove_stop_words").get<bool>();
        spec.stem = j.at("stem").get<bool>();
        spec.maxVocab = j.at("max_vocab").get<int64_t>();
        spec.minFrequency = j.at("min_frequency").get<int64_t>();
        spec.length = j.at("length").get<int64_t>();
        auto enc = std::make_unique<TextEncoder>(spec);
        for (const auto& tok : j.at("vocabulary")) {
            enc->ids_[tok.get<std::string>()] = static_cast<int64_t>(enc->vocabulary_.size()) + 2;
            enc->vocabulary_.push_back(tok.get<std::string>());
        }
        return enc;
    } catch (const std::exception& e) {
        error = std::string("text encoder state is unreadable: ") + e.what();
        return nullptr;
    }
}

}  // namespace netloom
