// The search: a dynamic program over bead shapes, in a corridor of cells.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <array>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "align/internal.h"
#include "allinea/align.h"
#include "allinea/error.h"

namespace allinea {
namespace {

constexpr std::uint8_t kUnreached = 0xFF;
constexpr double kInf = std::numeric_limits<double>::infinity();

// How far apart (in source positions) a trusted guide and the path may
// drift before the corridor stops covering both and trusts the guide alone;
// and how far an untrusted one may before the corridor ignores it.
constexpr std::size_t kMaxHull = 1024;
constexpr std::size_t kUntrustedHull = 64;

// While the best path's cost has grown by more than kCostlyRate nats per
// anti-diagonal over the last kCostWindow ones (a well-paired stretch costs
// about 0.5, a mismatched or one-sided one 1.5 to 5), the margin of the
// corridor grows by two cells per anti-diagonal, up to kMaxExtra, and it
// shrinks by one once the cost eases. (Each range stays within one step of
// the one before, so the lower edge stops advancing and the upper one
// grows by one cell per anti-diagonal.) The cap keeps a long one-sided
// stretch from costing more than about eight times a well-paired one.
constexpr std::size_t kCostWindow = 17;
constexpr double kCostlyRate = 1.5;
constexpr std::size_t kMaxExtra = 64;

// The widest band a search of a large table widens to (the table is
// searched whole only when it has at most AlignOptions::exact_cells cells).
constexpr std::size_t kMaxWidening = 1024;

struct SearchResult {
  Alignment alignment;
  internal::Cells cells;
  bool touched_edge = false;         // the path ran along a corridor's edge
  std::vector<std::size_t> touched;  // the beads where it did, in order
};

// The search runs along anti-diagonals d = i + j, so that the cells it
// compares have consumed the same number of sentences, whatever their
// split between the sides; on each, it visits the source positions
// [lo(d), hi(d)]: `width` either side of where the best cell of the
// anti-diagonal before stands (moved on by the slope n / (n + m)), joined
// with `width` either side of the guide. Each range stays within one step of
// the one before, so that every visited cell has a way in, and the last
// anti-diagonal holds (n, m).
class Corridor {
 public:
  Corridor(std::size_t n, std::size_t m, std::size_t width,
           std::span<const std::size_t> guide, bool trust_guide, bool full)
      : n_(n), m_(m), width_(width), trust_guide_(trust_guide), full_(full) {
    slope_ =
        n + m == 0 ? 0.0 : static_cast<double>(n) / static_cast<double>(n + m);
    if (guide.empty()) return;
    // The guide's source position on each anti-diagonal: the last i whose
    // guide point i + guide[i] is not past d.
    guide_.resize(n + m + 1);
    std::size_t i = 0;
    for (std::size_t d = 0; d <= n + m; ++d) {
      while (i < n && i + 1 + guide[i + 1] <= d) ++i;
      guide_[d] = i;
    }
  }

  // The valid source positions of anti-diagonal d.
  [[nodiscard]] std::size_t First(std::size_t d) const {
    return d > m_ ? d - m_ : 0;
  }
  [[nodiscard]] std::size_t Last(std::size_t d) const {
    return std::min(n_, d);
  }

  // Anti-diagonal d's range, given the best source position on the one
  // before (`follow`) and its range, and `extra` cells either side where the
  // path has been costly (Search()).
  std::pair<std::size_t, std::size_t> Range(std::size_t d, std::size_t follow,
                                            std::size_t prev_lo,
                                            std::size_t prev_hi,
                                            std::size_t extra) const {
    const std::size_t first = First(d);
    const std::size_t last = Last(d);
    if (full_ || d == 0) return {first, last};
    const auto centre =
        static_cast<std::size_t>(static_cast<double>(follow) + slope_ + 0.5);
    std::size_t lo = Sub(centre, width_ + extra);
    std::size_t hi = centre + width_ + extra;
    if (!guide_.empty()) {
      const std::size_t g = guide_[d];
      const std::size_t distance = g > centre ? g - centre : centre - g;
      if (distance <= (trust_guide_ ? kMaxHull : kUntrustedHull)) {
        lo = std::min(lo, Sub(g, width_));
        hi = std::max(hi, g + width_);
      } else if (trust_guide_) {
        lo = Sub(g, width_);
        hi = g + width_;
      }
    }
    // Within one step of the anti-diagonal before: i never decreases and
    // grows by at most one per anti-diagonal.
    lo = std::clamp(lo, prev_lo, prev_hi + 1);
    hi = std::clamp(hi, lo, prev_hi + 1);
    return {std::clamp(lo, first, last), std::clamp(hi, first, last)};
  }

