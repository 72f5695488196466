// AlignDocuments: features, anchor points, a first pass, the words it
// teaches, and a second pass.
#include <algorithm>
#include <array>
#include <atomic>
#include <span>
#include <utility>
#include <vector>

#include "align/internal.h"
#include "allinea/align.h"
#include "allinea/learn.h"
#include "internal/parallel.h"

namespace allinea {
namespace {

// Sentences the anchor points must span on each side before the first
// length model is taken from between them rather than from the totals.
constexpr std::size_t kMinModelSpan = 20;

BeadShape ShapeOf(const Bead& b) {
  return {static_cast<std::uint8_t>(b.src_end - b.src_begin),
          static_cast<std::uint8_t>(b.tgt_end - b.tgt_begin)};
}

// The first length model: from the stretch the anchor points span, when
// they span enough of it (a translation that stops halfway, or a preface on
// one side, would skew the totals); else from the totals.
LengthModel FirstLengthModel(const Features& features,
                             const std::vector<AnchorPoint>& points) {
  if (points.size() < 2 ||
      points.back().src - points.front().src < kMinModelSpan ||
      points.back().tgt - points.front().tgt < kMinModelSpan) {
    return EstimateLengthModel(features);
  }
  const std::span<const SentenceFeatures> src(features.src);
  const std::span<const SentenceFeatures> tgt(features.tgt);
  return EstimateLengthModel(
      src.subspan(points.front().src,
                  points.back().src - points.front().src + 1),
      tgt.subspan(points.front().tgt,
                  points.back().tgt - points.front().tgt + 1));
}

// What a first alignment teaches about the pair: the length model from its
// 1-1 beads, the bead priors from its shapes, the paragraph agreement from
// its openings, the share of dictionary terms its 1-1 beads match.
struct Learnt {
  LengthModel model;
  ScoreWeights weights;
  double paragraph_agreement = -1;
  LexicalModel lexical;
};

// `lexical_beads`, when not empty, are the beads the lexical model is
// estimated on (else the alignment's).
Learnt Learn(const Document& src, const Document& tgt, const Features& features,
             const LexicalFeatures& words, const LengthModel& model,
             const ScoreWeights& weights, const LexicalModel& lexical,
             const Alignment& alignment,
             const std::vector<std::array<std::size_t, 4>>& lexical_beads) {
  std::vector<std::pair<double, double>> lengths;
  std::vector<std::array<std::size_t, 4>> beads;
  beads.reserve(alignment.beads.size());
  for (const Bead& b : alignment.beads) {
    if (b.src_end - b.src_begin == 1 && b.tgt_end - b.tgt_begin == 1) {
      lengths.emplace_back(model.SourceLength(features.src[b.src_begin]),
                           model.TargetLength(features.tgt[b.tgt_begin]));
    }
    beads.push_back({b.src_begin, b.src_end, b.tgt_begin, b.tgt_end});
  }
  return {ReestimateLengthModel(model, lengths), EstimateBeadPriors(weights, beads),
          EstimateParagraphAgreement(src, tgt, beads),
          EstimateLexicalModel(words, lexical, lexical_beads.empty() ? beads : lexical_beads)};
}

std::size_t TextBytes(const Document& doc) {
  std::size_t bytes = 0;
  for (const Sentence& s : doc.sentences) bytes += s.normalized.size();
  return bytes;
}

// One sure pair in kHoldOut is held out of training: the share of terms
// that match (LexicalModel) is estimated on those, since on the pairs a
// lexicon was learnt from its words match more often than anywhere else.
constexpr std::size_t kHoldOut = 5;

// The lexical features with a lexicon learnt from `first`'s sure pairs
// added (empty when nothing was learnt), and the sure pairs held out.
LexicalFeatures LearnWords(const Features& features, const Alignment& first,
                           const DocumentWords& src_words, const DocumentWords& tgt_words,
                           const LearnOptions& options,
                           std::vector<std::array<std::size_t, 4>>& held_out) {
  std::vector<std::pair<std::size_t, std::size_t>> train;
  const std::vector<std::pair<std::size_t, std::size_t>> sure = SurePairs(first.beads);
  for (std::size_t k = 0; k < sure.size(); ++k) {
    const auto [s, t] = sure[k];
    if (k % kHoldOut == kHoldOut - 1) {
      held_out.push_back({s, s + 1, t, t + 1});
    } else {
      train.emplace_back(s, t);
    }
  }
  // Too few sure pairs to hold one out teach nothing that holds either.
  if (held_out.empty()) return {};
  LexiconLearner learner(options);
  learner.Add(src_words, tgt_words, train);
  const std::vector<LearntPair> pairs = learner.Learn();
  if (pairs.empty()) {
    held_out.clear();
    return {};
  }
  LexicalFeatures words = features.lexical;
  AddLearntPairs(pairs, src_words, tgt_words, words);
  return words;
}

// Pass 1, the models it starts from, and the lexical features with what it
// taught added (empty when nothing was learnt) with the sure pairs held out
// of the learning.
struct FirstPass {
  LengthModel length;
  LexicalModel lexical;
  Alignment alignment;
  LexicalFeatures learnt_words;
  std::vector<std::array<std::size_t, 4>> held_out;
};

// Pass 1: along the anchor points; without any, along the documents
// aligned as blocks, coarse to fine, so that a long one-sided stretch (a
// preface, front matter) does not lead the corridor astray. (Tables small
// enough to search whole need no guide.)
FirstPass AlignFirst(const Document& src, const Document& tgt, const Features& features,
                     const AlignDocumentsOptions& options) {
  const std::size_t n = src.sentences.size();
  const std::size_t m = tgt.sentences.size();
  const std::vector<AnchorPoint> points = FindAnchorPoints(features);
  FirstPass first;
  first.length = FirstLengthModel(features, points);
  AlignOptions search = options.search;
  search.scores = false;
  search.widen = false;  // the second pass corrects what this one misses
  search.trust_guide = true;
  std::vector<std::size_t> guide;
  if (!points.empty()) {
    guide = GuideThrough(points, n, m);
  } else if (!search.full && (n + 1) * (m + 1) > search.exact_cells) {
    guide = CoarseGuide(features, first.length, options.weights, search.exact_cells);
  }
  // The share of dictionary terms that match, first from the anchor points
  // (sentence pairs that share rare figures and names translate each
  // other), else the prior.
  std::vector<std::array<std::size_t, 4>> point_beads;
  for (const AnchorPoint& p : points) point_beads.push_back({p.src, p.src + 1, p.tgt, p.tgt + 1});
  first.lexical = EstimateLexicalModel(features.lexical, LexicalModel{}, point_beads);
  const DocumentScorer scorer(src, tgt, features, first.length, options.weights, -1,
                              first.lexical);
  first.alignment = Align(n, m, scorer, search, guide);
  return first;
}

// Pass 1 and, with options.learn, the words it teaches (learn.h), next to
// the dictionaries'. The documents' words are tokenised meanwhile on the
// other core.
FirstPass AlignFirstAndLearn(const Document& src, const Document& tgt, const Features& features,
                             const AlignDocumentsOptions& options) {
  if (options.learn != LearnMode::kPair ||
      std::min(src.sentences.size(), tgt.sentences.size()) < kMinLearnSentences) {
    return AlignFirst(src, tgt, features, options);
  }
  FirstPass first;
  // Each document in kParts parts, the larger document's first: tasks taken
  // by whichever thread is free (the first pass's joins in when it is done).
  constexpr std::size_t kParts = 4;
  const bool src_first = TextBytes(src) >= TextBytes(tgt);
  std::array<DocumentWords, 2 * kParts> parts;
  std::atomic<std::size_t> next_task{0};
  const auto tokenise = [&] {
    for (std::size_t task; (task = next_task.fetch_add(1)) < parts.size();) {
      const Document& doc = (task < kParts) == src_first ? src : tgt;
      const std::size_t k = task % kParts;
      const std::size_t n = doc.sentences.size();
      parts[task] = ExtractWords(doc, n * k / kParts, n * (k + 1) / kParts);
    }
  };
  internal::RunBoth(tokenise, [&] {
    first = AlignFirst(src, tgt, features, options);
    tokenise();
  });
  DocumentWords src_words;
  DocumentWords tgt_words;
  for (std::size_t task = 0; task < parts.size(); ++task) {
    AppendWords((task < kParts) == src_first ? src_words : tgt_words, parts[task]);
  }
  first.learnt_words =
      LearnWords(features, first.alignment, src_words, tgt_words, options.learning,
                 first.held_out);
  return first;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> SurePairs(const std::vector<Bead>& beads,
                                                           double min_score) {
  const auto one_one = [&](std::size_t k) {
    return beads[k].src_end - beads[k].src_begin == 1 &&
           beads[k].tgt_end - beads[k].tgt_begin == 1;
  };
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t k = 1; k + 1 < beads.size(); ++k) {
    if (one_one(k - 1) && one_one(k) && one_one(k + 1) && beads[k].score >= min_score) {
      pairs.emplace_back(beads[k].src_begin, beads[k].tgt_begin);
    }
  }
  return pairs;
}

Alignment AlignDocuments(const Document& src, const Document& tgt,
                         const AlignDocumentsOptions& options) {
  return AlignDocuments(src, tgt, ExtractFeatures(src, tgt, options.anchors),
                        options);
}

Alignment AlignDocuments(const Document& src, const Document& tgt,
                         const Features& features,
                         const AlignDocumentsOptions& options) {
  const std::size_t n = src.sentences.size();
  const std::size_t m = tgt.sentences.size();
  const FirstPass first = AlignFirstAndLearn(src, tgt, features, options);
  const LexicalFeatures& words =
      first.learnt_words.empty() ? features.lexical : first.learnt_words;
  const Learnt learnt = Learn(src, tgt, features, words, first.length, options.weights,
                              first.lexical, first.alignment, first.held_out);

  // Pass 2: with what pass 1 taught, along its path in a narrower
  // corridor (which still widens, or is repaired, where the path moves
  // away); never worse than pass 1 under this model.
  const DocumentScorer final_scorer(src, tgt, features, learnt.model, learnt.weights,
                                    learnt.paragraph_agreement, learnt.lexical, &words);
  AlignOptions search = options.search;
  search.scores = false;  // below, for the path kept
  search.band = AlignOptions::kRefineBand;
  search.widen = true;
  search.trust_guide = false;
  Alignment alignment = Align(n, m, final_scorer, search,
                              internal::GuideAlong(first.alignment.beads, 1, n, m));
  double first_cost = 0;
  for (const Bead& b : first.alignment.beads) {
    first_cost += final_scorer.Cost(b.src_begin, b.tgt_begin, ShapeOf(b));
  }
  if (first_cost < alignment.total_cost) {
    alignment = first.alignment;
    for (Bead& b : alignment.beads) {
      b.cost = final_scorer.Cost(b.src_begin, b.tgt_begin, ShapeOf(b));
    }
    alignment.total_cost = first_cost;
  }
  if (options.search.scores) {
    ScoreBeads(n, m, final_scorer, options.search.temperature, alignment.beads);
  }
  return alignment;
}

}  // namespace allinea
