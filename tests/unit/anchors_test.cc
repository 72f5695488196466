#include "allinea/anchors.h"

#include <gtest/gtest.h>

#include "allinea/text.h"

namespace allinea {
namespace {

Sentence Make(const std::string& text) {
  Sentence s;
  s.text = s.normalized = text;
  return s;
}

using Terms = std::vector<std::string>;

TEST(AnchorTermsTest, NumbersAsValues) {
  EXPECT_EQ(AnchorTerms("raccolto 645 milioni nel 2023-2024, 6,45 e 3.1", "it"),
            (Terms{"#645000000", "#2023", "#2024", "#6.45", "#3.1"}));
  // Full-width digits read as ASCII; a trailing full stop is not a decimal.
  EXPECT_EQ(AnchorTerms("估值６０亿。在 12.", "zh"), (Terms{"#6000000000", "#12"}));
  // Thousands separators by language.
  EXPECT_EQ(AnchorTerms("1.000.000 e 1.000,5", "it"), (Terms{"#1000000", "#1000.5"}));
  EXPECT_EQ(AnchorTerms("1,000,000 and 1,000.5", "en"), (Terms{"#1000000", "#1000.5"}));
}

TEST(AnchorTermsTest, ScaleWordsMeetAcrossLanguages) {
  // The pairs of the sample interview, and English.
  EXPECT_EQ(AnchorTerms("6 miliardi", "it"), AnchorTerms("60 亿", "zh"));
  EXPECT_EQ(AnchorTerms("6 miliardi", "it"), AnchorTerms("6 billion", "en"));
  EXPECT_EQ(AnchorTerms("645 milioni", "it"), AnchorTerms("6.45 亿", "zh"));
  EXPECT_EQ(AnchorTerms("25 milioni di euro", "it"), AnchorTerms("2500 万欧元", "zh"));
  EXPECT_EQ(AnchorTerms("100 miliardi", "it"), AnchorTerms("1000 亿", "zh"));
  EXPECT_EQ(AnchorTerms("$6bn", "en"), AnchorTerms("6 billion", "en"));
  EXPECT_EQ(AnchorTerms("15 mila", "it"), AnchorTerms("15 thousand", "en"));
  // A scale word must be a whole word: "mila" is not "milanese".
  EXPECT_EQ(AnchorTerms("Nel 2024 a Milano, 3 milanesi", "it"),
            (Terms{"#2024", "@milano", "#3"}));
}

TEST(AnchorTermsTest, ChineseNumerals) {
  EXPECT_EQ(AnchorTerms("发布了六种语言模型", "zh"), (Terms{"#6"}));
  EXPECT_EQ(AnchorTerms("吸引了十五名研究人员", "zh"), AnchorTerms("15 ricercatori", "it"));
  EXPECT_EQ(AnchorTerms("两千五百万欧元", "zh"), AnchorTerms("25 milioni di euro", "it"));
  EXPECT_EQ(AnchorTerms("估值六十亿美元", "zh"), AnchorTerms("6 miliardi", "it"));
  EXPECT_EQ(AnchorTerms("一千亿", "zh"), AnchorTerms("100 miliardi", "it"));
  EXPECT_EQ(AnchorTerms("兩萬", "zh"), (Terms{"#20000"}));
  // "一" before a measure word is an article; "十分" is "very".
  EXPECT_EQ(AnchorTerms("一个开发者平台，一些改进，十分重要", "zh"), (Terms{}));
  // Only in Chinese and Japanese text.
  EXPECT_EQ(AnchorTerms("六", "it"), (Terms{}));
}

TEST(AnchorTermsTest, NamesAndCodes) {
  EXPECT_EQ(AnchorTerms("Ha una partnership con Microsoft e Llama 3.1 405B."),
            (Terms{"@microsoft", "@llama", "#3.1", "@405b"}));
  // The first word of a sentence is no name; a Chinese context has no
  // sentence-initial Latin word to skip once a Han character came first.
  EXPECT_EQ(AnchorTerms("Questo è OpenAI"), (Terms{"@openai"}));
  EXPECT_EQ(AnchorTerms("他们曾在 Google、OpenAI 工作"), (Terms{"@google", "@openai"}));
}

TEST(AnchorTermsTest, GluedFullWidthDigitsAreSkippedInOneStep) {
  // Once quadratic: every digit of the run started a new scan.
  std::string text = "Modello ";
  for (int k = 0; k < 200000; ++k) text += "１";
  text += "B";
  EXPECT_EQ(AnchorTerms(text), (Terms{"@b"}));
}

TEST(AnchorTermsTest, QuestionsExclamationsAndLabels) {
  EXPECT_EQ(AnchorTerms("D: Attualmente sei redditizio?"), (Terms{"label:q", "?"}));
  EXPECT_EQ(AnchorTerms("问:你们目前盈利吗？"), (Terms{"label:q", "?"}));
  EXPECT_EQ(AnchorTerms("Che bello!"), (Terms{"!"}));
}

TEST(AnchorTermsTest, Quotations) {
  // Every kind of quotation mark; a quotation that the segmenter split
  // marks both halves.
  EXPECT_EQ(AnchorTerms("Avere“OpenAI europea”Mistral AI", "it"),
            (Terms{"quote", "@openai", "@mistral", "@ai"}));
  EXPECT_EQ(AnchorTerms("被称为“欧洲OpenAI”的Mistral AI", "zh"),
            (Terms{"quote", "@openai", "@mistral", "@ai"}));
  EXPECT_EQ(AnchorTerms("«Ma la rende visibile», ha detto.", "it"), (Terms{"quote"}));
  EXPECT_EQ(AnchorTerms("\"Non vedo alcun rischio nel modello open source.", "it"),
            (Terms{"quote"}));
  EXPECT_EQ(AnchorTerms("有网友留言问：「这茶真的是你们自己炒的吗？」", "zh"),
            (Terms{"quote", "?"}));
  EXPECT_EQ(AnchorTerms("『好茶不怕巷子深』", "zh"), (Terms{"quote"}));
  EXPECT_EQ(AnchorTerms("„Wir kommen“, sagte er.", "de"), (Terms{"quote"}));
  // Apostrophes and single quotes are no quotation.
  EXPECT_EQ(AnchorTerms("Nell’ultimo anno l'open source", "it"), (Terms{}));
}

TEST(AnchorTermsTest, ListItems) {
  EXPECT_EQ(AnchorTerms("• Il modello open source è uno strumento neutrale", "it"),
            (Terms{"item"}));
  EXPECT_EQ(AnchorTerms("- Add 200 electric bikes to the fleet.", "en"),
            (Terms{"item", "#200"}));
  EXPECT_EQ(AnchorTerms("* integrate fares", "en"), (Terms{"item"}));
  EXPECT_EQ(AnchorTerms("· carte geografiche", "it"), (Terms{"item"}));
  // A numbered marker keeps its number; the word after a marker opens the
  // sentence, so "Il" is no name.
  EXPECT_EQ(AnchorTerms("1. Il primo punto", "it"), (Terms{"item", "#1"}));
  EXPECT_EQ(AnchorTerms("2) Scegliere la collezione", "it"), (Terms{"item", "#2"}));
  EXPECT_EQ(AnchorTerms("a) Il secondo punto", "it"), (Terms{"item"}));
  EXPECT_EQ(AnchorTerms("1、建一个标准化的炒茶车间", "zh"), (Terms{"item", "#1"}));
  EXPECT_EQ(AnchorTerms("三、培训村里的年轻人", "zh"), (Terms{"item", "#3"}));
  EXPECT_EQ(AnchorTerms("（2）申请地理标志", "zh"), (Terms{"item", "#2"}));
  // Not markers: a number that starts a sentence, a hyphenated word.
  EXPECT_EQ(AnchorTerms("2023-2024 è stato un anno", "it"), (Terms{"#2023", "#2024"}));
  EXPECT_EQ(AnchorTerms("1.5 milioni di utenti", "en"), (Terms{"#1500000"}));
  EXPECT_EQ(AnchorTerms("(Certamente) Non tutti.", "it"), (Terms{"@non"}));
}

TEST(AnchorTermsTest, SegmentedTextKeepsMarkersAndQuotes) {
  // Real text through the segmenter: the markers stay in the sentences.
  const Document d = Segmenter({.language = "it"})
                         .Segment(DecodeText(
                             "Le idee fondamentali sono le seguenti:\n"
                             "  • Mensch dice che non ci sono rischi;\n"
                             "  · Le persone non vietano l'uso di C;\n"
                             "1. Registrarsi con un indirizzo e-mail valido.\n\n"
                             "\"Non vedo alcun rischio. Vedo solo i vantaggi\", ha "
                             "affermato.\n",
                             "t.txt"));
  std::vector<Terms> terms;
  for (const Sentence& s : d.sentences) terms.push_back(AnchorTerms(s.normalized, "it"));
  EXPECT_EQ(terms, (std::vector<Terms>{{},
                                       {"item"},
                                       {"item", "@c"},
                                       {"item", "#1"},
                                       {"quote"},
                                       {"quote"}}));
}

TEST(AnchorTermsTest, CommonWordsAreNoNamesBetweenLatinScriptLanguages) {
  // Italian facing English: "Il" and "La" after a colon or a quote are
  // common words of Italian, "The" of English.
  EXPECT_EQ(AnchorTerms("Ha detto: \"Il modello è aperto\". La Francia", "it", "en"),
            (Terms{"quote", "@francia"}));
  EXPECT_EQ(AnchorTerms("He said: The model is open, as The Verge wrote", "en", "it"),
            (Terms{"@verge"}));
  // Facing Chinese, a Latin word is copied, so it is kept; so without the
  // other side's language.
  EXPECT_EQ(AnchorTerms("come ha scritto The Verge", "it", "zh"),
            (Terms{"@the", "@verge"}));
  EXPECT_EQ(AnchorTerms("Ha detto: Il modello", "it"), (Terms{"@il"}));
  // Names and codes that are no common words stay.
  EXPECT_EQ(AnchorTerms("con Microsoft e GPT-4o", "it", "en"),
            (Terms{"@microsoft", "@gpt-4o"}));
}

TEST(ExtractFeaturesTest, StoplistNeedsBothDocumentsInLatinScript) {
  Document it, en, zh;
  it.language = "it";
  en.language = "en";
  zh.language = "zh";
  it.sentences.push_back(Make("Ha detto: Il modello di Mistral"));
  en.sentences.push_back(Make("He said: The Mistral model"));
  zh.sentences.push_back(Make("他说：Il modello di Mistral"));
  const Features it_en = ExtractFeatures(it, en, {});
  EXPECT_EQ(it_en.vocabulary, (Terms{"@mistral"}));
  const Features it_zh = ExtractFeatures(it, zh, {});
  EXPECT_EQ(it_zh.vocabulary, (Terms{"@il", "@mistral"}));
}

TEST(ExtractFeaturesTest, SharedVocabularyAndLengths) {
  Document it, zh;
  it.sentences.push_back(Make("Mistral usa CoreWeave nel 2024."));
  zh.sentences.push_back(Make("我们使用 CoreWeave。"));
  const Features f = ExtractFeatures(it, zh, {});
  ASSERT_EQ(f.src.size(), 1u);
  EXPECT_EQ(f.src[0].length, 27u);  // spaces do not count
  EXPECT_EQ(f.src[0].cjk, 0u);
  EXPECT_EQ(f.tgt[0].length, 14u);
  EXPECT_EQ(f.tgt[0].cjk, 5u);
  // "coreweave" has one id on both sides.
  std::uint32_t shared = 0;
  for (auto a : f.src[0].anchors) {
    for (auto b : f.tgt[0].anchors) shared += a == b;
  }
  EXPECT_EQ(shared, 1u);
  EXPECT_EQ(f.vocabulary.size(), 2u);  // "@coreweave", "#2024"
}

TEST(ExtractFeaturesTest, OptionsTurnKindsOff) {
  Document d;
  d.sentences.push_back(Make("Nel 2024 con Microsoft?"));
  AnchorOptions only_numbers;
  only_numbers.names = false;
  only_numbers.structure = false;
  const Features f = ExtractFeatures(d, d, only_numbers);
  ASSERT_EQ(f.vocabulary.size(), 1u);
  EXPECT_EQ(f.vocabulary[0], "#2024");
}

}  // namespace
}  // namespace allinea

