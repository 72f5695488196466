// The search: a banded dynamic program over bead shapes.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "allinea/align.h"

namespace allinea {
namespace {

constexpr std::uint8_t kUnreached = 0xFF;
constexpr double kInf = std::numeric_limits<double>::infinity();

// The cells [Lo(i), Hi(i)] of each row i that the search visits: a band of
// half-width w around the diagonal from (0, 0) to (n, m).
class Band {
 public:
  Band(std::size_t n, std::size_t m, std::size_t w) : lo_(n + 1), hi_(n + 1) {
    for (std::size_t i = 0; i <= n; ++i) {
      // i * m / n rounded, in floating point: exact enough for a band
      // centre and safe from overflow.
      const std::size_t c =
          n == 0 ? 0
                 : std::min(m, static_cast<std::size_t>(
                                   static_cast<long double>(i) * m / n + 0.5L));
      lo_[i] = c > w ? c - w : 0;
      hi_[i] = std::min(m, c + std::min(w, m));
    }
  }
  [[nodiscard]] std::size_t Lo(std::size_t i) const { return lo_[i]; }
  [[nodiscard]] std::size_t Hi(std::size_t i) const { return hi_[i]; }

 private:
  std::vector<std::size_t> lo_, hi_;
};

struct SearchResult {
  Alignment alignment;
  bool touched_edge = false;  // the path ran along the band's edge
};

SearchResult Search(std::size_t n, std::size_t m, const Scorer& scorer,
                    const Band& band) {
  const auto shapes = scorer.Shapes();
  std::size_t max_src = 0;
  for (const BeadShape& s : shapes) max_src = std::max<std::size_t>(max_src, s.src);

  // Back-pointers for every cell of the band; costs for the last rows only.
  std::vector<std::size_t> row_offset(n + 2, 0);
  for (std::size_t i = 0; i <= n; ++i) {
    row_offset[i + 1] = row_offset[i] + (band.Hi(i) - band.Lo(i) + 1);
  }
  std::vector<std::uint8_t> back(row_offset[n + 1], kUnreached);
  const std::size_t ring = max_src + 1;
  std::vector<std::vector<double>> cost(ring);

  for (std::size_t i = 0; i <= n; ++i) {
    const std::size_t lo = band.Lo(i);
    const std::size_t hi = band.Hi(i);
    std::vector<double>& row = cost[i % ring];
    row.assign(hi - lo + 1, kInf);
    for (std::size_t j = lo; j <= hi; ++j) {
      double best = i == 0 && j == 0 ? 0 : kInf;
      std::uint8_t best_shape = i == 0 && j == 0 ? 0 : kUnreached;
      for (std::size_t s = 0; s < shapes.size(); ++s) {
        const BeadShape shape = shapes[s];
        if (shape.src > i || shape.tgt > j) continue;
        const std::size_t pi = i - shape.src;
        const std::size_t pj = j - shape.tgt;
        const std::size_t plo = band.Lo(pi);
        if (pj < plo || pj > band.Hi(pi)) continue;
        const double prev = cost[pi % ring][pj - plo];
        if (prev == kInf) continue;
        const double c = prev + scorer.Cost(pi, pj, shape);
        if (c < best) {
          best = c;
          best_shape = static_cast<std::uint8_t>(s);
        }
      }
      row[j - lo] = best;
      back[row_offset[i] + (j - lo)] = best_shape;
    }
  }

  SearchResult result;
  if (back[row_offset[n] + (m - band.Lo(n))] == kUnreached) {
    result.touched_edge = true;  // cannot happen with 1-0 and 0-1 shapes
    return result;
  }
  result.alignment.total_cost = cost[n % ring][m - band.Lo(n)];
  std::size_t i = n;
  std::size_t j = m;
  while (i > 0 || j > 0) {
    const std::size_t lo = band.Lo(i);
    if ((j == lo && lo > 0) || (j == band.Hi(i) && j < m)) {
      result.touched_edge = true;
    }
    const BeadShape shape = shapes[back[row_offset[i] + (j - lo)]];
    Bead bead;
    bead.src_begin = i - shape.src;
    bead.src_end = i;
    bead.tgt_begin = j - shape.tgt;
    bead.tgt_end = j;
    bead.cost = scorer.Cost(bead.src_begin, bead.tgt_begin, shape);
    bead.score = scorer.Confidence(bead.cost);
    result.alignment.beads.push_back(bead);
    i = bead.src_begin;
    j = bead.tgt_begin;
  }
  std::reverse(result.alignment.beads.begin(), result.alignment.beads.end());
  return result;
}

}  // namespace

Alignment Align(std::size_t n, std::size_t m, const Scorer& scorer,
                const AlignOptions& options) {
  const std::size_t longest = std::max(n, m);
  std::size_t width = options.band == 0 ? AlignOptions::kDefaultBand : options.band;
  // Rows must overlap however steep the diagonal is.
  const std::size_t steep = n == 0 ? m : m / n + 1;
  width = std::max(width, steep + 3);
  if (options.full) width = longest;
  for (;;) {
    SearchResult r = Search(n, m, scorer, Band(n, m, width));
    if (!r.touched_edge || width >= longest) {
      r.alignment.band = width;
      return std::move(r.alignment);
    }
    width = std::min(longest, width * 2);
  }
}

}  // namespace allinea
