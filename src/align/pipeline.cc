// AlignDocuments: features, length model, two passes of the search.
#include <algorithm>
#include <utility>
#include <vector>

#include "allinea/align.h"

namespace allinea {
namespace {

// Alignment passes; each re-estimates the length model from the last.
constexpr int kMaxPasses = 4;

}  // namespace

Alignment AlignDocuments(const Document& src, const Document& tgt,
                         const AlignDocumentsOptions& options) {
  const Features features = ExtractFeatures(src, tgt, options.anchors);
  const std::size_t n = src.sentences.size();
  const std::size_t m = tgt.sentences.size();
  LengthModel model = EstimateLengthModel(features);

  // Align, learn the ratio and variance from the 1-1 beads found, and align
  // again, until the beads stop changing (a few passes at most).
  Alignment alignment;
  AlignOptions search = options.search;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    const DocumentScorer scorer(src, tgt, features, model, options.weights);
    Alignment next = Align(n, m, scorer, search);
    // Start the next pass where this one's band ended up.
    search.band = std::max(search.band, next.band);
    const bool stable = pass > 0 && next.beads == alignment.beads;
    alignment = std::move(next);
    if (stable) break;
    std::vector<std::pair<double, double>> lengths;
    for (const Bead& b : alignment.beads) {
      if (b.src_end - b.src_begin == 1 && b.tgt_end - b.tgt_begin == 1) {
        lengths.emplace_back(model.SourceLength(features.src[b.src_begin]),
                             model.TargetLength(features.tgt[b.tgt_begin]));
      }
    }
    model = ReestimateLengthModel(model, lengths);
  }
  return alignment;
}

}  // namespace allinea
