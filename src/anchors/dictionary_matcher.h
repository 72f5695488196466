// Private: finding a Dictionary's phrases in the sentences of one document,
// with one word BreakIterator for the whole document.
#ifndef ALLINEA_SRC_ANCHORS_DICTIONARY_MATCHER_H_
#define ALLINEA_SRC_ANCHORS_DICTIONARY_MATCHER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "allinea/dictionary.h"
#include "anchors/words.h"

namespace allinea::internal {

class DictionaryMatcher {
 public:
  enum class Side { kSource, kTarget };

  // Matches the phrases of `side` in texts of `language` (a subtag, "" =
  // unknown). Keeps a reference: `dictionary` must outlive the matcher.
  // Throws UsageError if ICU has no word rules for the language.
  DictionaryMatcher(const Dictionary& dictionary, Side side,
                    std::string_view language);

  // The ids of the source phrases that `text` holds (kSource) or holds a
  // translation of (kTarget); sorted, unique, valid until the next call.
  // O(words of text * longest phrase). REQUIRES: `text` is NFC UTF-8.
  [[nodiscard]] std::span<const std::uint32_t> Find(std::string_view text);

  // The normalised source phrase of a phrase id that Find() returned.
  [[nodiscard]] const std::string& Phrase(std::uint32_t id) const;

 private:
  const Dictionary::Impl& dict_;
  Side side_;
  WordTokenizer words_;
  std::vector<std::uint32_t> ids_;   // word ids of the text being matched
  std::vector<std::uint32_t> hits_;  // phrase ids found
};

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_ANCHORS_DICTIONARY_MATCHER_H_
