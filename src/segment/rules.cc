#include "segment/rules.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>

#include "internal/unicode.h"

namespace allinea::internal {
namespace {

bool IsOpening(char32_t c) {
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
}

bool IsSymbol(char32_t c) {
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_MATH_SYMBOL || type == U_CURRENCY_SYMBOL ||
         type == U_MODIFIER_SYMBOL || type == U_OTHER_SYMBOL;
}

// The word of `text` that ends at `end` (after trailing white space is
// skipped) or starts at `begin`.
std::string_view WordBefore(std::string_view text, std::size_t end) {
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n') --start;
  return text.substr(start, end - start);
}
std::string_view WordAfter(std::string_view text, std::size_t begin) {
  while (begin < text.size() && text[begin] == ' ') ++begin;
  std::size_t end = begin;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
  return text.substr(begin, end - begin);
}

bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  std::size_t p = 0;
  return u_isupper(static_cast<UChar32>(NextCodePoint(word, p)));
}

// "R." : one capital letter and a period.
bool IsInitial(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return false;
  std::size_t p = 0;
  const char32_t c = NextCodePoint(word, p);
  return p == word.size() - 1 && u_isupper(static_cast<UChar32>(c));
}

// An initial inside a name: "J. R. R. Tolkien", "Arthur C. Clarke". The word
// ending at `period` + 1 is an initial, and either the next word is one too,
// or the previous word is capitalised and so is the next ("in C. Il modello"
// stays a sentence end).
bool IsInitialInName(std::string_view text, std::size_t period) {
  const std::string_view word = WordBefore(text, period + 1);
  if (!IsInitial(word)) return false;
  const std::string_view next = WordAfter(text, period + 1);
  if (IsInitial(next)) return true;
  const std::size_t word_start = period + 1 - word.size();
  const std::string_view previous = WordBefore(text, word_start);
  return StartsUpper(previous) && StartsUpper(next) && word_start > 0 &&
         previous.data() != text.data();  // not the sentence's first word
}

// Joiners inside an emoji sequence: zero-width joiner, variation selectors.
bool IsEmojiJoiner(char32_t c) {
  return c == 0x200D || c == 0xFE0E || c == 0xFE0F;
}

// Past a run of symbols (emoji) that starts at `b` with no space before it,
// when white space or the end follows the run; else `b`.
std::size_t PastGluedSymbols(std::string_view text, std::size_t b) {
  if (b == 0) return b;
  std::size_t before = b;
  if (IsSpace(PreviousCodePoint(text, before))) return b;
  std::size_t p = b;
  while (p < text.size()) {
    std::size_t q = p;
    const char32_t c = NextCodePoint(text, q);
    if (!IsSymbol(c) && !IsEmojiJoiner(c)) break;
    p = q;
  }
  if (p == b) return b;
  std::size_t q = p;
  return p == text.size() || IsSpace(NextCodePoint(text, q)) ? p : b;
}

bool IsClosing(char32_t c) {
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION || c == '"' ||
         c == '\'';
}

// The sentence [start, e) ends with "?", "!", "…" or "..." (closing
// brackets and quotes after it allowed) and the next word, at or after
// `next`, starts with a lower-case letter: in a script with case, the
// sentence goes on ("(anche critiche, dai!) o scrivermi").
bool ContinuesInLowerCase(std::string_view text, std::size_t start,
                          std::size_t e, std::size_t next) {
  std::size_t p = e;
  char32_t c = 0;
  while (p > start) {
    c = PreviousCodePoint(text, p);
    if (!IsClosing(c)) break;
  }
  const bool terminal =
      c == '?' || c == '!' || c == 0x2026 ||
      (c == '.' && p >= start + 2 && text.substr(p - 2, 2) == "..");
  if (!terminal) return false;
  while (next < text.size()) {
    std::size_t q = next;
    const char32_t d = NextCodePoint(text, q);
    if (!IsSpace(d)) return u_islower(static_cast<UChar32>(d)) != 0;
    next = q;
  }
  return false;
}

// The piece is only a list marker ("1.", "12.", "a)"), as ICU leaves it
// before a capitalised item ("1. Primo punto").
bool IsListMarker(std::string_view piece) {
  std::size_t b = 0;
  std::size_t e = piece.size();
  while (b < e && piece[b] == ' ') ++b;
  while (e > b && piece[e - 1] == ' ') --e;
  piece = piece.substr(b, e - b);
  if (piece.size() < 2 || (piece.back() != '.' && piece.back() != ')')) {
    return false;
  }
  const std::string_view body = piece.substr(0, piece.size() - 1);
  if (body.size() == 1 && std::isalpha(static_cast<unsigned char>(body[0]))) {
    return true;
  }
  return body.size() <= 3 &&
         body.find_first_not_of("0123456789") == std::string_view::npos;
}

// The break at `b` falls inside a URL or an e-mail address: a token without
// white space around the break that holds "://", starts with "www." or has
// an "@" followed by a dot ("https://x.org/a?b=1", "mario@rossi.it").
bool InsideAddress(std::string_view text, std::size_t b) {
  if (b == 0 || b >= text.size() || text[b] == ' ' || text[b - 1] == ' ') {
    return false;
  }
  std::size_t start = b;
  while (start > 0 && text[start - 1] != ' ') --start;
  std::size_t end = b;
  while (end < text.size() && text[end] != ' ') ++end;
  const std::string_view token = text.substr(start, end - start);
  if (token.find("://") != std::string_view::npos) return true;
  if (token.substr(0, 4) == "www.") return true;
  const std::size_t at = token.find('@');
  return at != std::string_view::npos && at > 0 &&
         token.find('.', at) != std::string_view::npos;
}

// In unspaced text, a quotation that ends with its own question or
// exclamation mark and is followed at once by more text ("“你来吗？”她问。")
// does not end the sentence: the break ICU puts after the closing quote
// goes. A full stop "。" always ends one, inside quotes too.
bool QuotationGoesOn(std::string_view text, std::size_t start, std::size_t b) {
  if (b >= text.size()) return false;
  std::size_t p = b;
  bool quoted = false;
  char32_t c = 0;
  while (p > start) {
    c = PreviousCodePoint(text, p);
    if (c != 0x201D && c != 0x300D && c != 0x300F) break;  // ” 」 』
    quoted = true;
  }
  if (!quoted) return false;
  const bool terminal = c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?';
  std::size_t n = b;
  const char32_t next = NextCodePoint(text, n);
  return terminal && IsUnspaced(next) && !IsOpening(next) &&
         u_charType(static_cast<UChar32>(next)) != U_OTHER_PUNCTUATION;
}

}  // namespace

