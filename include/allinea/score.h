// allinea/score.h: the scoring model, what a bead costs.
//
// A bead pairs a run of source sentences with a run of target sentences; its
// cost is a negative log-probability in nats (lower is better) made of:
//  1. the bead prior: -log P(shape), from Gale & Church's shape
//     probabilities, re-estimated from a first alignment
//     (EstimateBeadPriors);
//  2. the length cost (Gale & Church 1993): with source and target lengths
//     ls and lt in characters, expected ratio c and variance s2 per source
//     character, delta = (lt - c*ls) / sqrt(s2 * (ls + lt/c) / 2) and the
//     cost is the two-sided tail of a normal mixture, 95% with the
//     estimated variance and 5% (loose translations) three times wider,
//     -log(0.95 * 2 (1 - Phi(|delta|)) + 0.05 * 2 (1 - Phi(|delta| / 3))),
//     0 when the lengths agree exactly (blocks of sentences, in the coarse
//     guide, pay the normal tail alone); a bead with one side empty has no
//     length evidence;
//  3. anchors, each term weighted by its rarity: log(1/f) / log(N), f the
//     share of the N sentences of a side that carry it (the larger of the
//     two sides), floored at kMinRarity (a name seen once weighs 1, a
//     question mark in every other sentence little). A term both sides
//     share takes anchor_match off; a term on one side only adds
//     anchor_miss, or value_miss for a number, percentage or month, or
//     date_miss for a date (null beads no miss at all); a rare term (rarity at least
//     kSplitRarity) whose counterpart is in a sentence next to the bead on
//     the other side adds anchor_split more, null beads included (the bead
//     cuts a pair apart);
//  4. words: the bead's lexical agreement, from the concept vectors of the
//     lexicon stage (lexicon.h): each dictionary term of either side that
//     finds one of its concepts on the other side takes off
//     scale * log(p1 / p0), each that does not adds
//     scale * log((1 - p0) / (1 - p1)), p1 the share of terms matched in
//     translations (LexicalModel, estimated from the pair), p0 the chance
//     that sentences that are no translation hold one of its concepts
//     (from how many sentences of the other side do); docs/algorithm.md.
//     Null beads cost nothing;
//  5. structure: a bead whose sentences cross a paragraph boundary on one
//     side only costs paragraph_cross more; a bead that opens (or closes) a
//     paragraph on one side only costs paragraph_edge more, each (the start
//     and end of a document count as neither: a translation may stop
//     halfway or open with a preface). Both are scaled by how far the two
//     paragraphings agree, estimated from the pair: at first the smaller
//     paragraph count over the larger, then (EstimateParagraphAgreement) the
//     share of a first alignment's paragraph openings that open a paragraph
//     on both sides.
// c and s2 are estimated from the document pair (EstimateLengthModel,
// ReestimateLengthModel); the remaining constants are ScoreWeights,
// documented in docs/algorithm.md. Every weight must be non-negative: the
// search's bound (CostBelow) relies on it.
//
// The score users see is computed from these costs by the search (a
// posterior probability; see align.h).
//
// Thread safety: a Scorer must allow concurrent calls of Cost() and
// CostBelow() (the search makes them from two threads); a DocumentScorer is
// immutable after construction.
#ifndef ALLINEA_SCORE_H_
#define ALLINEA_SCORE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "allinea/anchors.h"
#include "allinea/segment.h"

