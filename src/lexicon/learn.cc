// The learnt lexicon: words, Model 1 and Dice, and the learnt pairs as
// lexical features.
#include "allinea/learn.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "allinea/error.h"
#include "anchors/words.h"

namespace allinea {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// The (source, target) word pairs of the training sentence pairs: each
// distinct pair an id, and each sentence pair's cells (its source words by
// its target words, row by row) as pair ids.
struct PairTable {
  std::vector<std::uint32_t> src_word;  // per pair id
  std::vector<std::uint32_t> tgt_word;
  std::vector<std::uint32_t> cells;
  std::vector<std::size_t> cell_begin{0};  // per sentence pair
};

}  // namespace

DocumentWords ExtractWords(const Document& doc) {
  return ExtractWords(doc, 0, doc.sentences.size());
}

void AppendWords(DocumentWords& words, const DocumentWords& part) {
  // Reserved first, so that the views of `ids` stay valid.
  words.words.reserve(words.words.size() + part.words.size());
  std::unordered_map<std::string_view, std::uint32_t> ids;
  for (std::uint32_t w = 0; w < words.words.size(); ++w) ids.emplace(words.words[w], w);
  std::vector<std::uint32_t> renumber(part.words.size());
  for (std::size_t w = 0; w < part.words.size(); ++w) {
    if (const auto it = ids.find(part.words[w]); it != ids.end()) {
      renumber[w] = it->second;
      continue;
    }
    renumber[w] = static_cast<std::uint32_t>(words.words.size());
    words.words.push_back(part.words[w]);
    ids.emplace(words.words.back(), renumber[w]);
  }
  std::vector<std::uint32_t> sentence;
  for (std::size_t k = 0; k < part.sentences(); ++k) {
    sentence.clear();
    for (const std::uint32_t w : part.Words(k)) sentence.push_back(renumber[w]);
    std::sort(sentence.begin(), sentence.end());
    words.ids.insert(words.ids.end(), sentence.begin(), sentence.end());
    words.begin.push_back(static_cast<std::uint32_t>(words.ids.size()));
  }
}

DocumentWords ExtractWords(const Document& doc, std::size_t begin, std::size_t end) {
  DocumentWords out;
  internal::WordTokenizer tokenizer(doc.language);
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<std::uint32_t> sentence;
  out.begin.reserve(end - begin + 1);
  for (std::size_t k = begin; k < end; ++k) {
    const Sentence& s = doc.sentences[k];
    sentence.clear();
    for (const std::string& w : tokenizer.Words(s.normalized)) {
      const auto [it, inserted] = ids.try_emplace(w, static_cast<std::uint32_t>(out.words.size()));
      if (inserted) out.words.push_back(w);
      sentence.push_back(it->second);
    }
    std::sort(sentence.begin(), sentence.end());
    sentence.erase(std::unique(sentence.begin(), sentence.end()), sentence.end());
    out.ids.insert(out.ids.end(), sentence.begin(), sentence.end());
    out.begin.push_back(static_cast<std::uint32_t>(out.ids.size()));
  }
  return out;
}

LearnMode ParseLearnMode(std::string_view name) {
  if (name == "pair") return LearnMode::kPair;
  if (name == "none") return LearnMode::kNone;
  throw UsageError(fmt::format("unknown --learn '{}' (expected pair or none)", name));
}

LearnMethod ParseLearnMethod(std::string_view name) {
  if (name == "model1") return LearnMethod::kModel1;
  if (name == "dice") return LearnMethod::kDice;
  throw UsageError(fmt::format("unknown learning method '{}' (expected model1 or dice)", name));
}

std::string_view LearnMethodName(LearnMethod method) {
  return method == LearnMethod::kDice ? "dice" : "model1";
}

std::uint32_t LexiconLearner::Vocabulary::Id(const std::string& word) {
  const auto [it, inserted] = ids.try_emplace(word, static_cast<std::uint32_t>(words.size()));
  if (inserted) words.push_back(word);
  return it->second;
}

LexiconLearner::LexiconLearner(LearnOptions options) : options_(options) {}

std::vector<std::uint8_t> LexiconLearner::StopLike(const DocumentWords& side) const {
  std::vector<std::uint32_t> sentences_with(side.words.size(), 0);
  for (const std::uint32_t w : side.ids) ++sentences_with[w];
  const double limit = options_.max_word_share * static_cast<double>(side.sentences());
  std::vector<std::uint8_t> stop(side.words.size(), 0);
  for (std::size_t w = 0; w < stop.size(); ++w) {
    stop[w] = sentences_with[w] > limit && sentences_with[w] >= kMinStopSentences ? 1 : 0;
  }
  return stop;
}

