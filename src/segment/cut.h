// Private: the cut of an over-long sentence into pieces of bounded length.
#ifndef ALLINEA_SRC_SEGMENT_CUT_H_
#define ALLINEA_SRC_SEGMENT_CUT_H_

#include <unicode/brkiter.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace allinea::internal {

// Cuts sentences longer than a limit, in code points, into pieces of at most
// the limit. Each cut is made, in order of preference, after the last clause
// mark (, ; : and their full-width forms, 、) in the second half of the
// piece, at the last word boundary of the language's word rules, inside one
// enormous word at the last grapheme boundary, and else at the last code
// point; only where the caller allows a cut. Where it allows none within
// the limit (a run of thousands of combining marks that NFC reordered) the
// piece runs on to the first place it allows. The word rules see only a
// window of the limit plus a little look-ahead, so cutting costs O(length)
// even in unspaced text, where ICU's word rules use a dictionary.
// Thread safety: Cut() is const and works on clones of the iterators.
class SentenceCutter {
 public:
  // `language` as in SegmentOptions; `max_chars` >= 1.
  SentenceCutter(const char* language, std::size_t max_chars);

  // Whether a cut may fall at a byte offset of the sentence (a code point
  // boundary strictly inside it).
  using CutAllowed = std::function<bool(std::size_t)>;

  // The pieces of the sentence `text` (NFC UTF-8, with line breaks read as
  // spaces by the caller) as byte ranges [begin, end) of `text`, in order
  // and covering it; the pieces may begin or end with white space, which
  // the caller trims. One piece, the whole, when it is within the limit.
  // `allowed` empty: a cut may fall anywhere.
  [[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> Cut(
      std::string_view text, const CutAllowed& allowed = {}) const;

 private:
  std::size_t max_chars_;
  std::unique_ptr<icu::BreakIterator> words_;
  std::unique_ptr<icu::BreakIterator> graphemes_;
};

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_SEGMENT_CUT_H_
