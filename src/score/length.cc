// The length model: Gale & Church's tail cost, and the ratio and variance
// estimated from the pair.
#include <algorithm>
#include <array>
#include <cmath>

#include "allinea/score.h"

namespace allinea {
namespace {

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

// The length errors are a mixture: most beads follow the estimated
// variance, and a share of loose translations (a sentence rendered freely,
// a short line glossed at length) spreads kLooseSpread times wider. The
// variance is estimated from the median, so it fits the core; without the
// loose share one free rendering of a short sentence costs so much that
// the search would rather drop the sentence and merge its neighbours into a
// 2-2 bead. Chosen on the gold pairs and the synthetic corpus
// (docs/quality.md): shares of 0.02 to 0.05 and spreads of 2 to 4 give the
// same accuracy; more starts to split real 2-1 beads.
constexpr double kLooseShare = 0.05;
constexpr double kLooseSpread = 3.0;

}  // namespace

namespace {

// log erfc(x), exactly; for large x erfc underflows, so the asymptotic
// log tail takes over: log erfc(x) ~ -x^2 - log(x sqrt(pi)).
double LogErfc(double x) {
  if (x < 25) {
    const double p = std::erfc(x);
    if (p > 1e-300) return std::log(p);
  }
  return -x * x - std::log(x * std::sqrt(M_PI));
}

// -log of the two-sided tail of the mixture (see LengthTailCost), in logs
// so that neither part underflows; x = |delta| / sqrt 2.
double ExactTailCost(double x) {
  const double core = std::log1p(-kLooseShare) + LogErfc(x);
  const double loose = std::log(kLooseShare) + LogErfc(x / kLooseSpread);
  const double top = std::max(core, loose);
  return -(top + std::log(std::exp(core - top) + std::exp(loose - top)));
}

double ExactNormalTailCost(double x) { return -LogErfc(x); }

// The search asks for this cost for every cell and shape, so it is read
// from a table (step 1/100, linear interpolation: error below 1e-4 nats),
// built once and never changed.
constexpr double kTableStep = 0.01;
constexpr int kTableSize = 2501;  // x in [0, 25]

using Table = std::array<double, kTableSize>;

Table MakeTable(double (*exact)(double)) {
  Table t{};
  for (int k = 0; k < kTableSize; ++k) t[k] = exact(k * kTableStep);
  return t;
}

// `exact`'s cost at delta, from `table` where it reaches.
double Interpolate(const Table& table, double (*exact)(double), double delta) {
  // 2 * (1 - Phi(|d|)) = erfc(|d| / sqrt 2).
  const double x = std::fabs(delta) / std::sqrt(2.0);
  const double pos = x / kTableStep;
  if (!(pos < kTableSize - 1)) return exact(x);
  const auto k = static_cast<int>(pos);
  const double frac = pos - k;
  return table[k] + (table[k + 1] - table[k]) * frac;
}

}  // namespace

double LengthTailCost(double delta) {
  static const Table table = MakeTable(ExactTailCost);
  return Interpolate(table, ExactTailCost, delta);
}

double NormalTailCost(double delta) {
  static const Table table = MakeTable(ExactNormalTailCost);
  return Interpolate(table, ExactNormalTailCost, delta);
}

LengthModel EstimateLengthModel(const Features& features) {
  return EstimateLengthModel(features.src, features.tgt);
}

LengthModel EstimateLengthModel(std::span<const SentenceFeatures> src,
                                std::span<const SentenceFeatures> tgt) {
  // Totals per side: all characters, and the CJK ones.
  auto totals = [](std::span<const SentenceFeatures> side) {
    std::pair<double, double> t{0, 0};
    for (const auto& f : side) t.first += f.length, t.second += f.cjk;
    return t;
  };
  const auto [src_all, src_cjk] = totals(src);
  const auto [tgt_all, tgt_cjk] = totals(tgt);
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
  for (const auto& f : src) ls += model.SourceLength(f);
  for (const auto& f : tgt) lt += model.TargetLength(f);
  const double prior = src_is_cjk == tgt_is_cjk ? 1.0
                       : tgt_is_cjk             ? kCjkRatioPrior
                                                : 1 / kCjkRatioPrior;
  if (ls > 0 && lt > 0) {
    model.ratio =
        std::clamp((lt + prior * kRatioPriorWeight) / (ls + kRatioPriorWeight),
                   kMinRatio, 1 / kMinRatio);
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
  if (samples.empty()) {
    out.variance = 6.8 * out.ratio;
    return out;
  }
  auto mid = samples.begin() + static_cast<std::ptrdiff_t>(samples.size() / 2);
  std::nth_element(samples.begin(), mid, samples.end());
  out.variance = std::max(*mid / kChiSquare1Median, kMinVariance * out.ratio);
  return out;
}

}  // namespace allinea