void LexiconLearner::Add(const DocumentWords& src, const DocumentWords& tgt,
                         std::span<const std::pair<std::size_t, std::size_t>> pairs) {
  const std::size_t room = options_.max_sentence_pairs - std::min(options_.max_sentence_pairs,
                                                                  sentence_pairs());
  const std::size_t take = std::min(room, pairs.size());
  if (take == 0) return;
  const std::vector<std::uint8_t> src_stop = StopLike(src);
  const std::vector<std::uint8_t> tgt_stop = StopLike(tgt);
  // Local word id -> learner id, on first use.
  std::vector<std::uint32_t> src_map(src.words.size(), kNone);
  std::vector<std::uint32_t> tgt_map(tgt.words.size(), kNone);
  const auto append = [](const DocumentWords& side, std::size_t k,
                         const std::vector<std::uint8_t>& stop, std::vector<std::uint32_t>& map,
                         Vocabulary& vocabulary, std::vector<std::uint32_t>& ids,
                         std::vector<std::uint32_t>& begin) {
    for (const std::uint32_t w : side.Words(k)) {
      if (stop[w] != 0) continue;
      if (map[w] == kNone) map[w] = vocabulary.Id(side.words[w]);
      ids.push_back(map[w]);
    }
    begin.push_back(static_cast<std::uint32_t>(ids.size()));
  };
  for (std::size_t q = 0; q < take; ++q) {
    // Evenly spread over `pairs` when not all fit.
    const auto& [s, t] = pairs[q * pairs.size() / take];
    append(src, s, src_stop, src_map, src_, src_ids_, src_begin_);
    append(tgt, t, tgt_stop, tgt_map, tgt_, tgt_ids_, tgt_begin_);
  }
}

namespace {

PairTable MakePairTable(const std::vector<std::uint32_t>& src_begin,
                        const std::vector<std::uint32_t>& src_ids,
                        const std::vector<std::uint32_t>& tgt_begin,
                        const std::vector<std::uint32_t>& tgt_ids) {
  PairTable table;
  std::unordered_map<std::uint64_t, std::uint32_t> ids;
  const std::size_t n = src_begin.size() - 1;
  for (std::size_t k = 0; k < n; ++k) {
    for (std::uint32_t a = src_begin[k]; a < src_begin[k + 1]; ++a) {
      for (std::uint32_t b = tgt_begin[k]; b < tgt_begin[k + 1]; ++b) {
        const std::uint64_t key = (std::uint64_t{src_ids[a]} << 32) | tgt_ids[b];
        const auto [it, inserted] =
            ids.try_emplace(key, static_cast<std::uint32_t>(table.src_word.size()));
        if (inserted) {
          table.src_word.push_back(src_ids[a]);
          table.tgt_word.push_back(tgt_ids[b]);
        }
        table.cells.push_back(it->second);
      }
    }
    table.cell_begin.push_back(table.cells.size());
  }
  return table;
}

// IBM Model 1's translation table over the pair ids: t(target | source)
// when `src_given`, else t(source | target); `rows` and `cols` are the
// sentence pairs' word counts of the given side and of the other.
std::vector<double> TrainModel1(const PairTable& table, const std::vector<std::uint32_t>& given_word,
                                const std::vector<std::uint32_t>& other_word,
                                std::size_t given_words, std::size_t other_words,
                                const std::vector<std::uint32_t>& src_begin,
                                const std::vector<std::uint32_t>& tgt_begin, bool src_given,
                                int iterations) {
  const std::size_t pairs = table.src_word.size();
  std::vector<double> t(pairs, 1.0);
  std::vector<double> t_null(other_words, 1.0);
  std::vector<double> count(pairs);
  std::vector<double> total(given_words);
  std::vector<double> null_count(other_words);
  const std::size_t n = src_begin.size() - 1;
  for (int round = 0; round < iterations; ++round) {
    std::fill(count.begin(), count.end(), 0.0);
    std::fill(total.begin(), total.end(), 0.0);
    std::fill(null_count.begin(), null_count.end(), 0.0);
    double null_total = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t rows = src_begin[k + 1] - src_begin[k];  // source words
      const std::size_t cols = tgt_begin[k + 1] - tgt_begin[k];
      if (rows == 0 || cols == 0) continue;
      const std::uint32_t* cell = table.cells.data() + table.cell_begin[k];
      // Each word of the other side is explained by the given side's words
      // of the sentence pair, or by the null word.
      const std::size_t others = src_given ? cols : rows;
      const std::size_t givens = src_given ? rows : cols;
      for (std::size_t o = 0; o < others; ++o) {
        const auto at = [&](std::size_t g) {
          return src_given ? cell[g * cols + o] : cell[o * cols + g];
        };
        const std::uint32_t word = other_word[at(0)];
        double z = t_null[word];
        for (std::size_t g = 0; g < givens; ++g) z += t[at(g)];
        for (std::size_t g = 0; g < givens; ++g) {
          const std::uint32_t p = at(g);
          const double share = t[p] / z;
          count[p] += share;
          total[given_word[p]] += share;
        }
        const double share = t_null[word] / z;
        null_count[word] += share;
        null_total += share;
      }
    }
    for (std::size_t p = 0; p < pairs; ++p) {
      const double sum = total[given_word[p]];
      t[p] = sum > 0 ? count[p] / sum : 0;
    }
    for (std::size_t w = 0; w < other_words; ++w) {
      t_null[w] = null_total > 0 ? null_count[w] / null_total : 0;
    }
  }
  return t;
}

}  // namespace

