// DocumentScorer: the cost of a bead, from priors, lengths, anchors and
// structure.
#include "allinea/score.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "score/lexical.h"

namespace allinea {
namespace {

// The bead shapes, 1-1 first (the search finds its best bead sooner).
constexpr std::array<BeadShape, 8> kShapes = {{
    {1, 1},
    {1, 0},
    {0, 1},
    {2, 1},
    {1, 2},
    {2, 2},
    {3, 1},
    {1, 3},
}};

}  // namespace

DocumentScorer::Side DocumentScorer::MakeSide(
    const Document& doc, const std::vector<SentenceFeatures>& features,
    bool source, const LengthModel& model) {
  Side side;
  const std::size_t n = features.size();
  side.length_sum.reserve(n + 1);
  side.length_sum.push_back(0);
  side.paragraph.reserve(n);
  side.anchor_begin.reserve(n + 1);
  side.anchor_begin.push_back(0);
  for (std::size_t k = 0; k < n; ++k) {
    side.length_sum.push_back(side.length_sum.back() +
                              (source ? model.SourceLength(features[k])
                                      : model.TargetLength(features[k])));
    side.paragraph.push_back(
        k < doc.sentences.size()
            ? static_cast<std::uint32_t>(doc.sentences[k].paragraph)
            : 0);
    side.anchors.insert(side.anchors.end(), features[k].anchors.begin(),
                        features[k].anchors.end());
    side.anchor_begin.push_back(
        static_cast<std::uint32_t>(side.anchors.size()));
  }
  return side;
}

DocumentScorer::~DocumentScorer() = default;

DocumentScorer::DocumentScorer(const Document& src, const Document& tgt,
                               const Features& features, LengthModel model,
                               ScoreWeights weights, double paragraph_agreement,
                               const LexicalModel& lexical, const LexicalFeatures* words)
    : model_(model),
      weights_(weights),
      src_(MakeSide(src, features.src, true, model)),
      tgt_(MakeSide(tgt, features.tgt, false, model)),
      lexical_(std::make_unique<internal::LexicalScorer>(
          words != nullptr ? *words : features.lexical, lexical)),
      words_(!lexical_->empty()) {
  // How far the paragraphings agree: the smaller paragraph count over the
  // larger, counted from the sentences (a paragraph is a run of sentences
  // with one number).
  auto paragraphs = [](const Side& side) {
    std::size_t count = side.size() > 0 ? 1 : 0;
    for (std::size_t k = 1; k < side.size(); ++k) {
      count += side.paragraph[k] != side.paragraph[k - 1];
    }
    return static_cast<double>(count);
  };
  const double ps = paragraphs(src_);
  const double pt = paragraphs(tgt_);
  const double agreement =
      paragraph_agreement >= 0 ? std::min(paragraph_agreement, 1.0)
      : std::max(ps, pt) > 0   ? std::min(ps, pt) / std::max(ps, pt)
                               : 0;
  paragraph_cross_ = weights_.paragraph_cross * agreement;
  paragraph_edge_ = weights_.paragraph_edge * agreement;
  const std::vector<float> rarity = AnchorRarity(features);
  const std::size_t v = features.vocabulary.size();
  match_.resize(v);
  miss_.resize(v);
  split_.resize(v);
  for (std::size_t id = 0; id < v; ++id) {
    const TermKind kind = KindOfTerm(features.vocabulary[id]);
    const double r = rarity[id];
    match_[id] = static_cast<float>(r * weights_.anchor_match);
    const double miss = kind == TermKind::kDate    ? weights_.date_miss
                        : kind == TermKind::kValue ? weights_.value_miss
                                                   : weights_.anchor_miss;
    miss_[id] = static_cast<float>(r * miss);
    split_[id] = r < kSplitRarity ? 0.0F : static_cast<float>(r * weights_.anchor_split);
  }
  auto bonus_sums = [this](const Side& side) {
    std::vector<double> sums(side.size() + 1, 0.0);
    for (std::size_t k = 0; k < side.size(); ++k) {
      double sum = 0;
      for (std::uint32_t id : side.Anchors(k)) sum += match_[id];
      sums[k + 1] = sums[k] + sum;
    }
    return sums;
  };
  src_bonus_ = bonus_sums(src_);
  tgt_bonus_ = bonus_sums(tgt_);
  for (int a = 0; a <= 3; ++a) {
    for (int b = 0; b <= 3; ++b) {
      double p = 0;
      if (a == 1 && b == 1) {
        p = weights_.prior_1_1;
      } else if (a + b == 1) {
        p = weights_.prior_1_0;
      } else if (a + b == 3 && a > 0 && b > 0) {
        p = weights_.prior_2_1;
      } else if (a == 2 && b == 2) {
        p = weights_.prior_2_2;
      } else if ((a == 3 && b == 1) || (a == 1 && b == 3)) {
        p = weights_.prior_3_1;
      }
      // Shapes without a prior are never offered by Shapes().
      prior_cost_[a * 4 + b] = p > 0 ? -std::log(p) : 1e9;
    }
  }
}

std::span<const BeadShape> DocumentScorer::Shapes() const {
  return {kShapes.data(), kShapes.size()};
}

double DocumentScorer::Prior(BeadShape shape) const {
  // -log P(shape) for shapes up to 3-3, computed once (see the constructor).
  return prior_cost_[shape.src * 4 + shape.tgt];
}

double DocumentScorer::LengthCost(std::size_t i, std::size_t j,
                                  BeadShape shape) const {
  if (shape.src == 0 || shape.tgt == 0) return 0;
  const double ls = src_.length_sum[i + shape.src] - src_.length_sum[i];
  const double lt = tgt_.length_sum[j + shape.tgt] - tgt_.length_sum[j];
  const double mean = (ls + lt / model_.ratio) / 2;
  if (mean <= 0) return 0;
  const double spread = model_.relative_sd * mean;
  const double delta = (lt - model_.ratio * ls) /
                       std::sqrt(model_.variance * mean + spread * spread);
  // A block of sentences (relative_sd > 0) averages its loose
  // translations out, and its own spread is in the variance: the normal
  // tail. Over blocks the mixture's cheap tail lets the coarse guide drift.
  return model_.relative_sd > 0 ? NormalTailCost(delta) : LengthTailCost(delta);
}

namespace {

bool Contains(std::span<const std::uint32_t> sorted, std::uint32_t id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

// The anchors of sentences [first, first + count) of a side as one sorted
// set, in `buf` when they fit (the search asks for every cell and shape).
constexpr std::size_t kInline = 64;
template <typename SideT>
std::span<const std::uint32_t> Gather(const SideT& side, std::size_t first,
                                      std::size_t count,
                                      std::array<std::uint32_t, kInline>& buf,
                                      std::vector<std::uint32_t>& heap) {
  if (count == 1) return side.Anchors(first);
  const std::size_t total =
      side.anchor_begin[first + count] - side.anchor_begin[first];
  if (total == 0) return {};
  std::uint32_t* out = buf.data();
  if (total > kInline) {
    heap.resize(total);
    out = heap.data();
  }
  const auto all = std::span<const std::uint32_t>(
      side.anchors.data() + side.anchor_begin[first], total);
  std::copy(all.begin(), all.end(), out);
  std::sort(out, out + total);
  const auto n = static_cast<std::size_t>(std::unique(out, out + total) - out);
  return {out, n};
}

// Whether the sentence just before [begin, end) of `side`, or the one just
// after it, carries `id`: the counterpart of an anchor next to a bead.
template <typename SideT>
bool NeighbourHas(const SideT& side, std::size_t begin, std::size_t end,
                  std::uint32_t id) {
  return (begin > 0 && Contains(side.Anchors(begin - 1), id)) ||
         (end < side.size() && Contains(side.Anchors(end), id));
}

}  // namespace

double DocumentScorer::AnchorCost(std::size_t i, std::size_t j,
                                  BeadShape shape) const {
  const std::size_t src_total =
      src_.anchor_begin[i + shape.src] - src_.anchor_begin[i];
  const std::size_t tgt_total =
      tgt_.anchor_begin[j + shape.tgt] - tgt_.anchor_begin[j];
  if (src_total == 0 && tgt_total == 0) return 0;
  if (shape.src == 0 || shape.tgt == 0) {
    // A sentence left out: only a rare term whose counterpart sits next to
    // it on the other side costs.
    const bool source = shape.tgt == 0;
    const Side& own = source ? src_ : tgt_;
    const Side& other = source ? tgt_ : src_;
    const std::size_t first = source ? i : j;
    const std::size_t at = source ? j : i;
    const std::size_t count = source ? shape.src : shape.tgt;
    double cost = 0;
    for (std::uint32_t k = own.anchor_begin[first];
         k < own.anchor_begin[first + count]; ++k) {
      const std::uint32_t id = own.anchors[k];
      if (split_[id] > 0 && NeighbourHas(other, at, at, id)) cost += split_[id];
    }
    return cost;
  }
  std::array<std::uint32_t, kInline> a_inline;
  std::array<std::uint32_t, kInline> b_inline;
  std::vector<std::uint32_t> a_heap;
  std::vector<std::uint32_t> b_heap;
  // Both sides have sentences here (null beads returned above).
  const auto a = Gather(src_, i, shape.src, a_inline, a_heap);
  const auto b = Gather(tgt_, j, shape.tgt, b_inline, b_heap);
  const std::size_t src_end = i + shape.src;
  const std::size_t tgt_end = j + shape.tgt;
  // An anchor on one side only: a miss, and a split when its counterpart
  // sits next to the bead on the other side.
  auto unmatched = [&](std::uint32_t id, const Side& other, std::size_t begin,
                       std::size_t end) {
    double c = miss_[id];
    if (split_[id] > 0 && NeighbourHas(other, begin, end, id)) c += split_[id];
    return c;
  };
  double cost = 0;
  std::size_t x = 0;
  std::size_t y = 0;
  while (x < a.size() || y < b.size()) {
    if (y == b.size() || (x < a.size() && a[x] < b[y])) {
      cost += unmatched(a[x++], tgt_, j, tgt_end);
    } else if (x == a.size() || b[y] < a[x]) {
      cost += unmatched(b[y++], src_, i, src_end);
    } else {
      cost -= match_[a[x]];
      ++x, ++y;
    }
  }
  if (shape.src == 2 && shape.tgt == 2) cost += OrderCost(i, j);
  return cost;
}

double DocumentScorer::OrderCost(std::size_t i, std::size_t j) const {
  // Each term found in one sentence of each side: in the same position on
  // both (first-first, second-second), as two 1-1 beads would place it, or
  // crossed. A 2-2 bead redistributes content and places a term in the
  // same position only by chance, half of the time.
  const auto holds = [](const Side& side, std::size_t k, std::uint32_t id) {
    const auto anchors = side.Anchors(k);
    return std::binary_search(anchors.begin(), anchors.end(), id);
  };
  int same = 0;
  for (std::size_t first = 0; first < 2; ++first) {
    for (const std::uint32_t id : src_.Anchors(i + first)) {
      if (holds(src_, i + 1 - first, id)) continue;  // in both sentences
      const bool t0 = holds(tgt_, j, id);
      const bool t1 = holds(tgt_, j + 1, id);
      if (t0 == t1) continue;  // in neither or both target sentences
      same += (t1 ? 1 : 0) == static_cast<int>(first) ? 1 : -1;
    }
  }
  return same > 0 ? same * weights_.anchor_order : 0;
}

double DocumentScorer::StructureCost(std::size_t i, std::size_t j,
                                     BeadShape shape) const {
  const auto& sp = src_.paragraph;
  const auto& tp = tgt_.paragraph;
  auto crosses = [](const std::vector<std::uint32_t>& para, std::size_t first,
                    std::size_t count) {
    return count > 1 && para[first] != para[first + count - 1];
  };
  // A null bead neither crosses nor opens anything on both sides.
  if (shape.src == 0 || shape.tgt == 0) return 0;
  double cost = crosses(sp, i, shape.src) != crosses(tp, j, shape.tgt)
                    ? paragraph_cross_
                    : 0;
  // Does the bead open (close) a paragraph on each side?
  auto opens = [](const std::vector<std::uint32_t>& para, std::size_t first) {
    return first == 0 || para[first - 1] != para[first];
  };
  auto closes = [](const std::vector<std::uint32_t>& para, std::size_t end) {
    return end == para.size() || para[end] != para[end - 1];
  };
  // The start or end of a document says nothing of the other's paragraphs
  // (a translation may stop halfway, or open with a preface).
  if (i > 0 && j > 0 && opens(sp, i) != opens(tp, j)) cost += paragraph_edge_;
  const std::size_t src_end = i + shape.src;
  const std::size_t tgt_end = j + shape.tgt;
  if (src_end < sp.size() && tgt_end < tp.size() &&
      closes(sp, src_end) != closes(tp, tgt_end)) {
    cost += paragraph_edge_;
  }
  return cost;
}

// A DocumentScorer with a cache of the lexical values of sentence pairs.
class DocumentScorer::CachedSession final : public Scorer {
 public:
  explicit CachedSession(const DocumentScorer& base)
      : base_(base), cache_(base.lexical_->MakeCache()) {}
  [[nodiscard]] std::span<const BeadShape> Shapes() const override {
    return base_.Shapes();
  }
  [[nodiscard]] double Cost(std::size_t i, std::size_t j, BeadShape shape) const override {
    return base_.CostWith(i, j, shape, &cache_);
  }
  [[nodiscard]] double CostBelow(std::size_t i, std::size_t j, BeadShape shape,
                                 double limit) const override {
    return base_.CostBelowWith(i, j, shape, limit, &cache_);
  }

