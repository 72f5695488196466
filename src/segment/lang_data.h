// Private: the per-language data of the segmenter (data/lang/<lang>/*.txt),
// compiled into the library, and the abbreviation lists read from it.
#ifndef ALLINEA_SRC_SEGMENT_LANG_DATA_H_
#define ALLINEA_SRC_SEGMENT_LANG_DATA_H_

#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace allinea::internal {

struct LangDataFile {
  std::string_view lang;     // "it"
  std::string_view name;     // "abbreviations.txt"
  std::string_view content;  // the file, verbatim
};

// Every file of data/lang/ at build time (generated: lang_data_files.cc).
[[nodiscard]] std::span<const LangDataFile> BuiltInLangData();

// The text of `lang`/`name`: from `dir` (a --lang-data folder) when it has
// the file, else built in; nullopt-like empty `found` when neither has it.
// Throws IoError or InputError for an unreadable or invalid file in `dir`.
struct LangText {
  bool found = false;
  std::string text;
  std::string origin;  // the file it came from, for messages
};
[[nodiscard]] LangText LoadLangData(std::string_view lang, std::string_view name,
                                    const std::string& dir);

// The entries of a data file: its lines with white space trimmed, blank
// lines and "#" comments left out (the format of docs/lang-data.md).
[[nodiscard]] std::vector<std::string_view> DataEntries(std::string_view text);

// Abbreviations after which no sentence ends ("Dott.", "ad es.").
class Abbreviations {
 public:
  // Parses the abbreviations.txt format (docs/lang-data.md).
  static Abbreviations Parse(std::string_view text);
  [[nodiscard]] bool empty() const { return single_.empty() && multi_.empty(); }
  // True if `text` up to `end` (just after a period) ends with one of the
  // abbreviations, starting at a word start.
  [[nodiscard]] bool EndsWithAbbreviation(std::string_view text,
                                          std::size_t end) const;

 private:
  std::unordered_set<std::string> single_;  // one token: "Dott."
  std::vector<std::string> multi_;          // with spaces: "ad es."
};

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_SEGMENT_LANG_DATA_H_
