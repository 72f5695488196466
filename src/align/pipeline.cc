// AlignDocuments: features, length model, two passes of the search.
#include <algorithm>
#include <array>
#include <span>
#include <utility>
#include <vector>

#include "allinea/align.h"

namespace allinea {
namespace {

// Alignment passes; each re-estimates the length model from the last.
constexpr int kMaxPasses = 2;

// Sentences the anchor points must span on each side before the first
// length model is taken from between them rather than from the totals.
constexpr std::size_t kMinModelSpan = 20;

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

BeadShape ShapeOf(const Bead& b) {
  return {static_cast<std::uint8_t>(b.src_end - b.src_begin),
          static_cast<std::uint8_t>(b.tgt_end - b.tgt_begin)};
}

// The guide along an alignment's path: where the path stands on each row.
std::vector<std::size_t> PathGuide(const Alignment& a, std::size_t n) {
  std::vector<std::size_t> guide(n + 1, 0);
  for (const Bead& b : a.beads) {
    for (std::size_t i = b.src_begin; i <= b.src_end; ++i)
      guide[i] = b.tgt_begin;
    guide[b.src_end] = b.tgt_end;
  }
  return guide;
}

}  // namespace

Alignment AlignDocuments(const Document& src, const Document& tgt,
                         const AlignDocumentsOptions& options) {
  const Features features = ExtractFeatures(src, tgt, options.anchors);
  const std::size_t n = src.sentences.size();
  const std::size_t m = tgt.sentences.size();

  // Align along the anchor points, learn the ratio and variance from the
  // 1-1 beads found, and align again along the path found, until the beads
  // stop changing (a few passes at most).
  // Without anchor points the guide is the diagonal, untrusted: the
  // corridor covers it only while the path stays near it.
  const std::vector<AnchorPoint> points = FindAnchorPoints(features);
  std::vector<std::size_t> guide = GuideThrough(points, n, m);
  // The first length model from the stretch the anchor points span, when
  // they span enough of it: a translation that stops halfway, or a preface
  // on one side, would skew the totals.
  LengthModel model = EstimateLengthModel(features);
  if (points.size() >= 2 &&
      points.back().src - points.front().src >= kMinModelSpan &&
      points.back().tgt - points.front().tgt >= kMinModelSpan) {
    const std::span<const SentenceFeatures> src_span(features.src);
    const std::span<const SentenceFeatures> tgt_span(features.tgt);
    model = EstimateLengthModel(
        src_span.subspan(points.front().src,
                         points.back().src - points.front().src + 1),
        tgt_span.subspan(points.front().tgt,
                         points.back().tgt - points.front().tgt + 1));
  }
  Alignment alignment;
  AlignOptions search = options.search;
  search.trust_guide = !points.empty();
  if (points.empty() && !search.full &&
      (n + 1) * (m + 1) > search.exact_cells) {
    // No anchor points to lead the way: the guide comes from the documents
    // aligned as blocks, coarse to fine, so that a long one-sided stretch (a
    // preface, front matter) does not lead the corridor astray.
    guide = CoarseGuide(features, model, options.weights, search.exact_cells);
    search.trust_guide = true;
  }
  double paragraph_agreement = -1;         // from the paragraph counts at first
  ScoreWeights weights = options.weights;  // bead priors re-estimated
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    const bool last = pass + 1 == kMaxPasses;
    const DocumentScorer scorer(src, tgt, features, model, weights,
                                paragraph_agreement);
    search.scores = false;
    search.widen = last;
    Alignment next = Align(n, m, scorer, search, guide);
    if (pass > 0) {
      // Never worse than the pass before, under this pass's model (a
      // narrower corridor can lose a path the first one found).
      double before = 0;
      for (const Bead& b : alignment.beads) {
        before += scorer.Cost(b.src_begin, b.tgt_begin, ShapeOf(b));
      }
      if (before < next.total_cost) {
        next = alignment;
        for (Bead& b : next.beads)
          b.cost = scorer.Cost(b.src_begin, b.tgt_begin, ShapeOf(b));
        next.total_cost = before;
      }
    }
    const bool stable = pass > 0 && SameRanges(next, alignment);
    alignment = std::move(next);
    if (last || stable) {
      if (options.search.scores) {
        ScoreBeads(n, m, scorer, options.search.temperature, alignment.beads);
      }
      break;
    }
    std::vector<std::pair<double, double>> lengths;
    for (const Bead& b : alignment.beads) {
      if (b.src_end - b.src_begin == 1 && b.tgt_end - b.tgt_begin == 1) {
        lengths.emplace_back(model.SourceLength(features.src[b.src_begin]),
                             model.TargetLength(features.tgt[b.tgt_begin]));
      }
    }
    model = ReestimateLengthModel(model, lengths);
    std::vector<std::array<std::size_t, 4>> beads;
    beads.reserve(alignment.beads.size());
    for (const Bead& b : alignment.beads) {
      beads.push_back({b.src_begin, b.src_end, b.tgt_begin, b.tgt_end});
    }
    paragraph_agreement = EstimateParagraphAgreement(src, tgt, beads);
    weights = EstimateBeadPriors(options.weights, beads);
    guide = PathGuide(alignment, n);
    search.trust_guide = false;
    // The next pass stays near this path: a narrower corridor suffices
    // (it still widens where the path moves away).
    search.band = AlignOptions::kRefineBand;
  }
  return alignment;
}

}  // namespace allinea
