// ExtractLexicalFeatures: the dictionary phrases of each sentence and the
// concepts both documents reach through them.
//
// In phases, each side on its own thread where it can:
//  1. words: each sentence's folded words as ids of the document's words
//     (WordTokenizer::Tokens: Han and kana a character at a time);
//  2. dictionary hits: at each word, the phrases of each dictionary that
//     this side's language reads (a distinct word is looked up once; longer
//     phrases only where the word starts one); a hit's term is its phrase;
//  3. identity hits, on a side whose language is a concept space: the
//     phrases of that space that the other side's terms translate to;
//  4. concepts: those both sides reach, numbered in byte order, weighted by
//     ambiguity; each term keeps its live ones, the least ambiguous first;
//  5. terms of each sentence: its live hits, longest first, no two
//     overlapping.
#include "allinea/lexicon.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <unordered_map>
#include <utility>

#include "anchors/words.h"
#include "internal/parallel.h"
#include "internal/unicode.h"
#include "lexicon/dictionary_set.h"
#include "lexicon/phrases.h"
#include "lexicon/stemmer.h"

namespace allinea {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kUnknown = kNone - 1;
// The longest phrase looked for, in tokens (a Han character is a token).
constexpr std::size_t kMaxPhraseTokens = 16;
// Stems shorter than this (in characters) are not looked up ("a", "di"),
// and at most kStemScan phrases are compared per word.
constexpr std::size_t kMinStem = 3;
constexpr std::uint32_t kStemScan = 64;

// One way for a side's phrases to reach a concept space: a dictionary
// read from one of its sides, or (identity) a table of the space's phrases.
struct Mapping {
  const Dictionary* dictionary = nullptr;
  Dictionary::Side side = Dictionary::kFrom;
  std::string space;
  std::size_t route = 0;
  std::vector<std::string> identity;  // sorted phrases, for identity

  [[nodiscard]] std::uint32_t Find(std::string_view key) const {
    if (dictionary != nullptr) return dictionary->Find(side, key).value_or(kNone);
    const auto it = std::lower_bound(identity.begin(), identity.end(), key);
    return it != identity.end() && *it == key
               ? static_cast<std::uint32_t>(it - identity.begin())
               : kNone;
  }
  [[nodiscard]] bool HasLonger(std::string_view key) const {
    if (dictionary != nullptr) return dictionary->HasLonger(side, key);
    return internal::HasLongerPhrase(
        static_cast<std::uint32_t>(identity.size()),
        [this](std::uint32_t k) { return std::string_view(identity[k]); }, key);
  }
  [[nodiscard]] std::uint32_t Count() const {
    return static_cast<std::uint32_t>(dictionary != nullptr ? dictionary->phrases(side)
                                                            : identity.size());
  }
  [[nodiscard]] std::string_view At(std::uint32_t k) const {
    return dictionary != nullptr ? dictionary->Phrase(side, k) : std::string_view(identity[k]);
  }

  // The one-word phrases with the stem of `word` ("modello" and "modelli"
  // for "modelli"), when `word` itself is none. They start with the stem
  // less its last character (Snowball may change a word's last letter:
  // "happy" -> "happi"); at most kStemScan of those are stemmed and
  // compared.
  void FindByStem(std::string_view word, internal::Stemmer& stemmer,
                  std::vector<std::uint32_t>& out) const {
    out.clear();
    const std::string stem(stemmer.Stem(word));
    std::size_t cut = stem.size();
    (void)internal::PreviousCodePoint(stem, cut);
    if (internal::CountCodePoints(stem) < kMinStem) return;
    const std::string_view prefix = std::string_view(stem).substr(0, cut);
    const std::uint32_t count = Count();
    const std::uint32_t first =
        internal::PhraseLowerBound(count, [this](std::uint32_t k) { return At(k); }, prefix);
    for (std::uint32_t k = first; k < count && k < first + kStemScan; ++k) {
      const std::string_view phrase = At(k);
      if (!phrase.starts_with(prefix)) break;
      if (phrase.find(' ') != std::string_view::npos || phrase == word) continue;
      if (stemmer.Stem(phrase) == stem) out.push_back(k);
    }
  }
};

// A string hash that also takes string_views (heterogeneous look-up).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Hit {
  std::uint32_t term;
  std::uint32_t start;
  std::uint32_t length;
};