namespace allinea {

namespace internal {
class LexicalScorer;
struct LexicalPairCache;
}  // namespace internal

// The number of source and target sentences in a bead ("2-1": src 2, tgt 1).
struct BeadShape {
  std::uint8_t src = 1;
  std::uint8_t tgt = 1;
  friend bool operator==(const BeadShape&, const BeadShape&) = default;
};

// The search's view of a scoring model.
class Scorer {
 public:
  virtual ~Scorer() = default;
  // The shapes the search may use; never empty, never 0-0.
  [[nodiscard]] virtual std::span<const BeadShape> Shapes() const = 0;
  // Cost of the bead of `shape` whose first source sentence is `i` and first
  // target sentence is `j`. REQUIRES: the bead fits in both documents.
  [[nodiscard]] virtual double Cost(std::size_t i, std::size_t j,
                                    BeadShape shape) const = 0;
  // The same cost when it is below `limit`; otherwise any value of at least
  // `limit` (so that the search can skip work on beads that cannot win).
  [[nodiscard]] virtual double CostBelow(std::size_t i, std::size_t j,
                                         BeadShape shape, double limit) const {
    (void)limit;
    return Cost(i, j, shape);
  }
  // A scorer with the same costs for one thread's run of calls, which may
  // keep what neighbouring beads share (their sentence pairs); nullptr:
  // call this one. It refers to *this, which must outlive it, and is used
  // by one thread at a time.
  [[nodiscard]] virtual std::unique_ptr<Scorer> Session() const { return nullptr; }
};

// Gale & Church's length model, estimated from the pair.
//
// Lengths are characters, except on a side written mostly in a CJK script
// facing a side that is not: there, the non-CJK characters (names, codes,
// numbers copied from the other side) count `other_weight` each, the share
// of a CJK character they stand for, so that "Microsoft Azure" weighs the
// same on both sides.
struct LengthModel {
  double ratio = 1.0;     // expected target length per source length unit
  double variance = 6.8;  // variance of lt - c*ls per source length unit
  // A spread of the ratio itself, as a share of the length: 0 for
  // sentences; the coarse levels of CoarseGuide() set it, since over
  // blocks of hundreds of sentences a ratio off by 2% outweighs the
  // per-character variance.
  double relative_sd = 0;
  double src_other_weight = 1.0;  // weight of non-CJK characters, source
  double tgt_other_weight = 1.0;  // weight of non-CJK characters, target

