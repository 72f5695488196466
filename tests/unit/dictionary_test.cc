#include "allinea/dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "allinea/anchors.h"
#include "allinea/error.h"
#include "anchors/words.h"

namespace allinea {
namespace {

using Strings = std::vector<std::string>;

std::string DictPath(const std::string& name) {
  return std::string(ALLINEA_TEST_DATA_DIR) + "/dict/" + name;
}

// Words as the dictionary sees them, in the language-neutral rules.
Strings Words(std::string_view text, std::string_view language = {}) {
  internal::WordTokenizer tokenizer(language);
  const auto words = tokenizer.Words(text);
  return Strings(words.begin(), words.end());
}

// The Describe() line of the InputError that parsing `text` throws.
std::string ParseError(const std::string& text) {
  try {
    (void)Dictionary::Parse(text, "bad.dict");
  } catch (const InputError& e) {
    return Describe(e);
  }
  return "(no error)";
}

// ---------------------------------------------------------------- words

TEST(WordTokenizerTest, ChineseIsSplitIntoWords) {
  EXPECT_EQ(Words("我们研究人工智能。", "zh"),
            (Strings{"我们", "研究", "人工", "智能"}));
  // The same words with the language-neutral rules.
  EXPECT_EQ(Words("我们研究人工智能。"), Words("我们研究人工智能。", "zh"));
}

TEST(WordTokenizerTest, PunctuationDroppedCaseFoldedApostrophesSplit) {
  EXPECT_EQ(Words("L'Intelligenza, dell’IA: open-source!", "it"),
            (Strings{"l", "intelligenza", "dell", "ia", "open", "source"}));
  EXPECT_EQ(Words("Europe's data", "en"), (Strings{"europe", "s", "data"}));
  EXPECT_EQ(Words("STRASSE Straße", "de"), (Strings{"strasse", "strasse"}));
  EXPECT_EQ(Words("GPT-4 costa 3,5 euro"),
            (Strings{"gpt", "4", "costa", "3,5", "euro"}));
  EXPECT_EQ(Words(" ... — @ "), (Strings{}));
}

TEST(WordTokenizerTest, JoinWords) {
  EXPECT_EQ(internal::JoinWords(Strings{"intelligenza", "artificiale"}),
            "intelligenza artificiale");
  EXPECT_EQ(internal::JoinWords(Strings{"人工", "智能"}), "人工智能");
  EXPECT_EQ(internal::JoinWords(Strings{"gpt", "4", "模型"}), "gpt 4 模型");
}

// ---------------------------------------------------------------- formats

TEST(DictionaryTest, HunalignFormatIsTargetThenSource) {
  const Dictionary d = Dictionary::Parse(
      "人工智能 @ intelligenza artificiale\n模型 @ modello\n", "it-zh.dict");
  EXPECT_EQ(d.size(), 2u);
  EXPECT_EQ(d.max_phrase_words(), 2u);
  EXPECT_EQ(d.MatchSource("Un modello di intelligenza artificiale.", "it"),
            (Strings{"intelligenza artificiale", "modello"}));
  EXPECT_EQ(d.MatchTarget("人工智能模型", "zh"),
            (Strings{"intelligenza artificiale", "modello"}));
  // Not the other way round.
  EXPECT_EQ(d.MatchSource("人工智能", "zh"), (Strings{}));
}

TEST(DictionaryTest, TsvFormatIsSourceThenTarget) {
  const Dictionary d = Dictionary::Parse(
      "artificial intelligence\t人工智能\nmodel\t模型\n", "en-zh.tsv");
  EXPECT_EQ(d.size(), 2u);
  EXPECT_EQ(d.MatchSource("Artificial Intelligence models", "en"),
            (Strings{"artificial intelligence"}));  // "models" is not "model"
  EXPECT_EQ(d.MatchTarget("我们研究人工智能。", "zh"),
            (Strings{"artificial intelligence"}));
}

TEST(DictionaryTest, ATsvPhraseMayHoldAnAtSign) {
  const Dictionary d = Dictionary::Parse("a @ b\tc\n", "x.tsv");
  EXPECT_EQ(d.MatchSource("a b"), (Strings{"a b"}));
  EXPECT_EQ(d.MatchTarget("c"), (Strings{"a b"}));
}

TEST(DictionaryTest, CommentsBlankLinesSpacesBomAndCrlf) {
  const Dictionary d = Dictionary::Parse(
      "\xEF\xBB\xBF# a comment\r\n\r\n   \r\n  开源   @   open   source  \r\n"
      "  # indented comment\r\n",
      "x.dict");
  EXPECT_EQ(d.size(), 1u);
  EXPECT_EQ(d.MatchSource("il modello open source"), (Strings{"open source"}));
}

TEST(DictionaryTest, EmptyTextIsAnEmptyDictionary) {
  EXPECT_TRUE(Dictionary::Parse("", "empty.dict").empty());
  EXPECT_TRUE(Dictionary::Parse("# only a comment\n\n", "c.dict").empty());
  EXPECT_TRUE(Dictionary().empty());
  EXPECT_EQ(Dictionary().MatchSource("qualcosa"), (Strings{}));
}

TEST(DictionaryTest, DuplicatesCountOnce) {
  const Dictionary d = Dictionary::Parse(
      "模型 @ modello\n模型 @ Modello\n模型  @  MODELLO\n", "x.dict");
  EXPECT_EQ(d.size(), 1u);
}

TEST(DictionaryTest, FilesOfBothFormats) {
  const Dictionary it_zh = Dictionary::Load(DictPath("it-zh.dict"));
  const Dictionary en_zh = Dictionary::Load(DictPath("en-zh.tsv"));
  EXPECT_GT(it_zh.size(), 20u);
  EXPECT_GT(en_zh.size(), 15u);
  EXPECT_EQ(it_zh.MatchSource("Ha sede a Parigi, in Europa.", "it"),
            (Strings{"europa", "parigi"}));
  EXPECT_EQ(en_zh.MatchSource("Europe's data and research", "en"),
            (Strings{"data", "europe", "research"}));
  // Several files in one dictionary: a Chinese word then translates both.
  Dictionary both;
  both.AddFile(DictPath("it-zh.dict"));
  both.AddFile(DictPath("en-zh.tsv"));
  // "open source" and "software" are the same entries in both.
  EXPECT_EQ(both.size(), it_zh.size() + en_zh.size() - 2);
  EXPECT_EQ(both.MatchTarget("欧洲", "zh"), (Strings{"europa", "europe"}));
}

// ---------------------------------------------------------------- matching

TEST(DictionaryTest, ChineseWordsAreFoundInsideUnspacedText) {
  const Dictionary d = Dictionary::Load(DictPath("it-zh.dict"));
  EXPECT_EQ(d.MatchTarget("我们研究人工智能。", "zh"),
            (Strings{"intelligenza artificiale", "ricerca", "studiare"}));
  // Words, not characters: "工智" straddles 人工 / 智能.
  const Dictionary odd = Dictionary::Parse("工智 @ x\n", "odd.dict");
  EXPECT_EQ(odd.MatchTarget("我们研究人工智能。", "zh"), (Strings{}));
}

TEST(DictionaryTest, CaseFolding) {
  const Dictionary d = Dictionary::Load(DictPath("it-zh.dict"));
  EXPECT_EQ(d.MatchSource("L'INTELLIGENZA Artificiale", "it"),
            (Strings{"intelligenza artificiale"}));
  const Dictionary upper =
      Dictionary::Parse("人工智能 @ Intelligenza Artificiale\n", "u.dict");
  EXPECT_EQ(upper.MatchSource("studiare l'intelligenza artificiale", "it"),
            (Strings{"intelligenza artificiale"}));
}

TEST(DictionaryTest, MultiWordPhrasesMatchOnlyWhole) {
  const Dictionary d = Dictionary::Load(DictPath("it-zh.dict"));
  EXPECT_EQ(d.MatchSource("negli Stati Uniti e in Cina", "it"),
            (Strings{"cina", "stati uniti"}));
  EXPECT_EQ(d.MatchSource("gli Stati e gli Uniti", "it"), (Strings{}));
  // Whole words only: "modello" is not in "modellino".
  EXPECT_EQ(d.MatchSource("un modellino", "it"), (Strings{}));
  // Punctuation between the words of a phrase does not matter.
  EXPECT_EQ(d.MatchSource("modelli open-source", "it"),
            (Strings{"modelli", "open source"}));
  // Elided articles: the phrase is inside "dell'intelligenza artificiale".
  EXPECT_EQ(d.MatchSource("nel campo dell’intelligenza artificiale", "it"),
            (Strings{"intelligenza artificiale"}));
  // Overlapping phrases are all found.
  EXPECT_EQ(d.MatchTarget("发布了语言模型", "zh"),
            (Strings{"modelli", "modelli linguistici", "modello",
                     "modello linguistico"}));
}

TEST(DictionaryTest, NormalisedPhrases) {
  const Dictionary d = Dictionary::Parse(
      "联合创始人 @ Co-Fondatore\n法律 @ dell'UE\n", "n.dict");
  EXPECT_EQ(d.MatchTarget("联合创始人", "zh"), (Strings{"co fondatore"}));
  EXPECT_EQ(d.MatchSource("la legge dell’UE", "it"), (Strings{"dell ue"}));
}

// ---------------------------------------------------------------- errors

TEST(DictionaryErrorsTest, MalformedLinesNameFileAndLine) {
  EXPECT_EQ(ParseError("模型 @ modello\nsolo parole\n"),
            "bad.dict: line 2: expected 'TARGET @ SOURCE' (the format of "
            "line 1)");
  EXPECT_EQ(ParseError("# c\n\nsolo parole\n"),
            "bad.dict: line 3: expected 'TARGET @ SOURCE' (hunalign) or "
            "'SOURCE<TAB>TARGET'");
  EXPECT_EQ(ParseError("model\t模型\n模型 @ modello\n"),
            "bad.dict: line 2: expected 'SOURCE<TAB>TARGET' (the format of "
            "line 1)");
  EXPECT_EQ(ParseError("模型 @ modello\nx\ty @ z\n"),
            "bad.dict: line 2: a TAB in a 'TARGET @ SOURCE' file (the format "
            "of line 1)");
  EXPECT_EQ(ParseError("a\tb\tc\n"),
            "bad.dict: line 1: more than one TAB (expected "
            "'SOURCE<TAB>TARGET')");
  EXPECT_EQ(ParseError("a @ b @ c\n"),
            "bad.dict: line 1: more than one ' @ ' (expected 'TARGET @ "
            "SOURCE')");
  EXPECT_EQ(ParseError("a @ @ c\n"),
            "bad.dict: line 1: more than one ' @ ' (expected 'TARGET @ "
            "SOURCE')");
  EXPECT_EQ(ParseError("模型 @ \n"), "bad.dict: line 1: no source phrase");
  EXPECT_EQ(ParseError("\tmodello\n"), "bad.dict: line 1: no source phrase");
  EXPECT_EQ(ParseError("model\t \n"), "bad.dict: line 1: no target phrase");
  EXPECT_EQ(ParseError("模型 @ modello\n… @ !!\n"),
            "bad.dict: line 2: the target phrase has no words (only "
            "punctuation or symbols)");
}

TEST(DictionaryErrorsTest, InvalidUtf8HasTheByteOffset) {
  EXPECT_EQ(ParseError("模型 @ mod\xC3(llo\n"),
            "bad.dict: byte 12: invalid UTF-8");
}

TEST(DictionaryErrorsTest, AnErrorLeavesTheDictionaryUnchanged) {
  Dictionary d = Dictionary::Parse("模型 @ modello\n", "a.dict");
  EXPECT_THROW(d.AddText("数据 @ dati\nrotto\n", "b.dict"), InputError);
  EXPECT_EQ(d.size(), 1u);
  EXPECT_EQ(d.MatchSource("dati"), (Strings{}));
}

TEST(DictionaryErrorsTest, MissingFileIsNamed) {
  const std::string path = DictPath("no-such.dict");
  try {
    (void)Dictionary::Load(path);
    FAIL() << "no error";
  } catch (const IoError& e) {
    EXPECT_EQ(e.file(), path);
  }
  EXPECT_THROW((void)Dictionary::Load(DictPath("")), IoError);  // a folder
}

// ---------------------------------------------------------------- features

Sentence Make(const std::string& text) {
  Sentence s;
  s.text = s.normalized = text;
  return s;
}

// The terms of one sentence's features.
Strings TermsOf(const Features& f, const SentenceFeatures& s) {
  Strings terms;
  for (std::uint32_t id : s.anchors) terms.push_back(f.vocabulary[id]);
  std::sort(terms.begin(), terms.end());
  return terms;
}

TEST(DictionaryFeaturesTest, HitsAreTermsSharedByBothSides) {
  const Dictionary d = Dictionary::Load(DictPath("it-zh.dict"));
  Document it, zh;
  it.language = "it";
  zh.language = "zh";
  it.sentences.push_back(
      Make("L'intelligenza artificiale cambia il software."));
  it.sentences.push_back(Make("Nessuna parola nota qui."));
  zh.sentences.push_back(Make("人工智能改变了软件。"));
  zh.sentences.push_back(Make("总部位于巴黎。"));
  AnchorOptions options;
  options.dictionary = &d;
  const Features f = ExtractFeatures(it, zh, options);
  EXPECT_EQ(TermsOf(f, f.src[0]),
            (Strings{"=intelligenza artificiale", "=software"}));
  EXPECT_EQ(TermsOf(f, f.tgt[0]),
            (Strings{"=intelligenza artificiale", "=software"}));
  EXPECT_EQ(f.src[0].anchors, f.tgt[0].anchors);  // the same ids
  EXPECT_EQ(TermsOf(f, f.src[1]), (Strings{}));
  EXPECT_EQ(TermsOf(f, f.tgt[1]), (Strings{"=parigi"}));
  // Lengths are unchanged by the dictionary.
  const Features plain = ExtractFeatures(it, zh, {});
  EXPECT_EQ(plain.src[0].length, f.src[0].length);
  EXPECT_EQ(plain.tgt[0].cjk, f.tgt[0].cjk);
  for (const std::string& term : plain.vocabulary) EXPECT_NE(term[0], '=');
}

TEST(DictionaryFeaturesTest, EnglishToChineseAndOtherClassesStay) {
  const Dictionary d = Dictionary::Load(DictPath("en-zh.tsv"));
  Document en, zh;
  en.language = "en";
  zh.language = "zh";
  en.sentences.push_back(Make("In 2024 the City bike report came out."));
  zh.sentences.push_back(Make("2024 年城市自行车报告发布了。"));
  AnchorOptions options;
  options.dictionary = &d;
  const Features f = ExtractFeatures(en, zh, options);
  EXPECT_EQ(TermsOf(f, f.src[0]),
            (Strings{"#2024", "=bike", "=city", "=report", "@city"}));
  EXPECT_EQ(TermsOf(f, f.tgt[0]),
            (Strings{"#2024", "=bicycle", "=bike", "=city", "=report"}));
}

TEST(DictionaryFeaturesTest, EmptyDictionaryAddsNothing) {
  const Dictionary d;
  Document it;
  it.language = "it";
  it.sentences.push_back(Make("Un modello."));
  AnchorOptions options;
  options.dictionary = &d;
  EXPECT_TRUE(ExtractFeatures(it, it, options).vocabulary.empty());
}

}  // namespace
}  // namespace allinea