 private:
  const DocumentScorer& base_;
  mutable internal::LexicalScorer::PairCache cache_;  // one thread's
};

std::unique_ptr<Scorer> DocumentScorer::Session() const {
  if (!words_) return nullptr;
  return std::make_unique<CachedSession>(*this);
}

double DocumentScorer::Cost(std::size_t i, std::size_t j,
                            BeadShape shape) const {
  return CostWith(i, j, shape, nullptr);
}

double DocumentScorer::CostWith(std::size_t i, std::size_t j, BeadShape shape,
                                internal::LexicalPairCache* cache) const {
  return Prior(shape) + LengthCost(i, j, shape) + AnchorCost(i, j, shape) +
         (words_ ? lexical_->Cost(i, j, shape, cache) : 0) + StructureCost(i, j, shape);
}

double DocumentScorer::CostBelow(std::size_t i, std::size_t j, BeadShape shape,
                                 double limit) const {
  return CostBelowWith(i, j, shape, limit, nullptr);
}

double DocumentScorer::CostBelowWith(std::size_t i, std::size_t j, BeadShape shape,
                                     double limit,
                                     internal::LexicalPairCache* cache) const {
  // The parts in order of cost to compute; the anchors can take off at most
  // what the side with less to offer holds, so once the rest reaches limit
  // plus that, the bead cannot win.
  double bonus = 0;
  if (shape.src > 0 && shape.tgt > 0) {
    bonus = std::min(src_bonus_[i + shape.src] - src_bonus_[i],
                     tgt_bonus_[j + shape.tgt] - tgt_bonus_[j]);
  }
  double cost = Prior(shape) + StructureCost(i, j, shape);
  if (words_) return CostBelowWithWords(i, j, shape, limit, cache, cost, bonus);
  if (cost - bonus >= limit) return cost - bonus;
  cost += LengthCost(i, j, shape);
  if (cost - bonus >= limit) return cost - bonus;
  return cost + AnchorCost(i, j, shape);
}

double DocumentScorer::CostBelowWithWords(std::size_t i, std::size_t j, BeadShape shape,
                                          double limit, internal::LexicalPairCache* cache,
                                          double cost, double anchor_bonus) const {
  // The words take off at most what all their terms matched would (a
  // bound, never positive): the length first, then the words, with a
  // session's cache cheap, then the anchors.
  const double word_bound =
      shape.src > 0 && shape.tgt > 0 ? lexical_->Bound(i, j, shape) : 0;
  const double floor = word_bound - anchor_bonus;
  if (cost + floor >= limit) return cost + floor;
  cost += LengthCost(i, j, shape);
  if (cost + floor >= limit) return cost + floor;
  cost += lexical_->Cost(i, j, shape, cache);
  if (cost - anchor_bonus >= limit) return cost - anchor_bonus;
  return cost + AnchorCost(i, j, shape);
}

}  // namespace allinea
