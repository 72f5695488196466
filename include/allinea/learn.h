// allinea/learn.h: a lexicon learnt from the texts being aligned.
//
// Dictionaries cover few language pairs and miss a text's own words (names
// spelt otherwise, domain terms, a translator's habits). As in Moore (2002,
// "Fast and Accurate Sentence Alignment of Bilingual Corpora"), the beads a
// first alignment is sure of teach word translations, and the documents are
// aligned again with them as lexical evidence, next to the dictionaries'.
//
// Words (ExtractWords): each sentence's distinct words by ICU's word rules
// for its language, case-folded (WordTokenizer::Words; Chinese and
// Japanese are cut by ICU's dictionary, 我们 / 研究 / 人工 / 智能, where the
// dictionaries' look-ups go a character at a time). Words held by more than max_word_share of a side's sentences (and
// by at least kMinStopSentences) are stop-like ("di", "the", "的") and are
// left out: by frequency, not by a list, so any language works.
//
// Training (LexiconLearner): on the sentence pairs given (at most
// max_sentence_pairs, evenly spread), one of
//  - kModel1: IBM Model 1 (Brown et al. 1993) with a null word,
//    `iterations` rounds of EM from uniform in each direction; a pair (e, f)
//    scores sqrt(t(f|e) * t(e|f)), both directions agreeing;
//  - kDice: the Dice coefficient 2 c(e, f) / (c(e) + c(f)) over the
//    sentence pairs (c: how many hold the words).
// A pair is kept when its words occur together in at least min_count
// sentence pairs, it scores at least min_score, and it is among the
// max_translations best of both its words. So the lexicon is bounded:
// at most max_translations pairs per word of the smaller vocabulary.
//
// Use (AddLearntPairs): each pair kept is a concept of its own that its two
// words share, of weight its score, added to the lexical features
// (lexicon.h) like a dictionary phrase's concepts: a word that is a
// dictionary term already gains the concepts (at most kMaxConceptsPerTerm,
// the heaviest), any other becomes a term of the sentences that hold it.
//
// Cost: ExtractWords is one ICU word break per sentence; training is
// O(iterations * sum over the pairs of |words e| * |words f|) time, and
// memory of 4 bytes per (e, f) occurrence plus about 100 per distinct
// (e, f) (its hash node, counts and both directions' tables), bounded by
// max_sentence_pairs.
// Thread safety: a LexiconLearner is one thread's; the functions are
// thread-safe.
//
// Example:
//   allinea::DocumentWords sw = allinea::ExtractWords(src_doc);
//   allinea::DocumentWords tw = allinea::ExtractWords(tgt_doc);
//   allinea::LexiconLearner learner;
//   learner.Add(sw, tw, sure_pairs);  // {{0, 0}, {1, 2}, ...}
//   for (const allinea::LearntPair& p : learner.Learn()) ... p.src, p.tgt, p.score ...
#ifndef ALLINEA_LEARN_H_
#define ALLINEA_LEARN_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "allinea/lexicon.h"
#include "allinea/segment.h"

namespace allinea {

// A side's words: sentence k holds the distinct words
// ids[begin[k], begin[k + 1]) (sorted ids into `words`).
struct DocumentWords {
  std::vector<std::string> words;
  std::vector<std::uint32_t> begin{0};
  std::vector<std::uint32_t> ids;

  [[nodiscard]] std::size_t sentences() const { return begin.size() - 1; }
  [[nodiscard]] std::span<const std::uint32_t> Words(std::size_t k) const {
    return std::span<const std::uint32_t>(ids).subspan(begin[k], begin[k + 1] - begin[k]);
  }
};

// The words of each sentence of `doc` (its language's word rules; an
// unknown language uses the language-neutral ones). Throws UsageError if
// ICU has no word rules.
[[nodiscard]] DocumentWords ExtractWords(const Document& doc);
// The same for sentences [begin, end) of `doc` (sentence k of the result is
// sentence begin + k), so that parts of a document can be tokenised on
// several threads and joined with AppendWords.
[[nodiscard]] DocumentWords ExtractWords(const Document& doc, std::size_t begin,
                                         std::size_t end);
// Appends the sentences of `part` to `words`, its words renumbered.
void AppendWords(DocumentWords& words, const DocumentWords& part);

// Whether align learns a lexicon from the pair (--learn).
enum class LearnMode { kNone, kPair };
// "none" or "pair"; throws UsageError naming the valid values.
[[nodiscard]] LearnMode ParseLearnMode(std::string_view name);

enum class LearnMethod { kModel1, kDice };
// "model1" or "dice"; throws UsageError naming the valid values.
[[nodiscard]] LearnMethod ParseLearnMethod(std::string_view name);
[[nodiscard]] std::string_view LearnMethodName(LearnMethod method);

// AlignDocuments learns nothing from a document pair with fewer sentences
// than this on either side: a few sure beads teach nothing that holds.
inline constexpr std::size_t kMinLearnSentences = 30;

// Stop-like words: in more than max_word_share of a side's sentences, and
// in at least this many.
inline constexpr std::size_t kMinStopSentences = 8;

struct LearnOptions {
  LearnMethod method = LearnMethod::kModel1;
  int iterations = 5;                      // Model 1's EM rounds
  std::size_t max_sentence_pairs = 20000;  // trained on, at most
  double max_word_share = 0.05;            // above: stop-like
  std::size_t min_count = 2;               // sentence pairs holding both
  double min_score = 0.15;
  std::size_t max_translations = 3;  // per word
};

struct LearntPair {
  std::string src;
  std::string tgt;
  double score = 0;         // in (0, 1]
  std::uint32_t count = 0;  // sentence pairs holding both
};

class LexiconLearner {
 public:
  explicit LexiconLearner(LearnOptions options = {});

  // Adds sentence pairs (source sentence, target sentence) of one document
  // pair to learn from: at most max_sentence_pairs in all, first come first
  // served; within one call the pairs kept are evenly spread, and once the
  // learner is full later calls add nothing. REQUIRES: the indices are
  // sentences of `src` and `tgt`.
  void Add(const DocumentWords& src, const DocumentWords& tgt,
           std::span<const std::pair<std::size_t, std::size_t>> pairs);
  [[nodiscard]] std::size_t sentence_pairs() const { return src_begin_.size() - 1; }

  // The pairs learnt, by source word, best first.
  [[nodiscard]] std::vector<LearntPair> Learn() const;

 private:
  struct Vocabulary {
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::string> words;
    std::uint32_t Id(const std::string& word);
  };
  // Which words of `side` are stop-like; indexed by its word ids.
  [[nodiscard]] std::vector<std::uint8_t> StopLike(const DocumentWords& side) const;

  LearnOptions options_;
  Vocabulary src_;
  Vocabulary tgt_;
  // Sentence pair k: source words src_ids_[src_begin_[k], src_begin_[k+1]),
  // likewise target (ids of src_ and tgt_).
  std::vector<std::uint32_t> src_begin_{0};
  std::vector<std::uint32_t> src_ids_;
  std::vector<std::uint32_t> tgt_begin_{0};
  std::vector<std::uint32_t> tgt_ids_;
};

// Adds `pairs` as lexical evidence to `features` (see above); the words
// are looked up in `src` and `tgt`, the words of the documents `features`
// describe. REQUIRES: they describe the same sentences.
void AddLearntPairs(std::span<const LearntPair> pairs, const DocumentWords& src,
                    const DocumentWords& tgt, LexicalFeatures& features);

}  // namespace allinea

#endif  // ALLINEA_LEARN_H_
