// Local repair of the places where the search's path met the corridor's
// edge.
#include <algorithm>
#include <memory>
#include <vector>

#include "align/internal.h"
#include "allinea/align.h"

namespace allinea::internal {
namespace {

// A scorer for the sub-table that starts at (i0, j0) of another's.
class OffsetScorer final : public Scorer {
 public:
  OffsetScorer(const Scorer& base, std::size_t i0, std::size_t j0)
      : base_(base), i0_(i0), j0_(j0) {}
  [[nodiscard]] std::span<const BeadShape> Shapes() const override {
    return base_.Shapes();
  }
  [[nodiscard]] double Cost(std::size_t i, std::size_t j,
                            BeadShape shape) const override {
    return base_.Cost(i0_ + i, j0_ + j, shape);
  }
  [[nodiscard]] double CostBelow(std::size_t i, std::size_t j, BeadShape shape,
                                 double limit) const override {
    return base_.CostBelow(i0_ + i, j0_ + j, shape, limit);
  }
  // The base's session, offset the same way.
  [[nodiscard]] std::unique_ptr<Scorer> Session() const override {
    std::unique_ptr<Scorer> session = base_.Session();
    if (!session) return nullptr;
    auto offset = std::make_unique<OffsetScorer>(*session, i0_, j0_);
    offset->owned_ = std::move(session);
    return offset;
  }

 private:
  const Scorer& base_;
  std::size_t i0_, j0_;
  std::unique_ptr<Scorer> owned_;  // the session base_ refers to, if any
};

// Beads either side of a touched one that a repair searches again.
constexpr std::size_t kRepairBeads = 64;

}  // namespace

// Where the path ran along the corridor's edge at a few places, searches
// each stretch of kRepairBeads beads around them again, whole (or in a wider
// corridor if large), between the path's own bead boundaries, and splices
// the result in: a local repair instead of a second search of everything.
void Repair(const Scorer& scorer, const std::vector<std::size_t>& touched,
            const AlignOptions& options, std::vector<Bead>& beads) {
  std::vector<Bead> out;
  out.reserve(beads.size());
  std::size_t done = 0;  // beads [0, done) are settled
  std::size_t t = 0;
  while (t < touched.size()) {
    const std::size_t a =
        touched[t] > kRepairBeads ? touched[t] - kRepairBeads : 0;
    std::size_t b = std::min(beads.size(), touched[t] + kRepairBeads + 1);
    // Merge the windows that overlap.
    while (t + 1 < touched.size() && touched[t + 1] <= b + kRepairBeads) {
      ++t;
      b = std::min(beads.size(), touched[t] + kRepairBeads + 1);
    }
    ++t;
    const std::size_t first = std::max(a, done);
    out.insert(out.end(), beads.begin() + static_cast<std::ptrdiff_t>(done),
               beads.begin() + static_cast<std::ptrdiff_t>(first));
    const std::size_t i0 = beads[first].src_begin;
    const std::size_t j0 = beads[first].tgt_begin;
    const std::size_t i1 = beads[b - 1].src_end;
    const std::size_t j1 = beads[b - 1].tgt_end;
    AlignOptions sub = options;
    sub.scores = false;
    sub.band =
        std::max<std::size_t>(options.band, AlignOptions::kDefaultBand) * 2;
    const Alignment local =
        Align(i1 - i0, j1 - j0, OffsetScorer(scorer, i0, j0), sub);
    for (Bead bead : local.beads) {
      bead.src_begin += i0, bead.src_end += i0;
      bead.tgt_begin += j0, bead.tgt_end += j0;
      out.push_back(bead);
    }
    done = b;
  }
  out.insert(out.end(), beads.begin() + static_cast<std::ptrdiff_t>(done),
             beads.end());
  beads = std::move(out);
}

}  // namespace allinea::internal
