// The bundle's Node server tokenizes text itself (packaging/bundle/server/src/tokenizer.js). A
// deployed text model is only right if that gives the studio's tokens and ids, word for word: this
// runs both over the whole training split of the fortunes example, stemming included (libstemmer
// here, the snowball-stemmers port there), and compares every text.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "export/verifier_process.h"
#include "preprocess/text_pipeline.h"
#include "project/project.h"
#include "test_graphs.h"

using namespace netloom;
using nlohmann::json;

namespace {

struct TokenizerCase {
    std::string name;
    bool stem, removeStopWords, stripPunctuation, lowercase;
};

class ServerTokenizer : public ::testing::TestWithParam<TokenizerCase> {};

}  // namespace

TEST_P(ServerTokenizer, GivesTheStudiosTokensAndIdsOnEveryFortune) {
    const TokenizerCase& c = GetParam();
    ProjectLoad load = loadProject(netloom::testing::projectPath("fortune-text-classifier"));
    ASSERT_TRUE(load.ok()) << load.error;
    DatasetLoad data = loadDataset(*load.project);
    ASSERT_TRUE(data.ok()) << data.error;
    const std::vector<std::string>& texts = data.dataset->trainTexts;
    ASSERT_GT(texts.size(), 1000u);

    TextPipelineSpec spec = load.project->preprocess.text;
    spec.stem = c.stem;
    spec.removeStopWords = c.removeStopWords;
    spec.stripPunctuation = c.stripPunctuation;
    spec.lowercase = c.lowercase;
    TextEncoder encoder(spec);
    encoder.fit(texts);

    json request = {{"spec", json::parse(encoder.toJson())}, {"texts", texts}, {"tokens", json::array()}, {"ids", json::array()}};
    size_t changedByStemming = 0;
    TextPipelineSpec unstemmedSpec = spec;
    unstemmedSpec.stem = false;
    TextEncoder unstemmed(unstemmedSpec);
    for (const std::string& text : texts) {
        std::vector<std::string> tokens = encoder.tokenize(text);
        if (c.stem && tokens != unstemmed.tokenize(text)) ++changedByStemming;
        request["tokens"].push_back(tokens);
        request["ids"].push_back(encoder.encode(text));
    }
    if (c.stem) EXPECT_GT(changedByStemming, texts.size() / 2) << "the corpus should exercise the stemmer";

    const std::string work = ::testing::TempDir() + "server-tokenizer-" + c.name;
    std::filesystem::create_directories(work);
    std::ofstream(work + "/request.json") << request.dump();
    std::string output;
    int rc = runNodeScript(NETLOOM_SOURCE_DIR "/tests/bundle/tokenizer-parity.js",
                           {NETLOOM_SOURCE_DIR "/packaging/bundle/server/src/tokenizer.js", work + "/request.json"}, {}, output);
    EXPECT_EQ(rc, 0) << output;
    EXPECT_NE(output.find(" tokens: 0 differ"), std::string::npos) << output;
    std::filesystem::remove_all(work);
}

INSTANTIATE_TEST_SUITE_P(
    Bundle, ServerTokenizer,
    ::testing::Values(TokenizerCase{"stemmed", true, false, true, true},
                      TokenizerCase{"stemmed_without_stop_words", true, true, true, true},
                      // Punctuation and capitals kept: the stemmer sees apostrophes, digits and upper case.
                      TokenizerCase{"stemmed_raw_words", true, false, false, false},
                      TokenizerCase{"plain", false, false, true, true}),
    [](const ::testing::TestParamInfo<TokenizerCase>& info) { return info.param.name; });
