// allinea/align.h: the align stage, the best monotone sequence of beads.
//
// Align() is the search: a dynamic program over the bead shapes the Scorer
// offers that returns the sequence of beads of least total cost. It knows
// nothing of texts, only the Scorer. To keep time and memory linear it runs
// in a band around the diagonal from (0, 0) to (n, m); when the best path
// comes near the band's edge the band is doubled and the search repeated, so
// the result equals the full O(n*m) search unless the true path wanders
// farther from the diagonal than the band and back (see AlignOptions).
//
// AlignDocuments() is the whole pipeline over two segmented documents:
// features, a length model estimated from the pair, a first alignment, the
// length variance re-estimated from its 1-1 beads, and the final alignment.
//
// Invariants of an Alignment: beads cover every source and every target
// sentence, in order, exactly once; no bead is empty on both sides; every
// score is in [0, 1].
// Cost: O((n + m) * band) time and bytes of back-pointers, where band is the
// final half-width: the first one (64 sentences) unless the path strays.
// Thread safety: pure functions.
//
// Example:
//   allinea::Alignment a = allinea::AlignDocuments(src_doc, tgt_doc, {});
//   for (const auto& b : a.beads) ... b.src_begin, b.src_end, b.score ...
#ifndef ALLINEA_ALIGN_H_
#define ALLINEA_ALIGN_H_

#include <cstddef>
#include <vector>

#include "allinea/anchors.h"
#include "allinea/score.h"
#include "allinea/segment.h"

namespace allinea {

struct Bead {
  std::size_t src_begin = 0;  // source sentences [src_begin, src_end)
  std::size_t src_end = 0;
  std::size_t tgt_begin = 0;  // target sentences [tgt_begin, tgt_end)
  std::size_t tgt_end = 0;
  double cost = 0;   // the scorer's cost, nats
  double score = 0;  // the user-facing score in [0, 1], higher is better
  friend bool operator==(const Bead&, const Bead&) = default;
};

struct Alignment {
  std::vector<Bead> beads;
  double total_cost = 0;
  std::size_t band = 0;  // the half-width the search ended with
};

struct AlignOptions {
  // Half-width of the first band, in sentences; 0 picks kDefaultBand. The
  // band doubles while the best path touches its edge, so this is a speed
  // setting, not a limit.
  std::size_t band = 0;
  // Search the full n*m table (for tests and small inputs).
  bool full = false;
  static constexpr std::size_t kDefaultBand = 64;
};

// REQUIRES: the scorer describes documents of n and m sentences.
[[nodiscard]] Alignment Align(std::size_t n, std::size_t m,
                              const Scorer& scorer,
                              const AlignOptions& options = {});

struct AlignDocumentsOptions {
  AnchorOptions anchors;  // which anchor terms the features carry
  ScoreWeights weights;   // the scoring model's fixed constants
  AlignOptions search;    // the band of the search
};

[[nodiscard]] Alignment AlignDocuments(const Document& src,
                                       const Document& tgt,
                                       const AlignDocumentsOptions& options);

}  // namespace allinea

#endif  // ALLINEA_ALIGN_H_