 private:
  static std::size_t Sub(std::size_t a, std::size_t b) {
    return a > b ? a - b : 0;
  }

  std::size_t n_, m_, width_;
  std::vector<std::size_t> guide_;  // per anti-diagonal; empty = none
  bool trust_guide_;
  bool full_;
  double slope_ = 0;
};

SearchResult Search(std::size_t n, std::size_t m, const Scorer& base,
                    const Corridor& corridor) {
  // This thread's session: neighbouring beads share their sentence pairs.
  const std::unique_ptr<Scorer> session = base.Session();
  const Scorer& scorer = session ? *session : base;
  const auto shapes = scorer.Shapes();
  std::size_t max_step = 0;
  for (const BeadShape& s : shapes) {
    max_step = std::max<std::size_t>(max_step, s.src + s.tgt);
  }
  const std::size_t diagonals = n + m + 1;
  SearchResult result;
  std::vector<std::size_t>& lo = result.cells.lo;
  std::vector<std::size_t>& hi = result.cells.hi;
  lo.resize(diagonals);
  hi.resize(diagonals);
  std::vector<std::size_t> offset(diagonals + 1, 0);
  std::vector<std::uint8_t> back;  // one shape index per visited cell
  // Costs of the last max_step + 1 anti-diagonals, in a ring.
  const std::size_t ring = max_step + 1;
  std::vector<std::vector<double>> cost(ring);

  std::size_t follow = 0;
  // The best cost of the last kCostWindow anti-diagonals, in a ring: where
  // it climbs fast, the path is in a stretch nothing pairs well (an
  // omission, or a track lost), and the corridor widens until it eases.
  std::array<double, kCostWindow> recent{};
  std::size_t extra = 0;
  for (std::size_t d = 0; d < diagonals; ++d) {
    if (d >= kCostWindow) {
      const double rate =
          (recent[(d - 1) % kCostWindow] - recent[d % kCostWindow]) /
          static_cast<double>(kCostWindow - 1);
      if (rate > kCostlyRate) {
        extra = std::min(kMaxExtra, extra + 2);
      } else if (extra > 0) {
        --extra;
      }
    }
    const auto [l, h] = corridor.Range(d, follow, d > 0 ? lo[d - 1] : 0,
                                       d > 0 ? hi[d - 1] : 0, extra);
    lo[d] = l;
    hi[d] = h;
    offset[d + 1] = offset[d] + (h - l + 1);
    back.resize(offset[d + 1], kUnreached);
    std::uint8_t* diag_back = back.data() + offset[d];
    std::vector<double>& diag = cost[d % ring];
    diag.assign(h - l + 1, kInf);
    double diag_best = kInf;
    for (std::size_t i = l; i <= h; ++i) {
      const std::size_t j = d - i;
      double best = d == 0 ? 0 : kInf;
      std::uint8_t best_shape = d == 0 ? 0 : kUnreached;
      for (std::size_t s = 0; s < shapes.size(); ++s) {
        const BeadShape shape = shapes[s];
        if (shape.src > i || shape.tgt > j) continue;
        const std::size_t pd = d - shape.src - shape.tgt;
        const std::size_t pi = i - shape.src;
        if (pi < lo[pd] || pi > hi[pd]) continue;
        const double prev = cost[pd % ring][pi - lo[pd]];
        if (prev == kInf) continue;
        const double c =
            prev + scorer.CostBelow(pi, j - shape.tgt, shape, best - prev);
        if (c < best) {
          best = c;
          best_shape = static_cast<std::uint8_t>(s);
        }
      }
      diag[i - l] = best;
      diag_back[i - l] = best_shape;
      if (best < diag_best) {
        diag_best = best;
        follow = i;
      }
    }
    recent[d % kCostWindow] = diag_best;
  }

  const std::size_t last = n + m;
  if (back[offset[last] + (n - lo[last])] == kUnreached) {
    // Cannot happen with the 1-0 and 0-1 shapes, which Align() requires.
    throw std::logic_error("allinea::Align: no path reaches the end");
  }
  result.alignment.total_cost = cost[last % ring][n - lo[last]];
  std::size_t i = n;
  std::size_t j = m;
  while (i > 0 || j > 0) {
    const std::size_t d = i + j;
    // An edge the path runs along that is not the table's own.
    if ((i == lo[d] && i > corridor.First(d)) ||
        (i == hi[d] && i < corridor.Last(d))) {
      result.touched_edge = true;
      result.touched.push_back(result.alignment.beads.size());
    }
    const BeadShape shape = shapes[back[offset[d] + (i - lo[d])]];
    Bead bead;
    bead.src_begin = i - shape.src;
    bead.src_end = i;
    bead.tgt_begin = j - shape.tgt;
    bead.tgt_end = j;
    bead.cost = scorer.Cost(bead.src_begin, bead.tgt_begin, shape);
    result.alignment.beads.push_back(bead);
    i = bead.src_begin;
    j = bead.tgt_begin;
  }
  std::reverse(result.alignment.beads.begin(), result.alignment.beads.end());
  const std::size_t count = result.alignment.beads.size();
  for (std::size_t& k : result.touched) k = count - 1 - std::min(k, count - 1);
  std::reverse(result.touched.begin(), result.touched.end());
  return result;
}

}  // namespace

SearchMode ParseSearchMode(std::string_view name) {
  if (name == "corridor") return SearchMode::kCorridor;
  if (name == "full") return SearchMode::kFull;
  throw UsageError(
      fmt::format("unknown --search '{}' (expected corridor or full)", name));
}

std::string_view SearchModeName(SearchMode mode) {
  return mode == SearchMode::kFull ? "full" : "corridor";
}

Alignment Align(std::size_t n, std::size_t m, const Scorer& scorer,
                const AlignOptions& options,
                std::span<const std::size_t> guide) {
  const auto shapes = scorer.Shapes();
  auto offers = [&](BeadShape shape) {
    return std::find(shapes.begin(), shapes.end(), shape) != shapes.end();
  };
  if (!offers({1, 0}) || !offers({0, 1})) {
    throw std::invalid_argument(
        "allinea::Align: the scorer must offer 1-0 and 0-1 beads");
  }
  if (!(options.temperature > 0)) {
    throw std::invalid_argument(
        "allinea::Align: the temperature must be positive");
  }
  const std::size_t longest = std::max(n, m);
  std::size_t width =
      options.band == 0 ? AlignOptions::kDefaultBand : options.band;
  const bool full = options.full || (n + 1) * (m + 1) <= options.exact_cells;
  if (!guide.empty() && guide.size() != n + 1) guide = {};
  for (;;) {
    SearchResult r = Search(n, m, scorer,
                            Corridor(n, m, width, guide, options.trust_guide,
                                     full || width >= longest));
    if (!full && r.touched_edge && options.widen && width < longest &&
        r.touched.size() * 8 < r.alignment.beads.size()) {
      // A few places: repair them. Many: search everything again, wider.
      internal::Repair(scorer, r.touched, options, r.alignment.beads);
      r.touched_edge = false;
      r.alignment.total_cost = 0;
      for (const Bead& b : r.alignment.beads) r.alignment.total_cost += b.cost;
    }
    // Done, unless the path still runs along the edge and the band may
    // still widen: as far as kMaxWidening, since searching the whole of a
    // large table would be quadratic (then the path found stands).
    if (full || !r.touched_edge || !options.widen || width >= longest ||
        width >= kMaxWidening) {
      r.alignment.band = full ? longest : width;
      if (options.scores) {
        internal::ScorePosteriors(n, m, scorer, options.temperature,
                                  r.alignment.beads);
      }
      return std::move(r.alignment);
    }
    width = std::min(longest, width * 2);
  }
}

}  // namespace allinea
