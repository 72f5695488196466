#include "allinea/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "allinea/align.h"
#include "allinea/error.h"
#include "allinea/score.h"
#include "unit/test_files.h"

namespace allinea {
namespace {

using Strings = std::vector<std::string>;

std::string DictPath(const std::string& name) {
  return std::string(ALLINEA_TEST_DATA_DIR) + "/dict/" + name;
}

Document Doc(const std::string& language, const Strings& sentences) {
  Document d;
  d.language = language;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    Sentence s;
    s.text = s.normalized = sentences[k];
    s.paragraph = k;
    d.sentences.push_back(s);
  }
  return d;
}

// The phrases of sentence k's terms.
Strings TermsOf(const LexicalSide& side, std::size_t k) {
  Strings out;
  for (std::uint32_t t : side.Terms(k)) out.push_back(side.term_text[t]);
  std::sort(out.begin(), out.end());
  return out;
}

// The concepts of sentence k's terms, by name.
Strings ConceptsOf(const LexicalFeatures& f, const LexicalSide& side, std::size_t k) {
  Strings out;
  for (std::uint32_t t : side.Terms(k)) {
    for (std::uint32_t c : side.Concepts(t)) out.push_back(f.concept_names[c]);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

TEST(LexiconTest, DirectDictionaryGivesTheTargetsWordsAsConcepts) {
  DictionarySet set;
  set.Add(Dictionary::Load(DictPath("freedict-deu-fra.index")));
  const Document de = Doc("de", {"Das Haus der Sprache.", "Die Welt ist groß."});
  const Document fr = Doc("fr", {"La maison de la langue.", "Le monde est grand."});
  const LexicalFeatures f = ExtractLexicalFeatures(de, fr, set);
  ASSERT_EQ(f.dictionaries.size(), 1u);
  EXPECT_EQ(f.dictionaries[0].kind, RouteKind::kDirect);
  EXPECT_EQ(TermsOf(f.src, 0), (Strings{"haus", "sprache"}));
  EXPECT_EQ(TermsOf(f.tgt, 0), (Strings{"langue", "maison"}));
  EXPECT_EQ(ConceptsOf(f, f.src, 0), (Strings{"fr:langue", "fr:maison"}));
  EXPECT_EQ(ConceptsOf(f, f.tgt, 0), ConceptsOf(f, f.src, 0));
  // "Welt" translates to "monde", which the French text holds.
  EXPECT_EQ(ConceptsOf(f, f.src, 1), (Strings{"fr:monde"}));
  EXPECT_EQ(f.dictionaries[0].src_terms, 3u);
  EXPECT_EQ(f.dictionaries[0].tgt_terms, 3u);
}

TEST(LexiconTest, ADictionaryServesTheOtherDirectionToo) {
  DictionarySet set;
  set.Add(Dictionary::Load(DictPath("freedict-deu-fra.index")));
  const Document fr = Doc("fr", {"La maison de la langue."});
  const Document de = Doc("de", {"Das Haus der Sprache."});
  const LexicalFeatures f = ExtractLexicalFeatures(fr, de, set);
  ASSERT_EQ(f.dictionaries.size(), 1u);
  EXPECT_EQ(f.dictionaries[0].kind, RouteKind::kReversed);
  EXPECT_EQ(TermsOf(f.src, 0), (Strings{"langue", "maison"}));
  EXPECT_EQ(ConceptsOf(f, f.tgt, 0), (Strings{"fr:langue", "fr:maison"}));
}

TEST(LexiconTest, PivotThroughEnglishWhereNoDirectDictionaryExists) {
  DictionarySet set;
  set.Add(Dictionary::Load(DictPath("freedict-ita-eng.index")));
  set.Add(Dictionary::Load(DictPath("cedict-sample.u8")));
  const std::vector<RouteDictionary> plan = set.Plan("it", "zh");
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[0].kind, RouteKind::kPivot);
  EXPECT_EQ(plan[1].kind, RouteKind::kPivot);
  // Inflected forms are found by their stem ("nuova" and "libri" are
  // "nuovo" and "libro"). Chinese is looked up a character at a time,
  // whatever ICU's words: 新书 is 新 + 书.
  const Document it = Doc("it", {"Una casa nuova e due libri.", "Il governo del paese."});
  const Document zh = Doc("zh", {"一座房子和一本新书。", "国家的政府。"});
  const LexicalFeatures f = ExtractLexicalFeatures(it, zh, set);
  // "casa" is also "home", which the Chinese text reaches (家 in 国家).
  EXPECT_EQ(ConceptsOf(f, f.src, 0), (Strings{"en:book", "en:home", "en:house", "en:new"}));
  EXPECT_EQ(TermsOf(f.src, 0), (Strings{"casa", "libri", "nuova"}));
  EXPECT_EQ(ConceptsOf(f, f.tgt, 0), (Strings{"en:book", "en:house", "en:new"}));
  EXPECT_EQ(ConceptsOf(f, f.src, 1), (Strings{"en:country", "en:government"}));
  // A pivot word that more words translate to weighs less.
  for (float w : f.concept_weight) {
    EXPECT_GT(w, 0.0F);
    EXPECT_LE(w, 1.0F);
  }
  // Not both through English when there is a direct one.
  set.Add(Dictionary::Parse("casa\t房子\n", "it-zh.tsv",
                            {.from_language = "it", .to_language = "zh"}));
  const std::vector<RouteDictionary> direct = set.Plan("it", "zh");
  ASSERT_EQ(direct.size(), 1u);
  EXPECT_EQ(direct[0].kind, RouteKind::kDirect);
}

TEST(LexiconTest, StemsFindOtherFormsOnBothSides) {
  // A German word in another form finds the headword, and a French word in
  // another form finds the concept: "Häuser" -> "Haus" -> "maison" <- "maisons".
  DictionarySet set;
  set.Add(Dictionary::Load(DictPath("freedict-deu-fra.index")));
  const Document de = Doc("de", {"Die Häuser der Sprachen."});
  const Document fr = Doc("fr", {"Les maisons des langues."});
  const LexicalFeatures f = ExtractLexicalFeatures(de, fr, set);
  EXPECT_EQ(ConceptsOf(f, f.src, 0), (Strings{"fr:langue", "fr:maison"}));
  EXPECT_EQ(TermsOf(f.tgt, 0), (Strings{"langues", "maisons"}));
  // A language with no stemmer (Chinese) is looked up as written.
  const Document zh = Doc("zh", {"房子。"});
  EXPECT_TRUE(ExtractLexicalFeatures(de, zh, set).empty());
}

TEST(LexiconTest, AFileWithoutLanguagesServesThePairAsGiven) {
  DictionarySet set;
  set.Add(Dictionary::Load(DictPath("it-zh.dict")));
  const Document it = Doc("it", {"L'intelligenza artificiale cambia il software."});
  const Document zh = Doc("zh", {"人工智能改变了软件。"});
  const LexicalFeatures f = ExtractLexicalFeatures(it, zh, set);
  ASSERT_EQ(f.dictionaries.size(), 1u);
  EXPECT_EQ(f.dictionaries[0].kind, RouteKind::kGiven);
  // The longest phrase, not its words as well.
  EXPECT_EQ(TermsOf(f.src, 0), (Strings{"intelligenza artificiale", "software"}));
  EXPECT_EQ(ConceptsOf(f, f.src, 0), (Strings{"zh:人工智能", "zh:软件"}));
}

TEST(LexiconTest, TermsWithNothingOnTheOtherSideAreLeftOut) {
  DictionarySet set;
  set.Add(Dictionary::Load(DictPath("it-zh.dict")));
  const Document it = Doc("it", {"Ha sede a Parigi, in Europa."});
  const Document zh = Doc("zh", {"我们研究人工智能。"});
  const LexicalFeatures f = ExtractLexicalFeatures(it, zh, set);
  EXPECT_TRUE(f.empty());
  EXPECT_EQ(TermsOf(f.src, 0), (Strings{}));
  EXPECT_EQ(f.dictionaries[0].src_terms, 0u);
}

TEST(LexiconTest, APhraseSharedByManyEntriesKeepsFewConcepts) {
  // 10,000 Italian words all translated by one Chinese word: the Chinese
  // term keeps at most kMaxConceptsPerTerm concepts, however many entries.
  std::string text;
  Strings it_words;
  for (int k = 0; k < 10000; ++k) {
    const std::string w = "parola" + std::to_string(k);
    text += w + "\t词\n";
    if (k % 1000 == 0) it_words.push_back(w);
  }
  DictionarySet set;
  set.Add(Dictionary::Parse(text, "many.tsv"));
  std::string it_sentence;
  for (const std::string& w : it_words) it_sentence += w + " ";
  const Document it = Doc("it", {it_sentence});
  const Document zh = Doc("zh", {"这个词。"});
  const LexicalFeatures f = ExtractLexicalFeatures(it, zh, set);
  ASSERT_EQ(f.tgt.term_text.size(), 1u);
  EXPECT_EQ(f.tgt.Concepts(0).size(), 1u);  // "zh:词": the identity side
  EXPECT_EQ(f.src.term_text.size(), it_words.size());
  for (std::uint32_t t = 0; t < f.src.term_text.size(); ++t) {
    EXPECT_LE(f.src.Concepts(t).size(), kMaxConceptsPerTerm);
  }
}

TEST(LexiconTest, InstalledDictionariesAreFoundByName) {
  const TempDir dir;
  std::filesystem::create_directories(dir.path() + "/dict");
  Dictionary::Load(DictPath("freedict-ita-eng.index"))
      .Save(dir.path() + "/dict/it-en.freedict-ita-eng.adict");
  Dictionary::Load(DictPath("cedict-sample.u8")).Save(dir.path() + "/dict/zh-en.cc-cedict.adict");
  WriteFile(dir.path() + "/dict/README", "not a dictionary");
  DictionarySet set;
  const std::vector<std::string> dirs = FindDataDirectories(dir.path());
  ASSERT_EQ(dirs, (Strings{dir.path()}));
  set.AddInstalled(dirs);
  EXPECT_FALSE(set.empty());
  const std::vector<RouteDictionary> plan = set.Plan("it", "zh");
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_NE(plan[0].name.find("it-en.freedict-ita-eng.adict"), std::string::npos);
  EXPECT_EQ(plan[0].entries, Dictionary::Load(DictPath("freedict-ita-eng.index")).size());
  EXPECT_TRUE(set.Plan("de", "fr").empty());
  EXPECT_EQ(set.Plan("zh", "en").size(), 1u);
}

TEST(LexiconTest, TranslationsScoreBetterThanOtherSentences) {
  DictionarySet set;
  set.Add(Dictionary::Load(DictPath("freedict-deu-fra.index")));
  const Document de = Doc("de", {"Das Haus der Sprache.", "Die Welt ist ein Buch.",
                                 "Die Arbeit der Regierung.", "Zeit ist Geld."});
  const Document fr = Doc("fr", {"La maison de la langue.", "Le monde est un livre.",
                                 "Le travail du gouvernement.", "Le temps, c'est de l'argent."});
  AnchorOptions options;
  options.dictionaries = &set;
  const Features features = ExtractFeatures(de, fr, options);
  ASSERT_FALSE(features.lexical.empty());
  Features plain = features;
  plain.lexical = {};
  const LengthModel model = EstimateLengthModel(features);
  const DocumentScorer with(de, fr, features, model, {}, -1, LexicalModel{0.5, 0.5, 0.5});
  const DocumentScorer without(de, fr, plain, model);
  // The lexical part of a bead: the difference the words make.
  const auto words = [&](std::size_t i, std::size_t j, BeadShape shape) {
    return with.Cost(i, j, shape) - without.Cost(i, j, shape);
  };
  EXPECT_LT(words(0, 0, {1, 1}), 0);
  EXPECT_LT(words(1, 1, {1, 1}), 0);
  EXPECT_GT(words(0, 1, {1, 1}), 0);  // no word in common: misses
  EXPECT_GT(words(1, 0, {1, 1}), 0);
  EXPECT_EQ(words(0, 0, {1, 0}), 0);  // null beads: no evidence
  // A session's cached costs are the same.
  const std::unique_ptr<Scorer> session = with.Session();
  ASSERT_NE(session, nullptr);
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 3; ++j) {
      for (const BeadShape shape : with.Shapes()) {
        if (i + shape.src > 4 || j + shape.tgt > 4) continue;
        EXPECT_DOUBLE_EQ(session->Cost(i, j, shape), with.Cost(i, j, shape));
      }
    }
  }
  // And the alignment pairs the translations.
  AlignDocumentsOptions align;
  align.anchors.dictionaries = &set;
  const Alignment a = AlignDocuments(de, fr, align);
  ASSERT_EQ(a.beads.size(), 4u);
  for (std::size_t k = 0; k < 4; ++k) {
    EXPECT_EQ(a.beads[k].src_begin, k);
    EXPECT_EQ(a.beads[k].tgt_begin, k);
  }
}