// Hits of one phase: sentence k's are hits[begin[k], begin[k + 1]).
struct Hits {
  std::vector<Hit> hits;
  std::vector<std::uint32_t> begin{0};
};

// One document through the phases.
struct SideScan {
  const Document* doc = nullptr;
  // 1. words, and the stemmer of the document's language (none: ok() false)
  std::unique_ptr<internal::Stemmer> stemmer_holder;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> word_ids;
  std::vector<std::string> words;
  std::vector<std::uint32_t> tokens;
  std::vector<std::uint32_t> sentence_begin{0};
  // 2, 3. terms and hits
  std::vector<Mapping> mappings;
  std::unordered_map<std::string, std::uint32_t> term_ids;
  std::vector<std::string> term_text;
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> term_sources;  // (mapping, phrase)
  Hits dictionary_hits;
  Hits identity_hits;
  // 4. concepts this side reaches: "<space>:<phrase>" -> local id; the
  // largest number of this side's phrases that translate to each
  std::unordered_map<std::string, std::uint32_t> concept_ids;
  std::vector<std::string> concept_text;
  std::vector<std::uint32_t> concept_fan;
  std::vector<std::vector<std::uint32_t>> term_concepts;  // local ids
  std::vector<std::uint32_t> global;  // local concept -> global id or kNone

  void AddToken(std::string_view w) {
    auto it = word_ids.find(w);
    if (it == word_ids.end()) {
      it = word_ids.emplace(std::string(w), static_cast<std::uint32_t>(words.size())).first;
      words.push_back(it->first);
    }
    tokens.push_back(it->second);
  }

  // Words as ICU finds them, except that Han and kana are taken a
  // character at a time (WordTokenizer::Tokens): ICU's dictionary and a
  // bilingual one cut such text differently (新书 / 新 书), and phrases are
  // looked for at every character.
  void Tokenize() {
    internal::WordTokenizer tokenizer(doc->language);
    for (const Sentence& s : doc->sentences) {
      for (const std::string& w : tokenizer.Tokens(s.normalized)) AddToken(w);
      sentence_begin.push_back(static_cast<std::uint32_t>(tokens.size()));
    }
  }

  std::uint32_t Term(const std::string& key, std::uint32_t mapping, std::uint32_t phrase) {
    auto [it, inserted] =
        term_ids.try_emplace(key, static_cast<std::uint32_t>(term_text.size()));
    if (inserted) {
      term_text.push_back(key);
      term_sources.emplace_back();
    }
    auto& sources = term_sources[it->second];
    const std::pair source(mapping, phrase);
    if (std::find(sources.begin(), sources.end(), source) == sources.end()) {
      sources.push_back(source);
    }
    return it->second;
  }

  // What one mapping finds at a sequence of words, memoised as a trie over
  // the document's own sequences: texts repeat their phrases (Chinese its
  // characters' sequences most), so each distinct one is looked up, and
  // its key built, once.
  struct Memo {
    struct Node {
      std::string key;
      std::uint32_t term = kNone;  // the term of a hit here, or kNone
      bool longer = false;         // a longer phrase starts with key
    };
    std::vector<std::uint32_t> word_node;  // per word: its node or kUnknown
    std::vector<Node> nodes;
    std::unordered_map<std::uint64_t, std::uint32_t> child;  // (node, word) -> node
  };

  // The node of words[w] alone: the word itself, else the phrases of its
  // stem.
  std::uint32_t WordNode(Memo& memo, std::uint32_t m, std::uint32_t w,
                         internal::Stemmer& stemmer, std::vector<std::uint32_t>& ids) {
    std::uint32_t& node = memo.word_node[w];
    if (node != kUnknown) return node;
    const Mapping& mapping = mappings[m];
    Memo::Node n{words[w], kNone, mapping.HasLonger(words[w])};
    if (const std::uint32_t phrase = mapping.Find(words[w]); phrase != kNone) {
      n.term = Term(words[w], m, phrase);
    } else if (stemmer.ok()) {
      mapping.FindByStem(words[w], stemmer, ids);
      for (const std::uint32_t id : ids) n.term = Term(words[w], m, id);
    }
    node = static_cast<std::uint32_t>(memo.nodes.size());
    memo.nodes.push_back(std::move(n));
    return node;
  }

