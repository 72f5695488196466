// The bead scores: posterior probabilities from forward and backward sums
// over the cells near the path.
#include <algorithm>
#include <memory>
#include <cmath>
#include <limits>
#include <vector>

#include "align/internal.h"
#include "allinea/align.h"
#include "internal/parallel.h"

namespace allinea::internal {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// log(exp(a) + exp(b)), safe for -infinity.
double LogAdd(double a, double b) {
  if (a < b) std::swap(a, b);
  if (b == -kInf) return a;
  return a + std::log1p(std::exp(b - a));
}

// Terms this far below the running total are left out of a log-sum: they
// change a score by less than 1e-5.
constexpr double kNegligible = 12;

// The posterior sums run over the cells within this many source positions
// of the path found, on each anti-diagonal: where the alternatives that
// matter to a bead's score lie (a boundary one or two sentences off).
constexpr std::size_t kPosteriorRadius = 3;

// The corridor of kPosteriorRadius around the beads' path: on the
// anti-diagonals a bead spans, the path's source position is interpolated
// between its corners.
Cells AroundPath(const std::vector<Bead>& beads, std::size_t n, std::size_t m) {
  Cells cells;
  cells.lo.assign(n + m + 1, 0);
  cells.hi.assign(n + m + 1, 0);
  auto set = [&](std::size_t d, std::size_t i) {
    const std::size_t first = d > m ? d - m : 0;
    const std::size_t last = std::min(n, d);
    cells.lo[d] = std::clamp(i > kPosteriorRadius ? i - kPosteriorRadius : 0,
                             first, last);
    cells.hi[d] = std::clamp(i + kPosteriorRadius, first, last);
  };
  set(0, 0);
  for (const Bead& b : beads) {
    const std::size_t d0 = b.src_begin + b.tgt_begin;
    const std::size_t d1 = b.src_end + b.tgt_end;
    for (std::size_t d = d0 + 1; d <= d1; ++d) {
      set(d,
          b.src_begin + ((d - d0) * (b.src_end - b.src_begin) + (d1 - d0) / 2) /
                            (d1 - d0));
    }
  }
  return cells;
}

// The log of the summed weights of all paths through `cells` from (0, 0)
// to each bead's start (forward) or from each bead's end to (n, m)
// (backward), streamed one anti-diagonal at a time; and the total.
class PathSums {
 public:
  PathSums(std::size_t n, std::size_t m, const Scorer& scorer,
           const Cells& cells, double temperature)
      : n_(n),
        m_(m),
        scorer_(scorer),
        cells_(cells),
        temperature_(temperature) {
    for (const BeadShape& s : scorer.Shapes()) {
      ring_ = std::max<std::size_t>(ring_, s.src + s.tgt + 1);
    }
  }

  // At each bead's start; returns the total over all paths.
  double Forward(const std::vector<Bead>& beads,
                 std::vector<double>& at) const {
    const std::unique_ptr<Scorer> session = scorer_.Session();
    const Scorer& scorer = session ? *session : scorer_;
    std::vector<std::vector<double>> sum(ring_);
    at.assign(beads.size(), -kInf);
    std::size_t next = 0;
    const std::size_t last = n_ + m_;
    for (std::size_t d = 0; d <= last; ++d) {
      const std::size_t lo = cells_.lo[d];
      std::vector<double>& diag = sum[d % ring_];
      diag.assign(cells_.hi[d] - lo + 1, -kInf);
      for (std::size_t i = lo; i <= cells_.hi[d]; ++i) {
        const std::size_t j = d - i;
        double total = d == 0 ? 0 : -kInf;
        for (const BeadShape& shape : scorer_.Shapes()) {
          if (shape.src > i || shape.tgt > j) continue;
          const std::size_t pd = d - shape.src - shape.tgt;
          const std::size_t pi = i - shape.src;
          if (!cells_.Has(pd, pi)) continue;
          total = Add(scorer, total, sum[pd % ring_][pi - cells_.lo[pd]], pi,
                      j - shape.tgt, shape);
        }
        diag[i - lo] = total;
      }
      while (next < beads.size() &&
             beads[next].src_begin + beads[next].tgt_begin == d) {
        at[next] = diag[beads[next].src_begin - lo];
        ++next;
      }
    }
    return sum[last % ring_][n_ - cells_.lo[last]];
  }

  // At each bead's end.
  void Backward(const std::vector<Bead>& beads, std::vector<double>& at) const {
    const std::unique_ptr<Scorer> session = scorer_.Session();
    const Scorer& scorer = session ? *session : scorer_;
    std::vector<std::vector<double>> sum(ring_);
    at.assign(beads.size(), -kInf);
    std::size_t prev = beads.size();
    const std::size_t last = n_ + m_;
    for (std::size_t d = last + 1; d-- > 0;) {
      const std::size_t lo = cells_.lo[d];
      std::vector<double>& diag = sum[d % ring_];
      diag.assign(cells_.hi[d] - lo + 1, -kInf);
      for (std::size_t i = lo; i <= cells_.hi[d]; ++i) {
        const std::size_t j = d - i;
        double total = d == last ? 0 : -kInf;
        for (const BeadShape& shape : scorer_.Shapes()) {
          if (i + shape.src > n_ || j + shape.tgt > m_) continue;
          const std::size_t nd = d + shape.src + shape.tgt;
          const std::size_t ni = i + shape.src;
          if (!cells_.Has(nd, ni)) continue;
          total = Add(scorer, total, sum[nd % ring_][ni - cells_.lo[nd]], i, j, shape);
        }
        diag[i - lo] = total;
      }
      while (prev > 0 &&
             beads[prev - 1].src_end + beads[prev - 1].tgt_end == d) {
        --prev;
        at[prev] = diag[beads[prev].src_end - lo];
      }
    }
  }

 private:
  // total + the weight of the paths through the bead of `shape` at (i, j)
  // whose other part sums to `other`; beads too costly to matter skipped.
  double Add(const Scorer& scorer, double total, double other, std::size_t i,
             std::size_t j, BeadShape shape) const {
    if (other == -kInf) return total;
    const double limit = (other - total + kNegligible) * temperature_;
    const double c = scorer.CostBelow(i, j, shape, limit);
    if (c >= limit) return total;
    return LogAdd(total, other - c / temperature_);
  }

  std::size_t n_, m_;
  const Scorer& scorer_;
  const Cells& cells_;
  double temperature_;
  std::size_t ring_ = 1;
};

}  // namespace

// Sets each bead's score to its posterior probability among all the
// alignments near the path, each weighted exp(-cost / temperature). The
// forward and backward sums run on two threads.
void ScorePosteriors(std::size_t n, std::size_t m, const Scorer& scorer,
                     double temperature, std::vector<Bead>& beads) {
  const Cells cells = AroundPath(beads, n, m);
  const PathSums sums(n, m, scorer, cells, temperature);
  std::vector<double> forward;
  std::vector<double> backward;
  double z = 0;
  RunBoth([&] { z = sums.Forward(beads, forward); },
          [&] { sums.Backward(beads, backward); });
  for (std::size_t k = 0; k < beads.size(); ++k) {
    const double log_p =
        forward[k] - beads[k].cost / temperature + backward[k] - z;
    beads[k].score =
        std::isfinite(log_p) ? std::clamp(std::exp(log_p), 0.0, 1.0) : 0.0;
  }
}

}  // namespace allinea::internal

namespace allinea {

void ScoreBeads(std::size_t n, std::size_t m, const Scorer& scorer,
                double temperature, std::vector<Bead>& beads) {
  internal::ScorePosteriors(n, m, scorer, temperature, beads);
}

}  // namespace allinea
