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
#include <span>
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

// The matches of one side of a sentence pair: (occurrence, weight), held
// inline while few (a pair rarely shares many concepts).
class MatchHits {
 public:
  struct Hit {
    std::uint32_t occurrence;
    float weight;
  };
  void clear() {
    size_ = 0;
    heap_.clear();
  }
  void push_back(Hit hit) {
    if (size_ < inline_.size()) {
      inline_[size_++] = hit;
    } else {
      if (heap_.empty()) heap_.assign(inline_.begin(), inline_.end());
      heap_.push_back(hit);
      ++size_;
    }
  }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  // The hits sorted by occurrence, each occurrence once with its best weight.
  std::span<Hit> Best();

 private:
  std::array<Hit, 32> inline_;
  std::vector<Hit> heap_;
  std::size_t size_ = 0;
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
  // The lexical cost of the bead; `cache` may be null. REQUIRES: it fits,
  // with at most 3 sentences a side.
  [[nodiscard]] double Cost(std::size_t i, std::size_t j, BeadShape shape,
                            PairCache* cache) const {
    if (empty_ || shape.src == 0 || shape.tgt == 0) return 0;
    const Side::Sentence* src = src_.sentence.data() + i;
    const Side::Sentence* tgt = tgt_.sentence.data() + j;
    const double cost = src[shape.src].miss_sum[shape.tgt - 1] - src[0].miss_sum[shape.tgt - 1] +
                        tgt[shape.tgt].miss_sum[shape.src - 1] - tgt[0].miss_sum[shape.src - 1];
    if (shape.src != 1 || shape.tgt != 1) return CostMany(i, j, shape, cache, cost);
    // One pair: its credit is within each sentence's full credit.
    if (src[0].has_entries == 0 || tgt[0].has_entries == 0) return cost;
    PairValues scratch;
    const PairValues& v = Pair(i, j, cache, scratch);
    return cost - v.src[0] - v.tgt[0];
  }
  // A lower bound of Cost: the bead's terms all matched (never positive).
  [[nodiscard]] double Bound(std::size_t i, std::size_t j, BeadShape shape) const {
    if (empty_ || shape.src == 0 || shape.tgt == 0) return 0;
    return src_.sentence[i].gain_sum[shape.tgt - 1] -
           src_.sentence[i + shape.src].gain_sum[shape.tgt - 1] +
           tgt_.sentence[j].gain_sum[shape.src - 1] -
           tgt_.sentence[j + shape.tgt].gain_sum[shape.src - 1];
  }

  // The matched weight and the number of the terms of a 1-1 bead, each
  // side: for estimating p1.
  void CountMatches(std::size_t s, std::size_t t, double& src_matched,
                    double& src_terms, double& tgt_matched, double& tgt_terms) const;

 private:
  struct Side {
    // Per sentence: its term occurrences [term_begin[k], term_begin[k+1])
    // and its entries [entry_begin[k], entry_begin[k+1]): the concepts of
    // its terms, sorted, each with its occurrence (terms that say nothing
    // have none). Apart, so that a merge reads the concepts only.
    std::vector<std::uint32_t> term_begin;
    std::vector<std::uint32_t> occurrence_term;  // occurrence -> term id
    std::vector<std::uint32_t> entry_begin;
    std::vector<std::uint32_t> entry_concept;
    std::vector<std::uint32_t> entry_occurrence;
    // Per term, for k = 1..3 sentences of the other side: gain + miss (what
    // a match takes off the miss already counted) and miss.
    std::vector<std::array<float, 3>> credit;
    std::vector<std::array<float, 3>> miss;
    // Per sentence k (and one past the last), together for the search's
    // inner loop: prefix sums over sentences [0, k) of the misses facing
    // 1..3 sentences and of the gains (credit less miss) facing 1..3 (the
    // bound); sentence k's credit facing 1..3 (the most it can take off);
    // whether it has entries.
    struct Sentence {
      std::array<double, 3> miss_sum{};
      std::array<double, 3> gain_sum{};
      std::array<float, 3> full{};
      std::uint32_t has_entries = 0;
    };
    std::vector<Sentence> sentence;
  };
  static Side MakeSide(const LexicalSide& side, const LexicalSide& other,
                       std::size_t concepts, double p1, double scale);
  // The occurrences of sentences s and t that one of the other's concepts
  // matches, with the weight of that concept (an occurrence matched through
  // several concepts appears once for each).
  void Match(std::size_t s, std::size_t t, MatchHits& src_hits, MatchHits& tgt_hits) const;
  [[nodiscard]] PairValues Compute(std::size_t s, std::size_t t) const;
  // The values of the pair (s, t), from the cache when it holds them.
  [[nodiscard]] const PairValues& Pair(std::size_t s, std::size_t t, PairCache* cache,
                                       PairValues& scratch) const {
    if (cache == nullptr || cache->slots.empty()) {
      scratch = Compute(s, t);
      return scratch;
    }
    // The pairs of a few neighbouring anti-diagonals fall in distinct
    // slots, near one another.
    PairValues& v = cache->slots[(s * 61 + t) & (kCacheSlots - 1)];
    if (v.s != s || v.t != t) v = Compute(s, t);
    return v;
  }
  // Cost for beads of more than one pair (at most 3 sentences a side);
  // `cost` holds their misses.
  [[nodiscard]] double CostMany(std::size_t i, std::size_t j, BeadShape shape,
                                PairCache* cache, double cost) const;
  template <int kSrc, int kTgt>
  [[nodiscard]] double CostOf(std::size_t i, std::size_t j, PairCache* cache,
                              double cost) const;

  bool empty_ = true;
  Side src_;
  Side tgt_;
  std::vector<float> weight_;  // per concept
};

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_SCORE_LEXICAL_H_
