// Anchor points: sentence pairs that share rare terms, chained monotonically,
// and the guide through them.
#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "allinea/align.h"

namespace allinea {
namespace {

// Punctuation, quotation and list marks and dialogue labels say little about
// where a sentence is: they never make anchor points.
bool PointsSomewhere(std::string_view term) {
  return KindOfTerm(term) != TermKind::kStructure;
}

// A prefix-maximum Fenwick tree over target positions: the heaviest chain
// that ends before a position, and the candidate that ends it.
class PrefixMax {
 public:
  explicit PrefixMax(std::size_t size) : tree_(size + 1, {0.0, kNone}) {}
  void Update(std::size_t pos, double value, std::size_t index) {
    for (std::size_t k = pos + 1; k < tree_.size(); k += k & (~k + 1)) {
      if (value > tree_[k].first) tree_[k] = {value, index};
    }
  }
  // The best over positions [0, pos).
  [[nodiscard]] std::pair<double, std::size_t> Before(std::size_t pos) const {
    std::pair<double, std::size_t> best{0.0, kNone};
    for (std::size_t k = pos; k > 0; k -= k & (~k + 1)) {
      if (tree_[k].first > best.first) best = tree_[k];
    }
    return best;
  }
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

 private:
  std::vector<std::pair<double, std::size_t>> tree_;
};

// Two points agree when the step between them follows the pair's ratio of
// sentences, within kAgreeSentences plus kAgreeShare of the step: a
// chance match of a rare term far from its place (a year quoted again in
// another context) agrees with neither neighbour, while points on both
// sides of a long omission still agree with their other neighbours.
constexpr double kAgreeSentences = 16;
constexpr double kAgreeShare = 0.25;

bool Agree(const AnchorPoint& a, const AnchorPoint& b, double ratio) {
  const double ds = static_cast<double>(b.src) - static_cast<double>(a.src);
  const double dt = static_cast<double>(b.tgt) - static_cast<double>(a.tgt);
  return std::fabs(dt - ds * ratio) <=
         kAgreeSentences + kAgreeShare * (ds * ratio + dt) / 2;
}

// Cuts the chain into groups of consecutive points that agree, and drops a
// group when the chain is consistent without it: its neighbours agree with
// each other across it (or, at an end, it disagrees with its one neighbour)
// and it is no larger than them. A run of chance matches far from their
// place goes, however many agree among themselves; the two sides of a long
// omission, which disagree with each other, both stay.
std::vector<AnchorPoint> DropOutlierRuns(const std::vector<AnchorPoint>& chain,
                                         double ratio) {
  if (chain.size() < 2) return chain;
  std::vector<std::pair<std::size_t, std::size_t>> groups;  // [first, last]
  for (std::size_t k = 0; k < chain.size(); ++k) {
    if (k > 0 && Agree(chain[k - 1], chain[k], ratio)) {
      groups.back().second = k;
    } else {
      groups.emplace_back(k, k);
    }
  }
  auto size = [&](std::size_t g) {
    return groups[g].second - groups[g].first + 1;
  };
  std::vector<AnchorPoint> kept;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    bool drop = false;
    if (groups.size() > 1) {
      if (g == 0) {
        drop = size(0) < size(1);
      } else if (g + 1 == groups.size()) {
        drop = size(g) < size(g - 1);
      } else {
        drop = Agree(chain[groups[g - 1].second], chain[groups[g + 1].first],
                     ratio) &&
               size(g) <= std::max(size(g - 1), size(g + 1));
      }
    }
    if (drop) continue;
    for (std::size_t k = groups[g].first; k <= groups[g].second; ++k)
      kept.push_back(chain[k]);
  }
  return kept;
}

// First the points that agree with neither neighbour (chance matches, one
// by one), then the runs the chain is consistent without.
std::vector<AnchorPoint> DropOutliers(const std::vector<AnchorPoint>& chain,
                                      std::size_t n, std::size_t m) {
  if (chain.size() < 2) return chain;
  const double ratio = n == 0 ? 1.0 : static_cast<double>(m) / n;
  std::vector<AnchorPoint> agreeing;
  for (std::size_t k = 0; k < chain.size(); ++k) {
    if ((k > 0 && Agree(chain[k - 1], chain[k], ratio)) ||
        (k + 1 < chain.size() && Agree(chain[k], chain[k + 1], ratio))) {
      agreeing.push_back(chain[k]);
    }
  }
  return DropOutlierRuns(agreeing, ratio);
}

}  // namespace

