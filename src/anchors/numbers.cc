#include "anchors/numbers.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <cmath>

#include "anchors/scan.h"
#include "internal/unicode.h"

namespace allinea::internal {
namespace {


struct Scale {
  std::string_view word;
  double factor;
};

// Longer words first where one is a prefix of another.
constexpr Scale kScales[] = {
    {"miliardi", 1e9}, {"miliardo", 1e9},  {"mld", 1e9},     {"mln", 1e6},
    {"Mrd", 1e9},      {"milioni", 1e6},   {"milione", 1e6}, {"mila", 1e3},
    {"thousand", 1e3}, {"millions", 1e6},  {"million", 1e6}, {"billions", 1e9},
    {"billion", 1e9},  {"trillion", 1e12}, {"bn", 1e9},      {"万亿", 1e12},
    {"萬億", 1e12},    {"亿", 1e8},        {"億", 1e8},      {"万", 1e4},
    {"萬", 1e4},       {"千", 1e3},
    // Decades count years: "two decades" = "vent'anni" = "二十年".
    {"decades", 10},   {"decade", 10},     {"decenni", 10},  {"decennio", 10},
};

}  // namespace

bool DecimalComma(std::string_view language) {
  for (std::string_view l : {"it", "fr", "es", "de", "pt", "ru", "nl", "pl"}) {
    if (language == l) return true;
  }
  return false;
}

std::optional<double> NumberValue(std::string_view digits,
                                  std::string_view language) {
  const char thousands = DecimalComma(language) ? '.' : ',';
  std::string plain;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const char c = digits[i];
    if (c >= '0' && c <= '9') {
      plain.push_back(c);
      continue;
    }
    // A thousands separator is followed by exactly three digits.
    std::size_t run = 0;
    while (i + 1 + run < digits.size() && digits[i + 1 + run] >= '0' &&
           digits[i + 1 + run] <= '9') {
      ++run;
    }
    if (c == thousands && run == 3) continue;
    if (plain.find('.') != std::string::npos) return std::nullopt;  // "1.2.3"
    plain.push_back('.');
  }
  if (plain.empty() || plain == ".") return std::nullopt;
  return std::strtod(plain.c_str(), nullptr);
}

double ScaleWordAt(std::string_view text, std::size_t& pos) {
  std::size_t p = pos;
  while (p < text.size() &&
         (text[p] == ' ' || text.substr(p, 2) == "\xC2\xA0")) {
    p += text[p] == ' ' ? 1 : 2;
  }
  for (const Scale& s : kScales) {
    if (text.substr(p, s.word.size()) != s.word) continue;
    const std::size_t end = p + s.word.size();
    // A Latin word must end there ("mila", not "milanese").
    if (static_cast<unsigned char>(s.word[0]) < 0x80 && end < text.size()) {
      std::size_t q = end;
      if (u_isalpha(static_cast<UChar32>(NextCodePoint(text, q)))) continue;
    }
    pos = end;
    return s.factor;
  }
  return 1;
}

namespace {

// Digit value of a Chinese numeral character, or -1.
int ChineseDigit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
    case U'兩':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

// Multiplier of a Chinese unit character, or 0.
double ChineseUnit(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    case U'万':
    case U'萬':
      return 1e4;
    case U'亿':
    case U'億':
      return 1e8;
    default:
      return 0;
  }
}

}  // namespace

std::optional<ChineseNumeral> ChineseNumeralRunAt(std::string_view text,
                                                  std::size_t pos) {
  ChineseNumeral run;
  double total = 0;    // complete 亿 and 万 groups
  double section = 0;  // below 万
  double digit = 0;
  double positional = 0;  // the digits read one by one
  int digits = 0;
  bool unit_seen = false;
  bool zero_seen = false;
  std::size_t p = pos;
  while (p < text.size()) {
    std::size_t q = p;
    const char32_t c = NextCodePoint(text, q);
    const int d = ChineseDigit(c);
    const double unit = ChineseUnit(c);
    if (d >= 0) {
      digit = d;
      positional = positional * 10 + d;
      ++digits;
      zero_seen |= d == 0;
    } else if (unit >= 1e8) {
      if (run.length == 0) break;
      total = (total + section + digit) * unit;
      section = digit = 0;
      unit_seen = true;
    } else if (unit >= 1e4) {
      if (run.length == 0) break;
      if (section + digit == 0) {
        total *= unit;  // "万亿"
      } else {
        total += (section + digit) * unit;
      }
      section = digit = 0;
      unit_seen = true;
    } else if (unit > 0) {
      section +=
          (digit == 0 && run.length == 0 ? 1 : digit) * unit;  // "十五" = 15
      digit = 0;
      unit_seen = true;
    } else if (c == U'点' && run.length > 0 && run.integer &&
               ChineseDigit(CodePointAt(text, q)) >= 0) {
      // Decimals, read one by one: "六点四五" = 6.45.
      double scale = 0.1;
      double fraction = 0;
      while (q < text.size()) {
        std::size_t r = q;
        const int f = ChineseDigit(NextCodePoint(text, r));
        if (f < 0) break;
        fraction += f * scale;
        scale /= 10;
        ++run.length;
        q = r;
      }
      digit += fraction;
      run.integer = false;
    } else {
      break;
    }
    if (run.length++ == 0) run.first = c;
    p = q;
  }
  if (run.length == 0) return std::nullopt;
  run.begin = pos;
  run.end = p;
  run.value = total + section + digit;
  if (!unit_seen && run.integer && digits >= 2) {
    // "二〇二四" (a year, a code), but "三四" is "three or four".
    run.value = positional;
    run.approximate = digits == 2 && !zero_seen;
  }
  return run;
}

