// What the scorer learns from the pair besides lengths: the rarity of each
// anchor term, the bead priors and the paragraph agreement.
#include <algorithm>
#include <array>
#include <cmath>

#include "allinea/score.h"

namespace allinea {

std::vector<float> AnchorRarity(const Features& features) {
  const std::size_t v = features.vocabulary.size();
  const auto [src_df, tgt_df] = CountTerms(features);
  const double ns = static_cast<double>(features.src.size());
  const double nt = static_cast<double>(features.tgt.size());
  const double log_n = std::log(std::max({ns, nt, 3.0}));
  std::vector<float> rarity(v, 1.0F);
  for (std::size_t id = 0; id < v; ++id) {
    // The share of sentences carrying the term, on the side where it is
    // more common.
    const double share = std::max(ns > 0 ? src_df[id] / ns : 0.0,
                                  nt > 0 ? tgt_df[id] / nt : 0.0);
    if (share <= 0) continue;
    rarity[id] = static_cast<float>(std::clamp(
        std::log(1 / share) / log_n, static_cast<double>(kMinRarity), 1.0));
  }
  return rarity;
}

ScoreWeights EstimateBeadPriors(
    const ScoreWeights& weights,
    const std::vector<std::array<std::size_t, 4>>& beads) {
  // Counts per prior: 1-1, null (1-0 and 0-1), 2-1 and 1-2, 2-2, 3-1 and
  // 1-3; the paired shapes share one prior, as in Gale & Church.
  std::array<double, 5> count{};
  for (const auto& [sb, se, tb, te] : beads) {
    const std::size_t a = se - sb;
    const std::size_t b = te - tb;
    if (a == 1 && b == 1)
      ++count[0];
    else if (a + b == 1)
      ++count[1];
    else if (a + b == 3 && a > 0 && b > 0)
      ++count[2];
    else if (a == 2 && b == 2)
      ++count[3];
    else if (a + b == 4)
      ++count[4];
  }
  // Each prior is the probability of one shape; shared ones count twice.
  const std::array<double, 5> prior = {weights.prior_1_1, weights.prior_1_0,
                                       weights.prior_2_1, weights.prior_2_2,
                                       weights.prior_3_1};
  const std::array<double, 5> shapes = {1, 2, 2, 1, 2};
  double total = 0;
  for (double c : count) total += c;
  std::array<double, 5> p{};
  for (std::size_t k = 0; k < 5; ++k) {
    p[k] = (count[k] / shapes[k] + kPriorPseudoBeads * prior[k]) /
           (total + kPriorPseudoBeads);
  }
  ScoreWeights out = weights;
  out.prior_1_1 = p[0];
  out.prior_1_0 = p[1];
  out.prior_2_1 = p[2];
  out.prior_2_2 = p[3];
  out.prior_3_1 = p[4];
  return out;
}

double EstimateParagraphAgreement(
    const Document& src, const Document& tgt,
    const std::vector<std::array<std::size_t, 4>>& beads) {
  auto opens = [](const Document& d, std::size_t first) {
    return first == 0 ||
           d.sentences[first - 1].paragraph != d.sentences[first].paragraph;
  };
  std::size_t either = 0;
  std::size_t both = 0;
  for (const auto& [sb, se, tb, te] : beads) {
    if (sb == se || tb == te) continue;
    const bool s = opens(src, sb);
    const bool t = opens(tgt, tb);
    either += s || t;
    both += s && t;
  }
  return either == 0 ? 1.0 : static_cast<double>(both) / either;
}

}  // namespace allinea