std::vector<LearntPair> LexiconLearner::Learn() const {
  const std::size_t n = sentence_pairs();
  if (n == 0) return {};
  // A word in fewer than min_count sentence pairs can be in no pair kept:
  // it is left out of training, which bounds the table (most words of a
  // text occur once).
  std::vector<std::uint32_t> src_count(src_.words.size(), 0);
  std::vector<std::uint32_t> tgt_count(tgt_.words.size(), 0);
  for (const std::uint32_t w : src_ids_) ++src_count[w];
  for (const std::uint32_t w : tgt_ids_) ++tgt_count[w];
  const auto frequent = [&](const std::vector<std::uint32_t>& begin,
                            const std::vector<std::uint32_t>& ids,
                            const std::vector<std::uint32_t>& count,
                            std::vector<std::uint32_t>& kept_begin,
                            std::vector<std::uint32_t>& kept_ids) {
    kept_begin.assign(1, 0);
    for (std::size_t k = 0; k + 1 < begin.size(); ++k) {
      for (std::uint32_t a = begin[k]; a < begin[k + 1]; ++a) {
        if (count[ids[a]] >= options_.min_count) kept_ids.push_back(ids[a]);
      }
      kept_begin.push_back(static_cast<std::uint32_t>(kept_ids.size()));
    }
  };
  std::vector<std::uint32_t> src_begin;
  std::vector<std::uint32_t> src_ids;
  std::vector<std::uint32_t> tgt_begin;
  std::vector<std::uint32_t> tgt_ids;
  frequent(src_begin_, src_ids_, src_count, src_begin, src_ids);
  frequent(tgt_begin_, tgt_ids_, tgt_count, tgt_begin, tgt_ids);
  const PairTable table = MakePairTable(src_begin, src_ids, tgt_begin, tgt_ids);
  const std::size_t pairs = table.src_word.size();
  std::vector<std::uint32_t> together(pairs, 0);
  for (const std::uint32_t p : table.cells) ++together[p];
  std::vector<double> score(pairs, 0);
  if (options_.method == LearnMethod::kDice) {
    for (std::size_t p = 0; p < pairs; ++p) {
      score[p] = 2.0 * together[p] /
                 static_cast<double>(src_count[table.src_word[p]] + tgt_count[table.tgt_word[p]]);
    }
  } else {
    const std::vector<double> forward =
        TrainModel1(table, table.src_word, table.tgt_word, src_.words.size(),
                    tgt_.words.size(), src_begin, tgt_begin, true, options_.iterations);
    const std::vector<double> backward =
        TrainModel1(table, table.tgt_word, table.src_word, tgt_.words.size(),
                    src_.words.size(), src_begin, tgt_begin, false, options_.iterations);
    for (std::size_t p = 0; p < pairs; ++p) score[p] = std::sqrt(forward[p] * backward[p]);
  }
  // The candidates, then each word's best: ranked by score, ties by the
  // other word's text, so that the result does not depend on id order.
  std::vector<std::uint32_t> kept;
  for (std::uint32_t p = 0; p < pairs; ++p) {
    if (together[p] >= options_.min_count && score[p] >= options_.min_score) kept.push_back(p);
  }
  const auto better = [&](std::uint32_t a, std::uint32_t b) {
    if (score[a] != score[b]) return score[a] > score[b];
    const std::string& sa = src_.words[table.src_word[a]];
    const std::string& sb = src_.words[table.src_word[b]];
    if (sa != sb) return sa < sb;
    return tgt_.words[table.tgt_word[a]] < tgt_.words[table.tgt_word[b]];
  };
  std::sort(kept.begin(), kept.end(), better);
  std::vector<std::uint32_t> src_rank(src_.words.size(), 0);
  std::vector<std::uint32_t> tgt_rank(tgt_.words.size(), 0);
  std::vector<LearntPair> out;
  for (const std::uint32_t p : kept) {
    const std::uint32_t e = table.src_word[p];
    const std::uint32_t f = table.tgt_word[p];
    const bool fits = src_rank[e] < options_.max_translations &&
                      tgt_rank[f] < options_.max_translations;
    ++src_rank[e];
    ++tgt_rank[f];
    if (fits) out.push_back({src_.words[e], tgt_.words[f], score[p], together[p]});
  }
  std::stable_sort(out.begin(), out.end(), [](const LearntPair& a, const LearntPair& b) {
    return a.src < b.src;
  });
  return out;
}

