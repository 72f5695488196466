// The scoring model: bead priors, Gale-Church length cost, anchors, structure.
#include "allinea/score.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace allinea {
namespace {

constexpr std::array<BeadShape, 9> kShapes = {{
    {1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3},
    {0, 0},  // unused sentinel, trimmed below
}};
constexpr std::size_t kShapeCount = 8;

// Ratio below which (or above 1/which) the pair is treated as unreliable.
constexpr double kMinRatio = 0.05;

// Prior for the length ratio, so that short documents (where an omitted list
// can be a large share of the text) are not misled by their totals: CJK
// characters per character of a non-CJK language (about 0.3 for Chinese
// against Italian or English; 0.29 on the sample pair), otherwise 1.
constexpr double kCjkRatioPrior = 0.3;
// Weight of that prior, in source length units: it dominates a
// one-paragraph text and is a small nudge on a long one.
constexpr double kRatioPriorWeight = 1000;

// 1-1 beads a first alignment needs before it replaces the ratio, and before
// it replaces the variance.
constexpr std::size_t kMinBeadsForRatio = 5;
constexpr std::size_t kMinBeadsForVariance = 10;

// Median of the chi-square distribution with one degree of freedom.
constexpr double kChiSquare1Median = 0.4549364231195724;
// Floor of the variance per unit of ratio, so that no bead is ever certain.
constexpr double kMinVariance = 0.25;

}  // namespace

namespace {

// -log erfc(x), exactly; for large x erfc underflows, so the asymptotic
// log tail takes over: log erfc(x) ~ -x^2 - log(x sqrt(pi)).
double ExactTailCost(double x) {
  if (x < 25) {
    const double p = std::erfc(x);
    if (p > 1e-300) return -std::log(p);
  }
  return x * x + std::log(x * std::sqrt(M_PI));
}

// The search asks for this cost for every cell and shape, so it is read
// from a table (step 1/100, linear interpolation: error below 2e-5 nats),
// built once and never changed.
constexpr double kTableStep = 0.01;
constexpr int kTableSize = 2501;  // x in [0, 25]

const std::array<double, kTableSize>& TailTable() {
  static const std::array<double, kTableSize> table = [] {
    std::array<double, kTableSize> t{};
    for (int k = 0; k < kTableSize; ++k) t[k] = ExactTailCost(k * kTableStep);
    return t;
  }();
  return table;
}

}  // namespace

double LengthTailCost(double delta) {
  // 2 * (1 - Phi(|d|)) = erfc(|d| / sqrt 2).
  const double x = std::fabs(delta) / std::sqrt(2.0);
  const double pos = x / kTableStep;
  if (!(pos < kTableSize - 1)) return ExactTailCost(x);
  const auto k = static_cast<int>(pos);
  const double frac = pos - k;
  const auto& t = TailTable();
  return t[k] + (t[k + 1] - t[k]) * frac;
}

LengthModel EstimateLengthModel(const Features& features) {
  // Totals per side: all characters, and the CJK ones.
  auto totals = [](const std::vector<SentenceFeatures>& side) {
    std::pair<double, double> t{0, 0};
    for (const auto& f : side) t.first += f.length, t.second += f.cjk;
    return t;
  };
  const auto [src_all, src_cjk] = totals(features.src);
  const auto [tgt_all, tgt_cjk] = totals(features.tgt);
  LengthModel model;
  // A side is "CJK" when most of its characters are; the weight of its
  // other characters is the CJK characters per character of the other side
  // once the copied ones are set aside: H / (S - L), with H its CJK count,
  // L its other characters and S the other side's total.
  auto weight = [](double all, double cjk, double other_all) {
    const double copied = all - cjk;
    if (cjk <= copied || other_all - copied <= cjk * kMinRatio) return 1.0;
    return std::clamp(cjk / (other_all - copied), kMinRatio, 1.0);
  };
  const bool src_is_cjk = src_cjk * 2 > src_all;
  const bool tgt_is_cjk = tgt_cjk * 2 > tgt_all;
  if (src_is_cjk && !tgt_is_cjk) {
    model.src_other_weight = weight(src_all, src_cjk, tgt_all);
  } else if (tgt_is_cjk && !src_is_cjk) {
    model.tgt_other_weight = weight(tgt_all, tgt_cjk, src_all);
  }
  double ls = 0;
  double lt = 0;
  for (const auto& f : features.src) ls += model.SourceLength(f);
  for (const auto& f : features.tgt) lt += model.TargetLength(f);
  const double prior = src_is_cjk == tgt_is_cjk ? 1.0
                       : tgt_is_cjk             ? kCjkRatioPrior
                                                : 1 / kCjkRatioPrior;
  if (ls > 0 && lt > 0) {
    model.ratio = std::clamp(
        (lt + prior * kRatioPriorWeight) / (ls + kRatioPriorWeight), kMinRatio,
        1 / kMinRatio);
  }
  model.variance = 6.8 * model.ratio;
  return model;
}

