// allinea/dictionary.h: bilingual dictionaries, read from the files that
// exist, kept compact and looked up by phrase.
//
// A Dictionary holds entries, each a phrase of its `from` language and a
// phrase of its `to` language that translates it ("intelligenza
// artificiale" / "人工智能"). The lexicon stage (lexicon.h) turns the
// dictionaries that serve a language pair into evidence; this header only
// reads and looks up.
//
// Formats (docs/formats.md), all UTF-8 (a BOM, CRLF and non-NFC text are
// accepted):
//  - kTsv: one entry a line, `FROM<TAB>TO`;
//  - kHunalign: one entry a line, `TO @ FROM` (hunalign's order);
//  - kDictd: a dictd database as FreeDict ships it (Debian's
//    dict-freedict-* packages): NAME.index beside NAME.dict.dz (dictzip,
//    read with zlib) or NAME.dict; the path names either file or NAME.
//    Each entry's headword is a `from` phrase; its translations are the
//    first line of each sense (`1. a, b` or, in a one-sense entry, the first
//    line after the headword), split at commas and semicolons. Gloss lines
//    that follow a sense's translations (definitions in the `from`
//    language), indented example, synonym and cross-reference lines, and the
//    00-database-* entries are left out. Languages come from the name
//    (freedict-ita-eng: it to en);
//  - kCedict: CC-CEDICT's text format, `繁體 简体 [pin1 yin1] /sense 1/sense
//    2/`: both the traditional and the simplified headword are `from`
//    phrases (zh), each sense (split at semicolons) a `to` phrase (en);
//  - kCompiled: the binary form Save() writes (the cache that `allinea dict
//    build` makes), loaded in one read.
// kAuto decides by content: the compiled file's magic, a dictd index (a
// NAME.index or NAME.dict.dz path), a CC-CEDICT line (`X Y [..] /../`), a
// TAB (TSV) or " @ " (hunalign), from the first entry on.
//
// Senses are cleaned (CleanSense, below): notes in parentheses, brackets,
// braces and angle brackets are dropped, "to " before an English verb is
// dropped, and classifier ("CL:"), "variant of", "see ...", "surname ..."
// and other senses that are not translations are left out, as are phrases
// of more than kMaxPhraseWords words.
//
// Words, in the dictionary and in the sentences alike, are what ICU's word
// BreakIterator finds (Chinese and Japanese split by ICU's dictionary), less
// spaces and punctuation, case-folded (Unicode full case folding), split at
// an apostrophe (' or ’), which is dropped: "dell'intelligenza" is the
// words "dell" and "intelligenza". A phrase's *normalised* form is its words
// joined by one space, none between two Han or kana characters:
// "Intelligenza  Artificiale" -> "intelligenza artificiale", "co-fondatore"
// -> "co fondatore", "人工智能" -> "人工智能".
//
// Malformed lines: a line that is not an entry of the file's format (no
// separator, an empty phrase, a phrase of punctuation only) is skipped and
// counted; skipped_lines() and first_skipped() say how many and which, for
// one warning. With DictionaryReadOptions::strict the first such line throws
// InputError "line N: <problem>" naming the file instead.
//
// Errors: a file that cannot be read throws IoError naming it; invalid
// UTF-8 throws InputError with the byte offset; a compiled file that is
// truncated, of another version or inconsistent throws InputError.
//
// Cost: reading a text file is O(n) in its size (plus ICU's word breaks for
// phrases that are not plain ASCII words); a compiled file loads in one read
// and a check of its tables. Memory: the phrases' bytes once each plus 8
// bytes per phrase and per entry in each direction. Look-ups are binary
// searches over the sorted phrases: O(log phrases).
// Thread safety: immutable once made; const methods may be called
// concurrently.
//
// Example:
//   allinea::Dictionary d = allinea::Dictionary::Load("/usr/share/dictd/freedict-ita-eng.index");
//   d.from_language();                                       // "it"
//   auto id = d.Find(allinea::Dictionary::kFrom, "casa");    // a phrase id
//   for (auto t : d.Translations(allinea::Dictionary::kFrom, *id))
//     d.Phrase(allinea::Dictionary::kTo, t);                 // "house", "home"
#ifndef ALLINEA_DICTIONARY_H_
#define ALLINEA_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace allinea {

enum class DictionaryFormat { kAuto, kTsv, kHunalign, kDictd, kCedict, kCompiled };

// "auto", "tsv", "hunalign", "dictd", "cedict", "compiled"; throws
// UsageError for another name.
[[nodiscard]] DictionaryFormat ParseDictionaryFormat(std::string_view name);
[[nodiscard]] std::string_view DictionaryFormatName(DictionaryFormat format);

