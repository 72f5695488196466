#include "anchors/dates.h"

#include <fmt/format.h>

#include <array>

#include "anchors/numbers.h"
#include "anchors/scan.h"

namespace allinea::internal {
namespace {

enum class MonthKind {
  kFull,          // a month on its own: "giugno", "June"
  kNeedsDate,     // only next to a day or a year: "May", "March"
  kAbbreviation,  // likewise, and may take a period: "ago.", "Sept."
};

using MonthNames = std::array<std::string_view, 12>;  // lower case

// How a language writes dates with month names.
struct DateStyle {
  std::string_view language;
  bool capitalised;             // month names take a capital: "August", "Mai"
  bool month_day;               // a day may follow the month: "August 7"
  std::string_view joiner;      // may stand before the month or the year:
                                // "7 de agosto de 2024", "agosto del 2024"
  std::string_view day_suffix;  // after the day besides "º", "°": "7. Mai"
  const MonthNames& months;
};

constexpr MonthNames kItalian = {
    "gennaio", "febbraio", "marzo",     "aprile",  "maggio",   "giugno",
    "luglio",  "agosto",   "settembre", "ottobre", "novembre", "dicembre"};
constexpr MonthNames kEnglish = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr MonthNames kFrench = {"janvier",   "février", "mars",     "avril",
                                "mai",       "juin",    "juillet",  "août",
                                "septembre", "octobre", "novembre", "décembre"};
constexpr MonthNames kSpanish = {
    "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
    "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
constexpr MonthNames kPortuguese = {
    "janeiro", "fevereiro", "março",    "abril",   "maio",     "junho",
    "julho",   "agosto",    "setembro", "outubro", "novembro", "dezembro"};
constexpr MonthNames kGerman = {"januar",    "februar", "märz",     "april",
                                "mai",       "juni",    "juli",     "august",
                                "september", "oktober", "november", "dezember"};

// language, capitalised, month_day, joiner, day_suffix, months
constexpr DateStyle kStyles[] = {
    {"it", false, false, "del", "", kItalian},
    {"en", true, true, "of", "", kEnglish},
    {"fr", false, false, "", "", kFrench},
    {"es", false, false, "de", "", kSpanish},
    {"pt", false, false, "de", "", kPortuguese},
    {"de", true, false, "", ".", kGerman},
};

const DateStyle* StyleOf(std::string_view language) {
  for (const DateStyle& style : kStyles) {
    if (style.language == language) return &style;
  }
  return nullptr;
}

// Names besides the months of kStyles: ambiguous words, variants and
// abbreviations.
struct MonthName {
  std::string_view language;
  std::string_view name;  // lower case
  int month;
  MonthKind kind;
};

constexpr MonthName kOtherNames[] = {
    {"en", "march", 3, MonthKind::kNeedsDate},
    {"en", "may", 5, MonthKind::kNeedsDate},
    {"es", "setiembre", 9, MonthKind::kFull},
    {"de", "jänner", 1, MonthKind::kFull},
    {"it", "gen", 1, MonthKind::kAbbreviation},
    {"it", "feb", 2, MonthKind::kAbbreviation},
    {"it", "mar", 3, MonthKind::kAbbreviation},
    {"it", "apr", 4, MonthKind::kAbbreviation},
    {"it", "mag", 5, MonthKind::kAbbreviation},
    {"it", "giu", 6, MonthKind::kAbbreviation},
    {"it", "lug", 7, MonthKind::kAbbreviation},
    {"it", "ago", 8, MonthKind::kAbbreviation},
    {"it", "set", 9, MonthKind::kAbbreviation},
    {"it", "sett", 9, MonthKind::kAbbreviation},
    {"it", "ott", 10, MonthKind::kAbbreviation},
    {"it", "nov", 11, MonthKind::kAbbreviation},
    {"it", "dic", 12, MonthKind::kAbbreviation},
    {"en", "jan", 1, MonthKind::kAbbreviation},
    {"en", "feb", 2, MonthKind::kAbbreviation},
    {"en", "mar", 3, MonthKind::kAbbreviation},
    {"en", "apr", 4, MonthKind::kAbbreviation},
    {"en", "jun", 6, MonthKind::kAbbreviation},
    {"en", "jul", 7, MonthKind::kAbbreviation},
    {"en", "aug", 8, MonthKind::kAbbreviation},
    {"en", "sep", 9, MonthKind::kAbbreviation},
    {"en", "sept", 9, MonthKind::kAbbreviation},
    {"en", "oct", 10, MonthKind::kAbbreviation},
    {"en", "nov", 11, MonthKind::kAbbreviation},
    {"en", "dec", 12, MonthKind::kAbbreviation},
};

// The month named by the Latin word at `pos`, and the end of the name (past
// the period of an abbreviation).
struct Month {
  int month = 0;
  MonthKind kind = MonthKind::kFull;
  std::size_t end = 0;
  bool period = false;  // an abbreviation with its period: "ago.", "Aug."
};

// `in_date`: a day is before it, so that the case matters less;
// `sentence_initial`: the word opens its sentence.
std::optional<Month> MonthAt(std::string_view text, std::size_t pos,
                             const DateStyle& style, bool in_date,
                             bool sentence_initial) {
  const std::optional<Word> w = WordAt(text, pos);
  if (!w || !w->letters_only) return std::nullopt;
  Month month{0, MonthKind::kFull, w->end, false};
  for (const MonthName& m : kOtherNames) {
    if (m.language == style.language && m.name == w->lower) {
      month.month = m.month;
      month.kind = m.kind;
      break;
    }
  }
  for (std::size_t k = 0; month.month == 0 && k < 12; ++k) {
    if (style.months[k] == w->lower) month.month = static_cast<int>(k) + 1;
  }
  if (month.month == 0) return std::nullopt;
  if (style.capitalised) {
    // English and German capitalise month names: "august" is an adjective.
    if (!w->capitalised) return std::nullopt;
  } else if (!w->lower_case) {
    // Italian, French, Spanish and Portuguese write them in lower case; a
    // capitalised one inside a sentence (a title, "Mars" the planet) counts
    // only in a date.
    if (!w->capitalised) return std::nullopt;
    if (!sentence_initial && !in_date && month.kind == MonthKind::kFull) {
      month.kind = MonthKind::kNeedsDate;
    }
  }
  if (month.kind == MonthKind::kAbbreviation && HasAt(text, month.end, ".")) {
    ++month.end;
    month.period = true;
  }
  return month;
}

// `pos` moved past spaces, then past the style's joiner word and the spaces
// after it if it is there ("de ", "del ", "of "); nullopt without a space.
std::optional<std::size_t> SkipJoiner(std::string_view text, std::size_t pos,
                                      const DateStyle& style) {
  const std::size_t p = SkipSpaces(text, pos);
  if (p == pos) return std::nullopt;
  if (!style.joiner.empty() && HasAt(text, p, style.joiner)) {
    const std::size_t end = p + style.joiner.size();
    const std::size_t q = SkipSpaces(text, end);
    if (q > end) return q;
  }
  return p;
}

// A number of digits or, if `chinese`, Chinese numerals, that is an integer.
std::optional<Integer> WholeNumberAt(std::string_view text, std::size_t& pos,
                                     bool chinese) {
  if (std::optional<Integer> n = IntegerAt(text, pos)) return n;
  if (!chinese) return std::nullopt;
  const std::optional<ChineseNumeral> run = ChineseNumeralRunAt(text, pos);
  // Dates need small integers: a longer run (or one past what a long long
  // holds) is no day, month or year.
  if (!run || !run->integer || run->approximate || run->length > 4 ||
      !(run->value <= 9999)) {
    return std::nullopt;
  }
  pos = run->end;
  return Integer{static_cast<long long>(run->value), run->length};
}

// A 4-digit year at `pos` that is not the start of a longer number.
std::optional<int> YearAt(std::string_view text, std::size_t& pos) {
  std::size_t p = pos;
  const std::optional<Integer> n = IntegerAt(text, p);
  if (!n || n->digits != 4 || n->value < 1000 || NumberContinuesAt(text, p) ||
      IsLatinWordChar(CodePointAt(text, p))) {
    return std::nullopt;
  }
  pos = p;
  return static_cast<int>(n->value);
}

// A day of the month at `pos`: "7", "07", "7th", "1er", "1º", "1°", and the
// style's own suffix ("7." in German).
std::optional<int> DayAt(std::string_view text, std::size_t& pos,
                         std::string_view style_suffix) {
  std::size_t p = pos;
  const std::optional<Integer> n = IntegerAt(text, p);
  if (!n || n->digits > 2 || n->value < 1 || n->value > 31 ||
      NumberContinuesAt(text, p)) {
    return std::nullopt;
  }
  if (HasAt(text, p, "º") || HasAt(text, p, "°")) {
    p += 2;
  } else if (!style_suffix.empty() && HasAt(text, p, style_suffix)) {
    p += style_suffix.size();
  } else {
    for (std::string_view suffix : {"st", "nd", "rd", "th", "er"}) {
      if (HasAt(text, p, suffix) &&
          !IsLatinWordChar(CodePointAt(text, p + suffix.size()))) {
        p += suffix.size();
        break;
      }
    }
  }
  if (IsLatinWordChar(CodePointAt(text, p))) return std::nullopt;  // "7B"
  pos = p;
  return static_cast<int>(n->value);
}

std::string DateTerm(int year, int month, int day) {
  if (day == 0) return fmt::format("date:{:04d}-{:02d}", year, month);
  if (year == 0) return fmt::format("date:--{:02d}-{:02d}", month, day);
  return fmt::format("date:{:04d}-{:02d}-{:02d}", year, month, day);
}

// "2024-08-07": year, month and day with the same separator.
std::optional<std::string> IsoDateAt(std::string_view text, std::size_t& pos) {
  std::size_t p = pos;
  const std::optional<Integer> year = IntegerAt(text, p);
  if (!year || year->digits != 4 || p >= text.size()) return std::nullopt;
  const char sep = text[p];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  ++p;
  const std::optional<Integer> month = IntegerAt(text, p);
  if (!month || month->digits != 2 || month->value < 1 || month->value > 12 ||
      !HasAt(text, p, std::string_view(&sep, 1))) {
    return std::nullopt;
  }
  ++p;
  const std::optional<Integer> day = IntegerAt(text, p);
  if (!day || day->digits != 2 || day->value < 1 || day->value > 31 ||
      NumberContinuesAt(text, p) || HasAt(text, p, std::string_view(&sep, 1))) {
    return std::nullopt;
  }
  pos = p;
  return DateTerm(static_cast<int>(year->value), static_cast<int>(month->value),
                  static_cast<int>(day->value));
}

// After a month at `pos`: a day and "日" or "号"; 0 if none.
int CjkDayAt(std::string_view text, std::size_t& pos, bool chinese) {
  std::size_t p = SkipSpaces(text, pos);
  const std::optional<Integer> day = WholeNumberAt(text, p, chinese);
  if (!day || day->value < 1 || day->value > 31) return 0;
  p = SkipSpaces(text, p);
  if (!HasAt(text, p, "日") && !HasAt(text, p, "号")) return 0;
  pos = p + 3;
  return static_cast<int>(day->value);
}

// After a year at `pos`: a month and "月"; 0 if none.
int CjkMonthAt(std::string_view text, std::size_t& pos, bool chinese) {
  std::size_t p = SkipSpaces(text, pos);
  const std::size_t start = p;
  const std::optional<Integer> month = WholeNumberAt(text, p, chinese);
  // "两" is "two" in counts, never in dates ("两个月").
  if (!month || month->value < 1 || month->value > 12 ||
      HasAt(text, start, "两") || HasAt(text, start, "兩")) {
    return 0;
  }
  p = SkipSpaces(text, p);
  if (!HasAt(text, p, "月")) return 0;
  pos = p + 3;
  return static_cast<int>(month->value);
}

// "2024年8月7日", "2024年8月", "8月7日", "8月".
std::optional<std::string> CjkDateAt(std::string_view text, std::size_t& pos,
                                     bool chinese) {
  std::size_t p = pos;
  const std::optional<Integer> year = WholeNumberAt(text, p, chinese);
  if (!year) return std::nullopt;
  std::size_t q = SkipSpaces(text, p);
  if (HasAt(text, q, "年")) {
    if (year->digits != 4 || year->value < 1000) return std::nullopt;
    q += 3;
    const int month = CjkMonthAt(text, q, chinese);
    if (month == 0) return std::nullopt;  // a year alone is a number
    const int day = CjkDayAt(text, q, chinese);
    pos = q;
    return DateTerm(static_cast<int>(year->value), month, day);
  }
  q = pos;
  const int month = CjkMonthAt(text, q, chinese);
  if (month == 0) return std::nullopt;
  if (const int day = CjkDayAt(text, q, chinese); day != 0) {
    pos = q;
    return DateTerm(0, month, day);
  }
  pos = q;
  return fmt::format("month:{}", month);
}

// "7 agosto 2024", "7th August", "1º gennaio", "7 de agosto de 2024",
// "7. August 2024".
std::optional<std::string> DayFirstDateAt(std::string_view text,
                                          std::size_t& pos,
                                          const DateStyle& style) {
  std::size_t p = pos;
  const std::optional<int> day = DayAt(text, p, style.day_suffix);
  if (!day) return std::nullopt;
  const std::optional<std::size_t> q = SkipJoiner(text, p, style);
  if (!q) return std::nullopt;
  const std::optional<Month> month = MonthAt(text, *q, style, true, false);
  if (!month) return std::nullopt;
  std::size_t end = month->end;
  int year = 0;
  if (std::optional<std::size_t> r = SkipJoiner(text, end, style)) {
    if (const std::optional<int> y = YearAt(text, *r)) {
      year = *y;
      end = *r;
    }
  }
  // "3 set di dati" (3 data sets) is no date: an abbreviation after a day
  // needs its period or a year.
  if (month->kind == MonthKind::kAbbreviation && !month->period && year == 0) {
    return std::nullopt;
  }
  pos = end;
  return DateTerm(year, month->month, *day);
}

}  // namespace

std::optional<std::string> DateTermAtNumber(std::string_view text,
                                            std::size_t& pos,
                                            std::string_view language) {
  const bool chinese = language == "zh" || language == "ja";
  if (DigitValue(CodePointAt(text, pos)) >= 0) {
    if (auto term = IsoDateAt(text, pos)) return term;
    if (const DateStyle* style = StyleOf(language)) {
      if (auto term = DayFirstDateAt(text, pos, *style)) return term;
    }
  }
  return CjkDateAt(text, pos, chinese);
}

std::optional<std::string> DateTermAtWord(std::string_view text,
                                          std::size_t& pos,
                                          std::string_view language,
                                          bool sentence_initial) {
  const DateStyle* style = StyleOf(language);
  if (style == nullptr) return std::nullopt;
  const std::optional<Month> month =
      MonthAt(text, pos, *style, false, sentence_initial);
  if (!month) return std::nullopt;
  if (style->month_day) {
    // "August 7, 2024", "Aug. 7", "May 7th 2024".
    std::size_t p = SkipSpaces(text, month->end);
    if (p > month->end) {
      if (const std::optional<int> day = DayAt(text, p, style->day_suffix)) {
        int year = 0;
        std::size_t q = p;
        if (HasAt(text, q, ",")) ++q;
        if (std::size_t s = SkipSpaces(text, q); s > q || q > p) {
          if (const std::optional<int> y = YearAt(text, s)) {
            year = *y;
            p = s;
          }
        }
        pos = p;
        return DateTerm(year, month->month, *day);
      }
    }
  }
  // "agosto 2024", "agosto del 2024", "August 2024".
  if (std::optional<std::size_t> p = SkipJoiner(text, month->end, *style)) {
    if (const std::optional<int> year = YearAt(text, *p)) {
      pos = *p;
      return DateTerm(*year, month->month, 0);
    }
  }
  if (month->kind != MonthKind::kFull) return std::nullopt;
  pos = month->end;
  return fmt::format("month:{}", month->month);
}

}  // namespace allinea::internal