namespace allinea {
namespace {

TEST(KindOfTermTest, EveryTermFormHasItsKind) {
  EXPECT_EQ(KindOfTerm("#6000000000"), TermKind::kValue);
  EXPECT_EQ(KindOfTerm("%65"), TermKind::kValue);
  EXPECT_EQ(KindOfTerm("month:6"), TermKind::kValue);
  EXPECT_EQ(KindOfTerm("time:22:30"), TermKind::kValue);
  EXPECT_EQ(KindOfTerm("date:2024-08-07"), TermKind::kDate);
  EXPECT_EQ(KindOfTerm("@mistral"), TermKind::kName);
  for (const char* t : {"?", "!", "label:q", "quote", "item", ""}) {
    EXPECT_EQ(KindOfTerm(t), TermKind::kStructure) << t;
  }
  // Every term the extractor makes has a kind that its option switches off.
  AnchorOptions none;
  none.numbers = none.names = none.structure = false;
  Document it;
  it.language = "it";
  Sentence s;
  s.text = s.normalized = "D: Il 7 agosto 2024 Mistral ha raccolto 6 miliardi, il 65% in più?";
  it.sentences.push_back(s);
  EXPECT_TRUE(ExtractFeatures(it, it, none).vocabulary.empty());
}

}  // namespace
}  // namespace allinea