TEST(LexiconTest, MatchRateIsEstimatedFromBeads) {
  DictionarySet set;
  set.Add(Dictionary::Load(DictPath("freedict-deu-fra.index")));
  // Ten sentences a side, so that each word is rare: two that hold the
  // dictionary's, and eight without.
  Strings de_text = {"Das Haus der Sprache.", "Die Welt ist ein Buch."};
  Strings fr_text = {"La maison de la langue.", "Le monde est un livre."};
  for (int k = 0; k < 8; ++k) {
    de_text.push_back("Satz " + std::to_string(k) + ".");
    fr_text.push_back("Phrase " + std::to_string(k) + ".");
  }
  const Document de = Doc("de", de_text);
  const Document fr = Doc("fr", fr_text);
  AnchorOptions options;
  options.dictionaries = &set;
  const Features f = ExtractFeatures(de, fr, options);
  const LexicalModel right = EstimateLexicalModel(f.lexical, {}, {{0, 1, 0, 1}, {1, 2, 1, 2}});
  const LexicalModel wrong = EstimateLexicalModel(f.lexical, {}, {{0, 1, 1, 2}, {1, 2, 0, 1}});
  EXPECT_GT(right.src_match, LexicalModel{}.src_match);
  EXPECT_LT(wrong.src_match, LexicalModel{}.src_match);
  EXPECT_GT(right.tgt_match, wrong.tgt_match);
}

}  // namespace
}  // namespace allinea
