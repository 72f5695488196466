// allinea/dictionary.h: bilingual dictionaries, words and phrases whose
// presence on both sides is evidence that two sentences translate each other.
//
// A Dictionary holds entries, each a source phrase and a target phrase of one
// or more words ("intelligenza artificiale" / "人工智能"). A phrase occurs in
// a sentence when its words appear there consecutively; the features stage
// (anchors.h, AnchorOptions::dictionary) gives a source sentence that holds a
// source phrase, and a target sentence that holds a target phrase
// translating it, the same anchor term.
//
// Files, in either of two formats (docs/formats.md), UTF-8:
//   - hunalign's: one entry a line, `TARGET @ SOURCE` (the target phrase
//     first, then " @ ", then the source phrase);
//   - TSV: one entry a line, `SOURCE<TAB>TARGET`.
// The first entry of a file decides its format: a TAB makes it TSV, else
// " @ " makes it hunalign's. Every other entry must then be in the same
// format (exactly one TAB; or one " @ " and no TAB). Blank lines and lines
// whose first non-space character is '#' are skipped; white space around a
// phrase is ignored. Several files may be added to one Dictionary.
//
// Words, in the dictionary and in the sentences alike, are what ICU's word
// BreakIterator finds (Chinese and Japanese are split by ICU's dictionary),
// less spaces and punctuation, case-folded (Unicode full case folding), and
// split at an apostrophe (' or ’), which is dropped: "dell'intelligenza" is
// the words "dell" and "intelligenza", "Europe's" is "europe" and "s".
// Phrases are read with the language-neutral word rules, sentences with
// their document's language. The *normalised* form of a phrase is its words
// joined by one space (none between two Han or kana characters):
// "Intelligenza  Artificiale" -> "intelligenza artificiale", "co-fondatore"
// -> "co fondatore", "人工智能" -> "人工智能".
//
// Errors: a file that cannot be read throws IoError naming it; invalid UTF-8
// throws InputError with the byte offset; a malformed entry throws
// InputError naming the file with the message "line N: <problem>" (one
// line, "FILE: line N: ..." from Describe()). On an error the dictionary is
// left unchanged.
//
// Cost: loading is O(n) in the file size. Look-ups hash word sequences:
// matching a text is O(words * L), L the longest phrase in words, and about
// one hash look-up per word in practice. Memory is O(total words of the
// entries). Thread safety: loading modifies the dictionary; once loaded,
// const methods may be called concurrently.
//
// Example:
//   allinea::Dictionary dict = allinea::Dictionary::Load("it-zh.dict");
//   dict.MatchSource("Studiamo l'intelligenza artificiale.", "it");
//       // {"intelligenza artificiale"}
//   dict.MatchTarget("我们研究人工智能。", "zh");
//       // {"intelligenza artificiale"}: the source phrases it translates
#ifndef ALLINEA_DICTIONARY_H_
#define ALLINEA_DICTIONARY_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace allinea {

namespace internal {
class DictionaryMatcher;
}  // namespace internal

class Dictionary {
 public:
  // An empty dictionary; AddFile() and AddText() add entries.
  Dictionary();
  ~Dictionary();
  // A moved-from dictionary may only be assigned to or destroyed.
  Dictionary(Dictionary&&) noexcept;
  Dictionary& operator=(Dictionary&&) noexcept;

  // The dictionary of the file at `path` ("-": standard input).
  // Throws as AddFile().
  [[nodiscard]] static Dictionary Load(const std::string& path);
  // The dictionary of `text`, read as the file called `name` (for messages).
  // Throws as AddText().
  [[nodiscard]] static Dictionary Parse(std::string_view text,
                                        std::string_view name);

  // Adds the entries of the file at `path` ("-": standard input).
  // Throws IoError if it cannot be read, InputError as AddText().
  void AddFile(const std::string& path);
  // Adds the entries of `text` (the bytes of a dictionary file; a BOM, CRLF
  // line ends and non-NFC text are accepted) called `name` in messages.
  // Throws InputError naming `name` for invalid UTF-8 (with the byte offset)
  // and for a malformed line ("line N: ..."): a line of neither format, a
  // line in the other format than the file's first entry, more than one
  // separator, or a phrase that is empty or has no words (only punctuation).
  void AddText(std::string_view text, std::string_view name);

  // Distinct entries (pairs of normalised phrases).
  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] bool empty() const { return size() == 0; }
  // The longest phrase of either side, in words.
  [[nodiscard]] std::size_t max_phrase_words() const;

  // The normalised source phrases of the entries whose source phrase occurs
  // in `text`, a source-language text in `language` (a subtag, "" = unknown),
  // sorted and unique. These are the dictionary anchor terms of a source
  // sentence, without their "=". Creates an ICU break iterator per call:
  // for tests and diagnostics; ExtractFeatures() reuses one per document.
  // REQUIRES: `text` is NFC UTF-8 (as Sentence::normalized).
  [[nodiscard]] std::vector<std::string> MatchSource(
      std::string_view text, std::string_view language = {}) const;
  // The normalised source phrases translated by the target phrases that
  // occur in `text`, a target-language text; sorted and unique. These are
  // the dictionary anchor terms of a target sentence, without their "=".
  // REQUIRES: as MatchSource().
  [[nodiscard]] std::vector<std::string> MatchTarget(
      std::string_view text, std::string_view language = {}) const;

 private:
  friend class internal::DictionaryMatcher;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace allinea

#endif  // ALLINEA_DICTIONARY_H_