struct DictionaryReadOptions {
  DictionaryFormat format = DictionaryFormat::kAuto;
  // The first malformed line throws InputError instead of being skipped.
  bool strict = false;
  // The languages of the two sides (subtags: "it", "zh"), when the file
  // does not say (TSV and hunalign files never do; a dictd name and CEDICT
  // do, and win over these). "" = unknown.
  std::string from_language = {};
  std::string to_language = {};
};

// Phrases longer than this many words are descriptions, not translations,
// and are left out.
inline constexpr std::size_t kMaxPhraseWords = 6;

class Dictionary {
 public:
  enum Side : std::uint8_t { kFrom = 0, kTo = 1 };

  // An empty dictionary.
  Dictionary();
  ~Dictionary();
  Dictionary(Dictionary&&) noexcept;
  Dictionary& operator=(Dictionary&&) noexcept;

  // The dictionary of the file at `path` ("-": standard input, not for
  // dictd). Throws IoError, InputError as above; UsageError when a format
  // is forced on a file that is not of it.
  [[nodiscard]] static Dictionary Load(const std::string& path,
                                       const DictionaryReadOptions& options = {});
  // The dictionary of `text` in a text format, read as the file `name`.
  [[nodiscard]] static Dictionary Parse(std::string_view text,
                                        std::string_view name,
                                        const DictionaryReadOptions& options = {});

  // Writes the compiled form to `path`, whole or not at all (IoError).
  void Save(const std::string& path) const;

  // Where it came from (the path given, or the name) and its languages
  // ("" = unknown).
  [[nodiscard]] const std::string& name() const;
  [[nodiscard]] const std::string& from_language() const;
  [[nodiscard]] const std::string& to_language() const;
  // Sets both languages (an empty one keeps the current).
  void SetLanguages(std::string_view from, std::string_view to);

  // Distinct entries (pairs of normalised phrases).
  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] bool empty() const { return size() == 0; }
  // Lines of the file that were not entries and were skipped, and the
  // first of them ("line N: <problem>: <text>"; "" when none).
  [[nodiscard]] std::size_t skipped_lines() const;
  [[nodiscard]] const std::string& first_skipped() const;

  // Distinct normalised phrases of a side; ids are 0..phrases-1, in byte
  // order of the phrases.
  [[nodiscard]] std::size_t phrases(Side side) const;
  [[nodiscard]] std::string_view Phrase(Side side, std::uint32_t id) const;
  // The id of the normalised phrase `phrase` of `side`, if it is one.
  [[nodiscard]] std::optional<std::uint32_t> Find(Side side,
                                                  std::string_view phrase) const;
  // Whether some phrase of `side` is longer than `prefix` and starts with
  // it followed by a word boundary (a space, or nothing after a Han or kana
  // character): the look-up can go on to the next word.
  [[nodiscard]] bool HasLonger(Side side, std::string_view prefix) const;
  // The ids of the phrases of the other side that translate phrase `id` of
  // `side`, sorted.
  [[nodiscard]] std::span<const std::uint32_t> Translations(
      Side side, std::uint32_t id) const;
  // The longest phrase of a side, in words.
  [[nodiscard]] std::size_t max_phrase_words(Side side) const;

  // The normalised `from` phrases whose entries occur in `text` (a text in
  // `language`, "" = the language-neutral word rules): from-side phrases
  // that it holds (side kFrom), or from-side phrases translated by to-side
  // phrases that it holds (side kTo); sorted and unique. For tests and
  // diagnostics. REQUIRES: `text` is NFC UTF-8.
  [[nodiscard]] std::vector<std::string> Match(Side side, std::string_view text,
                                               std::string_view language = {}) const;

  struct Impl;  // private to the library

 private:
  explicit Dictionary(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A sense of a dictionary as a phrase to look for: `sense` without notes in
// (), [], {} or <>, without a leading "to " when `language` is "en" and a
// word follows, trimmed; "" when the sense is no translation ("CL:...",
// "variant of ...", "see ...", "surname ...", "abbr. for ...", "used in
// ...", "pr. ...", "radical ..."). Documented in docs/formats.md.
[[nodiscard]] std::string CleanSense(std::string_view sense,
                                     std::string_view language);

// The normalised form of `phrase` (see above); "" when it has no words.
[[nodiscard]] std::string NormalisePhrase(std::string_view phrase);

}  // namespace allinea

#endif  // ALLINEA_DICTIONARY_H_