  // The node of the sequence of `parent` and words[w].
  std::uint32_t ChildNode(Memo& memo, std::uint32_t m, std::uint32_t parent, std::uint32_t w) {
    const std::uint64_t edge = (std::uint64_t{parent} << 32) | w;
    const auto [it, inserted] =
        memo.child.try_emplace(edge, static_cast<std::uint32_t>(memo.nodes.size()));
    if (!inserted) return it->second;
    const Mapping& mapping = mappings[m];
    Memo::Node n{memo.nodes[parent].key, kNone, false};
    internal::AppendWord(n.key, words[w]);
    n.longer = mapping.HasLonger(n.key);
    if (const std::uint32_t phrase = mapping.Find(n.key); phrase != kNone) {
      n.term = Term(n.key, m, phrase);
    }
    memo.nodes.push_back(std::move(n));
    return it->second;
  }

  // The hits of mappings [first, last) in every sentence.
  void Scan(std::size_t first, std::size_t last, Hits& out) {
    if (!stemmer_holder) stemmer_holder = std::make_unique<internal::Stemmer>(internal::PrimaryLanguage(doc->language));
    internal::Stemmer& stemmer = *stemmer_holder;
    std::vector<Memo> memo(last - first);
    for (Memo& mm : memo) mm.word_node.assign(words.size(), kUnknown);
    std::vector<std::uint32_t> ids;
    for (std::size_t k = 0; k + 1 < sentence_begin.size(); ++k) {
      const std::span<const std::uint32_t> sentence(tokens.data() + sentence_begin[k],
                                                    sentence_begin[k + 1] - sentence_begin[k]);
      for (std::size_t i = 0; i < sentence.size(); ++i) {
        const auto start = static_cast<std::uint32_t>(i);
        for (std::size_t m = first; m < last; ++m) {
          Memo& mm = memo[m - first];
          const auto mapping = static_cast<std::uint32_t>(m);
          std::uint32_t node = WordNode(mm, mapping, sentence[i], stemmer, ids);
          if (mm.nodes[node].term != kNone) out.hits.push_back({mm.nodes[node].term, start, 1});
          // Phrases of Han characters are counted in ICU's words, not in
          // characters: their length is bounded by HasLonger() alone.
          for (std::size_t n = 2; n <= kMaxPhraseTokens && i + n <= sentence.size(); ++n) {
            if (!mm.nodes[node].longer) break;
            node = ChildNode(mm, mapping, node, sentence[i + n - 1]);
            if (mm.nodes[node].term != kNone) {
              out.hits.push_back({mm.nodes[node].term, start, static_cast<std::uint32_t>(n)});
            }
          }
        }
      }
      out.begin.push_back(static_cast<std::uint32_t>(out.hits.size()));
    }
  }

  std::uint32_t Concept(const std::string& text, std::uint32_t fan) {
    auto [it, inserted] =
        concept_ids.try_emplace(text, static_cast<std::uint32_t>(concept_text.size()));
    if (inserted) {
      concept_text.push_back(text);
      concept_fan.push_back(fan);
    } else {
      concept_fan[it->second] = std::max(concept_fan[it->second], fan);
    }
    return it->second;
  }

  // The concepts of every term found so far (again after new sources).
  void GatherConcepts() {
    term_concepts.assign(term_text.size(), {});
    std::string text;
    for (std::size_t t = 0; t < term_text.size(); ++t) {
      for (const auto& [m, phrase] : term_sources[t]) {
        const Mapping& mapping = mappings[m];
        if (mapping.dictionary == nullptr) {  // the phrase matched, maybe by its stem
          term_concepts[t].push_back(Concept(mapping.space + ":" + mapping.identity[phrase], 1));
          continue;
        }
        const Dictionary& d = *mapping.dictionary;
        const auto other = mapping.side == Dictionary::kFrom ? Dictionary::kTo : Dictionary::kFrom;
        for (std::uint32_t translation : d.Translations(mapping.side, phrase)) {
          text = mapping.space;
          text += ':';
          text += d.Phrase(other, translation);
          const auto fan = static_cast<std::uint32_t>(d.Translations(other, translation).size());
          term_concepts[t].push_back(Concept(text, fan));
        }
      }
      std::sort(term_concepts[t].begin(), term_concepts[t].end());
      term_concepts[t].erase(std::unique(term_concepts[t].begin(), term_concepts[t].end()),
                             term_concepts[t].end());
    }
  }

