// allinea/lexicon.h: the lexical stage, what words say about which
// sentences translate each other.
//
// Dictionaries (dictionary.h) are gathered in a DictionarySet: the files a
// user names, and those installed in a data folder (FindDataDirectories:
// --dict-dir, $ALLINEA_DATA_DIR, $XDG_DATA_HOME/allinea, then
// <prefix>/share/allinea; compiled files named <from>-<to>.<source>.adict
// in their dict/ folder, loaded only when a pair needs them).
//
// For a language pair the set picks its routes (PlanRoutes), each a
// *concept space* (a language) and how each side's words reach it:
//  - direct: a dictionary from the source language to the target language
//    (or one from the target to the source, read backwards: an X->Y
//    dictionary serves Y->X too); the concepts are the target's words, which
//    the target side reaches as they are;
//  - pivot, only where no direct dictionary exists: a dictionary between each
//    side and English (either direction), it<->zh = ita-eng with CC-CEDICT;
//    the concepts are English words and phrases.
// Files given with no languages (TSV, hunalign) are taken as source ->
// target of the pair being aligned.
//
// ExtractLexicalFeatures() turns a document pair into, for each sentence,
// its *terms* (the dictionary phrases it holds, longest first, no two
// overlapping; on the side that is the concept language, the phrases that
// the other side's terms translate to), and for each term its *concepts*:
// the concept-space phrases it translates to that the other document also
// reaches, at most kMaxConceptsPerTerm, the least ambiguous first. A term
// whose concepts are all absent from the other document carries no
// evidence and is left out. Words are looked up as written, else (for a
// one-word phrase) by their Snowball stem where the language has a stemmer
// ("modelli" finds "modello"); Han and kana a character at a time,
// whatever ICU's word breaks, so that a Chinese phrase is found wherever
// its characters stand. Each concept has a weight in (0, 1], the
// ambiguity of the concept, 1 / sqrt(a_src * a_tgt) with a_side the number
// of that side's dictionary phrases that translate to it (1 for the side
// that is the concept language): a pivot word that many words of each
// language translate to says little.
//
// So a sentence is a sparse vector of concept ids, and a bead's lexical
// agreement is a merge of two such vectors (score.h): its cost depends on
// the sentences' terms, never on the dictionaries' size or on how many
// entries share a phrase.
//
// Cost: O(words of both documents) ICU word breaks and about one look-up
// per word (a distinct word is looked up once per dictionary; a phrase of
// several words only where its first words start one); memory: 4 bytes per
// term of a sentence plus the distinct terms and concepts.
// Thread safety: a DictionarySet loads the dictionaries a pair needs on
// first use, under a lock; otherwise all is const and may be used from
// several threads.
//
// Example:
//   allinea::DictionarySet dicts;
//   dicts.AddInstalled(allinea::FindDataDirectories({}));
//   allinea::LexicalFeatures lex = allinea::ExtractLexicalFeatures(src, tgt, dicts);
#ifndef ALLINEA_LEXICON_H_
#define ALLINEA_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "allinea/dictionary.h"
#include "allinea/segment.h"

namespace allinea {

namespace internal {
struct Route;
}  // namespace internal
struct LexicalFeatures;

inline constexpr std::size_t kMaxConceptsPerTerm = 8;

// The data folders to search, in order: `dict_dir` when given (alone), else
// $ALLINEA_DATA_DIR, $XDG_DATA_HOME/allinea (or ~/.local/share/allinea),
// and <install prefix>/share/allinea, those that exist.
[[nodiscard]] std::vector<std::string> FindDataDirectories(const std::string& dict_dir);
// The folder `allinea dict build` writes to by default: <install
// prefix>/share/allinea when run as root, else $XDG_DATA_HOME/allinea.
[[nodiscard]] std::string DefaultDataDirectory();

// How a dictionary serves a pair.
enum class RouteKind { kDirect, kReversed, kPivot, kGiven };

struct RouteDictionary {
  std::string name;      // the file
  std::string from_language;
  std::string to_language;
  RouteKind kind = RouteKind::kDirect;
  std::size_t entries = 0;
  bool installed = false;  // found in a data folder, not named by the user
  // Distinct terms of each document it gave evidence for (set by
  // ExtractLexicalFeatures; 0 and 0: no entry matched both texts).
  std::size_t src_terms = 0;
  std::size_t tgt_terms = 0;
};

class DictionarySet {
 public:
  DictionarySet();
  ~DictionarySet();
  DictionarySet(const DictionarySet&) = delete;
  DictionarySet& operator=(const DictionarySet&) = delete;

