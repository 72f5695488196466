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

}  // namespace

double LengthTailCost(double delta) {
  // 2 * (1 - Phi(|d|)) = erfc(|d| / sqrt 2). For large |d| erfc underflows,
  // so use the asymptotic log tail there.
  const double x = std::fabs(delta) / std::sqrt(2.0);
  if (x < 25) {
    const double p = std::erfc(x);
    if (p > 1e-300) return -std::log(p);
  }
  // log erfc(x) ~ -x^2 - log(x sqrt(pi))
  return x * x + std::log(x * std::sqrt(M_PI));
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
  if (ls > 0 && lt > 0) {
    model.ratio = std::clamp(lt / ls, kMinRatio, 1 / kMinRatio);
  }
  model.variance = 6.8 * model.ratio;
  return model;
}

LengthModel ReestimateVariance(
    const LengthModel& model,
    const std::vector<std::pair<double, double>>& lengths_1_1) {
  std::vector<double> samples;
  for (const auto& [ls, lt] : lengths_1_1) {
    const double mean = (ls + lt / model.ratio) / 2;
    if (mean <= 0) continue;
    const double d = lt - model.ratio * ls;
    samples.push_back(d * d / mean);
  }
  if (samples.size() < 10) return model;
  std::sort(samples.begin(), samples.end());
  samples.resize(samples.size() - samples.size() / 10);  // trim the worst 10%
  double sum = 0;
  for (double s : samples) sum += s;
  LengthModel out = model;
  // Trimming removes the tail; keep a floor so that no bead is ever certain.
  out.variance = std::max(sum / static_cast<double>(samples.size()),
                          0.25 * model.ratio);
  return out;
}

DocumentScorer::DocumentScorer(const Document& src, const Document& tgt,
                               const Features& features, LengthModel model,
                               ScoreWeights weights)
    : src_(src),
      tgt_(tgt),
      features_(features),
      model_(model),
      weights_(weights) {}

std::span<const BeadShape> DocumentScorer::Shapes() const {
  return {kShapes.data(), kShapeCount};
}

double DocumentScorer::Prior(BeadShape shape) const {
  const int a = shape.src;
  const int b = shape.tgt;
  double p = 0;
  if (a == 1 && b == 1) {
    p = weights_.prior_1_1;
  } else if (a + b == 1) {
    p = weights_.prior_1_0;
  } else if (a + b == 3) {
    p = weights_.prior_2_1;
  } else if (a == 2 && b == 2) {
    p = weights_.prior_2_2;
  } else {
    p = weights_.prior_3_1;
  }
  return -std::log(p);
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
  auto crosses = [](const Document& d, std::size_t first, std::size_t count) {
    return count > 1 &&
           d.sentences[first].paragraph != d.sentences[first + count - 1].paragraph;
  };
  const bool s = crosses(src_, i, shape.src);
  const bool t = crosses(tgt_, j, shape.tgt);
  return s != t ? weights_.paragraph_cross : 0;
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