namespace {

// Adds the learnt concepts of each word (by its text) to one side.
void AddToSide(const DocumentWords& words,
               const std::unordered_map<std::string, std::vector<std::uint32_t>>& learnt,
               const std::vector<float>& weight, LexicalSide& side) {
  const std::size_t n = words.sentences();
  if (side.sentences() == 0 && n > 0) side.term_begin.assign(n + 1, 0);
  side.term_text.reserve(side.term_text.size() + words.words.size());  // views stay valid
  std::unordered_map<std::string_view, std::uint32_t> term_of_text;
  for (std::uint32_t t = 0; t < side.term_text.size(); ++t) term_of_text.emplace(side.term_text[t], t);
  // Each learnt word's term, and the concepts each term gains.
  std::vector<std::uint32_t> word_term(words.words.size(), kNone);
  std::vector<std::vector<std::uint32_t>> gained(side.term_text.size());
  for (std::size_t w = 0; w < words.words.size(); ++w) {
    const auto found = learnt.find(words.words[w]);
    if (found == learnt.end()) continue;
    std::uint32_t term;
    if (const auto it = term_of_text.find(words.words[w]); it != term_of_text.end()) {
      term = it->second;
    } else {
      term = static_cast<std::uint32_t>(side.term_text.size());
      side.term_text.push_back(words.words[w]);
      gained.emplace_back();
    }
    word_term[w] = term;
    gained[term] = found->second;
  }
  // The concepts of every term: its own and those gained, the heaviest
  // kMaxConceptsPerTerm, in id order.
  std::vector<std::uint32_t> concept_begin{0};
  std::vector<std::uint32_t> concepts;
  std::vector<std::uint32_t> these;
  for (std::uint32_t t = 0; t < side.term_text.size(); ++t) {
    these.clear();
    if (t + 1 < side.concept_begin.size()) {
      const auto own = side.Concepts(t);
      these.assign(own.begin(), own.end());
    }
    these.insert(these.end(), gained[t].begin(), gained[t].end());
    if (these.size() > kMaxConceptsPerTerm) {
      std::stable_sort(these.begin(), these.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return weight[a] > weight[b]; });
      these.resize(kMaxConceptsPerTerm);
    }
    std::sort(these.begin(), these.end());
    concepts.insert(concepts.end(), these.begin(), these.end());
    concept_begin.push_back(static_cast<std::uint32_t>(concepts.size()));
  }
  // Each sentence's terms: its own and its learnt words'.
  std::vector<std::uint32_t> term_begin{0};
  std::vector<std::uint32_t> terms;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t first = terms.size();
    const auto own = side.Terms(k);
    terms.insert(terms.end(), own.begin(), own.end());
    for (const std::uint32_t w : words.Words(k)) {
      if (word_term[w] != kNone) terms.push_back(word_term[w]);
    }
    std::sort(terms.begin() + static_cast<std::ptrdiff_t>(first), terms.end());
    terms.erase(std::unique(terms.begin() + static_cast<std::ptrdiff_t>(first), terms.end()),
                terms.end());
    term_begin.push_back(static_cast<std::uint32_t>(terms.size()));
  }
  side.concept_begin = std::move(concept_begin);
  side.concepts = std::move(concepts);
  side.term_begin = std::move(term_begin);
  side.terms = std::move(terms);
}

}  // namespace

void AddLearntPairs(std::span<const LearntPair> pairs, const DocumentWords& src,
                    const DocumentWords& tgt, LexicalFeatures& features) {
  if (pairs.empty()) return;
  std::unordered_map<std::string, std::vector<std::uint32_t>> src_learnt;
  std::unordered_map<std::string, std::vector<std::uint32_t>> tgt_learnt;
  for (const LearntPair& p : pairs) {
    const auto id = static_cast<std::uint32_t>(features.concept_names.size());
    features.concept_names.push_back("learnt:" + p.src + "\t" + p.tgt);
    features.concept_weight.push_back(static_cast<float>(std::clamp(p.score, 0.0, 1.0)));
    src_learnt[p.src].push_back(id);
    tgt_learnt[p.tgt].push_back(id);
  }
  AddToSide(src, src_learnt, features.concept_weight, features.src);
  AddToSide(tgt, tgt_learnt, features.concept_weight, features.tgt);
}

}  // namespace allinea