  // A dictionary named by the user (its languages as read, or none: then it
  // serves every pair as source -> target, RouteKind::kGiven).
  void Add(Dictionary dictionary);
  // The compiled dictionaries in <dir>/dict/ of each folder, in order; a
  // file name already seen is skipped. Nothing is read but the names.
  void AddInstalled(std::span<const std::string> directories);
  // Whether any dictionary is known.
  [[nodiscard]] bool empty() const;

  // The dictionaries that serve `src_language` -> `tgt_language` and how,
  // loading the installed ones it needs (IoError, InputError if one is
  // unreadable). Direct and reversed ones first; pivot ones only when
  // there is neither.
  [[nodiscard]] std::vector<RouteDictionary> Plan(std::string_view src_language,
                                                  std::string_view tgt_language) const;

  struct Entry;  // private

 private:
  friend LexicalFeatures ExtractLexicalFeatures(const Document&, const Document&,
                                                const DictionarySet&);
  // The dictionaries of Plan(), loaded.
  [[nodiscard]] std::vector<internal::Route> Routes(std::string_view src_language,
                                                    std::string_view tgt_language) const;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Entry>> entries_;
};

// One side's terms: sentence k holds the distinct terms
// terms[term_begin[k], term_begin[k + 1]) (sorted ids); term t's concepts
// are concepts[concept_begin[t], concept_begin[t + 1]) (sorted ids) and its
// normalised phrase is term_text[t].
struct LexicalSide {
  std::vector<std::uint32_t> term_begin{0};
  std::vector<std::uint32_t> terms;
  std::vector<std::uint32_t> concept_begin{0};
  std::vector<std::uint32_t> concepts;
  std::vector<std::string> term_text;

  [[nodiscard]] std::size_t sentences() const { return term_begin.size() - 1; }
  [[nodiscard]] std::span<const std::uint32_t> Terms(std::size_t k) const {
    return std::span<const std::uint32_t>(terms).subspan(
        term_begin[k], term_begin[k + 1] - term_begin[k]);
  }
  [[nodiscard]] std::span<const std::uint32_t> Concepts(std::uint32_t t) const {
    return std::span<const std::uint32_t>(concepts).subspan(
        concept_begin[t], concept_begin[t + 1] - concept_begin[t]);
  }
};

struct LexicalFeatures {
  LexicalSide src;
  LexicalSide tgt;
  // Concept ids: "<space language>:<phrase>" and the weight of each.
  std::vector<std::string> concept_names;
  std::vector<float> concept_weight;
  // The dictionaries used, as Plan() gave them.
  std::vector<RouteDictionary> dictionaries;

  [[nodiscard]] bool empty() const { return concept_names.empty(); }
};

// The lexical features of `src` and `tgt` (in their documents' languages;
// an unknown language uses the language-neutral word rules) from the
// dictionaries of `dictionaries` that serve the pair. Empty when none
// does. Throws as DictionarySet::Plan(), and UsageError if ICU has no word
// rules for a language.
[[nodiscard]] LexicalFeatures ExtractLexicalFeatures(const Document& src,
                                                     const Document& tgt,
                                                     const DictionarySet& dictionaries);

}  // namespace allinea

#endif  // ALLINEA_LEXICON_H_
