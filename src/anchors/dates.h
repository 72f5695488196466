// Private: dates and months as values, so that "7 agosto 2024",
// "2024年8月7日", "August 7, 2024", "7 August 2024" and "2024-08-07" make
// one anchor term.
//
// Terms: a full date "date:2024-08-07"; a month of a year "date:2024-08"; a
// day of a month without a year "date:--08-07"; a month alone "month:8". A
// date takes the numbers it is made of: "7 agosto 2024" gives no "#7" nor
// "#2024" (a year alone stays a number: "nel 2024" = "2024年" = "#2024").
//
// What is read as a date:
//  - ISO order with the year first: "2024-08-07", "2024/08/07", "2024.08.07"
//    (day-month-year with digits only, "07/08/2024", is left as numbers:
//    it reads differently in Italian and American English);
//  - CJK: a 4-digit year and "年", a month 1-12 and "月", a day 1-31 and
//    "日" or "号", with digits or, in Chinese and Japanese text, Chinese
//    numerals ("2024年8月7日", "8月7日", "6 月", "十二月",
//    "二〇二四年八月"); a year with "年" and no month is a number; "两" is
//    never a month ("两个月");
//  - month names of Italian, English, French, Spanish, Portuguese and German
//    (and the Italian and English abbreviations: "ago.", "Aug.", "Sept."):
//    a day (1-31: "7", "7th", "1er", "1º", German "7.") before it ("7 agosto
//    2024", "7 August", "7 de agosto de 2024", "7. August 2024"), in English
//    also after it ("August 7, 2024", "Aug. 7"), and a 4-digit year after
//    it ("agosto 2024", "agosto del 2024", "August 2024", "agosto de 2024").
//    An abbreviation after a day needs its period or a year ("7 ago.",
//    "7 Aug 2024"; not "3 set di dati");
//  - a month name with neither gives "month:N", except abbreviations and
//    English "May" and "March" (a verb, a noun), which count only next to a
//    day or a year. English and German month names count only capitalised;
//    the others in lower case, or capitalised at the start of a sentence or
//    in a date ("Mars" inside a French sentence is the planet).
// Other languages have no month names: their dates keep their numbers.
#ifndef ALLINEA_SRC_ANCHORS_DATES_H_
#define ALLINEA_SRC_ANCHORS_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace allinea::internal {

// The date or month term that starts with the number at `pos` of `text` (a
// digit, or in Chinese and Japanese text a Chinese numeral), for a text in
// `language`; advances `pos` past it. nullopt and `pos` unchanged if none.
[[nodiscard]] std::optional<std::string> DateTermAtNumber(
    std::string_view text, std::size_t& pos, std::string_view language);

// The date or month term that starts with the month name at `pos` (the start
// of a Latin word; `sentence_initial` if it opens its sentence); advances
// `pos` past it. nullopt and `pos` unchanged if none.
[[nodiscard]] std::optional<std::string> DateTermAtWord(
    std::string_view text, std::size_t& pos, std::string_view language,
    bool sentence_initial);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_ANCHORS_DATES_H_
