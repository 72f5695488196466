// allinea/anchors.h: the features stage, what the scorer knows of each
// sentence.
//
// For every sentence: its length in characters (code points that are not
// white space), how many of them are CJK, and its anchor terms, which are
// evidence that two sentences translate each other when both carry the same
// one. Each kind of term has its own form, and the form says which
// AnchorOptions switch covers it:
//
// numbers (AnchorOptions::numbers):
//  - "#<value>": numbers as values, with at most 6 significant digits.
//    ASCII or full-width digits with their separators, read in the
//    convention of the document's language ("1.000,5" in Italian, "1,000.5"
//    in English), times a following scale word ("miliardi", "million",
//    "bn", "亿", "万"), so that "6 miliardi", "60 亿" and "6 billion" are
//    one term ("#6000000000"); Chinese numerals in Chinese and Japanese
//    text ("六十亿", "兩萬"; not the article "一个", nor "十分", "三分之一",
//    "第二", "十几"); Italian and English number words in a numeric context
//    ("dodici persone", "sei milioni", "twenty-one"; never "uno", "one" or
//    "a" alone; "sei" only as a count: see docs/algorithm.md);
//    English ordinals ("21st" = "#21"). A range gives both ends
//    ("2023-2024", "2023–2024").
//  - "%<value>": percentages: "65%", "65 %", "65％", "65 per cento",
//    "65 percent", "sessantacinque per cento", "百分之六十五" are "%65".
//  - "date:<yyyy>-<mm>-<dd>", "date:<yyyy>-<mm>", "date:--<mm>-<dd>": dates
//    as values: "7 agosto 2024", "2024年8月7日", "August 7, 2024",
//    "7 August 2024" and "2024-08-07" are "date:2024-08-07"; "agosto 2024"
//    and "2024年8月" are "date:2024-08"; "7 agosto" and "8月7日" are
//    "date:--08-07". A date takes its numbers: no "#7" nor "#2024" beside
//    it (a year alone stays "#2024").
//  - "month:<m>": a month alone: "giugno", "June", "6月", "六月" are
//    "month:6" (English "May" and "March" count only in a date). Month
//    names are known in Italian, English, French, Spanish, Portuguese and
//    German; other languages keep the numbers of their dates.
//  - "time:<HH>:<MM>": a time of day, 24-hour: "alle 22.30", "at 10.30 pm",
//    "22:30" and "晚上10点30分" are "time:22:30" ("H.MM" only where the
//    language writes a decimal comma, or before am/pm).
// names (AnchorOptions::names):
//  - "@<lower-case token>": Latin-script tokens that contain a digit
//    ("405B", "GPT-4o", "v2.0.1": a code goes on across a hyphen or period
//    before digits) or that start with a capital letter and are not the
//    first word of their sentence ("Mistral"), or that have a capital after
//    their first letter, wherever they stand ("OpenAI", "CNBC", "iPhone";
//    never the pronoun "I"), compared case-insensitively. When both documents are in Latin-script languages,
//    a capitalised common word of either language ("Il", "The", "La" after
//    a colon or a quote; data/lang/<lang>/common-words.txt, built in) is no
//    name.
// structure (AnchorOptions::structure):
//  - "?" and "!" (also full-width) for questions and exclamations;
//  - "label:q" and "label:a" for dialogue labels at the start of a
//    sentence: "D:", "Q:", "问:" and "R:", "A:", "答:";
//  - "quote" for a sentence with a quotation mark (“ ” „ « » ‹ › " 「 」
//    『 』…; not single quotes, which double as apostrophes): a quotation
//    split into two sentences marks both;
//  - "item" for a list item: a sentence that opens with a bullet ("•", "-",
//    "*", "·"…) or an item marker ("1.", "1)", "a)", "1、", "一、", "（1）");
//    a numbered marker also gives its number ("#1").
// Words of dictionaries are not anchors: with AnchorOptions::dictionaries,
// Features::lexical holds them (lexicon.h).
// Anchors of both documents share one vocabulary, so that the scorer compares
// small integers.
//
// Cost: O(n) in the text size; with dictionaries, plus the lexicon stage's
// (lexicon.h).
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

#include "allinea/lexicon.h"
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
  // Vocabulary: anchors[id] is the term ("#2023", "@mistral", "?").
  std::vector<std::string> vocabulary;
  // Each sentence's dictionary terms and their concepts (lexicon.h); empty
  // without dictionaries.
  LexicalFeatures lexical;
};

struct AnchorOptions {
  // Numbers, percentages, dates, months and times ("#", "%", "date:",
  // "month:", "time:").
  bool numbers = true;
  // Latin-script names and codes ("@").
  bool names = true;
  // "?", "!", dialogue labels, "quote" and "item".
  bool structure = true;
  // The dictionaries to draw lexical features from (Features::lexical);
  // nullptr = none. Not owned: must outlive the ExtractFeatures() call.
  const DictionarySet* dictionaries = nullptr;
};

// The features of every sentence of both documents, each read in its
// document's `language` (and names with the stoplist of the pair, above).
// With dictionaries, Features::lexical is ExtractLexicalFeatures(): throws
// as it does.
[[nodiscard]] Features ExtractFeatures(const Document& src,
                                       const Document& tgt,
                                       const AnchorOptions& options);

// What a term stands for, by its form: a value ("#", "%", "month:",
// "time:"), a date ("date:"), a name or code ("@"), or structure
// (punctuation, quotation and list marks, dialogue labels). The one place
// that reads term forms; the scorer and the anchor points ask it.
enum class TermKind { kValue, kDate, kName, kStructure };
[[nodiscard]] TermKind KindOfTerm(std::string_view term);

// How many sentences of each side carry each vocabulary term: src[id] and
// tgt[id]. O(anchors).
struct TermCounts {
  std::vector<std::uint32_t> src;
  std::vector<std::uint32_t> tgt;
};
[[nodiscard]] TermCounts CountTerms(const Features& features);

// The anchor terms of one text in `language` (a subtag, "" = unknown), for
// tests and diagnostics, in order of appearance (forms above).
// `other_language` is the language of the text it will be compared with:
// when both are written in Latin script, common words are no names, as in
// ExtractFeatures.
[[nodiscard]] std::vector<std::string> AnchorTerms(std::string_view text,
                                                   std::string_view language = {},
                                                   std::string_view other_language = {});

}  // namespace allinea

#endif  // ALLINEA_ANCHORS_H_
