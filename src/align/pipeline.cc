// AlignDocuments: features, length model, two passes of the search.
#include <utility>
#include <vector>

#include "allinea/align.h"

namespace allinea {

Alignment AlignDocuments(const Document& src, const Document& tgt,
                         const AlignDocumentsOptions& options) {
  const Features features = ExtractFeatures(src, tgt, options.anchors);
  const std::size_t n = src.sentences.size();
  const std::size_t m = tgt.sentences.size();
  LengthModel model = EstimateLengthModel(features);

  // First pass with the prior variance; then learn the variance from the
  // 1-1 beads it found and align again.
  const DocumentScorer first(src, tgt, features, model, options.weights);
  const Alignment draft = Align(n, m, first, options.search);
  std::vector<std::pair<double, double>> lengths;
  for (const Bead& b : draft.beads) {
    if (b.src_end - b.src_begin == 1 && b.tgt_end - b.tgt_begin == 1) {
      lengths.emplace_back(model.SourceLength(features.src[b.src_begin]),
                           model.TargetLength(features.tgt[b.tgt_begin]));
    }
  }
  model = ReestimateVariance(model, lengths);
  const DocumentScorer second(src, tgt, features, model, options.weights);
  return Align(n, m, second, options.search);
}

}  // namespace allinea
