// LexicalScorer: a bead's lexical cost from the concept vectors of its
// sentences, by sentence pairs.
#include "score/lexical.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

namespace allinea::internal {
namespace {

// Occurrences of a sentence that fit on the stack (more go to the heap).
constexpr std::size_t kInline = 256;

}  // namespace

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
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t first = out.entries.size();
    Side::Sentence& here = out.sentence[k];
    Side::Sentence& next = out.sentence[k + 1];
    next.miss_sum = here.miss_sum;
    for (std::uint32_t occ = side.term_begin[k]; occ < side.term_begin[k + 1]; ++occ) {
      const std::uint32_t t = side.terms[occ];
      if (speaks[t] == 0) continue;
      for (std::uint32_t c : side.Concepts(t)) out.entries.push_back({c, occ});
      for (int b = 0; b < 3; ++b) {
        here.full[b] += out.credit[t][b];
        next.miss_sum[b] += out.miss[t][b];
      }
    }
    std::stable_sort(out.entries.begin() + static_cast<std::ptrdiff_t>(first), out.entries.end());
    out.entry_begin.push_back(static_cast<std::uint32_t>(out.entries.size()));
    here.has_entries = out.entries.size() > first ? 1 : 0;
    next.bound_sum = here.bound_sum + here.full[0];
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

void LexicalScorer::Match(std::size_t s, std::size_t t, float* src_w, float* tgt_w) const {
  const Entry* a = src_.entries.data() + src_.entry_begin[s];
  const Entry* a_end = src_.entries.data() + src_.entry_begin[s + 1];
  const Entry* b = tgt_.entries.data() + tgt_.entry_begin[t];
  const Entry* b_end = tgt_.entries.data() + tgt_.entry_begin[t + 1];
  const std::uint32_t s0 = src_.term_begin[s];
  const std::uint32_t t0 = tgt_.term_begin[t];
  while (a != a_end && b != b_end) {
    if (a->concept_id < b->concept_id) {
      ++a;
    } else if (b->concept_id < a->concept_id) {
      ++b;
    } else {
      const std::uint32_t c = a->concept_id;
      const float w = weight_[c];
      for (; a != a_end && a->concept_id == c; ++a) {
        float& m = src_w[a->occurrence - s0];
        m = std::max(m, w);
      }
      for (; b != b_end && b->concept_id == c; ++b) {
        float& m = tgt_w[b->occurrence - t0];
        m = std::max(m, w);
      }
    }
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
  const std::uint32_t s0 = src_.term_begin[s];
  const std::uint32_t s1 = src_.term_begin[s + 1];
  const std::uint32_t t0 = tgt_.term_begin[t];
  const std::uint32_t t1 = tgt_.term_begin[t + 1];
  std::array<float, kInline> src_inline;  // zeroed below, as far as used
  std::array<float, kInline> tgt_inline;
  std::vector<float> src_heap;
  std::vector<float> tgt_heap;
  float* sw = src_inline.data();
  float* tw = tgt_inline.data();
  if (s1 - s0 > kInline) {
    src_heap.resize(s1 - s0);
    sw = src_heap.data();
  }
  if (t1 - t0 > kInline) {
    tgt_heap.resize(t1 - t0);
    tw = tgt_heap.data();
  }
  std::fill_n(sw, s1 - s0, 0.0F);
  std::fill_n(tw, t1 - t0, 0.0F);
  Match(s, t, sw, tw);
  for (std::uint32_t occ = s0; occ < s1; ++occ) {
    if (const float w = sw[occ - s0]; w > 0) {
      const auto& credit = src_.credit[src_.occurrence_term[occ]];
      for (int k = 0; k < 3; ++k) v.src[k] += w * credit[k];
    }
  }
  for (std::uint32_t occ = t0; occ < t1; ++occ) {
    if (const float w = tw[occ - t0]; w > 0) {
      const auto& credit = tgt_.credit[tgt_.occurrence_term[occ]];
      for (int k = 0; k < 3; ++k) v.tgt[k] += w * credit[k];
    }
  }
  return v;
}

const LexicalScorer::PairValues& LexicalScorer::Pair(std::size_t s, std::size_t t,
                                                     PairCache* cache,
                                                     PairValues& scratch) const {
  if (cache == nullptr || cache->slots.empty()) {
    scratch = Compute(s, t);
    return scratch;
  }
  // The pairs of a few neighbouring anti-diagonals fall in distinct slots,
  // near one another.
  const std::size_t slot = (s * 61 + t) & (kCacheSlots - 1);
  PairValues& v = cache->slots[slot];
  if (v.s != s || v.t != t) v = Compute(s, t);
  return v;
}

double LexicalScorer::Cost(std::size_t i, std::size_t j, BeadShape shape,
                           PairCache* cache) const {
  if (empty_ || shape.src == 0 || shape.tgt == 0) return 0;
  const int a = shape.src - 1;  // the source faces shape.tgt target sentences
  const int b = shape.tgt - 1;
  const Side::Sentence* src = src_.sentence.data() + i;
  const Side::Sentence* tgt = tgt_.sentence.data() + j;
  double cost = src[shape.src].miss_sum[b] - src[0].miss_sum[b] +
                tgt[shape.tgt].miss_sum[a] - tgt[0].miss_sum[a];
  // Each sentence's credit, summed over the other side's, capped.
  std::array<float, 3> tgt_credit{};
  PairValues scratch;
  for (std::size_t x = 0; x < shape.src; ++x) {
    if (src[x].has_entries == 0) continue;  // nothing to match
    float src_credit = 0;
    for (std::size_t y = 0; y < shape.tgt; ++y) {
      if (tgt[y].has_entries == 0) continue;
      const PairValues& v = Pair(i + x, j + y, cache, scratch);
      src_credit += v.src[b];
      tgt_credit[y] += v.tgt[a];
    }
    cost -= std::min(src_credit, src[x].full[b]);
  }
  for (std::size_t y = 0; y < shape.tgt; ++y) {
    cost -= std::min(tgt_credit[y], tgt[y].full[a]);
  }
  return cost;
}

double LexicalScorer::Bound(std::size_t i, std::size_t j, BeadShape shape) const {
  if (empty_ || shape.src == 0 || shape.tgt == 0) return 0;
  return src_.sentence[i + shape.src].bound_sum - src_.sentence[i].bound_sum +
         tgt_.sentence[j + shape.tgt].bound_sum - tgt_.sentence[j].bound_sum;
}

void LexicalScorer::CountMatches(std::size_t s, std::size_t t, double& src_matched,
                                 double& src_terms, double& tgt_matched,
                                 double& tgt_terms) const {
  if (empty_) return;
  const std::uint32_t s0 = src_.term_begin[s];
  const std::uint32_t s1 = src_.term_begin[s + 1];
  const std::uint32_t t0 = tgt_.term_begin[t];
  const std::uint32_t t1 = tgt_.term_begin[t + 1];
  std::vector<float> sw(s1 - s0, 0);
  std::vector<float> tw(t1 - t0, 0);
  Match(s, t, sw.data(), tw.data());
  // Only terms that speak (have entries) count.
  const auto count = [](const Side& side, std::uint32_t first, std::uint32_t end,
                        const std::vector<float>& w, double& matched, double& terms) {
    for (std::uint32_t occ = first; occ < end; ++occ) {
      if (side.credit[side.occurrence_term[occ]][0] == 0) continue;
      matched += w[occ - first];
      terms += 1;
    }
  };
  count(src_, s0, s1, sw, src_matched, src_terms);
  count(tgt_, t0, t1, tw, tgt_matched, tgt_terms);
}

}  // namespace allinea::internal

namespace allinea {

LexicalModel EstimateLexicalModel(const Features& features, const LexicalModel& model,
                                  const std::vector<std::array<std::size_t, 4>>& beads) {
  if (features.lexical.empty()) return model;
  const internal::LexicalScorer scorer(features.lexical, model);
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
