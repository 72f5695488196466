#include "internal/unicode.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace allinea::internal {

bool IsCjk(char32_t c) {
  if (c < 0x2E80) return false;
  // CJK symbols and punctuation, full-width forms: part of unspaced text.
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)) {
    return true;
  }
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  if (U_FAILURE(status)) return false;
  switch (script) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
      return true;
    default:
      return false;
  }
}

bool IsUnspaced(char32_t c) {
  if (!IsCjk(c)) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) != USCRIPT_HANGUL;
}

bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

char32_t NextCodePoint(std::string_view s, std::size_t& pos) {
  UChar32 c = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(pos);
  U8_NEXT_OR_FFFD(p, i, static_cast<int32_t>(s.size()), c);
  pos = static_cast<std::size_t>(i);
  return static_cast<char32_t>(c);
}

char32_t PreviousCodePoint(std::string_view s, std::size_t& pos) {
  UChar32 c = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(pos);
  U8_PREV_OR_FFFD(p, 0, i, c);
  pos = static_cast<std::size_t>(i);
  return static_cast<char32_t>(c);
}

void AppendLower(std::string& out, char32_t c) {
  const UChar32 lower = u_tolower(static_cast<UChar32>(c));
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, lower);
  out.append(buf, static_cast<std::size_t>(len));
}

std::size_t CountCodePoints(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char b : s) n += (b & 0xC0) != 0x80;
  return n;
}

}  // namespace allinea::internal
