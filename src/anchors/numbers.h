// Private: numbers as values, so that "6 miliardi", "60 亿" and "6 billion"
// make the same anchor term.
#ifndef ALLINEA_SRC_ANCHORS_NUMBERS_H_
#define ALLINEA_SRC_ANCHORS_NUMBERS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace allinea::internal {

// The value of `digits` (ASCII digits with '.' and ',' separators, as found
// in the text) in the convention of `language`: Italian, French, Spanish,
// German, Portuguese and Russian write "1.000,5", the others "1,000.5". A
// separator followed by other than three digits is a decimal point either
// way ("3.1", "6,45").
[[nodiscard]] std::optional<double> NumberValue(std::string_view digits,
                                                std::string_view language);

// The multiplier of a scale word that starts at `pos` of `text` after
// optional spaces ("miliardi", "million", "bn", "亿", "万"), advancing `pos`
// past it; 1 and `pos` unchanged when there is none.
[[nodiscard]] double ScaleWordAt(std::string_view text, std::size_t& pos);

// A run of Chinese numerals that starts at `pos` of `text` ("六", "十五",
// "两千五百", "六十亿", also Traditional "兩", "萬", "億"), its value and its end;
// nullopt (and `pos` unchanged) when there is none or when the run is only
// "一" (an article: "一个", "一些") or the adverb "十分".
[[nodiscard]] std::optional<double> ChineseNumeralAt(std::string_view text,
                                                     std::size_t& pos);

// The anchor term for a value: "#" and the value with at most 6
// significant digits ("#6000000000", "#645000000", "#6.45").
[[nodiscard]] std::string NumberTerm(double value);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_ANCHORS_NUMBERS_H_