  [[nodiscard]] double SourceLength(const SentenceFeatures& f) const {
    return f.cjk + src_other_weight * (f.length - f.cjk);
  }
  [[nodiscard]] double TargetLength(const SentenceFeatures& f) const {
    return f.cjk + tgt_other_weight * (f.length - f.cjk);
  }
};

// The lexical model of a pair (item 4): the share of dictionary terms of
// each side that find a concept on the other side in a bead that is a
// translation, and the scale of the evidence (each pair of words counts on
// both sides: 1/2).
struct LexicalModel {
  // The prior: dictionaries list some of a word's translations, a
  // translator uses others, and words change form.
  double src_match = 0.15;
  double tgt_match = 0.15;
  double scale = 0.5;
};

// p1 re-estimated from the 1-1 beads of a first alignment: matched weight
// over terms on each side, smoothed with kLexicalPseudoTerms terms at the
// given model's shares, kept within [0.05, 0.95]. `beads` are (src_begin,
// src_end, tgt_begin, tgt_end).
[[nodiscard]] LexicalModel EstimateLexicalModel(
    const LexicalFeatures& features, const LexicalModel& model,
    const std::vector<std::array<std::size_t, 4>>& beads);
inline constexpr double kLexicalPseudoTerms = 50;

struct ScoreWeights {
  // Bead priors (Gale & Church 1993, Table 5), by shape.
  double prior_1_1 = 0.89;
  double prior_1_0 = 0.0099 / 2;  // also 0-1
  double prior_2_1 = 0.089 / 2;   // also 1-2
  double prior_2_2 = 0.011;
  double prior_3_1 = 0.002;  // also 1-3
  // Nats a shared anchor term of rarity 1 takes off the cost.
  double anchor_match = 2.0;
  // Nats an anchor of rarity 1 present on one side only adds.
  double anchor_miss = 0.3;
  // The same for a value (a number, percentage, date or month): a figure
  // the other side lacks says more than a missing name or "?".
  double value_miss = 2.0;
  // The same for a date with its day or month ("7 agosto 2024",
  // "2024年8月"): dates are translated nearly always, and in one form.
  double date_miss = 3.0;
  // Nats added, times rarity, when such an anchor's counterpart is in a
  // sentence adjacent to the bead on the other side.
  double anchor_split = 1.0;
  // Nats added to a 2-2 bead for each anchor term that sits in its first
  // sentence on both sides or in its second on both (less those crossed):
  // two 1-1 beads put every such term there, a 2-2 bead, which moves
  // content across its sentences, half of the time by chance: ln 2.
  double anchor_order = 0.6931471805599453;
  // Nats added when a bead crosses a paragraph boundary on one side only.
  double paragraph_cross = 5.0;
  // Nats added when a bead (with both sides) opens a paragraph on one side
  // only, and again when it closes a paragraph on one side only.
  double paragraph_edge = 3.0;
};

// The weight of non-CJK characters on a mostly CJK side facing a side that
// is not (H / (S - L): its CJK characters over the other side's characters
// less the ones it copied); then the ratio of total lengths; the variance
// from Gale & Church's 6.8 for equal lengths, scaled by the ratio.
[[nodiscard]] LengthModel EstimateLengthModel(const Features& features);
// The same over parts of the documents that translate each other (the
// stretch between the first and last anchor points, say, when one side
// stops halfway or opens with a preface).
[[nodiscard]] LengthModel EstimateLengthModel(
    std::span<const SentenceFeatures> src,
    std::span<const SentenceFeatures> tgt);

// Re-estimates the ratio (from 5 beads on; ratio of the sums) and the
// variance (from 10 beads on; median of the squared standardised deviations
// over the chi-square median, so robust to a few wrong beads) from the 1-1
// beads of a first
// alignment, given as their source and target lengths in the model's units.
// The weights of non-CJK characters are kept.
[[nodiscard]] LengthModel ReestimateLengthModel(
    const LengthModel& model,
    const std::vector<std::pair<double, double>>& lengths_1_1);

// The share of the beads with both sides that open a paragraph on one side
// which open one on both (1 when no bead opens one): how far the two
// paragraphings agree, seen through an alignment. `beads` are
// (src_begin, src_end, tgt_begin, tgt_end) of its beads.
[[nodiscard]] double EstimateParagraphAgreement(
    const Document& src, const Document& tgt,
    const std::vector<std::array<std::size_t, 4>>& beads);

// The bead priors of `weights` re-estimated from the shapes of a first
// alignment's beads, each shape's share smoothed with kPriorPseudoBeads
// beads drawn from the given priors (so a short text barely moves them and
// a long one with many omissions makes null beads cheaper).
[[nodiscard]] ScoreWeights EstimateBeadPriors(
    const ScoreWeights& weights,
    const std::vector<std::array<std::size_t, 4>>& beads);
inline constexpr double kPriorPseudoBeads = 400;

// Length, anchor, lexical, prior and structure costs over two documents.
// Copies what it needs (about 40 bytes per sentence, 8 per concept of a
// sentence's dictionary terms, 24 per distinct term, 4 per anchor and 12 per vocabulary
// term), keeps no reference.
class DocumentScorer final : public Scorer {
 public:
  // paragraph_agreement in [0, 1]; negative: from the paragraph counts.
  // `words`: the lexical features to score with when not features.lexical
  // (a lexicon learnt since, learn.h); they describe the same sentences.
  DocumentScorer(const Document& src, const Document& tgt,
                 const Features& features, LengthModel model,
                 ScoreWeights weights = {}, double paragraph_agreement = -1,
                 const LexicalModel& lexical = {}, const LexicalFeatures* words = nullptr);
  ~DocumentScorer() override;

  [[nodiscard]] std::span<const BeadShape> Shapes() const override;
  [[nodiscard]] double Cost(std::size_t i, std::size_t j,
                            BeadShape shape) const override;
  [[nodiscard]] double CostBelow(std::size_t i, std::size_t j, BeadShape shape,
                                 double limit) const override;
  // Keeps the lexical values of the sentence pairs around the beads asked
  // for (256 KB; none without dictionary terms).
  [[nodiscard]] std::unique_ptr<Scorer> Session() const override;

  [[nodiscard]] const LengthModel& model() const { return model_; }