void ApplySentenceRules(std::string_view text, const Abbreviations& abbreviations,
                        std::vector<std::size_t>& breaks) {
  std::vector<std::size_t> out;
  std::size_t start = 0;
  for (std::size_t k = 0; k < breaks.size(); ++k) {
    std::size_t b = breaks[k];
    if (b >= text.size() || b <= start) {
      out.push_back(b);
      start = b;
      continue;
    }
    // Trailing opening punctuation glued to the next sentence moves there.
    std::size_t after = b;
    if (!IsSpace(NextCodePoint(text, after))) {
      std::size_t p = b;
      while (p > start) {
        std::size_t q = p;
        if (!IsOpening(PreviousCodePoint(text, q))) break;
        p = q;
      }
      b = p;
    }
    // Emoji glued to the end of a sentence stay with it ("Aude!👋").
    b = PastGluedSymbols(text, b);
    // A period right after a symbol ("|.") ends no sentence.
    std::size_t e = b;
    while (e > start) {
      std::size_t q = e;
      if (!IsSpace(PreviousCodePoint(text, q))) break;
      e = q;
    }
    if (e > start && text[e - 1] == '.') {
      std::size_t q = e - 1;
      if (q > start && IsSymbol(PreviousCodePoint(text, q))) continue;
      // An abbreviation or an initial ends no sentence.
      if (abbreviations.EndsWithAbbreviation(text, e)) continue;
      if (IsInitialInName(text, e - 1)) continue;
    }
    if (ContinuesInLowerCase(text, start, e, b)) continue;
    if (IsListMarker(text.substr(start, e - start))) continue;
    if (InsideAddress(text, b)) continue;
    if (QuotationGoesOn(text, start, b)) continue;
    if (b > start) {
      out.push_back(b);
      start = b;
    }
  }
  breaks = std::move(out);
}

void AddEllipsisBreaks(std::string_view text, std::vector<std::size_t>& breaks) {
  std::vector<std::size_t> added;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // An ellipsis: a run of "…" or of three or more ".".
    std::size_t end = pos;
    int dots = 0;
    int marks = 0;
    while (end < text.size()) {
      if (text[end] == '.') {
        ++dots, ++end;
      } else if (text.substr(end, 3) == "\u2026") {
        ++marks, end += 3;
      } else {
        break;
      }
    }
    if (marks == 0 && dots < 3) {
      std::size_t next = pos;
      (void)NextCodePoint(text, next);
      pos = next;
      continue;
    }
    // Closing quotes and brackets stay with the ellipsis.
    while (end < text.size()) {
      std::size_t q = end;
      if (!IsClosing(NextCodePoint(text, q))) break;
      end = q;
    }
    if (end < text.size()) {
      std::size_t q = end;
      const char32_t c = NextCodePoint(text, q);
      if (marks >= 2 && IsUnspaced(c) && !IsOpening(c) &&
          u_charType(static_cast<UChar32>(c)) != U_OTHER_PUNCTUATION) {
        added.push_back(end);  // "……后来"
      } else if (IsSpace(c)) {
        std::size_t w = end;
        while (w < text.size()) {
          std::size_t r = w;
          if (!IsSpace(NextCodePoint(text, r))) break;
          w = r;
        }
        std::size_t r = w;
        if (w < text.size() && u_isupper(static_cast<UChar32>(NextCodePoint(text, r)))) {
          added.push_back(w);  // "… Tutto"
        }
      }
    }
    pos = end > pos ? end : pos + 1;
  }
  if (added.empty()) return;
  breaks.insert(breaks.end(), added.begin(), added.end());
  std::sort(breaks.begin(), breaks.end());
  breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
}

}  // namespace allinea::internal
