// Times of day as anchor terms.
#include "anchors/times.h"

#include <fmt/format.h>

#include "anchors/numbers.h"
#include "anchors/scan.h"
#include "internal/unicode.h"

namespace allinea::internal {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// One or two ASCII digits at `p`, not followed by a third; advances `p`.
std::optional<int> SmallNumberAt(std::string_view text, std::size_t& p,
                                 std::size_t max_digits) {
  std::size_t q = p;
  int value = 0;
  while (q < text.size() && q - p < max_digits && IsAsciiDigit(text[q])) {
    value = value * 10 + (text[q] - '0');
    ++q;
  }
  if (q == p || (q < text.size() && IsAsciiDigit(text[q]))) return std::nullopt;
  p = q;
  return value;
}

// Exactly two ASCII digits at `p` making minutes (00-59), not followed by
// another digit or by a separator and a digit (a longer number).
std::optional<int> MinutesAt(std::string_view text, std::size_t& p) {
  if (p + 2 > text.size() || !IsAsciiDigit(text[p]) ||
      !IsAsciiDigit(text[p + 1])) {
    return std::nullopt;
  }
  const int minutes = (text[p] - '0') * 10 + (text[p + 1] - '0');
  const std::size_t end = p + 2;
  if (minutes > 59 || (end < text.size() && IsAsciiDigit(text[end])))
    return std::nullopt;
  if (end + 1 < text.size() &&
      (text[end] == '.' || text[end] == ',' || text[end] == ':') &&
      IsAsciiDigit(text[end + 1])) {
    return std::nullopt;
  }
  p = end;
  return minutes;
}

// "am"/"a.m." (false) or "pm"/"p.m." (true) after optional spaces at `p`,
// in any case, as a word of its own; advances `p`.
std::optional<bool> MeridiemAt(std::string_view text, std::size_t& p) {
  std::size_t q = p;
  while (q < text.size() && text[q] == ' ') ++q;
  if (q >= text.size()) return std::nullopt;
  const char first = static_cast<char>(text[q] | 0x20);
  if (first != 'a' && first != 'p') return std::nullopt;
  std::size_t r = q + 1;
  if (r < text.size() && text[r] == '.') ++r;
  if (r >= text.size() || (text[r] | 0x20) != 'm') return std::nullopt;
  ++r;
  if (r < text.size() && text[r] == '.') ++r;
  if (r < text.size() && IsLatinWordChar(CodePointAt(text, r)))
    return std::nullopt;
  p = r;
  return first == 'p';
}

// Words that may follow an Italian hour: "alle 11 e alle 16", "dalle 10
// alle 19", "alle 9 di mattina", "alle 8 in punto". Another word after the
// number makes it a count ("le 20 regioni").
constexpr std::string_view kAfterHour[] = {
    "e", "ed", "o", "di", "del", "della", "in", "circa", "precise",
    "a", "alle", "fino", "dalle", "ora", "ore"};

// An Italian hour without minutes: "alle 16", "dalle 10", "dopo le 19"
// ("le" or "alle"/"dalle" before the number, no noun after it).
bool ItalianHourAt(std::string_view text, std::size_t begin, std::size_t end,
                   int hour) {
  if (hour > 24) return false;
  const std::string before = PreviousWord(text, begin);
  if (before != "le" && before != "alle" && before != "dalle") return false;
  const std::size_t next = SkipSpaces(text, end);
  if (next >= text.size()) return true;
  const std::optional<Word> w = WordAt(text, next);
  if (!w) return true;  // punctuation or a symbol
  if (!w->letters_only) return false;
  for (std::string_view ok : kAfterHour) {
    if (w->lower == ok) return true;
  }
  return false;
}

std::string Term(int hour, int minutes) {
  return fmt::format("time:{:02}:{:02}", hour, minutes);
}

}  // namespace

std::optional<std::string> TimeTermAt(std::string_view text, std::size_t& pos,
                                      std::string_view language) {
  std::size_t p = pos;
  const std::optional<int> hour = SmallNumberAt(text, p, 2);
  if (!hour || *hour > 24) return std::nullopt;
  std::optional<int> minutes;
  bool dotted = false;
  if (p + 1 < text.size() && (text[p] == ':' || text[p] == '.')) {
    std::size_t q = p + 1;
    if (const auto mm = MinutesAt(text, q)) {
      dotted = text[p] == '.';
      minutes = mm;
      p = q;
    }
  }
  if (language == "zh" || language == "ja") {
    // "10点", "10点30分", "10点半", "下午3点".
    if (!minutes && (HasAt(text, p, "点") || HasAt(text, p, "點"))) {
      std::size_t q = p + 3;
      minutes = 0;
      if (HasAt(text, q, "半")) {
        minutes = 30;
        q += 3;
      } else if (std::size_t r = q; const auto mm = SmallNumberAt(text, r, 2)) {
        if (*mm <= 59 && HasAt(text, r, "分")) {
          minutes = *mm;
          q = r + 3;
        }
      }
      p = q;
      int h = *hour;
      const std::string_view head = text.substr(0, pos);
      if (h < 12 && (head.ends_with("下午") || head.ends_with("晚上") ||
                     head.ends_with("傍晚"))) {
        h += 12;
      }
      if (h > 23) return std::nullopt;
      pos = p;
      return Term(h, *minutes);
    }
  }
  std::size_t after = p;
  const std::optional<bool> pm = MeridiemAt(text, after);
  if (pm) {
    if (*hour < 1 || *hour > 12) return std::nullopt;
    const int h = *hour % 12 + (*pm ? 12 : 0);
    pos = after;
    return Term(h, minutes.value_or(0));
  }
  if (!minutes && language == "it" && ItalianHourAt(text, pos, p, *hour)) {
    pos = p;
    return Term(*hour % 24, 0);
  }
  if (!minutes || *hour > 23) return std::nullopt;
  // "3.30" is a number where the language writes a decimal point, and
  // before a scale or percent word anywhere ("6.45 miliardi", "1.25%").
  if (dotted) {
    std::size_t q = p;
    if (!DecimalComma(language) || ScaleWordAt(text, q) != 1 ||
        PercentAt(text, q)) {
      return std::nullopt;
    }
  }
  pos = p;
  return Term(*hour, *minutes);
}

}  // namespace allinea::internal