LengthModel ReestimateLengthModel(
    const LengthModel& model,
    const std::vector<std::pair<double, double>>& lengths_1_1) {
  LengthModel out = model;
  if (lengths_1_1.size() < kMinBeadsForRatio) return out;
  // The ratio from the 1-1 beads alone: omitted or added passages, which
  // skew the totals, are left out of it.
  double ls = 0;
  double lt = 0;
  for (const auto& [s, t] : lengths_1_1) ls += s, lt += t;
  if (ls > 0 && lt > 0) {
    out.ratio = std::clamp(lt / ls, kMinRatio, 1 / kMinRatio);
  }
  if (lengths_1_1.size() < kMinBeadsForVariance) {
    out.variance = 6.8 * out.ratio;
    return out;
  }
  std::vector<double> samples;
  for (const auto& [s, t] : lengths_1_1) {
    const double mean = (s + t / out.ratio) / 2;
    if (mean <= 0) continue;
    const double d = t - out.ratio * s;
    samples.push_back(d * d / mean);
  }
  // Robust and consistent for normal errors: the median of the squared
  // standardised deviations over the median of chi-square with one degree
  // of freedom. Wrong beads of the first alignment barely move it.
  auto mid = samples.begin() + static_cast<std::ptrdiff_t>(samples.size() / 2);
  std::nth_element(samples.begin(), mid, samples.end());
  out.variance = std::max(*mid / kChiSquare1Median, kMinVariance * out.ratio);
  return out;
}

DocumentScorer::DocumentScorer(const Document& src, const Document& tgt,
                               const Features& features, LengthModel model,
                               ScoreWeights weights)
    : src_(src),
      tgt_(tgt),
      features_(features),
      model_(model),
      weights_(weights) {
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
  return {kShapes.data(), kShapeCount};
}

double DocumentScorer::Prior(BeadShape shape) const {
  // -log P(shape) for shapes up to 3-3, computed once (see the constructor).
  return prior_cost_[shape.src * 4 + shape.tgt];
}

double DocumentScorer::LengthCost(std::size_t i, std::size_t j,
                                  BeadShape shape) const {
  if (shape.src == 0 || shape.tgt == 0) return 0;
  double ls = 0;
  double lt = 0;
  for (std::size_t k = 0; k < shape.src; ++k) {
    ls += model_.SourceLength(features_.src[i + k]);
  }
  for (std::size_t k = 0; k < shape.tgt; ++k) {
    lt += model_.TargetLength(features_.tgt[j + k]);
  }
  const double mean = (ls + lt / model_.ratio) / 2;
  if (mean <= 0) return 0;
  const double delta = (lt - model_.ratio * ls) / std::sqrt(model_.variance * mean);
  return LengthTailCost(delta);
}

