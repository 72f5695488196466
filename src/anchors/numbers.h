// Private: numbers as values, so that "6 miliardi", "60 亿" and "6 billion"
// make the same anchor term.
#ifndef ALLINEA_SRC_ANCHORS_NUMBERS_H_
#define ALLINEA_SRC_ANCHORS_NUMBERS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace allinea::internal {

// Whether `language` writes a decimal comma ("6,45"; it, fr, es, de, pt,
// ru, nl, pl).
[[nodiscard]] bool DecimalComma(std::string_view language);

// The value of `digits` (ASCII digits with '.' and ',' separators, as found
// in the text) in the convention of `language`: the DecimalComma()
// languages write "1.000,5", the others "1,000.5". A
// separator followed by other than three digits is a decimal point either
// way ("3.1", "6,45").
[[nodiscard]] std::optional<double> NumberValue(std::string_view digits,
                                                std::string_view language);

// The multiplier of a scale word that starts at `pos` of `text` after
// optional spaces ("miliardi", "million", "bn", "亿", "万"), advancing `pos`
// past it; 1 and `pos` unchanged when there is none.
[[nodiscard]] double ScaleWordAt(std::string_view text, std::size_t& pos);

// A run of Chinese numerals that starts at `pos` of `text` ("六", "十五",
// "两千五百", "六十亿", "六点四五亿", also Traditional "兩", "萬", "億"; digits
// without units read one by one: "二〇二四"), whatever it stands for.
struct ChineseNumeral {
  double value = 0;
  std::size_t begin = 0;  // byte offsets of the run
  std::size_t end = 0;
  int length = 0;         // numerals in the run
  char32_t first = 0;     // its first numeral
  bool integer = true;    // no "点" decimals
  bool approximate = false;  // two digits and no unit: "三四" (three or four)
};
// nullopt when `pos` has no numeral (a unit such as "万" cannot start one).
[[nodiscard]] std::optional<ChineseNumeral> ChineseNumeralRunAt(std::string_view text,
                                                                std::size_t pos);

// The value a run stands for as an anchor, or nullopt: a lone "一" (an
// article: "一个", "一些", "一种", "一位", "一家"), a lone "十" before "分" or
// "字" ("十分" = "very", "十字" = "cross"), and approximations ("三四个",
// "十几个", "几百", "数百万").
[[nodiscard]] std::optional<double> ChineseNumeralValue(const ChineseNumeral& run,
                                                        std::string_view text);

// Moves `pos` past a percent sign or word that follows a number at `pos`,
// after optional spaces: "%", "％", "per cento", "percento", "percent",
// "per cent", "pour cent", "por ciento", "por cento", "Prozent". False (and
// `pos` unchanged) when there is none.
[[nodiscard]] bool PercentAt(std::string_view text, std::size_t& pos);

// The anchor term for a percentage: "%" and the value as NumberTerm writes
// it ("%65", "%6.5").
[[nodiscard]] std::string PercentTerm(double value);

// The anchor term for a value: "#" and the value with at most 6
// significant digits ("#6000000000", "#645000000", "#6.45").
[[nodiscard]] std::string NumberTerm(double value);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_ANCHORS_NUMBERS_H_
