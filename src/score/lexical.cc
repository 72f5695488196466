// LexicalScorer: a bead's lexical cost from the concept vectors of its
// sentences, by sentence pairs.
#include "score/lexical.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

namespace allinea::internal {

std::span<MatchHits::Hit> MatchHits::Best() {
  Hit* first = heap_.empty() ? inline_.data() : heap_.data();
  Hit* last = first + size_;
  if (size_ < 2) return {first, last};
  std::sort(first, last, [](const Hit& a, const Hit& b) {
    return a.occurrence < b.occurrence || (a.occurrence == b.occurrence && a.weight > b.weight);
  });
  Hit* out = first;
  for (Hit* h = first + 1; h != last; ++h) {
    if (h->occurrence != out->occurrence) *++out = *h;
  }
  return {first, out + 1};
}

LexicalScorer::Side LexicalScorer::MakeSide(const LexicalSide& side,
                                            const LexicalSide& other,
                                            std::size_t concepts, double p1,
                                            double scale) {
  Side out;
  // How many of the other side's sentences hold each concept.
  std::vector<std::uint32_t> df(concepts, 0);
  std::vector<std::uint32_t> last(concepts, std::numeric_limits<std::uint32_t>::max());
  for (std::size_t k = 0; k < other.sentences(); ++k) {
    for (std::uint32_t t : other.Terms(k)) {
      for (std::uint32_t c : other.Concepts(t)) {
        if (last[c] != k) {
          last[c] = static_cast<std::uint32_t>(k);
          ++df[c];
        }
      }
    }
  }
  const double n_other = std::max<double>(1, static_cast<double>(other.sentences()));
  const std::size_t terms = side.term_text.size();
  out.credit.resize(terms);
  out.miss.resize(terms);
  std::vector<std::uint8_t> speaks(terms, 0);
  for (std::uint32_t t = 0; t < terms; ++t) {
    double share = 0;
    for (std::uint32_t c : side.Concepts(t)) share += df[c] / n_other;
    const double p0 = std::min(kMaxChance, share);
    for (int k = 1; k <= 3; ++k) {
      const double p0k = 1 - std::pow(1 - p0, k);
      double gain = 0;
      double miss = 0;
      if (p1 > p0k && p0k > 0) {
        gain = scale * std::log(p1 / p0k);
        miss = scale * std::log((1 - p0k) / (1 - p1));
        speaks[t] = 1;
      }
      out.credit[t][k - 1] = static_cast<float>(gain + miss);
      out.miss[t][k - 1] = static_cast<float>(miss);
    }
  }
  const std::size_t n = side.sentences();
  out.term_begin = side.term_begin;
  out.occurrence_term = side.terms;
  out.entry_begin.reserve(n + 1);
  out.entry_begin.push_back(0);
  out.sentence.assign(n + 1, {});
  std::vector<std::pair<std::uint32_t, std::uint32_t>> entries;  // (concept, occurrence)
  for (std::size_t k = 0; k < n; ++k) {
    Side::Sentence& here = out.sentence[k];
    Side::Sentence& next = out.sentence[k + 1];
    next.miss_sum = here.miss_sum;
    entries.clear();
    for (std::uint32_t occ = side.term_begin[k]; occ < side.term_begin[k + 1]; ++occ) {
      const std::uint32_t t = side.terms[occ];
      if (speaks[t] == 0) continue;
      for (std::uint32_t c : side.Concepts(t)) entries.emplace_back(c, occ);
      for (int b = 0; b < 3; ++b) {
        here.full[b] += out.credit[t][b];
        next.miss_sum[b] += out.miss[t][b];
      }
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& [c, occ] : entries) {
      out.entry_concept.push_back(c);
      out.entry_occurrence.push_back(occ);
    }
    out.entry_begin.push_back(static_cast<std::uint32_t>(out.entry_concept.size()));
    here.has_entries = entries.empty() ? 0 : 1;
    for (int b = 0; b < 3; ++b) {
      next.gain_sum[b] = here.gain_sum[b] + here.full[b] - (next.miss_sum[b] - here.miss_sum[b]);
    }
  }
  return out;
}

LexicalScorer::LexicalScorer(const LexicalFeatures& features, const LexicalModel& model)
    : empty_(features.empty()),
      src_(MakeSide(features.src, features.tgt, features.concept_names.size(),
                    model.src_match, model.scale)),
      tgt_(MakeSide(features.tgt, features.src, features.concept_names.size(),
                    model.tgt_match, model.scale)),
      weight_(features.concept_weight) {}

LexicalScorer::PairCache LexicalScorer::MakeCache() const {
  PairCache cache;
  if (!empty_) cache.slots.resize(kCacheSlots);
  return cache;
}

void LexicalScorer::Match(std::size_t s, std::size_t t, MatchHits& src_hits,
                          MatchHits& tgt_hits) const {
  const std::uint32_t* const a_first = src_.entry_concept.data() + src_.entry_begin[s];
  const std::uint32_t* const a_end = src_.entry_concept.data() + src_.entry_begin[s + 1];
  const std::uint32_t* const b_first = tgt_.entry_concept.data() + tgt_.entry_begin[t];
  const std::uint32_t* const b_end = tgt_.entry_concept.data() + tgt_.entry_begin[t + 1];
  const std::uint32_t* a = a_first;
  const std::uint32_t* b = b_first;
  const std::uint32_t* a_occ = src_.entry_occurrence.data() + src_.entry_begin[s];
  const std::uint32_t* b_occ = tgt_.entry_occurrence.data() + tgt_.entry_begin[t];
  while (a != a_end && b != b_end) {
    const std::uint32_t ca = *a;
    const std::uint32_t cb = *b;
    if (ca != cb) {  // the common case: advance without a branch
      a += ca < cb ? 1 : 0;
      b += cb < ca ? 1 : 0;
      continue;
    }
    const float w = weight_[ca];
    for (; a != a_end && *a == ca; ++a) src_hits.push_back({a_occ[a - a_first], w});
    for (; b != b_end && *b == ca; ++b) tgt_hits.push_back({b_occ[b - b_first], w});
  }
}

LexicalScorer::PairValues LexicalScorer::Compute(std::size_t s, std::size_t t) const {
  PairValues v;
  v.s = static_cast<std::uint32_t>(s);
  v.t = static_cast<std::uint32_t>(t);
  if (src_.entry_begin[s] == src_.entry_begin[s + 1] ||
      tgt_.entry_begin[t] == tgt_.entry_begin[t + 1]) {
    return v;
  }
  MatchHits src_hits;
  MatchHits tgt_hits;
  Match(s, t, src_hits, tgt_hits);
  if (src_hits.empty()) return v;
  const auto credit = [](const Side& side, MatchHits& hits, std::array<float, 3>& out) {
    for (const MatchHits::Hit& h : hits.Best()) {
      const auto& c = side.credit[side.occurrence_term[h.occurrence]];
      for (int k = 0; k < 3; ++k) out[k] += h.weight * c[k];
    }
  };
  credit(src_, src_hits, v.src);
  credit(tgt_, tgt_hits, v.tgt);
  return v;
}

template <int kSrc, int kTgt>
double LexicalScorer::CostOf(std::size_t i, std::size_t j, PairCache* cache,
                             double cost) const {
  const Side::Sentence* src = src_.sentence.data() + i;
  const Side::Sentence* tgt = tgt_.sentence.data() + j;
  // Each sentence's credit, summed over the other side's, capped.
  std::array<float, kTgt> tgt_credit{};
  PairValues scratch;
  for (int x = 0; x < kSrc; ++x) {
    if (src[x].has_entries == 0) continue;  // nothing to match
    float src_credit = 0;
    for (int y = 0; y < kTgt; ++y) {
      if (tgt[y].has_entries == 0) continue;
      const PairValues& v = Pair(i + x, j + y, cache, scratch);
      src_credit += v.src[kTgt - 1];
      tgt_credit[y] += v.tgt[kSrc - 1];
    }
    cost -= std::min(src_credit, src[x].full[kTgt - 1]);
  }
  for (int y = 0; y < kTgt; ++y) cost -= std::min(tgt_credit[y], tgt[y].full[kSrc - 1]);
  return cost;
}

double LexicalScorer::CostMany(std::size_t i, std::size_t j, BeadShape shape,
                               PairCache* cache, double cost) const {
  switch (shape.src * 4 + shape.tgt) {
    case 2 * 4 + 1: return CostOf<2, 1>(i, j, cache, cost);
    case 1 * 4 + 2: return CostOf<1, 2>(i, j, cache, cost);
    case 2 * 4 + 2: return CostOf<2, 2>(i, j, cache, cost);
    case 3 * 4 + 1: return CostOf<3, 1>(i, j, cache, cost);
    case 1 * 4 + 3: return CostOf<1, 3>(i, j, cache, cost);
    case 3 * 4 + 2: return CostOf<3, 2>(i, j, cache, cost);
    case 2 * 4 + 3: return CostOf<2, 3>(i, j, cache, cost);
    case 3 * 4 + 3: return CostOf<3, 3>(i, j, cache, cost);
    default: return CostOf<1, 1>(i, j, cache, cost);  // 1-1 (REQUIRES: 1 to 3 a side)
  }
}

void LexicalScorer::CountMatches(std::size_t s, std::size_t t, double& src_matched,
                                 double& src_terms, double& tgt_matched,
                                 double& tgt_terms) const {
  if (empty_) return;
  MatchHits src_hits;
  MatchHits tgt_hits;
  Match(s, t, src_hits, tgt_hits);
  // Only terms that speak (have entries) count.
  const auto count = [](const Side& side, std::size_t k, MatchHits& hits, double& matched,
                        double& terms) {
    for (std::uint32_t occ = side.term_begin[k]; occ < side.term_begin[k + 1]; ++occ) {
      if (side.credit[side.occurrence_term[occ]][0] != 0) terms += 1;
    }
    for (const MatchHits::Hit& h : hits.Best()) matched += h.weight;
  };
  count(src_, s, src_hits, src_matched, src_terms);
  count(tgt_, t, tgt_hits, tgt_matched, tgt_terms);
}

}  // namespace allinea::internal

namespace allinea {

LexicalModel EstimateLexicalModel(const LexicalFeatures& features, const LexicalModel& model,
                                  const std::vector<std::array<std::size_t, 4>>& beads) {
  if (features.empty()) return model;
  const internal::LexicalScorer scorer(features, model);
  double src_matched = 0;
  double src_terms = 0;
  double tgt_matched = 0;
  double tgt_terms = 0;
  for (const auto& b : beads) {
    if (b[1] - b[0] != 1 || b[3] - b[2] != 1) continue;
    scorer.CountMatches(b[0], b[2], src_matched, src_terms, tgt_matched, tgt_terms);
  }
  const auto share = [](double matched, double terms, double prior) {
    const double p = (matched + kLexicalPseudoTerms * prior) / (terms + kLexicalPseudoTerms);
    return std::clamp(p, 0.05, 0.95);
  };
  LexicalModel out = model;
  out.src_match = share(src_matched, src_terms, model.src_match);
  out.tgt_match = share(tgt_matched, tgt_terms, model.tgt_match);
  return out;
}

}  // namespace allinea