double DocumentScorer::AnchorCost(std::size_t i, std::size_t j,
                                  BeadShape shape) const {
  if (shape.src == 0 || shape.tgt == 0) return 0;
  std::size_t total = 0;
  for (std::size_t k = 0; k < shape.src; ++k) total += features_.src[i + k].anchors.size();
  for (std::size_t k = 0; k < shape.tgt; ++k) total += features_.tgt[j + k].anchors.size();
  if (total == 0) return 0;
  // Gather each side's anchors into a small sorted set, on the stack when
  // they fit (this runs for every cell and shape of the search).
  constexpr std::size_t kInline = 64;
  std::array<std::uint32_t, kInline> a_inline;
  std::array<std::uint32_t, kInline> b_inline;
  std::vector<std::uint32_t> a_heap;
  std::vector<std::uint32_t> b_heap;
  auto gather = [](const std::vector<SentenceFeatures>& side, std::size_t first,
                   std::size_t count, std::array<std::uint32_t, kInline>& buf,
                   std::vector<std::uint32_t>& heap) -> std::span<std::uint32_t> {
    std::size_t total = 0;
    for (std::size_t k = 0; k < count; ++k) total += side[first + k].anchors.size();
    std::uint32_t* out = buf.data();
    if (total > kInline) {
      heap.resize(total);
      out = heap.data();
    }
    std::size_t n = 0;
    for (std::size_t k = 0; k < count; ++k) {
      for (std::uint32_t id : side[first + k].anchors) out[n++] = id;
    }
    if (count > 1) {
      std::sort(out, out + n);
      n = static_cast<std::size_t>(std::unique(out, out + n) - out);
    }
    return {out, n};
  };
  const auto a = gather(features_.src, i, shape.src, a_inline, a_heap);
  const auto b = gather(features_.tgt, j, shape.tgt, b_inline, b_heap);
  if (a.empty() && b.empty()) return 0;
  std::size_t shared = 0;
  for (std::size_t x = 0, y = 0; x < a.size() && y < b.size();) {
    if (a[x] < b[y]) {
      ++x;
    } else if (b[y] < a[x]) {
      ++y;
    } else {
      ++shared, ++x, ++y;
    }
  }
  const std::size_t missing = a.size() + b.size() - 2 * shared;
  return -weights_.anchor_match * static_cast<double>(shared) +
         weights_.anchor_miss * static_cast<double>(missing);
}

double DocumentScorer::StructureCost(std::size_t i, std::size_t j,
                                     BeadShape shape) const {
  auto para = [](const Document& d, std::size_t k) {
    return d.sentences[k].paragraph;
  };
  auto crosses = [&](const Document& d, std::size_t first, std::size_t count) {
    return count > 1 && para(d, first) != para(d, first + count - 1);
  };
  double cost = crosses(src_, i, shape.src) != crosses(tgt_, j, shape.tgt)
                    ? weights_.paragraph_cross
                    : 0;
  if (shape.src == 0 || shape.tgt == 0) return cost;
  // Does the bead open (close) a paragraph on each side?
  auto opens = [&](const Document& d, std::size_t first) {
    return first == 0 || para(d, first - 1) != para(d, first);
  };
  auto closes = [&](const Document& d, std::size_t end) {
    return end == d.sentences.size() || para(d, end) != para(d, end - 1);
  };
  if (opens(src_, i) != opens(tgt_, j)) cost += weights_.paragraph_edge;
  if (closes(src_, i + shape.src) != closes(tgt_, j + shape.tgt)) {
    cost += weights_.paragraph_edge;
  }
  return cost;
}

double DocumentScorer::Cost(std::size_t i, std::size_t j,
                            BeadShape shape) const {
  return Prior(shape) + LengthCost(i, j, shape) + AnchorCost(i, j, shape) +
         StructureCost(i, j, shape);
}

double DocumentScorer::Confidence(double cost) const {
  const double perfect = -std::log(weights_.prior_1_1);
  return std::clamp(std::exp(-(cost - perfect) / weights_.confidence_scale),
                    0.0, 1.0);
}

}  // namespace allinea
