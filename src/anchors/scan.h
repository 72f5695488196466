// Private: small scanners over the UTF-8 text of one sentence, shared by the
// anchor extractors (numbers, number words, dates). Each reads forward from
// a byte offset and costs O(what it reads).
#ifndef ALLINEA_SRC_ANCHORS_SCAN_H_
#define ALLINEA_SRC_ANCHORS_SCAN_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace allinea::internal {

// ASCII or full-width digit value, or -1.
[[nodiscard]] int DigitValue(char32_t c);

// A letter or digit of the Latin script (ASCII digits included).
[[nodiscard]] bool IsLatinWordChar(char32_t c);

// `pos` moved past white space (Unicode white space, no-break spaces too).
[[nodiscard]] std::size_t SkipSpaces(std::string_view text, std::size_t pos);

// True if `text` has `s` at byte offset `pos`.
[[nodiscard]] bool HasAt(std::string_view text, std::size_t pos,
                         std::string_view s);

// The code point at `pos`, or 0 at the end.
[[nodiscard]] char32_t CodePointAt(std::string_view text, std::size_t pos);

// A run of Latin word characters (IsLatinWordChar) starting at `pos`.
struct Word {
  std::size_t end = 0;        // byte offset just after it
  std::string lower;          // lower-cased
  bool capitalised = false;   // first letter upper case, no other upper case
  bool lower_case = false;    // no upper-case letter
  bool letters_only = false;  // no digit
};
// nullopt when no Latin word character is at `pos`.
[[nodiscard]] std::optional<Word> WordAt(std::string_view text,
                                         std::size_t pos);

// The lower-cased Latin word that ends at `pos` with only spaces between, ""
// when there is none or it is longer than `max_bytes` (reads at most that).
[[nodiscard]] std::string PreviousWord(std::string_view text, std::size_t pos,
                                       std::size_t max_bytes = 16);

// A plain run of ASCII or full-width digits at `pos`: its value (up to 18
// digits) and how many digits it has; advances `pos`. nullopt (and `pos`
// unchanged) when `pos` has no digit.
struct Integer {
  long long value = 0;
  int digits = 0;
};
[[nodiscard]] std::optional<Integer> IntegerAt(std::string_view text,
                                               std::size_t& pos);

// True if a number continues at `pos`: a digit, or "." or "," before a digit
// ("2024.5"). Used to reject a day or year that is only the start of a number.
[[nodiscard]] bool NumberContinuesAt(std::string_view text, std::size_t pos);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_ANCHORS_SCAN_H_
