// Private: numbers written in words, in Italian and English ("dodici",
// "duecentomila", "twenty-one", "two hundred and five"), as number anchors.
//
// Many number words are also ordinary words (it "un", "uno", "una" are
// articles and "sei" is "you are"; en "one" is a pronoun, "a" an article), so
// a number in words gives a term only in a numeric context:
//  - before a scale word ("sei milioni", "un miliardo", "a million", "one
//    billion": the value times the scale) or a percent word ("dieci per
//    cento", "one percent": a percentage);
//  - else, a number of two or more that is not "sei": always ("dodici
//    persone", "tre", "twelve people", "ventuno", "a hundred");
//  - "sei" alone: after a plural article, an articulated preposition or
//    "tra", "fra", "ogni", "circa", "oltre" ("i sei", "alle sei", "ogni sei
//    settimane"), or before a lower-case word of four or more letters ending
//    in "i", a masculine plural ("sei mesi", "sei modelli"; the verb "sei"
//    takes a singular: "sei sicuro", "sei redditizio"), save "oggi", "quasi",
//    "quindi" and the prepositions "agli", "degli", "negli", "dagli",
//    "sugli";
//  - "un", "uno", "one" and "a" alone: never.
// Number words are lower case, or capitalised as the first word of their
// sentence ("Dodici persone"); a capitalised number word inside a sentence is
// a name ("Otto", "Cento").
#ifndef ALLINEA_SRC_ANCHORS_NUMBER_WORDS_H_
#define ALLINEA_SRC_ANCHORS_NUMBER_WORDS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace allinea::internal {

// The term ("#12", "#6000000", "%10") of a number in words of `language`
// ("it" or "en"; other languages have none) that starts at `pos` of `text`,
// the start of a Latin word; advances `pos` past it and past the scale or
// percent word it took. nullopt (and `pos` unchanged) when there is none or
// its context is not numeric (above). `sentence_initial`: the word is the
// first word of its sentence, so it may be capitalised.
[[nodiscard]] std::optional<std::string> NumberWordsTermAt(
    std::string_view text, std::size_t& pos, std::string_view language,
    bool sentence_initial);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_ANCHORS_NUMBER_WORDS_H_