 private:
  [[nodiscard]] double Prior(BeadShape shape) const;
  [[nodiscard]] double LengthCost(std::size_t i, std::size_t j,
                                  BeadShape shape) const;
  [[nodiscard]] double AnchorCost(std::size_t i, std::size_t j,
                                  BeadShape shape) const;
  [[nodiscard]] double StructureCost(std::size_t i, std::size_t j,
                                     BeadShape shape) const;
  class CachedSession;
  [[nodiscard]] double CostWith(std::size_t i, std::size_t j, BeadShape shape,
                                internal::LexicalPairCache* cache) const;
  [[nodiscard]] double CostBelowWith(std::size_t i, std::size_t j, BeadShape shape,
                                     double limit, internal::LexicalPairCache* cache) const;
  // CostBelowWith() past the prior and structure (`cost`), when there are
  // words.
  [[nodiscard]] double CostBelowWithWords(std::size_t i, std::size_t j, BeadShape shape,
                                          double limit, internal::LexicalPairCache* cache,
                                          double cost, double anchor_bonus) const;
  // The 2-2 bead at (i, j): ln 2 per anchor term placed as two 1-1 beads
  // would place it (ScoreWeights::anchor_order).
  [[nodiscard]] double OrderCost(std::size_t i, std::size_t j) const;

  // One side's per-sentence data, in flat arrays for the search's inner
  // loop: lengths in model units as prefix sums (sentences [a, b) measure
  // length_sum[b] - length_sum[a]), paragraph numbers, and anchors as
  // [anchor_begin[k], anchor_begin[k + 1]) of `anchors`, sorted per sentence.
  struct Side {
    std::vector<double> length_sum;
    std::vector<std::uint32_t> paragraph;
    std::vector<std::uint32_t> anchor_begin;
    std::vector<std::uint32_t> anchors;
    [[nodiscard]] std::size_t size() const { return paragraph.size(); }
    [[nodiscard]] std::span<const std::uint32_t> Anchors(std::size_t k) const {
      return {anchors.data() + anchor_begin[k],
              anchors.data() + anchor_begin[k + 1]};
    }
  };
  static Side MakeSide(const Document& doc,
                       const std::vector<SentenceFeatures>& features,
                       bool source, const LengthModel& model);

  LengthModel model_;
  ScoreWeights weights_;
  Side src_;
  Side tgt_;
  double paragraph_cross_ = 0;  // the weights, scaled by the agreement
  double paragraph_edge_ = 0;
  std::vector<float> match_;  // per vocabulary id: nats off when shared
  std::vector<float> miss_;   // nats on when on one side only
  std::vector<float> split_;  // more nats when its counterpart is adjacent
  // Per side, prefix sums over sentences of their anchors' match_: no bead
  // can take off more than the smaller of its two sides' sums.
  std::vector<double> src_bonus_;
  std::vector<double> tgt_bonus_;
  std::array<double, 16> prior_cost_{};  // -log P(a-b) at a * 4 + b
  std::unique_ptr<const internal::LexicalScorer> lexical_;
  bool words_ = false;  // the lexical part has terms (else it is skipped)
};

// The rarity of each vocabulary term of `features` in [kMinRarity, 1] (see
// the header comment), for the scorer and for choosing anchor points.
[[nodiscard]] std::vector<float> AnchorRarity(const Features& features);
inline constexpr float kMinRarity = 0.05F;
inline constexpr float kSplitRarity = 0.5F;

// The two-sided tail cost of the length model's mixture (see item 2 above):
// -log(0.95 * 2 (1 - Phi(|delta|)) + 0.05 * 2 (1 - Phi(|delta| / 3))),
// finite for every delta. Beads of sentences pay it.
[[nodiscard]] double LengthTailCost(double delta);
// The normal tail alone, -log(2 * (1 - Phi(|delta|))): what blocks of
// sentences pay (LengthModel::relative_sd > 0, the coarse levels of
// CoarseGuide()), where loose translations average out.
[[nodiscard]] double NormalTailCost(double delta);

}  // namespace allinea

#endif  // ALLINEA_SCORE_H_