  // The phrases of concept space `space` this side reaches, for the other
  // side's identity mapping.
  [[nodiscard]] std::vector<std::string> PhrasesIn(const std::string& space) const {
    std::vector<std::string> out;
    const std::string prefix = space + ":";
    for (const std::string& c : concept_text) {
      if (c.starts_with(prefix)) out.push_back(c.substr(prefix.size()));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
};

// Phase 5 for one side: the final terms, renumbered, with their concepts.
void Assemble(const SideScan& scan, const std::vector<float>& weight, LexicalSide& out) {
  const std::size_t terms = scan.term_text.size();
  // Each term's live concepts, the least ambiguous first, at most
  // kMaxConceptsPerTerm.
  std::vector<std::vector<std::uint32_t>> live(terms);
  for (std::size_t t = 0; t < terms; ++t) {
    for (std::uint32_t local : scan.term_concepts[t]) {
      if (scan.global[local] != kNone) live[t].push_back(scan.global[local]);
    }
    std::sort(live[t].begin(), live[t].end());
    live[t].erase(std::unique(live[t].begin(), live[t].end()), live[t].end());
    if (live[t].size() > kMaxConceptsPerTerm) {
      std::stable_sort(live[t].begin(), live[t].end(),
                       [&](std::uint32_t a, std::uint32_t b) { return weight[a] > weight[b]; });
      live[t].resize(kMaxConceptsPerTerm);
      std::sort(live[t].begin(), live[t].end());
    }
  }
  std::vector<std::uint32_t> renumber(terms, kNone);
  std::vector<Hit> hits;
  const std::size_t sentences = scan.sentence_begin.size() - 1;
  for (std::size_t k = 0; k < sentences; ++k) {
    hits.clear();
    for (const Hits* phase : {&scan.dictionary_hits, &scan.identity_hits}) {
      if (phase->begin.size() <= k + 1) continue;
      for (std::uint32_t h = phase->begin[k]; h < phase->begin[k + 1]; ++h) {
        if (!live[phase->hits[h].term].empty()) hits.push_back(phase->hits[h]);
      }
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
      return a.start != b.start ? a.start < b.start
             : a.length != b.length ? a.length > b.length
                                    : a.term < b.term;
    });
    const std::size_t first = out.terms.size();
    std::uint32_t covered = 0;  // words before this are taken
    for (const Hit& h : hits) {
      if (h.start < covered) continue;
      covered = h.start + h.length;
      std::uint32_t& id = renumber[h.term];
      if (id == kNone) {
        id = static_cast<std::uint32_t>(out.term_text.size());
        out.term_text.push_back(scan.term_text[h.term]);
        out.concepts.insert(out.concepts.end(), live[h.term].begin(), live[h.term].end());
        out.concept_begin.push_back(static_cast<std::uint32_t>(out.concepts.size()));
      }
      out.terms.push_back(id);
    }
    std::sort(out.terms.begin() + static_cast<std::ptrdiff_t>(first), out.terms.end());
    out.terms.erase(std::unique(out.terms.begin() + static_cast<std::ptrdiff_t>(first),
                                out.terms.end()),
                    out.terms.end());
    out.term_begin.push_back(static_cast<std::uint32_t>(out.terms.size()));
  }
}

// How many of the final terms each route gave evidence for.
void CountRouteTerms(const SideScan& scan, const LexicalSide& side,
                     std::vector<RouteDictionary>& routes, bool source) {
  std::vector<std::uint8_t> seen(routes.size());
  for (const std::string& text : side.term_text) {
    std::fill(seen.begin(), seen.end(), 0);
    for (const auto& [m, phrase] : scan.term_sources[scan.term_ids.at(text)]) {
      seen[scan.mappings[m].route] = 1;
    }
    for (std::size_t r = 0; r < routes.size(); ++r) {
      if (seen[r] != 0) ++(source ? routes[r].src_terms : routes[r].tgt_terms);
    }
  }
}

}  // namespace

