// The coarse-to-fine guide: the documents aligned as blocks of sentences,
// from blocks small enough in number to be searched whole down to blocks of
// kFinestBlock sentences, each level in a corridor along the level above.
#include <algorithm>
#include <cmath>
#include <vector>

#include "align/internal.h"
#include "allinea/align.h"

namespace allinea {
namespace {

// Each level's blocks are this many times smaller than the level above's.
constexpr std::size_t kLevelFactor = 16;
// The finest level's blocks, in sentences; the guide is as good as them.
constexpr std::size_t kFinestBlock = 4;
// How far the ratio of lengths may stray from one block to another, as a
// share of the block's length (LengthModel::relative_sd).
constexpr double kBlockRelativeSd = 0.05;

// One side cut into blocks of `size` sentences: each block a "sentence" of a
// document with its own paragraph, whose features are its sentences' summed
// lengths and the union of their anchors.
struct Blocks {
  Document doc;
  std::vector<SentenceFeatures> features;
};

Blocks MakeBlocks(const std::vector<SentenceFeatures>& side, std::size_t size) {
  Blocks out;
  const std::size_t count = (side.size() + size - 1) / size;
  out.doc.sentences.resize(count);
  out.features.resize(count);
  for (std::size_t b = 0; b < count; ++b) {
    out.doc.sentences[b].paragraph = b;
    SentenceFeatures& f = out.features[b];
    const std::size_t end = std::min(side.size(), (b + 1) * size);
    for (std::size_t k = b * size; k < end; ++k) {
      f.length += side[k].length;
      f.cjk += side[k].cjk;
      f.anchors.insert(f.anchors.end(), side[k].anchors.begin(),
                       side[k].anchors.end());
    }
    std::sort(f.anchors.begin(), f.anchors.end());
    f.anchors.erase(std::unique(f.anchors.begin(), f.anchors.end()),
                    f.anchors.end());
  }
  out.doc.paragraph_count = count;
  return out;
}

// The guide from blocks of `size` sentences: searched whole when there are
// few enough of them, else along the guide of blocks kLevelFactor times
// larger.
std::vector<std::size_t> LevelGuide(const Features& features,
                                    const LengthModel& model,
                                    const ScoreWeights& weights,
                                    std::size_t size, std::size_t exact_cells) {
  const std::size_t n = features.src.size();
  const std::size_t m = features.tgt.size();
  Features coarse;
  Blocks src = MakeBlocks(features.src, size);
  Blocks tgt = MakeBlocks(features.tgt, size);
  coarse.src = std::move(src.features);
  coarse.tgt = std::move(tgt.features);
  coarse.vocabulary = features.vocabulary;
  const std::size_t nb = coarse.src.size();
  const std::size_t mb = coarse.tgt.size();
  AlignOptions options;
  options.scores = false;
  options.exact_cells = exact_cells;
  std::vector<std::size_t> block_guide;
  if ((nb + 1) * (mb + 1) > exact_cells) {
    // Guided by the level above, in units of this level's blocks.
    const std::vector<std::size_t> above =
        LevelGuide(features, model, weights, size * kLevelFactor, exact_cells);
    block_guide.resize(nb + 1);
    for (std::size_t b = 0; b <= nb; ++b) {
      block_guide[b] = std::min(mb, above[std::min(n, b * size)] / size);
    }
    block_guide[nb] = mb;
  }
  LengthModel block_model = model;
  block_model.relative_sd = kBlockRelativeSd;
  const DocumentScorer scorer(src.doc, tgt.doc, coarse, block_model, weights,
                              1.0);
  const Alignment a = Align(nb, mb, scorer, options, block_guide);
  return internal::GuideAlong(a.beads, size, n, m);
}

}  // namespace

std::vector<std::size_t> CoarseGuide(const Features& features,
                                     const LengthModel& model,
                                     const ScoreWeights& weights,
                                     std::size_t exact_cells) {
  return LevelGuide(features, model, weights, kFinestBlock,
                    std::max<std::size_t>(exact_cells, 1024));
}

}  // namespace allinea

namespace allinea::internal {

// The guide (per source position in [0, n]) along beads given in units of
// `size` sentences: straight across each bead, from its first corner to its
// last.
std::vector<std::size_t> GuideAlong(const std::vector<Bead>& beads,
                                    std::size_t size, std::size_t n,
                                    std::size_t m) {
  std::vector<std::size_t> guide(n + 1, 0);
  for (const Bead& b : beads) {
    const std::size_t i0 = std::min(n, b.src_begin * size);
    const std::size_t i1 = std::min(n, b.src_end * size);
    const std::size_t j0 = std::min(m, b.tgt_begin * size);
    const std::size_t j1 = std::min(m, b.tgt_end * size);
    if (i1 == i0) {
      guide[i0] = j1;  // target only: the guide jumps on this row
      continue;
    }
    for (std::size_t i = i0; i <= i1; ++i) {
      guide[i] = j0 + (i - i0) * (j1 - j0) / (i1 - i0);
    }
  }
  for (std::size_t i = 1; i <= n; ++i)
    guide[i] = std::max(guide[i], guide[i - 1]);
  guide[n] = m;
  return guide;
}

}  // namespace allinea::internal
