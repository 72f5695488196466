#include "segment/rules.h"

#include <unicode/uchar.h>

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

}  // namespace

void ApplySentenceRules(std::string_view text, std::vector<std::size_t>& breaks) {
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
    }
    if (b > start) {
      out.push_back(b);
      start = b;
    }
  }
  breaks = std::move(out);
}

}  // namespace allinea::internal
