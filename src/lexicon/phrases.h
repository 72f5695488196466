// Private: dictionary phrases as look-ups see them (normalised word
// sequences), and the senses of FreeDict and CC-CEDICT entries cleaned into
// such phrases.
#ifndef ALLINEA_SRC_LEXICON_PHRASES_H_
#define ALLINEA_SRC_LEXICON_PHRASES_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "anchors/words.h"

namespace allinea::internal {

// Normalises phrases with one word BreakIterator (language-neutral rules),
// reused from call to call. Phrases of plain words between spaces (ASCII
// letters and digits, Latin, Greek and Cyrillic letters) skip the
// BreakIterator: their words are the space-separated tokens, case-folded,
// which is what ICU finds for them. Thread safety: one per thread.
class PhraseNormaliser {
 public:
  PhraseNormaliser();

  // The normalised phrase ("" when it has no words), and in `words` how
  // many words it has.
  [[nodiscard]] std::string Normalise(std::string_view phrase, std::size_t& words);

 private:
  WordTokenizer tokenizer_;
  std::vector<std::string> ascii_words_;
};

// Phrase tables are sorted by bytes: `count` phrases, `at(k)` the k-th.
// The first one not less than `key`.
template <typename PhraseAt>
std::uint32_t PhraseLowerBound(std::uint32_t count, const PhraseAt& at,
                               std::string_view key) {
  std::uint32_t lo = 0;
  std::uint32_t hi = count;
  while (lo < hi) {
    const std::uint32_t mid = lo + (hi - lo) / 2;
    if (at(mid) < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

// Whether a phrase of the table is longer than `prefix` and starts with it
// followed by a word boundary: a space, or a Han or kana character after
// one (words written without spaces).
bool HasLongerPhrase(std::uint32_t count,
                     const std::function<std::string_view(std::uint32_t)>& at,
                     std::string_view prefix);

// Appends `word` to the phrase `key` as JoinWords() would join them.
void AppendWord(std::string& key, std::string_view word);

// Splits `text` at `separators` that stand outside (), [], {} and <>,
// trimming each piece; empty pieces are dropped.
[[nodiscard]] std::vector<std::string_view> SplitOutsideBrackets(
    std::string_view text, std::string_view separators);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_LEXICON_PHRASES_H_
