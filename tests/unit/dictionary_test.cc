#include "allinea/dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "allinea/error.h"
#include "allinea/io.h"
#include "anchors/words.h"
#include "unit/test_files.h"

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

// The Describe() line of the InputError that parsing `text` strictly throws.
std::string ParseError(const std::string& text) {
  try {
    (void)Dictionary::Parse(text, "bad.dict", {.strict = true});
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

Strings From(const Dictionary& d, std::string_view text, std::string_view lang = {}) {
  return d.Match(Dictionary::kFrom, text, lang);
}
Strings To(const Dictionary& d, std::string_view text, std::string_view lang = {}) {
  return d.Match(Dictionary::kTo, text, lang);
}

// The translations of `phrase` (a normalised phrase of `side`), sorted.
Strings TranslationsOf(const Dictionary& d, Dictionary::Side side, std::string_view phrase) {
  Strings out;
  const auto id = d.Find(side, phrase);
  if (!id) return out;
  const auto other = side == Dictionary::kFrom ? Dictionary::kTo : Dictionary::kFrom;
  for (std::uint32_t t : d.Translations(side, *id)) out.emplace_back(d.Phrase(other, t));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(DictionaryTest, HunalignFormatIsTargetThenSource) {
  const Dictionary d = Dictionary::Parse(
      "人工智能 @ intelligenza artificiale\n模型 @ modello\n", "it-zh.dict");
  EXPECT_EQ(d.size(), 2u);
  EXPECT_EQ(d.max_phrase_words(Dictionary::kFrom), 2u);
  EXPECT_EQ(From(d, "Un modello di intelligenza artificiale.", "it"),
            (Strings{"intelligenza artificiale", "modello"}));
  EXPECT_EQ(To(d, "人工智能模型", "zh"), (Strings{"intelligenza artificiale", "modello"}));
  // Not the other way round.
  EXPECT_EQ(From(d, "人工智能", "zh"), (Strings{}));
  // A file without languages takes them from the options.
  EXPECT_EQ(d.from_language(), "");
  const Dictionary named = Dictionary::Parse("模型 @ modello\n", "x", {.from_language = "it",
                                                                     .to_language = "zh"});
  EXPECT_EQ(named.from_language(), "it");
  EXPECT_EQ(named.to_language(), "zh");
}

TEST(DictionaryTest, TsvFormatIsSourceThenTarget) {
  const Dictionary d = Dictionary::Parse(
      "artificial intelligence\t人工智能\nmodel\t模型\n", "en-zh.tsv");
  EXPECT_EQ(d.size(), 2u);
  EXPECT_EQ(From(d, "Artificial Intelligence models", "en"),
            (Strings{"artificial intelligence"}));  // "models" is not "model"
  EXPECT_EQ(To(d, "我们研究人工智能。", "zh"), (Strings{"artificial intelligence"}));
  EXPECT_EQ(TranslationsOf(d, Dictionary::kTo, "模型"), (Strings{"model"}));
}

TEST(DictionaryTest, ATsvPhraseMayHoldAnAtSign) {
  const Dictionary d = Dictionary::Parse("a @ b\tc\n", "x.tsv");
  EXPECT_EQ(From(d, "a b"), (Strings{"a b"}));
  EXPECT_EQ(To(d, "c"), (Strings{"a b"}));
}

TEST(DictionaryTest, CommentsBlankLinesSpacesBomAndCrlf) {
  const Dictionary d = Dictionary::Parse(
      "\xEF\xBB\xBF# a comment\r\n\r\n   \r\n  开源   @   open   source  \r\n"
      "  # indented comment\r\n",
      "x.dict");
  EXPECT_EQ(d.size(), 1u);
  EXPECT_EQ(d.skipped_lines(), 0u);
  EXPECT_EQ(From(d, "il modello open source"), (Strings{"open source"}));
}

TEST(DictionaryTest, EmptyTextIsAnEmptyDictionary) {
  EXPECT_TRUE(Dictionary::Parse("", "empty.dict").empty());
  EXPECT_TRUE(Dictionary::Parse("# only a comment\n\n", "c.dict").empty());
  EXPECT_TRUE(Dictionary().empty());
  EXPECT_EQ(From(Dictionary(), "qualcosa"), (Strings{}));
}

TEST(DictionaryTest, DuplicatesCountOnce) {
  const Dictionary d = Dictionary::Parse(
      "模型 @ modello\n模型 @ Modello\n模型  @  MODELLO\n", "x.dict");
  EXPECT_EQ(d.size(), 1u);
}

TEST(DictionaryTest, TestFilesOfBothFormats) {
  const Dictionary it_zh = Dictionary::Load(DictPath("it-zh.dict"));
  const Dictionary en_zh = Dictionary::Load(DictPath("en-zh.tsv"));
  EXPECT_GT(it_zh.size(), 20u);
  EXPECT_GT(en_zh.size(), 15u);
  EXPECT_EQ(From(it_zh, "Ha sede a Parigi, in Europa.", "it"), (Strings{"europa", "parigi"}));
  EXPECT_EQ(From(en_zh, "Europe's data and research", "en"),
            (Strings{"data", "europe", "research"}));
}

// ---------------------------------------------------------------- matching

TEST(DictionaryTest, ChineseWordsAreFoundInsideUnspacedText) {
  const Dictionary d = Dictionary::Load(DictPath("it-zh.dict"));
  EXPECT_EQ(To(d, "我们研究人工智能。", "zh"),
            (Strings{"intelligenza artificiale", "ricerca", "studiare"}));
  // Words, not characters: "工智" straddles 人工 / 智能.
  const Dictionary odd = Dictionary::Parse("工智 @ x\n", "odd.dict");
  EXPECT_EQ(To(odd, "我们研究人工智能。", "zh"), (Strings{}));
}

TEST(DictionaryTest, CaseFolding) {
  const Dictionary d = Dictionary::Load(DictPath("it-zh.dict"));
  EXPECT_EQ(From(d, "L'INTELLIGENZA Artificiale", "it"), (Strings{"intelligenza artificiale"}));
  const Dictionary upper = Dictionary::Parse("人工智能 @ Intelligenza Artificiale\n", "u.dict");
  EXPECT_EQ(From(upper, "studiare l'intelligenza artificiale", "it"),
            (Strings{"intelligenza artificiale"}));
}

TEST(DictionaryTest, MultiWordPhrasesMatchOnlyWhole) {
  const Dictionary d = Dictionary::Load(DictPath("it-zh.dict"));
  EXPECT_EQ(From(d, "negli Stati Uniti e in Cina", "it"), (Strings{"cina", "stati uniti"}));
  EXPECT_EQ(From(d, "gli Stati e gli Uniti", "it"), (Strings{}));
  EXPECT_EQ(From(d, "un modellino", "it"), (Strings{}));
  EXPECT_EQ(From(d, "modelli open-source", "it"), (Strings{"modelli", "open source"}));
  EXPECT_EQ(From(d, "nel campo dell’intelligenza artificiale", "it"),
            (Strings{"intelligenza artificiale"}));
  // Overlapping phrases are all found.
  EXPECT_EQ(To(d, "发布了语言模型", "zh"),
            (Strings{"modelli", "modelli linguistici", "modello", "modello linguistico"}));
}

TEST(DictionaryTest, NormalisedPhrases) {
  const Dictionary d = Dictionary::Parse("联合创始人 @ Co-Fondatore\n法律 @ dell'UE\n", "n.dict");
  EXPECT_EQ(To(d, "联合创始人", "zh"), (Strings{"co fondatore"}));
  EXPECT_EQ(From(d, "la legge dell’UE", "it"), (Strings{"dell ue"}));
  EXPECT_EQ(NormalisePhrase("  Machine   LEARNING "), "machine learning");
  EXPECT_EQ(NormalisePhrase("人工 智能"), "人工智能");
  EXPECT_EQ(NormalisePhrase("— !"), "");
}

TEST(DictionaryTest, PlainPhrasesNormaliseAsIcuWouldSplitThem) {
  // Phrases of plain words skip ICU's BreakIterator: the result must be
  // what the BreakIterator gives.
  for (const char* phrase :
       {"Straße Groß", "ÄRGER über   alles", "Ελληνικά Λέξη", "Москва Город", "Éléphant ÉTÉ",
        "naïve café", "İstanbul", "ABC123 x9", "l'été", "co-fondatore", "ﬁle", "3,5 euro"}) {
    EXPECT_EQ(NormalisePhrase(phrase), internal::JoinWords(Words(phrase))) << phrase;
  }
}

// ---------------------------------------------------------------- senses

TEST(CleanSenseTest, NotesAndNonTranslationsGo) {
  EXPECT_EQ(CleanSense("to deal with", "en"), "deal with");
  EXPECT_EQ(CleanSense("to", "en"), "to");
  EXPECT_EQ(CleanSense("to deal with", "fr"), "to deal with");  // English only
  EXPECT_EQ(CleanSense("(concept of) time", "en"), "time");
  EXPECT_EQ(CleanSense("Europe (abbr. for 歐羅巴洲|欧罗巴洲[Ou1 luo2 ba1 Zhou1])", "en"),
            "Europe");
  EXPECT_EQ(CleanSense("Abdampfvorwärmer <masc> [techn.]", "de"), "Abdampfvorwärmer");
  EXPECT_EQ(CleanSense("CL:個|个[ge4]", "en"), "");
  EXPECT_EQ(CleanSense("variant of 汞[gong3]", "en"), "");
  EXPECT_EQ(CleanSense("old variant of 汞[gong3]", "en"), "");
  EXPECT_EQ(CleanSense("surname Wang", "en"), "");
  EXPECT_EQ(CleanSense("see 大夫[dai4 fu5]", "en"), "");
  EXPECT_EQ(CleanSense("used in 傢伙|家伙[jia1 huo5]", "en"), "");
  EXPECT_EQ(CleanSense("abbr. for Xinjiang 新疆[Xin1 jiang1]", "en"), "");
  EXPECT_EQ(CleanSense("classifier for families or businesses", "en"), "");
}

// ---------------------------------------------------------------- CC-CEDICT

TEST(CedictTest, BothHeadwordsEachCleanSense) {
  const Dictionary d = Dictionary::Load(DictPath("cedict-sample.u8"));
  EXPECT_EQ(d.from_language(), "zh");
  EXPECT_EQ(d.to_language(), "en");
  EXPECT_EQ(d.skipped_lines(), 0u);
  // Senses split at semicolons, "to " and notes dropped.
  EXPECT_EQ(TranslationsOf(d, Dictionary::kFrom, "国家"), (Strings{"country", "nation", "state"}));
  EXPECT_EQ(TranslationsOf(d, Dictionary::kFrom, "工作"),
            (Strings{"job", "operate", "task", "work"}));
  EXPECT_EQ(TranslationsOf(d, Dictionary::kFrom, "时间"), (Strings{"time"}));
  // The traditional headword too.
  EXPECT_EQ(TranslationsOf(d, Dictionary::kFrom, "國家"), TranslationsOf(d, Dictionary::kFrom, "国家"));
  // Surnames, classifiers and "used in" are no translations; "年" keeps
  // "year" from its other entry.
  EXPECT_EQ(TranslationsOf(d, Dictionary::kFrom, "年"), (Strings{"year"}));
  EXPECT_EQ(TranslationsOf(d, Dictionary::kFrom, "家"), (Strings{"family", "home", "my"}));
  // Read backwards: the English words' Chinese.
  EXPECT_EQ(TranslationsOf(d, Dictionary::kTo, "house"), (Strings{"房子"}));
  EXPECT_EQ(TranslationsOf(d, Dictionary::kTo, "artificial intelligence"), (Strings{"人工智能"}));
}

TEST(CedictTest, MalformedLinesAreSkippedAndCounted) {
  const std::string text =
      "世界 世界 [shi4 jie4] /world/\n"
      "broken line\n"
      "書 书 [shu1] /book/letter/\n"
      "模型 模型 mo2 xing2 /model/\n";
  const Dictionary d = Dictionary::Parse(text, "c.u8", {.format = DictionaryFormat::kCedict});
  EXPECT_EQ(d.size(), 2u + 2u + 1u);  // 世界, 书 and 書 twice
  EXPECT_EQ(d.skipped_lines(), 2u);
  EXPECT_EQ(d.first_skipped(),
            "line 2: expected '繁體 简体 [pin1 yin1] /sense/sense/': 'broken line'");
  EXPECT_THROW((void)Dictionary::Parse(text, "c.u8",
                                       {.format = DictionaryFormat::kCedict, .strict = true}),
               InputError);
}

// ---------------------------------------------------------------- dictd

TEST(DictdTest, FreeDictTranslationsWithoutGlosses) {
  const Dictionary d = Dictionary::Load(DictPath("freedict-deu-fra.index"));
  EXPECT_EQ(d.from_language(), "de");
  EXPECT_EQ(d.to_language(), "fr");
  EXPECT_EQ(d.skipped_lines(), 0u);
  // Each sense's first line, split at commas; the German gloss lines after
  // them ("Verringerung des Wertes einer Währung") are left out.
  EXPECT_EQ(TranslationsOf(d, Dictionary::kFrom, "abwertung"),
            (Strings{"dévalorisation", "dévaluation"}));
  EXPECT_EQ(TranslationsOf(d, Dictionary::kFrom, "abwind"),
            (Strings{"courant descendant", "courant rabattant", "décadence", "déclin",
                     "vent descendant"}));
  EXPECT_FALSE(d.Find(Dictionary::kTo, "verringerung des wertes einer währung"));
  EXPECT_FALSE(d.Find(Dictionary::kTo, "meteorologie"));
  // The header entry is no entry.
  EXPECT_FALSE(d.Find(Dictionary::kFrom, "00databaseinfo"));
}

TEST(DictdTest, AnyOfItsFilesNamesTheDatabase) {
  const Dictionary by_index = Dictionary::Load(DictPath("freedict-ita-eng.index"));
  const Dictionary by_data = Dictionary::Load(DictPath("freedict-ita-eng.dict.dz"));
  const Dictionary by_name = Dictionary::Load(DictPath("freedict-ita-eng"));
  EXPECT_EQ(by_index.from_language(), "it");
  EXPECT_EQ(by_index.to_language(), "en");
  EXPECT_GT(by_index.size(), 15u);
  EXPECT_EQ(by_data.size(), by_index.size());
  EXPECT_EQ(by_name.size(), by_index.size());
  EXPECT_EQ(TranslationsOf(by_index, Dictionary::kFrom, "casa"), (Strings{"home", "house"}));
  EXPECT_EQ(TranslationsOf(by_index, Dictionary::kFrom, "grande"),
            (Strings{"big", "great", "large"}));
}

TEST(DictdTest, ABadIndexLineIsSkipped) {
  const TempDir dir;
  const std::string base = dir.path() + "/freedict-ita-eng";
  std::filesystem::copy_file(DictPath("freedict-ita-eng.dict.dz"), base + ".dict.dz");
  std::string index = ReadInput(DictPath("freedict-ita-eng.index"));
  index += "rotto\tZZZZZZ\tB\nsenza campi\n";
  WriteFile(base + ".index", index);
  const Dictionary d = Dictionary::Load(base + ".index");
  EXPECT_EQ(d.skipped_lines(), 2u);
  EXPECT_EQ(d.size(), Dictionary::Load(DictPath("freedict-ita-eng.index")).size());
  EXPECT_THROW((void)Dictionary::Load(base + ".index", {.strict = true}), InputError);
}

// ---------------------------------------------------------------- compiled

TEST(CompiledTest, RoundTripKeepsEverything) {
  const TempDir dir;
  const Dictionary d = Dictionary::Load(DictPath("cedict-sample.u8"));
  d.Save(dir.path() + "/zh-en.test.adict");
  const Dictionary back = Dictionary::Load(dir.path() + "/zh-en.test.adict");
  EXPECT_EQ(back.size(), d.size());
  EXPECT_EQ(back.from_language(), "zh");
  EXPECT_EQ(back.to_language(), "en");
  for (const auto side : {Dictionary::kFrom, Dictionary::kTo}) {
    ASSERT_EQ(back.phrases(side), d.phrases(side));
    EXPECT_EQ(back.max_phrase_words(side), d.max_phrase_words(side));
    for (std::uint32_t k = 0; k < d.phrases(side); ++k) {
      EXPECT_EQ(back.Phrase(side, k), d.Phrase(side, k));
      EXPECT_EQ(TranslationsOf(back, side, d.Phrase(side, k)),
                TranslationsOf(d, side, d.Phrase(side, k)));
    }
  }
}

TEST(CompiledTest, ATruncatedFileIsRefused) {
  const TempDir dir;
  const std::string path = dir.path() + "/zh-en.test.adict";
  Dictionary::Load(DictPath("cedict-sample.u8")).Save(path);
  std::string bytes = ReadInput(path);
  WriteFile(path, bytes.substr(0, bytes.size() - 7));
  try {
    (void)Dictionary::Load(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(Describe(e).find("not a valid compiled dictionary (truncated)"), std::string::npos)
        << Describe(e);
  }
}

// ---------------------------------------------------------------- errors

TEST(DictionaryErrorsTest, MalformedLinesAreSkippedWithTheFirstNamed) {
  const Dictionary d = Dictionary::Parse("模型 @ modello\nsolo parole\n… @ !!\n数据 @ dati\n",
                                         "x.dict");
  EXPECT_EQ(d.size(), 2u);
  EXPECT_EQ(d.skipped_lines(), 2u);
  EXPECT_EQ(d.first_skipped(), "line 2: expected 'TARGET @ SOURCE': 'solo parole'");
  // A file whose first lines decide nothing is read from the first that does.
  const Dictionary late = Dictionary::Parse("junk\nmodel\t模型\n", "y.tsv");
  EXPECT_EQ(late.size(), 1u);
  EXPECT_EQ(late.skipped_lines(), 1u);
}

TEST(DictionaryErrorsTest, StrictRefusesNamingFileAndLine) {
  EXPECT_EQ(ParseError("模型 @ modello\nsolo parole\n"),
            "bad.dict: line 2: expected 'TARGET @ SOURCE'");
  EXPECT_EQ(ParseError("model\t模型\n模型 @ modello\n"),
            "bad.dict: line 2: expected 'SOURCE<TAB>TARGET'");
  EXPECT_EQ(ParseError("模型 @ modello\nx\ty @ z\n"),
            "bad.dict: line 2: a TAB in a 'TARGET @ SOURCE' file");
  EXPECT_EQ(ParseError("a\tb\tc\n"),
            "bad.dict: line 1: more than one TAB (expected 'SOURCE<TAB>TARGET')");
  EXPECT_EQ(ParseError("a @ b @ c\n"),
            "bad.dict: line 1: more than one ' @ ' (expected 'TARGET @ SOURCE')");
  EXPECT_EQ(ParseError("a @ @ c\n"),
            "bad.dict: line 1: more than one ' @ ' (expected 'TARGET @ SOURCE')");
  EXPECT_EQ(ParseError("模型 @ \n"),
            "bad.dict: line 1: a phrase with no words (empty, or only punctuation)");
  EXPECT_EQ(ParseError("模型 @ modello\n… @ !!\n"),
            "bad.dict: line 2: a phrase with no words (empty, or only punctuation)");
}

TEST(DictionaryErrorsTest, InvalidUtf8HasTheByteOffset) {
  EXPECT_EQ(ParseError("模型 @ mod\xC3(llo\n"), "bad.dict: byte 12: invalid UTF-8");
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

TEST(DictionaryErrorsTest, FormatNames) {
  EXPECT_EQ(ParseDictionaryFormat("cedict"), DictionaryFormat::kCedict);
  EXPECT_EQ(DictionaryFormatName(DictionaryFormat::kDictd), "dictd");
  EXPECT_THROW((void)ParseDictionaryFormat("xml"), UsageError);
}

}  // namespace
}  // namespace allinea
