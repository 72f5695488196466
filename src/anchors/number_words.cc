#include "anchors/number_words.h"

#include <unicode/uchar.h>

#include "anchors/numbers.h"
#include "anchors/scan.h"
#include "internal/unicode.h"

namespace allinea::internal {
namespace {

enum class Part { kNone, kUnit, kTeen, kTens, kHundred, kThousand, kMille };

// Value of a number in words, fed one part at a time ("due" "cento" "mila",
// "two" "hundred" "and" "five"). Add() refuses a part that cannot follow the
// previous one ("due due", "twenty twelve"), which ends the number.
class WordNumber {
 public:
  bool Add(Part part, int value) {
    switch (part) {
      case Part::kUnit:
        if (last_ != Part::kNone && last_ != Part::kTens &&
            last_ != Part::kHundred && last_ != Part::kThousand) {
          return false;
        }
        current_ += value;
        break;
      case Part::kTeen:
      case Part::kTens:
        if (last_ != Part::kNone && last_ != Part::kHundred &&
            last_ != Part::kThousand) {
          return false;
        }
        current_ += value;
        break;
      case Part::kHundred:
        if (last_ == Part::kNone ||
            (last_ == Part::kThousand && current_ == 0)) {
          current_ = 100;  // "cento", "millecento"
        } else if ((last_ == Part::kUnit || last_ == Part::kTeen) &&
                   current_ < 20) {
          current_ *= 100;  // "duecento", "two hundred", "fifteen hundred"
        } else {
          return false;
        }
        break;
      case Part::kThousand:
        if (last_ == Part::kNone || last_ == Part::kThousand || total_ > 0 ||
            current_ < 1) {
          return false;
        }
        total_ = current_ * 1000;  // "duemila", "two thousand"
        current_ = 0;
        part = Part::kThousand;
        break;
      case Part::kMille:
        if (last_ != Part::kNone) return false;
        total_ = 1000;  // "mille", "milleduecento"
        part = Part::kThousand;
        break;
      case Part::kNone:
        return false;
    }
    last_ = part;
    ++parts_;
    return true;
  }
  [[nodiscard]] double value() const { return total_ + current_; }
  [[nodiscard]] int parts() const { return parts_; }
  [[nodiscard]] Part last() const { return last_; }

