// allinea/align.h: the align stage, the best monotone sequence of beads.
//
// Align() is the search: a dynamic program over the bead shapes the Scorer
// offers that returns the sequence of beads of least total cost. It knows
// nothing of texts, only the Scorer. Small tables (AlignOptions::exact_cells)
// are searched whole. Larger ones are searched in a corridor along
// anti-diagonals i + j: each visits the source positions within `band` of
// where the best cell of the one before stands, joined with those within
// `band` of a guide when one is given, plus a margin that grows where the
// path's cost climbs fast. So the corridor follows the path wherever it goes
// (a truncated translation, a long omission) and time and memory grow with
// (n + m) * band, not n * m. Where the path runs along the corridor's edge,
// the stretch around it is searched again, whole, and spliced in (or, when
// that happens often, the band is doubled, up to 1024, and everything
// searched again). Scores are posterior probabilities: see Bead::score.
//
// FindAnchorPoints() picks the guide: sentence pairs that share rare
// anchor terms (a name, a figure, a date that occurs at most
// kMaxAnchorTermCount times per side), weighted by how rare, of which
// the heaviest chain that is monotone in both documents is kept, less the
// points that agree with neither neighbour and then the runs of points that
// the chain is consistent without (two points agree when the step between
// them keeps the pair's ratio of sentences within 16 sentences plus a
// quarter of the step; a run is dropped when its neighbours agree across it
// and it is no longer than they are). Without anchor points, CoarseGuide()
// gives the guide.
//
// AlignDocuments() is the whole pipeline over two segmented documents:
// features, anchor points, a length model from the stretch they span (or
// the totals), a first pass guided by the points (or the coarse guide); the
// length model, the bead priors and the paragraph agreement re-estimated from
// it; and a second pass along the first one's path, which keeps the cheaper
// of the two paths and scores its beads.
//
// Invariants of an Alignment: beads cover every source and every target
// sentence, in order, exactly once; no bead is empty on both sides; every
// score is in [0, 1].
// Cost: O((n + m) * band) time and bytes of back-pointers, plus O(n + m)
// for the corridor, the guide and the scores; about 1 KB per sentence pair
// in all at a million sentences (docs/benchmarks.md).
// Thread safety: no shared state; Align() and AlignDocuments() call the
// Scorer (and extract features) from two threads at once, so a Scorer must
// allow concurrent calls (DocumentScorer does). Errors from either thread
// reach the caller.
//
// Example:
//   allinea::Alignment a = allinea::AlignDocuments(src_doc, tgt_doc, {});
//   for (const auto& b : a.beads) ... b.src_begin, b.src_end, b.score ...
#ifndef ALLINEA_ALIGN_H_
#define ALLINEA_ALIGN_H_

#include <cstddef>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "allinea/anchors.h"
#include "allinea/learn.h"
#include "allinea/score.h"
#include "allinea/segment.h"