namespace {

// Measure words and units that follow a count ("六种", "十五名", "三年"), and
// the scale and percent characters.
bool IsMeasureWord(char32_t c) {
  static constexpr std::u32string_view kMeasure =
      U"个種种名位家年月日天次倍人件条項项本部张張台辆輛架只座所场場岁歲周"
      U"小分秒款份批层層点點元块塊米克吨噸里公斤升万萬亿億千百%％国國"
      U"章节節句篇页頁期届屆轮輪代季集";
  return c != 0 && kMeasure.find(c) != std::u32string_view::npos;
}

}  // namespace

std::optional<double> ChineseNumeralValue(const ChineseNumeral& run,
                                          std::string_view text) {
  if (run.approximate) return std::nullopt;
  // "几" and "数" make a count vague: "十几" (ten-odd), "几百", "数百万".
  std::size_t before = run.begin;
  const char32_t previous = before > 0 ? PreviousCodePoint(text, before) : 0;
  const char32_t next = CodePointAt(text, run.end);
  if (previous == U'几' || previous == U'數' || previous == U'数' ||
      previous == U'幾' || next == U'几' || next == U'幾') {
    return std::nullopt;
  }
  if (run.length == 1 && run.first == U'一') return std::nullopt;
  // "十分" is "very" and "十字" a cross, but "十分钟" ten minutes.
  if (run.length == 1 && run.first == U'十' &&
      ((next == U'分' && CodePointAt(text, run.end + 3) != U'钟' &&
        CodePointAt(text, run.end + 3) != U'鐘') ||
       next == U'字')) {
    return std::nullopt;
  }
  // A lone numeral is a count only before a measure word or a scale: "四"
  // in "四川" (a province), "三星" (a brand), "二手车" (used cars), "百" in
  // "老百姓" (common people) or "百度" counts nothing.
  if (run.length == 1 && run.first != U'十' && !IsMeasureWord(next)) {
    return std::nullopt;
  }
  return run.value;
}

namespace {

// Percent words after a number, lower case but for German's capital.
constexpr std::string_view kPercentWords[] = {
    "per cento", "percento",   "percent",   "per cent",
    "pour cent", "por ciento", "por cento", "Prozent",
};

}  // namespace

bool PercentAt(std::string_view text, std::size_t& pos) {
  const std::size_t p = SkipSpaces(text, pos);
  for (std::string_view sign : {"%", "\xEF\xBC\x85"}) {  // "%", "％"
    if (HasAt(text, p, sign)) {
      pos = p + sign.size();
      return true;
    }
  }
  if (p == pos) return false;  // a word needs a space before it
  for (std::string_view word : kPercentWords) {
    if (!HasAt(text, p, word)) continue;
    const std::size_t end = p + word.size();
    if (IsLatinWordChar(CodePointAt(text, end))) continue;  // "per centomila"
    pos = end;
    return true;
  }
  return false;
}

std::string PercentTerm(double value) {
  return "%" + NumberTerm(value).substr(1);
}

std::string NumberTerm(double value) {
  if (value == 0) return "#0";
  // Beyond what a double holds (hundreds of digits): a term of its own, not
  // the zero's.
  if (!std::isfinite(value) || std::fabs(value) < 1e-300) return "#?";
  // Round to 6 significant digits first, so that 6.45 * 1e8 and 645 * 1e6
  // give the same term despite floating point.
  const double magnitude = std::floor(std::log10(std::fabs(value)));
  const double unit = std::pow(10.0, magnitude - 5);
  const double rounded = std::round(value / unit) * unit;
  if (std::fabs(rounded) >= 1 && std::fabs(rounded) < 1e15 &&
      std::fabs(rounded - std::round(rounded)) < 1e-6) {
    return fmt::format("#{:.0f}", std::round(rounded));
  }
  return fmt::format("#{:.6g}", rounded);
}

}  // namespace allinea::internal
