// AlignDocuments: features, length model, two passes of the search.
#include <algorithm>
#include <utility>
#include <vector>

#include "allinea/align.h"

namespace allinea {
namespace {

// Alignment passes; each re-estimates the length model from the last.
constexpr int kMaxPasses = 4;

// The same beads, whatever their costs.
bool SameRanges(const Alignment& a, const Alignment& b) {
  return std::equal(a.beads.begin(), a.beads.end(), b.beads.begin(),
                    b.beads.end(), [](const Bead& x, const Bead& y) {
                      return x.src_begin == y.src_begin &&
                             x.src_end == y.src_end &&
                             x.tgt_begin == y.tgt_begin &&
                             x.tgt_end == y.tgt_end;
                    });
}

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
    const bool stable = pass > 0 && SameRanges(next, alignment);
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