LexicalFeatures ExtractLexicalFeatures(const Document& src, const Document& tgt,
                                       const DictionarySet& dictionaries) {
  LexicalFeatures features;
  const std::vector<internal::Route> routes =
      dictionaries.Routes(src.language, tgt.language);
  const std::string src_lang = internal::PrimaryLanguage(src.language);
  const std::string tgt_lang = internal::PrimaryLanguage(tgt.language);
  const std::string src_space = src_lang.empty() ? "src" : src_lang;
  const std::string tgt_space = tgt_lang.empty() ? "tgt" : tgt_lang;
  SideScan s;
  SideScan t;
  s.doc = &src;
  t.doc = &tgt;
  for (std::size_t r = 0; r < routes.size(); ++r) {
    const internal::Route& route = routes[r];
    const Dictionary* d = route.dictionary;
    features.dictionaries.push_back({route.path, d->from_language(), d->to_language(),
                                     route.kind, d->size(), route.installed});
    switch (route.kind) {
      case RouteKind::kGiven:
      case RouteKind::kDirect:
        s.mappings.push_back({d, Dictionary::kFrom, tgt_space, r, {}});
        break;
      case RouteKind::kReversed:
        t.mappings.push_back({d, Dictionary::kFrom, src_space, r, {}});
        break;
      case RouteKind::kPivot: {
        const bool src_side = internal::PrimaryLanguage(d->from_language()) == src_lang ||
                              internal::PrimaryLanguage(d->to_language()) == src_lang;
        const bool from_is_en = internal::PrimaryLanguage(d->from_language()) == "en";
        (src_side ? s : t).mappings.push_back(
            {d, from_is_en ? Dictionary::kTo : Dictionary::kFrom, "en", r, {}});
        break;
      }
    }
  }
  if (routes.empty()) return features;

  // 1-2: words and dictionary hits.
  const auto phase12 = [](SideScan& side) {
    side.Tokenize();
    side.Scan(0, side.mappings.size(), side.dictionary_hits);
    side.GatherConcepts();
  };
  internal::RunBoth([&] { phase12(s); }, [&] { phase12(t); });

  // 3: identity hits where a side's language is a space the other reaches.
  const auto phase3 = [](SideScan& side, const SideScan& other, const std::string& space) {
    std::vector<std::string> phrases = other.PhrasesIn(space);
    if (phrases.empty()) return;
    const std::size_t first_mapping = side.mappings.size();
    side.mappings.push_back({nullptr, Dictionary::kFrom, space, 0, std::move(phrases)});
    for (const Mapping& m : other.mappings) {
      if (m.space == space) {
        side.mappings.back().route = m.route;
        break;
      }
    }
    side.Scan(first_mapping, side.mappings.size(), side.identity_hits);
    side.GatherConcepts();
  };
  internal::RunBoth([&] { phase3(s, t, src_space); }, [&] { phase3(t, s, tgt_space); });

  // 4: the concepts both sides reach, in byte order.
  std::vector<std::pair<std::string_view, std::pair<std::uint32_t, std::uint32_t>>> shared;
  for (std::uint32_t local = 0; local < s.concept_text.size(); ++local) {
    const auto it = t.concept_ids.find(s.concept_text[local]);
    if (it != t.concept_ids.end()) shared.push_back({s.concept_text[local], {local, it->second}});
  }
  std::sort(shared.begin(), shared.end());
  s.global.assign(s.concept_text.size(), kNone);
  t.global.assign(t.concept_text.size(), kNone);
  for (std::uint32_t id = 0; id < shared.size(); ++id) {
    const auto [sl, tl] = shared[id].second;
    s.global[sl] = id;
    t.global[tl] = id;
    features.concept_names.emplace_back(shared[id].first);
    // Ambiguity: how many phrases of each side translate to it.
    const double fan = std::max<double>(1, s.concept_fan[sl]) * std::max<double>(1, t.concept_fan[tl]);
    features.concept_weight.push_back(static_cast<float>(1 / std::sqrt(fan)));
  }

  // 5: each sentence's terms.
  internal::RunBoth([&] { Assemble(s, features.concept_weight, features.src); },
          [&] { Assemble(t, features.concept_weight, features.tgt); });
  CountRouteTerms(s, features.src, features.dictionaries, true);
  CountRouteTerms(t, features.tgt, features.dictionaries, false);
  return features;
}

}  // namespace allinea