 private:
  double total_ = 0;
  double current_ = 0;
  Part last_ = Part::kNone;
  int parts_ = 0;
};

struct Morpheme {
  std::string_view text;
  Part part;
  int value;
  bool elided = false;  // only before a vowel: "vent|uno", "cent|ottanta"
};

// Italian numbers are written as one word made of these ("duecentoventuno").
constexpr Morpheme kItalian[] = {
    {"uno", Part::kUnit, 1},
    {"un", Part::kUnit, 1},
    {"due", Part::kUnit, 2},
    {"tre", Part::kUnit, 3},
    {"tré", Part::kUnit, 3},
    {"quattro", Part::kUnit, 4},
    {"cinque", Part::kUnit, 5},
    {"sei", Part::kUnit, 6},
    {"sette", Part::kUnit, 7},
    {"otto", Part::kUnit, 8},
    {"nove", Part::kUnit, 9},
    {"dieci", Part::kTeen, 10},
    {"undici", Part::kTeen, 11},
    {"dodici", Part::kTeen, 12},
    {"tredici", Part::kTeen, 13},
    {"quattordici", Part::kTeen, 14},
    {"quindici", Part::kTeen, 15},
    {"sedici", Part::kTeen, 16},
    {"diciassette", Part::kTeen, 17},
    {"diciotto", Part::kTeen, 18},
    {"diciannove", Part::kTeen, 19},
    {"venti", Part::kTens, 20},
    {"trenta", Part::kTens, 30},
    {"quaranta", Part::kTens, 40},
    {"cinquanta", Part::kTens, 50},
    {"sessanta", Part::kTens, 60},
    {"settanta", Part::kTens, 70},
    {"ottanta", Part::kTens, 80},
    {"novanta", Part::kTens, 90},
    {"vent", Part::kTens, 20, true},
    {"trent", Part::kTens, 30, true},
    {"quarant", Part::kTens, 40, true},
    {"cinquant", Part::kTens, 50, true},
    {"sessant", Part::kTens, 60, true},
    {"settant", Part::kTens, 70, true},
    {"ottant", Part::kTens, 80, true},
    {"novant", Part::kTens, 90, true},
    {"cento", Part::kHundred, 100},
    {"cent", Part::kHundred, 100, true},
    {"mille", Part::kMille, 1000},
    {"mila", Part::kThousand, 1000},
};

// English numbers are words joined by spaces, hyphens and "and".
constexpr Morpheme kEnglish[] = {
    {"one", Part::kUnit, 1},
    {"two", Part::kUnit, 2},
    {"three", Part::kUnit, 3},
    {"four", Part::kUnit, 4},
    {"five", Part::kUnit, 5},
    {"six", Part::kUnit, 6},
    {"seven", Part::kUnit, 7},
    {"eight", Part::kUnit, 8},
    {"nine", Part::kUnit, 9},
    {"ten", Part::kTeen, 10},
    {"eleven", Part::kTeen, 11},
    {"twelve", Part::kTeen, 12},
    {"thirteen", Part::kTeen, 13},
    {"fourteen", Part::kTeen, 14},
    {"fifteen", Part::kTeen, 15},
    {"sixteen", Part::kTeen, 16},
    {"seventeen", Part::kTeen, 17},
    {"eighteen", Part::kTeen, 18},
    {"nineteen", Part::kTeen, 19},
    {"twenty", Part::kTens, 20},
    {"thirty", Part::kTens, 30},
    {"forty", Part::kTens, 40},
    {"fifty", Part::kTens, 50},
    {"sixty", Part::kTens, 60},
    {"seventy", Part::kTens, 70},
    {"eighty", Part::kTens, 80},
    {"ninety", Part::kTens, 90},
    {"hundred", Part::kHundred, 100},
    {"thousand", Part::kThousand, 1000},
    {"a", Part::kUnit, 1},  // only as "a hundred", "a million"
};

// Parses `word` from `i` on with `number` so far; the value of the whole
// word, or nullopt. Longer parts are tried first and shorter ones after
// them: "centottanta" is "cent" "ottanta", not "cento" "ttanta". The grammar
// of WordNumber bounds the depth to a few parts.
std::optional<double> ParseItalian(std::string_view word, std::size_t i,
                                   const WordNumber& number) {
  if (i == word.size()) {
    return number.parts() > 0 ? std::optional<double>(number.value())
                              : std::nullopt;
  }
  const Morpheme* tried = nullptr;  // the longest one tried so far
  for (;;) {
    const Morpheme* best = nullptr;
    for (const Morpheme& m : kItalian) {
      if (word.substr(i, m.text.size()) != m.text) continue;
      if (tried != nullptr && m.text.size() >= tried->text.size()) continue;
      if (best == nullptr || m.text.size() > best->text.size()) best = &m;
    }
    if (best == nullptr) return std::nullopt;
    tried = best;
    const std::size_t j = i + best->text.size();
    if (best->elided &&
        (j == word.size() || (word[j] != 'u' && word[j] != 'o'))) {
      continue;
    }
    WordNumber next = number;
    if (!next.Add(best->part, best->value)) continue;
    if (std::optional<double> value = ParseItalian(word, j, next)) return value;
  }
}

// The value of one Italian word, or nothing if it is not a number.
std::optional<double> ItalianWordValue(std::string_view word) {
  return ParseItalian(word, 0, WordNumber());
}

const Morpheme* EnglishWord(std::string_view word) {
  for (const Morpheme& m : kEnglish) {
    if (m.text == word) return &m;
  }
  return nullptr;
}

// The word at `pos` as a number word: lower case, or capitalised if allowed.
std::optional<Word> NumberWordAt(std::string_view text, std::size_t pos,
                                 bool capital_allowed) {
  std::optional<Word> w = WordAt(text, pos);
  if (!w || !w->letters_only) return std::nullopt;
  if (!w->lower_case && !(capital_allowed && w->capitalised))
    return std::nullopt;
  return w;
}

// An English number of one or more words from `pos`: its value, its end and
// how many words it took.
struct Phrase {
  double value = 0;
  std::size_t end = 0;
  std::string first;  // the first word, lower case
  int words = 0;
};

std::optional<Phrase> EnglishPhraseAt(std::string_view text, std::size_t pos,
                                      bool sentence_initial) {
  std::optional<Word> w = NumberWordAt(text, pos, sentence_initial);
  if (!w) return std::nullopt;
  const Morpheme* m = EnglishWord(w->lower);
  if (m == nullptr) return std::nullopt;
  WordNumber number;
  if (!number.Add(m->part, m->value)) return std::nullopt;  // "thousand"
  Phrase phrase{0, w->end, w->lower, 1};
  for (;;) {
    // The next word: after a hyphen (only "twenty-one"), after spaces, or
    // after "and" following "hundred" or "thousand".
    std::size_t next = phrase.end;
    const bool hyphen = HasAt(text, next, "-");
    if (hyphen) {
      if (number.last() != Part::kTens) break;
      ++next;
    } else {
      next = SkipSpaces(text, next);
      if (next == phrase.end) break;
      if (std::optional<Word> a = NumberWordAt(text, next, false);
          a && a->lower == "and") {
        if (number.last() != Part::kHundred && number.last() != Part::kThousand)
          break;
        const std::size_t after_and = SkipSpaces(text, a->end);
        if (after_and == a->end) break;
        next = after_and;
      }
    }
    std::optional<Word> v = NumberWordAt(text, next, false);
    if (!v || v->lower == "a") break;
    const Morpheme* n = EnglishWord(v->lower);
    if (n == nullptr) break;
    if (hyphen && n->part != Part::kUnit) break;
    WordNumber extended = number;
    if (!extended.Add(n->part, n->value)) break;
    number = extended;
    phrase.end = v->end;
    ++phrase.words;
  }
  phrase.value = number.value();
  return phrase;
}

// Words before "sei" that make it a number: plural articles, articulated
// prepositions and quantity words.
constexpr std::string_view kSeiBefore[] = {
    "i",     "dei",   "ai",    "nei", "coi", "sui",  "dai",   "delle", "alle",
    "nelle", "sulle", "dalle", "tra", "fra", "ogni", "circa", "oltre",
};
// Words in "-i" after the verb "sei" ("sei quasi pronto", "sei degli
// Stati Uniti?").
constexpr std::string_view kNotPluralNouns[] = {
    "oggi", "quasi", "quindi", "agli", "degli", "negli", "dagli", "sugli",
};

// True if "sei" between `begin` and `end` is the number six (the header).
bool SeiIsNumber(std::string_view text, std::size_t begin, std::size_t end) {
  const std::string before = PreviousWord(text, begin);
  for (std::string_view w : kSeiBefore) {
    if (before == w) return true;
  }
  const std::size_t next = SkipSpaces(text, end);
  if (next == end) return false;
  const std::optional<Word> w = WordAt(text, next);
  if (!w || !w->lower_case || !w->letters_only || w->lower.back() != 'i' ||
      CountCodePoints(w->lower) < 4) {
    return false;
  }
  for (std::string_view n : kNotPluralNouns) {
    if (w->lower == n) return false;
  }
  return true;
}

// An apostrophe (' or ’) at `end` followed by a letter: the word before it
// lost its final vowel ("vent'anni").
bool ElidedBeforeVowel(std::string_view text, std::size_t end) {
  std::size_t p = end;
  if (HasAt(text, p, "'")) {
    p += 1;
  } else if (HasAt(text, p, "\u2019")) {
    p += 3;
  } else {
    return false;
  }
  if (p >= text.size()) return false;
  return u_isalpha(static_cast<UChar32>(CodePointAt(text, p))) != 0;
}

// Plural masculine articles and articulated prepositions: after them
// "venti" is a noun, the winds ("la rosa dei venti", "i venti del nord").
constexpr std::string_view kWindsBefore[] = {"i",   "dei", "ai",  "nei",
                                             "dai", "sui", "coi", "gli"};

bool VentiAreWinds(std::string_view text, std::size_t begin) {
  const std::string before = PreviousWord(text, begin);
  for (std::string_view w : kWindsBefore) {
    if (before == w) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> NumberWordsTermAt(std::string_view text,
                                             std::size_t& pos,
                                             std::string_view language,
                                             bool sentence_initial) {
  Phrase phrase;
  if (language == "it") {
    const std::optional<Word> w = NumberWordAt(text, pos, sentence_initial);
    if (!w) return std::nullopt;
    std::optional<double> value = ItalianWordValue(w->lower);
    if (!value && ElidedBeforeVowel(text, w->end)) {
      // "vent'anni", "trent'anni", "cent'anni": a number whose last vowel
      // an apostrophe replaces.
      for (const char* vowel : {"i", "a", "o"}) {
        if ((value = ItalianWordValue(w->lower + vowel))) break;
      }
    }
    if (!value) return std::nullopt;
    // "rose dei venti": after a plural article "venti" is the winds.
    if (w->lower == "venti" && VentiAreWinds(text, pos)) return std::nullopt;
    phrase = {*value, w->end, w->lower, 1};
  } else if (language == "en") {
    std::optional<Phrase> p = EnglishPhraseAt(text, pos, sentence_initial);
    if (!p) return std::nullopt;
    phrase = *p;
  } else {
    return std::nullopt;
  }
  std::size_t after = phrase.end;
  if (PercentAt(text, after)) {
    pos = after;
    return PercentTerm(phrase.value);
  }
  after = phrase.end;
  const double scale = ScaleWordAt(text, after);
  if (scale != 1) {
    pos = after;
    return NumberTerm(phrase.value * scale);
  }
  // Alone, "un", "uno", "one" and "a" are articles or pronouns.
  if (phrase.words == 1 && phrase.value == 1) return std::nullopt;
  if (phrase.words == 1 && phrase.first == "sei" &&
      !SeiIsNumber(text, pos, phrase.end)) {
    return std::nullopt;
  }
  pos = phrase.end;
  return NumberTerm(phrase.value);
}

}  // namespace allinea::internal
