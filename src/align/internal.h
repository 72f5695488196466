// Private to the align stage: the pieces the search shares with the
// scores and the repair of edge contacts.
#ifndef ALLINEA_SRC_ALIGN_INTERNAL_H_
#define ALLINEA_SRC_ALIGN_INTERNAL_H_

#include <cstddef>
#include <vector>

#include "allinea/align.h"

namespace allinea::internal {

// The cells a search visited: source positions [lo[d], hi[d]] of each
// anti-diagonal d = i + j.
struct Cells {
  std::vector<std::size_t> lo;
  std::vector<std::size_t> hi;
  [[nodiscard]] bool Has(std::size_t d, std::size_t i) const {
    return d < lo.size() && i >= lo[d] && i <= hi[d];
  }
};

// Sets each bead's score to its posterior probability among all the
// alignments near the path, each weighted exp(-cost / temperature). The
// forward and backward sums run on two threads; an error in either reaches
// the caller. (posterior.cc)
void ScorePosteriors(std::size_t n, std::size_t m, const Scorer& scorer,
                     double temperature, std::vector<Bead>& beads);

// Where the path ran along the corridor's edge at `touched` beads, searches
// the stretches around them again and splices the result into `beads`.
// (repair.cc)
void Repair(const Scorer& scorer, const std::vector<std::size_t>& touched,
            const AlignOptions& options, std::vector<Bead>& beads);

// The guide (per source position in [0, n]) along beads given in units of
// `size` sentences (1 for a sentence-level path): straight across each
// bead, from its first corner to its last. (coarse.cc)
std::vector<std::size_t> GuideAlong(const std::vector<Bead>& beads,
                                    std::size_t size, std::size_t n,
                                    std::size_t m);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_ALIGN_INTERNAL_H_
