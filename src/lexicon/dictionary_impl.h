// Private: a Dictionary's tables, the builder that makes them from parsed
// entries, and the readers of each file format.
#ifndef ALLINEA_SRC_LEXICON_DICTIONARY_IMPL_H_
#define ALLINEA_SRC_LEXICON_DICTIONARY_IMPL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "allinea/dictionary.h"
#include "lexicon/phrases.h"

namespace allinea {

// One side's phrases, sorted by bytes, with the ids of their translations
// on the other side (compressed rows: phrase k's are
// translations[translation_begin[k], translation_begin[k + 1])).
struct DictionarySide {
  std::vector<std::uint32_t> offsets{0};  // phrase k is bytes[offsets[k], offsets[k + 1])
  std::string bytes;
  std::vector<std::uint32_t> translation_begin{0};
  std::vector<std::uint32_t> translations;
  std::uint32_t max_words = 0;

  [[nodiscard]] std::size_t size() const { return offsets.size() - 1; }
  [[nodiscard]] std::string_view Phrase(std::uint32_t id) const {
    return std::string_view(bytes).substr(offsets[id], offsets[id + 1] - offsets[id]);
  }
};

struct Dictionary::Impl {
  std::string name;
  std::string from_language;
  std::string to_language;
  std::size_t skipped = 0;
  std::string first_skipped;
  std::size_t entries = 0;
  DictionarySide sides[2];
};

namespace internal {

// Collects entries (pairs of raw phrases), normalises them, and makes the
// tables. Phrases with no words or more than kMaxPhraseWords are dropped.
class DictionaryBuilder {
 public:
  explicit DictionaryBuilder(std::string name) { impl_.name = std::move(name); }

  void SetLanguages(std::string_view from, std::string_view to);
  [[nodiscard]] const std::string& from_language() const { return impl_.from_language; }
  [[nodiscard]] const std::string& to_language() const { return impl_.to_language; }

  // Adds the entry (from, to), raw phrases; false if either has no words
  // (nothing is added then).
  bool Add(std::string_view from, std::string_view to);
  // Adds entries from one `from` phrase to each of `to` (already cleaned).
  // Returns how many were added.
  std::size_t AddAll(std::string_view from, const std::vector<std::string>& to);

  // Room for about `entries` entries (a file's line count).
  void Reserve(std::size_t entries);

  // A line that was skipped: counted, the first remembered.
  void Skip(std::size_t line, std::string_view problem, std::string_view text);
  [[nodiscard]] std::size_t skipped() const { return impl_.skipped; }

  // The tables, sorted and unique.
  [[nodiscard]] Dictionary::Impl Finish() &&;

 private:
  std::uint32_t Intern(int side, std::string phrase, std::size_t words);

  Dictionary::Impl impl_;
  PhraseNormaliser normaliser_;
  std::unordered_map<std::string, std::uint32_t> ids_[2];
  std::vector<std::string> phrases_[2];
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs_;
};

// Calls f(line_number, line) for each line of `text` that is neither blank
// nor a comment ('#' first).
template <typename F>
void ForEachEntryLine(std::string_view text, F&& f) {
  std::size_t begin = 0;
  std::size_t number = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    ++number;
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    f(number, line);
  }
}

// The readers (dictionary_readers.cc). Each fills `builder` from `text`
// (NFC, as DecodeText makes it) or from the files of a dictd database;
// `strict` throws InputError naming `name` at the first malformed line.
void ReadTsvOrHunalign(std::string_view text, const std::string& name, bool strict,
                       DictionaryFormat format, DictionaryBuilder& builder);
void ReadCedict(std::string_view text, const std::string& name, bool strict,
                DictionaryBuilder& builder);
// `path` names NAME.index, NAME.dict.dz, NAME.dict or NAME.
void ReadDictd(const std::string& path, bool strict, DictionaryBuilder& builder);
// Whether `path` names a dictd database (its .index, .dict or .dict.dz, or
// NAME with NAME.index beside it).
[[nodiscard]] bool IsDictdPath(const std::string& path);
// Whether `line` looks like a CC-CEDICT entry.
[[nodiscard]] bool IsCedictLine(std::string_view line);

// The compiled form (dictionary_file.cc).
[[nodiscard]] bool IsCompiled(std::string_view bytes);
[[nodiscard]] Dictionary::Impl ReadCompiled(std::string_view bytes, const std::string& name);
void WriteCompiled(const Dictionary::Impl& impl, std::ostream& out);

// A two- or three-letter language code of a dictionary name ("ita") as a
// subtag ("it"), by ICU's canonicalisation; "" when ICU does not know it.
[[nodiscard]] std::string LanguageOfCode(std::string_view code);

}  // namespace internal
}  // namespace allinea

#endif  // ALLINEA_SRC_LEXICON_DICTIONARY_IMPL_H_
