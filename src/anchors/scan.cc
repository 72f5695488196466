#include "anchors/scan.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "internal/unicode.h"

namespace allinea::internal {

int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}

bool IsLatinWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  if (!u_isalnum(static_cast<UChar32>(c))) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_LATIN;
}

std::size_t SkipSpaces(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    std::size_t next = pos;
    const char32_t c = NextCodePoint(text, next);
    // U+00A0, U+2007 and U+202F are not "white space" to every definition.
    if (!IsSpace(c) && c != 0xA0 && c != 0x2007 && c != 0x202F) break;
    pos = next;
  }
  return pos;
}

bool HasAt(std::string_view text, std::size_t pos, std::string_view s) {
  return pos <= text.size() && text.substr(pos, s.size()) == s;
}

char32_t CodePointAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  return NextCodePoint(text, pos);
}

std::optional<Word> WordAt(std::string_view text, std::size_t pos) {
  Word w;
  bool upper_first = false;
  bool upper_later = false;
  bool any = false;
  w.letters_only = true;
  std::size_t p = pos;
  while (p < text.size()) {
    std::size_t q = p;
    const char32_t c = NextCodePoint(text, q);
    if (!IsLatinWordChar(c)) break;
    const bool upper = u_isupper(static_cast<UChar32>(c)) != 0;
    (any ? upper_later : upper_first) |= upper;
    w.letters_only &= DigitValue(c) < 0;
    AppendLower(w.lower, c);
    any = true;
    p = q;
  }
  if (!any) return std::nullopt;
  w.end = p;
  w.capitalised = upper_first && !upper_later;
  w.lower_case = !upper_first && !upper_later;
  return w;
}

std::string PreviousWord(std::string_view text, std::size_t pos,
                         std::size_t max_bytes) {
  std::size_t end = pos;
  while (end > 0) {
    std::size_t prev = end;
    const char32_t c = PreviousCodePoint(text, prev);
    if (!IsSpace(c) && c != 0xA0) break;
    end = prev;
  }
  if (end == pos) return {};  // no space before `pos`
  std::size_t begin = end;
  while (begin > 0) {
    if (end - begin > max_bytes) return {};
    std::size_t prev = begin;
    if (!IsLatinWordChar(PreviousCodePoint(text, prev))) break;
    begin = prev;
  }
  if (begin == end || end - begin > max_bytes) return {};
  std::string lower;
  std::size_t p = begin;
  while (p < end) AppendLower(lower, NextCodePoint(text, p));
  return lower;
}

std::optional<Integer> IntegerAt(std::string_view text, std::size_t& pos) {
  Integer n;
  std::size_t p = pos;
  while (p < text.size()) {
    std::size_t q = p;
    const int d = DigitValue(NextCodePoint(text, q));
    if (d < 0) break;
    if (n.digits < 18) n.value = n.value * 10 + d;
    ++n.digits;
    p = q;
  }
  if (n.digits == 0) return std::nullopt;
  pos = p;
  return n;
}

bool NumberContinuesAt(std::string_view text, std::size_t pos) {
  const char32_t c = CodePointAt(text, pos);
  if (DigitValue(c) >= 0) return true;
  if (c != '.' && c != ',') return false;
  return DigitValue(CodePointAt(text, pos + 1)) >= 0;
}

}  // namespace allinea::internal
