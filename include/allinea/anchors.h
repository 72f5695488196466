// allinea/anchors.h: the features stage, what the scorer knows of each
// sentence.
//
// For every sentence: its length in characters (code points that are not
// white space), how many of them are CJK, and its anchor terms, which are evidence that two sentences
// translate each other when both carry the same one:
//  - numbers as values: ASCII or full-width digits with their separators,
//    read in the convention of the document's language ("1.000,5" in
//    Italian, "1,000.5" in English), times a following scale word
//    ("miliardi", "million", "bn", "亿", "万"), so that "6 miliardi",
//    "60 亿" and "6 billion" are one term ("#6000000000");
//  - names and codes: Latin-script tokens that contain a digit ("405B") or
//    that start with a capital letter and are not the first word of their
//    sentence ("Mistral", "OpenAI", "CNBC"), compared case-insensitively;
//  - questions and exclamations: "?" and "!" (also full-width), as the
//    terms "?" and "!";
//  - dialogue labels at the start of a sentence: "D:", "Q:", "问:" (term
//    "label:q") and "R:", "A:", "答:" (term "label:a");
//  - dictionary hits, with AnchorOptions::dictionary: a source sentence that
//    holds an entry's source phrase, and a target sentence that holds its
//    target phrase, both get the term "=" + the normalised source phrase
//    ("=intelligenza artificiale" for "L'Intelligenza artificiale" and for
//    "人工智能"); a target phrase that translates several source phrases
//    gives a term for each (dictionary.h says how phrases are matched).
// Anchors of both documents share one vocabulary, so that the scorer compares
// small integers. A term's first character tells its class: '#' number, '@'
// name or code, '=' dictionary hit; the others are structure.
//
// Cost: O(n) in the text size; with a dictionary, O(n * L) where L is its
// longest phrase in words (about one hash look-up per word in practice).
// Thread safety: a pure function (the dictionary is only read).
//
// Example:
//   allinea::Features f = allinea::ExtractFeatures(src_doc, tgt_doc, {});
//   f.src[0].length;   // characters of the first source sentence
#ifndef ALLINEA_ANCHORS_H_
#define ALLINEA_ANCHORS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "allinea/dictionary.h"
#include "allinea/segment.h"

namespace allinea {

struct SentenceFeatures {
  std::uint32_t length = 0;             // non-space code points
  std::uint32_t cjk = 0;                // of which CJK (Han, kana, hangul)
  std::vector<std::uint32_t> anchors;   // sorted, unique vocabulary ids
};

struct Features {
  std::vector<SentenceFeatures> src;  // one per source sentence
  std::vector<SentenceFeatures> tgt;  // one per target sentence
  // Vocabulary: anchors[id] is the term ("#2023", "@mistral",
  // "=intelligenza artificiale").
  std::vector<std::string> vocabulary;
};

struct AnchorOptions {
  bool numbers = true;  // use number anchors
  bool names = true;    // use Latin-script name and code anchors
  bool structure = true;  // use "?", "!" and dialogue-label anchors
  // Dictionary hits as "=" terms; nullptr (or an empty dictionary) = none.
  // Not owned: the dictionary must outlive the ExtractFeatures() call.
  const Dictionary* dictionary = nullptr;
};

// Sentences are read in their document's language (Document::language).
// Throws UsageError if ICU has no word rules for a document's language
// (only with a dictionary).
[[nodiscard]] Features ExtractFeatures(const Document& src,
                                       const Document& tgt,
                                       const AnchorOptions& options);

// The anchor terms of one text in `language` (a subtag, "" = unknown), for
// tests and diagnostics: numbers as "#<value>", names as "@<lower-case
// token>", in order of appearance.
[[nodiscard]] std::vector<std::string> AnchorTerms(std::string_view text,
                                                   std::string_view language = {});

}  // namespace allinea

#endif  // ALLINEA_ANCHORS_H_