std::vector<AnchorPoint> FindAnchorPoints(const Features& features) {
  const std::size_t v = features.vocabulary.size();
  const auto [src_count, tgt_count] = CountTerms(features);
  std::vector<bool> usable(v, false);
  for (std::size_t id = 0; id < v; ++id) {
    usable[id] = src_count[id] > 0 && tgt_count[id] > 0 &&
                 src_count[id] <= kMaxAnchorTermCount &&
                 tgt_count[id] <= kMaxAnchorTermCount &&
                 PointsSomewhere(features.vocabulary[id]);
  }
  std::vector<std::vector<std::uint32_t>> tgt_at(v);
  for (std::size_t t = 0; t < features.tgt.size(); ++t) {
    for (std::uint32_t id : features.tgt[t].anchors) {
      if (usable[id]) tgt_at[id].push_back(static_cast<std::uint32_t>(t));
    }
  }
  const std::vector<float> rarity = AnchorRarity(features);
  std::vector<AnchorPoint> candidates;
  for (std::size_t s = 0; s < features.src.size(); ++s) {
    for (std::uint32_t id : features.src[s].anchors) {
      if (!usable[id]) continue;
      const double w = rarity[id] / (src_count[id] * tgt_count[id]);
      for (std::uint32_t t : tgt_at[id]) candidates.push_back({s, t, w});
    }
  }
  // One candidate per pair, its weight the sum over its terms; for equal
  // src, higher tgt first, so that a chain takes at most one of them.
  std::sort(candidates.begin(), candidates.end(),
            [](const AnchorPoint& a, const AnchorPoint& b) {
              return a.src != b.src ? a.src < b.src : a.tgt > b.tgt;
            });
  std::vector<AnchorPoint> merged;
  for (const AnchorPoint& c : candidates) {
    if (!merged.empty() && merged.back().src == c.src &&
        merged.back().tgt == c.tgt) {
      merged.back().weight += c.weight;
    } else {
      merged.push_back(c);
    }
  }
  // The heaviest chain strictly increasing in src and tgt.
  PrefixMax best(features.tgt.size());
  std::vector<double> chain(merged.size());
  std::vector<std::size_t> previous(merged.size(), PrefixMax::kNone);
  std::size_t end = PrefixMax::kNone;
  double end_weight = 0;
  for (std::size_t k = 0; k < merged.size(); ++k) {
    const auto [before, from] = best.Before(merged[k].tgt);
    chain[k] = before + merged[k].weight;
    previous[k] = from;
    best.Update(merged[k].tgt, chain[k], k);
    if (chain[k] > end_weight) end_weight = chain[k], end = k;
  }
  std::vector<AnchorPoint> chain_points;
  for (std::size_t k = end; k != PrefixMax::kNone; k = previous[k]) {
    chain_points.push_back(merged[k]);
  }
  std::reverse(chain_points.begin(), chain_points.end());
  return DropOutliers(chain_points, features.src.size(), features.tgt.size());
}

std::vector<std::size_t> GuideThrough(std::span<const AnchorPoint> points,
                                      std::size_t n, std::size_t m) {
  std::vector<std::size_t> guide(n + 1);
  if (points.empty()) {
    for (std::size_t i = 0; i <= n; ++i) {
      guide[i] = n == 0 ? m
                        : static_cast<std::size_t>(
                              std::llround(static_cast<double>(i) * m / n));
    }
    return guide;
  }
  // Before the first point and after the last, the guide keeps the chain's
  // own slope rather than heading for the corners, so that a preface or a
  // missing end on one side does not bend it.
  const AnchorPoint& first = points.front();
  const AnchorPoint& last = points.back();
  double slope = n == 0 ? 1.0 : static_cast<double>(m) / n;
  if (points.size() >= 2 && last.src > first.src) {
    slope = static_cast<double>(last.tgt - first.tgt) / (last.src - first.src);
  }
  slope = std::clamp(slope, 0.25, 4.0);
  auto clamp_m = [m](double x) {
    return static_cast<std::size_t>(
        std::clamp(std::llround(x), 0LL, static_cast<long long>(m)));
  };
  std::size_t k = 0;  // the first point at or after row i
  for (std::size_t i = 0; i <= n; ++i) {
    while (k < points.size() && points[k].src < i) ++k;
    double g;
    if (k == 0) {
      g = first.tgt - (static_cast<double>(first.src) - i) * slope;
    } else if (k == points.size()) {
      g = last.tgt + (static_cast<double>(i) - last.src) * slope;
    } else {
      const AnchorPoint& a = points[k - 1];
      const AnchorPoint& b = points[k];
      g = a.tgt + static_cast<double>(i - a.src) * (b.tgt - a.tgt) /
                      static_cast<double>(b.src - a.src);
    }
    guide[i] = clamp_m(g);
  }
  guide[0] = std::min(guide[0], m);
  guide[n] = m;
  // Monotone, whatever the rounding.
  for (std::size_t i = 1; i <= n; ++i)
    guide[i] = std::max(guide[i], guide[i - 1]);
  return guide;
}

}  // namespace allinea