namespace allinea {

struct Bead {
  std::size_t src_begin = 0;  // source sentences [src_begin, src_end)
  std::size_t src_end = 0;
  std::size_t tgt_begin = 0;  // target sentences [tgt_begin, tgt_end)
  std::size_t tgt_end = 0;
  double cost = 0;  // the scorer's cost, nats
  // The posterior probability of the bead: the share of all alignments in
  // the cells within 3 source positions of the path on every anti-diagonal,
  // each alignment weighted exp(-cost / temperature), that
  // contain it. In [0, 1], higher is better; calibrated on the gold pairs.
  double score = 0;
  friend bool operator==(const Bead&, const Bead&) = default;
};

struct Alignment {
  std::vector<Bead> beads;
  double total_cost = 0;
  std::size_t band = 0;  // the half-width the search ended with
};

// How the search covers the table: a corridor (linear; the default) or the
// whole table (quadratic: a baseline).
enum class SearchMode { kCorridor, kFull };
// "corridor" or "full"; throws UsageError naming the valid values.
[[nodiscard]] SearchMode ParseSearchMode(std::string_view name);
[[nodiscard]] std::string_view SearchModeName(SearchMode mode);

struct AlignOptions {
  // Half-width of the corridor, in sentences; 0 picks kDefaultBand. The
  // band doubles while the best path touches its edge, so this is a speed
  // setting, not a limit.
  std::size_t band = 0;
  // Search the full n*m table whatever its size (a baseline; quadratic).
  bool full = false;
  // Tables of up to (n + 1) * (m + 1) = exact_cells cells are searched
  // whole: exact, and fast at that size.
  std::size_t exact_cells = kDefaultExactCells;
  // A trusted guide (anchor points) is followed alone where the path found
  // strays more than 1024 positions from it; an untrusted one (the diagonal,
  // a previous pass's path) is covered only within 64 and ignored beyond.
  bool trust_guide = true;
  // Double the band and search again when the path runs along an edge of
  // the corridor; a first pass that a second one will correct can skip it.
  bool widen = true;
  // Score the beads (Bead::score); a pass whose scores nobody reads can
  // leave them at 0.
  bool scores = true;
  // The temperature of the posterior scores: each alignment weighs
  // exp(-cost / temperature). See kDefaultTemperature.
  double temperature = kDefaultTemperature;
  static constexpr std::size_t kDefaultBand = 8;
  // The costs are nats, so 1; checked against the gold pairs
  // (docs/quality.md): 0.5 calibrates the low scores better but makes fewer
  // of the beads scored 0.9 or more right on the synthetic corpus.
  static constexpr double kDefaultTemperature = 1.0;
  // The band of the passes that follow a previous pass's path.
  static constexpr std::size_t kRefineBand = 4;
  static constexpr std::size_t kDefaultExactCells = std::size_t{1} << 20;
};

// A guide gives, for each source position i in [0, n], the target position
// the path is expected near; non-decreasing, at most m. An empty guide (or
// one of another size) means none.
// REQUIRES: the scorer describes documents of n and m sentences.
[[nodiscard]] Alignment Align(std::size_t n, std::size_t m,
                              const Scorer& scorer,
                              const AlignOptions& options = {},
                              std::span<const std::size_t> guide = {});

// A sentence pair (src, tgt) that shares rare anchor terms; weight is the
// sum of their rarities (AnchorRarity()) over the number of pairs each term
// forms.
struct AnchorPoint {
  std::size_t src = 0;
  std::size_t tgt = 0;
  double weight = 0;
  friend bool operator==(const AnchorPoint&, const AnchorPoint&) = default;
};
// Anchor terms that occur more often than this on either side are not used
// for anchor points (they still count in the score).
inline constexpr std::size_t kMaxAnchorTermCount = 3;

// The heaviest chain of anchor points, strictly increasing in both src and
// tgt, from terms other than punctuation, quotation and list marks and
// dialogue labels.
// O(k log k) for k candidate pairs (at most 9 per term).
[[nodiscard]] std::vector<AnchorPoint> FindAnchorPoints(
    const Features& features);

// The coarse-to-fine guide, for pairs without anchor points: the documents
// cut into blocks of 4 sentences (summed lengths, united anchors), aligned in
// a corridor along the alignment of blocks 16 times larger, and so on up to
// blocks few enough to be searched whole (exact_cells); the guide runs
// straight across each block bead. O((n + m) * band) over all levels.
[[nodiscard]] std::vector<std::size_t> CoarseGuide(const Features& features,
                                                   const LengthModel& model,
                                                   const ScoreWeights& weights,
                                                   std::size_t exact_cells);

// Sets each bead's score (Bead::score) to its posterior probability under
// `scorer`, as Align() does when AlignOptions::scores is set.
void ScoreBeads(std::size_t n, std::size_t m, const Scorer& scorer,
                double temperature, std::vector<Bead>& beads);

// The guide through `points` (sorted, strictly increasing): piecewise linear
// from (0, 0) through each point to (n, m).
[[nodiscard]] std::vector<std::size_t> GuideThrough(
    std::span<const AnchorPoint> points, std::size_t n, std::size_t m);

struct AlignDocumentsOptions {
  AnchorOptions anchors;  // which anchor terms the features carry
  ScoreWeights weights;   // the scoring model's fixed constants
  // The search: `full`, `exact_cells`, `scores` and `temperature` hold for
  // the whole pipeline, `band` for the first pass (the second follows the
  // first one's path with kRefineBand); `widen` and `trust_guide` are set
  // by the pipeline.
  AlignOptions search;
  // Whether the second pass also uses a lexicon learnt from the first
  // pass's sure beads (learn.h), and how it is learnt.
  LearnMode learn = LearnMode::kPair;
  LearnOptions learning;
};

[[nodiscard]] Alignment AlignDocuments(const Document& src, const Document& tgt,
                                       const AlignDocumentsOptions& options);

// The sentence pairs an alignment is sure of, to learn words from
// (learn.h): its 1-1 beads between two other 1-1 beads (next to an omission
// or a merge is where a first pass errs) scored at least `min_score` (0
// for an alignment without scores).
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> SurePairs(
    const std::vector<Bead>& beads, double min_score = 0);
// The same over features already extracted, ExtractFeatures(src, tgt,
// options.anchors), for a caller that needs them too (the check).
// REQUIRES: `features` describe `src` and `tgt`.
[[nodiscard]] Alignment AlignDocuments(const Document& src, const Document& tgt,
                                       const Features& features,
                                       const AlignDocumentsOptions& options);

}  // namespace allinea

#endif  // ALLINEA_ALIGN_H_
