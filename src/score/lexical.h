// Private: the lexical part of a bead's cost (score.h, item 4), over the
// concept vectors of the lexicon stage.
//
// A term facing k sentences (1 to 3) of the other side costs
//   matched:    -scale * log(p1 / p0_k(t))
//   unmatched:  +scale * log((1 - p0_k(t)) / (1 - p1))
// where p1 is the share of terms matched in beads that are translations
// (LexicalModel, estimated from the pair), and p0_k(t) = 1 - (1 - p0(t))^k
// the chance that k sentences of the other side that are no translation
// hold one of its concepts anyway: p0(t) is the share of the other side's
// sentences that do, summed over its concepts, at most kMaxChance. A term
// with p0_1(t) >= p1 says nothing and is left out. Both sides' terms count,
// each pair of translations twice, which `scale` (1/2) undoes. Beads with
// an empty side cost nothing.
//
// Matching goes by sentence pairs: in the pair (s, t), a term of s is
// matched when one of its concepts is among t's, through a concept of
// weight w counting w matched and (1 - w) unmatched (its best concept
// counts). A term of a bead's sentence s is credited the sum over the
// bead's other sentences t of what it gains in (s, t), at most what it
// gains matched once: the same as matching against the other side's
// sentences together except for a term matched in two of them with
// different weights.
//
// Cost: a pair's values are a merge of two sorted lists (each sentence's
// concept entries); a bead of a x b sentences needs a * b pairs. A
// PairCache, one per thread (DocumentScorer::Session), keeps the pairs of
// the beads around a cell, so that a search computes each pair about once.
// Memory: 8 bytes per (term, concept) of a sentence, 24 per distinct term,
// 32 bytes a cache slot (kCacheSlots of them).
// Thread safety: immutable after construction; a PairCache is one thread's.
#ifndef ALLINEA_SRC_SCORE_LEXICAL_H_
#define ALLINEA_SRC_SCORE_LEXICAL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "allinea/lexicon.h"
#include "allinea/score.h"

namespace allinea::internal {

struct LexicalPairValues {
  std::uint32_t s = UINT32_MAX;
  std::uint32_t t = UINT32_MAX;
  std::array<float, 3> src{};
  std::array<float, 3> tgt{};
};

// One thread's cache of sentence pairs' values: direct-mapped, keyed by the
// pair.
struct LexicalPairCache {
  std::vector<LexicalPairValues> slots;
};

class LexicalScorer {
 public:
  static constexpr double kMaxChance = 0.95;
  // 256 KB of slots: the pairs around a few anti-diagonals of a corridor,
  // in a second-level cache.
  static constexpr std::size_t kCacheSlots = std::size_t{1} << 13;

  // What a sentence pair gives: for k = 1..3 sentences facing, what the
  // matched terms of s take off (src) and of t (tgt).
  using PairValues = LexicalPairValues;
  using PairCache = LexicalPairCache;

  LexicalScorer() = default;
  LexicalScorer(const LexicalFeatures& features, const LexicalModel& model);

  [[nodiscard]] bool empty() const { return empty_; }
  [[nodiscard]] PairCache MakeCache() const;
  // The lexical cost of the bead; `cache` may be null. REQUIRES: it fits.
  [[nodiscard]] double Cost(std::size_t i, std::size_t j, BeadShape shape,
                            PairCache* cache) const;
  // The most a bead of these sentences can take off (all matched).
  [[nodiscard]] double Bound(std::size_t i, std::size_t j, BeadShape shape) const;

  // The matched weight and the number of the terms of a 1-1 bead, each
  // side: for estimating p1.
  void CountMatches(std::size_t s, std::size_t t, double& src_matched,
                    double& src_terms, double& tgt_matched, double& tgt_terms) const;

 private:
  struct Entry {
    std::uint32_t concept_id;
    std::uint32_t occurrence;  // index into the side's term occurrences
    friend bool operator<(const Entry& a, const Entry& b) {
      return a.concept_id < b.concept_id;
    }
  };
  struct Side {
    // Per sentence: its term occurrences [term_begin[k], term_begin[k+1])
    // and its entries [entry_begin[k], entry_begin[k+1]), sorted by concept
    // (terms that say nothing have none).
    std::vector<std::uint32_t> term_begin;
    std::vector<std::uint32_t> occurrence_term;  // occurrence -> term id
    std::vector<std::uint32_t> entry_begin;
    std::vector<Entry> entries;
    // Per term, for k = 1..3 sentences of the other side: gain + miss (what
    // a match takes off the miss already counted) and miss.
    std::vector<std::array<float, 3>> credit;
    std::vector<std::array<float, 3>> miss;
    // Per sentence k (and one past the last), together for the search's
    // inner loop: prefix sums over sentences [0, k) of the misses facing
    // 1..3 sentences and of the credit facing 1 (the bound); sentence k's
    // credit facing 1..3 (the most it can take off); whether it has entries.
    struct Sentence {
      std::array<double, 3> miss_sum{};
      double bound_sum = 0;
      std::array<float, 3> full{};
      std::uint32_t has_entries = 0;
    };
    std::vector<Sentence> sentence;
  };
  static Side MakeSide(const LexicalSide& side, const LexicalSide& other,
                       std::size_t concepts, double p1, double scale);
  // The matched weight of each occurrence of sentences s and t, into zeroed
  // arrays of their occurrence counts.
  void Match(std::size_t s, std::size_t t, float* src_w, float* tgt_w) const;
  [[nodiscard]] PairValues Compute(std::size_t s, std::size_t t) const;
  [[nodiscard]] const PairValues& Pair(std::size_t s, std::size_t t, PairCache* cache,
                                       PairValues& scratch) const;

  bool empty_ = true;
  Side src_;
  Side tgt_;
  std::vector<float> weight_;  // per concept
};

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_SCORE_LEXICAL_H_
