// Private helpers over code points shared by several stages.
#ifndef ALLINEA_SRC_INTERNAL_UNICODE_H_
#define ALLINEA_SRC_INTERNAL_UNICODE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace allinea::internal {

// Han, kana, hangul, bopomofo and the CJK punctuation and full-width forms:
// the dense scripts, where one character carries about as much as a word
// part (used for lengths).
[[nodiscard]] bool IsCjk(char32_t c);

// Characters written without spaces between them: IsCjk() less hangul,
// which Korean separates with spaces (used to join lines and sentences).
[[nodiscard]] bool IsUnspaced(char32_t c);

// Unicode white space (ICU's u_isUWhiteSpace).
[[nodiscard]] bool IsSpace(char32_t c);

// The code point that starts at `pos` of well-formed UTF-8 `s`; advances pos.
[[nodiscard]] char32_t NextCodePoint(std::string_view s, std::size_t& pos);

// The code point that ends at `pos` of well-formed UTF-8 `s`; moves pos back.
[[nodiscard]] char32_t PreviousCodePoint(std::string_view s, std::size_t& pos);

// Appends the lower-case form of `c` (simple case mapping) as UTF-8.
void AppendLower(std::string& out, char32_t c);

// Code points in well-formed UTF-8 `s`.
[[nodiscard]] std::size_t CountCodePoints(std::string_view s);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_INTERNAL_UNICODE_H_
