// The features stage: lengths and anchor terms.
#include "allinea/anchors.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "anchors/dates.h"
#include "anchors/number_words.h"
#include "anchors/times.h"
#include "anchors/numbers.h"
#include "anchors/scan.h"
#include "anchors/structure.h"
#include "internal/parallel.h"
#include "internal/unicode.h"
#include "segment/lang_data.h"

namespace allinea {
namespace {

using internal::DigitValue;
using internal::IsLatinWordChar;

// Dialogue labels that open a sentence, and the term each one stands for.
struct Label {
  std::string_view text;
  std::string_view term;
};
constexpr Label kLabels[] = {
    {"D:", "label:q"},   {"Q:", "label:q"},   {"问:", "label:q"},
    {"问：", "label:q"}, {"R:", "label:a"},   {"A:", "label:a"},
    {"答:", "label:a"},  {"答：", "label:a"},
};

// True for a language written in Latin script ("it", "en"), by ICU's likely
// script of the language.
bool IsLatinScriptLanguage(std::string_view language) {
  if (language.empty()) return false;
  const std::string locale(language);
  UScriptCode codes[4];
  UErrorCode status = U_ZERO_ERROR;
  const int n = uscript_getCode(locale.c_str(), codes, 4, &status);
  return U_SUCCESS(status) && n == 1 && codes[0] == USCRIPT_LATIN;
}

// Lower-case words that are no names: when both languages are written in
// Latin script, the common words of both (data/lang/<lang>/common-words.txt,
// built in), so that a capitalised "Il" or "The" after a colon or a quote is
// not taken for a name. Empty otherwise: facing a CJK text, a Latin word is
// copied, not translated, and "The Verge" should meet "The Verge".
using Stoplist = std::unordered_set<std::string>;
Stoplist NameStoplist(std::string_view language, std::string_view other) {
  Stoplist words;
  if (!IsLatinScriptLanguage(language) || !IsLatinScriptLanguage(other)) {
    return words;
  }
  for (std::string_view lang : {language, other}) {
    const internal::LangText list =
        internal::LoadLangData(lang, "common-words.txt", /*dir=*/"");
    for (std::string_view entry : internal::DataEntries(list.text)) {
      std::string lower;
      std::size_t p = 0;
      while (p < entry.size())
        internal::AppendLower(lower, internal::NextCodePoint(entry, p));
      words.insert(std::move(lower));
    }
  }
  return words;
}

// What ForEachAnchor needs to know besides the text.
struct Context {
  std::string_view language;  // the text's language subtag, "" = unknown
  const Stoplist& stoplist;   // words that are no names
};

// Reads the anchor terms of one sentence, left to right, and hands each to
// `sink` in order. Each Scan* method reads what starts at pos_ and, if it
// took it, moves pos_ past it and returns true.
template <typename Sink>
class AnchorScanner {
 public:
  AnchorScanner(std::string_view text, const Context& context, Sink& sink)
      : text_(text),
        language_(context.language),
        stoplist_(context.stoplist),
        sink_(sink),
        chinese_(language_ == "zh" || language_ == "ja") {}

  void Run() {
    ScanOpening();
    while (pos_ < text_.size()) {
      std::size_t next = pos_;
      const char32_t c = internal::NextCodePoint(text_, next);
      if (DigitValue(c) >= 0 && ScanNumber(c)) continue;
      if (IsLatinWordChar(c)) {
        ScanLatinWord(c);
        continue;
      }
      if (chinese_ && ScanChineseNumeral()) continue;
      if (c == '?' || c == 0xFF1F) Emit("?");
      if (c == '!' || c == 0xFF01) Emit("!");
      if (!quoted_ && internal::IsQuoteMark(c)) {
        Emit("quote");
        quoted_ = true;
      }
      if (u_isalpha(static_cast<UChar32>(c))) seen_word_ = true;
      pos_ = next;
    }
  }

 private:
  void Emit(std::string term) { sink_(std::move(term)); }

  // A list marker, then a dialogue label; the word after either opens the
  // sentence.
  void ScanOpening() {
    if (const auto marker = internal::ListMarkerAt(text_)) {
      Emit("item");
      if (marker->number) Emit(internal::NumberTerm(*marker->number));
      pos_ = marker->end;
    }
    for (const Label& label : kLabels) {
      if (text_.substr(pos_, label.text.size()) == label.text) {
        Emit(std::string(label.term));
        pos_ += label.text.size();
        break;
      }
    }
  }

  // At a digit: a date, a percentage, a number (times a scale word) or an
  // English ordinal. False for digits glued to Latin letters, a code that
  // ScanLatinWord reads.
  bool ScanNumber(char32_t c) {
    // A date that starts with a number ("2024-08-07", "7 agosto 2024",
    // "2024年8月7日", "6 月").
    if (std::size_t after = pos_;
        auto term = internal::DateTermAtNumber(text_, after, language_)) {
      Emit(std::move(*term));
      pos_ = after;
      return true;
    }
    // A time of day ("22.30", "10:30 pm", "10点30分").
    if (std::size_t after = pos_;
        auto term = internal::TimeTermAt(text_, after, language_)) {
      Emit(std::move(*term));
      pos_ = after;
      return true;
    }
    // Digits with inner '.' or ',' separators followed by digits.
    std::string digits;
    std::size_t p = pos_;
    const bool after_plus = pos_ > 0 && text_[pos_ - 1] == '+';
    for (;;) {
      std::size_t q = p;
      const char32_t d = internal::NextCodePoint(text_, q);
      if (DigitValue(d) >= 0) {
        digits.push_back(static_cast<char>('0' + DigitValue(d)));
        p = q;
        continue;
      }
      if ((d == '.' || d == ',') &&
          DigitValue(internal::CodePointAt(text_, q)) >= 0) {
        digits.push_back(static_cast<char>(d));
        p = q;
        continue;
      }
      break;
    }
    // A telephone country code ("+39 0341 555 019"): translations add or
    // drop it, so it is no evidence either way.
    if (after_plus && digits.size() <= 3 &&
        digits.find_first_of(".,") == std::string::npos &&
        internal::HasAt(text_, p, " ") &&
        DigitValue(internal::CodePointAt(text_, p + 1)) >= 0) {
      pos_ = p;
      return true;
    }
    // Digits glued to letters ("405B", "GPT4") form a code, unless the
    // letters are a scale word ("6bn").
    std::size_t after = p;
    const double scale = internal::ScaleWordAt(text_, after);
    const bool glued =
        scale == 1 && IsLatinWordChar(internal::CodePointAt(text_, p));
    const std::optional<double> value =
        internal::NumberValue(digits, language_);
    if (!glued) {
      if (!value) {
        Emit("#" + digits);
        pos_ = p;
      } else if (std::size_t end = p; internal::PercentAt(text_, end)) {
        Emit(internal::PercentTerm(*value));  // "65%", "65 per cento"
        pos_ = end;
      } else {
        Emit(internal::NumberTerm(*value * scale));  // "6 miliardi"
        pos_ = after;
      }
      return true;
    }
    // An English plural of a number is the number: "under-18s", "the
    // 1990s" (two digits at least: "5s" may be a model, as "iPhone 5s").
    if (value && language_ == "en" && digits.size() >= 2 &&
        digits.find_first_of(".,") == std::string::npos &&
        internal::HasAt(text_, p, "s") &&
        !IsLatinWordChar(internal::CodePointAt(text_, p + 1))) {
      Emit(internal::NumberTerm(*value));
      pos_ = p + 1;
      return true;
    }
    // An English ordinal is its number: "21st", "7th".
    if (value && digits.find_first_of(".,") == std::string::npos) {
      for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
        if (internal::HasAt(text_, p, suffix) &&
            !IsLatinWordChar(internal::CodePointAt(text_, p + 2))) {
          Emit(internal::NumberTerm(*value));
          pos_ = p + 2;
          return true;
        }
      }
    }
    if (!IsLatinWordChar(c)) {
      // Full-width digits glued to a letter: not a code we compare; skip
      // the whole run rather than rescanning it from every digit.
      pos_ = p;
      return true;
    }
    return false;
  }

  // At a Latin word: a month or a date ("agosto 2024", "August 7, 2024"), a
  // number in words ("dodici", "sei milioni", "twenty-one"), a code or a
  // name, or an ordinary word.
  void ScanLatinWord(char32_t c) {
    const bool letter = DigitValue(c) < 0;
    if (letter) {
      std::size_t after = pos_;
      std::optional<std::string> term =
          internal::DateTermAtWord(text_, after, language_, !seen_word_);
      if (!term) {
        term =
            internal::NumberWordsTermAt(text_, after, language_, !seen_word_);
      }
      if (term) {
        Emit(std::move(*term));
        pos_ = after;
        seen_word_ = true;
        return;
      }
    }
    internal::Word word = *internal::WordAt(text_, pos_);
    // A capital after the first letter ("OpenAI", "CNBC", "iPhone") marks a
    // name even where a sentence opens.
    const bool inner_capital =
        !word.capitalised && !word.lower_case && word.lower.size() >= 2;
    std::string token = std::move(word.lower);
    bool has_digit = !word.letters_only;
    const bool has_letter =
        token.find_first_not_of("0123456789") != std::string::npos;
    std::size_t p = word.end;
    // A code goes on across a hyphen before a part with a digit ("GPT-4o",
    // "COVID-19"; not "co-fondatore") and, once it has a digit, across a
    // period before a digit ("v2.0.1").
    for (;;) {
      const bool hyphen = letter && internal::HasAt(text_, p, "-");
      const bool period = has_digit && internal::HasAt(text_, p, ".") &&
                          DigitValue(internal::CodePointAt(text_, p + 1)) >= 0;
      if (!hyphen && !period) break;
      const std::optional<internal::Word> part = internal::WordAt(text_, p + 1);
      if (!part || part->letters_only) break;
      // "under-18s": a word and the plural of a number, not a code.
      if (hyphen && !has_digit && word.lower_case && language_ == "en" &&
          part->lower.size() >= 3 && part->lower.back() == 's' &&
          part->lower.find_first_not_of("0123456789") == part->lower.size() - 1) {
        break;
      }
      token += text_[p] + part->lower;
      has_digit = true;
      p = part->end;
    }
    const bool upper_first = u_isupper(static_cast<UChar32>(c)) != 0;
    if (has_digit && has_letter) {
      Emit("@" + token);
    } else if (((upper_first && seen_word_) || inner_capital) &&
               !stoplist_.count(token) &&
               token != "i") {  // English "I" is a pronoun, not a name
      Emit("@" + token);
    }
    seen_word_ |= has_letter;
    pos_ = p;
  }

  // In Chinese and Japanese text, at a Chinese numeral: a date ("八月七日"),
  // a percentage ("百分之六十五"), a count ("六十亿"), or nothing (see
  // ChineseNumeralValue, fractions, ordinals).
  bool ScanChineseNumeral() {
    if (std::size_t after = pos_;
        auto term = internal::DateTermAtNumber(text_, after, language_)) {
      Emit(std::move(*term));
      pos_ = after;
      seen_word_ = true;
      return true;
    }
    const auto run = internal::ChineseNumeralRunAt(text_, pos_);
    if (!run) return false;
    std::size_t after = run->end;
    if (internal::HasAt(text_, after, "分之")) {
      // A fraction: "百分之六十五" is 65%; others ("三分之一") give nothing.
      after += 6;
      std::optional<double> part;
      if (const auto r = internal::ChineseNumeralRunAt(text_, after)) {
        part = r->value;
        after = r->end;
      } else if (const auto n = internal::IntegerAt(text_, after)) {
        part = static_cast<double>(n->value);
        // "百分之5.5": the decimals too.
        if (internal::HasAt(text_, after, ".") &&
            DigitValue(internal::CodePointAt(text_, after + 1)) >= 0) {
          std::size_t q = after + 1;
          double scale = 0.1;
          while (q < text_.size() && text_[q] >= '0' && text_[q] <= '9') {
            *part += (text_[q] - '0') * scale;
            scale /= 10;
            ++q;
          }
          after = q;
        }
      }
      if (part && run->value == 100) Emit(internal::PercentTerm(*part));
    } else {
      // A count, with a scale word after it; an ordinal ("第二", "second")
      // is none.
      // A weekday ("周四", "星期四", "礼拜四") is no count either.
      std::size_t before = pos_;
      const char32_t previous =
          pos_ > 0 ? internal::PreviousCodePoint(text_, before) : 0;
      const std::string_view head = text_.substr(0, pos_);
      const bool ordinal = previous == U'第' || previous == U'周' ||
                           head.ends_with("星期") || head.ends_with("礼拜");
      const std::optional<double> value =
          internal::ChineseNumeralValue(*run, text_);
      const double scale = internal::ScaleWordAt(text_, after);
      if (value && !ordinal) Emit(internal::NumberTerm(*value * scale));
    }
    pos_ = after;
    seen_word_ = true;
    return true;
  }

  const std::string_view text_;
  const std::string_view language_;
  const Stoplist& stoplist_;
  Sink& sink_;
  const bool chinese_;
  std::size_t pos_ = 0;
  bool seen_word_ = false;  // a letter-bearing token appeared before
  bool quoted_ = false;     // "quote" was emitted
};

// Calls emit(term) for each anchor term of `text`, in order.
template <typename Emit>
void ForEachAnchor(std::string_view text, const Context& context, Emit&& emit) {
  AnchorScanner<std::remove_reference_t<Emit>>(text, context, emit).Run();
}

SentenceFeatures Extract(const Sentence& s, const Context& context,
                         std::unordered_map<std::string, std::uint32_t>& ids,
                         std::vector<std::string>& vocabulary,
                         const AnchorOptions& options) {
  SentenceFeatures f;
  const auto add = [&](std::string term) {
    auto [it, inserted] = ids.try_emplace(
        std::move(term), static_cast<std::uint32_t>(vocabulary.size()));
    if (inserted) vocabulary.push_back(it->first);
    f.anchors.push_back(it->second);
  };
  std::size_t pos = 0;
  while (pos < s.normalized.size()) {
    const char32_t c = internal::NextCodePoint(s.normalized, pos);
    if (internal::IsSpace(c)) continue;
    ++f.length;
    f.cjk += internal::IsCjk(c);
  }
  ForEachAnchor(s.normalized, context, [&](std::string term) {
    const TermKind kind = KindOfTerm(term);
    const bool wanted = kind == TermKind::kValue || kind == TermKind::kDate
                            ? options.numbers
                        : kind == TermKind::kName ? options.names
                                                  : options.structure;
    if (wanted) add(std::move(term));
  });
  std::sort(f.anchors.begin(), f.anchors.end());
  f.anchors.erase(std::unique(f.anchors.begin(), f.anchors.end()),
                  f.anchors.end());
  return f;
}

}  // namespace

namespace {

// One document's features with a vocabulary of its own.
struct SideFeatures {
  std::vector<SentenceFeatures> sentences;
  std::vector<std::string> vocabulary;
};

SideFeatures ExtractSide(const Document& doc, const Stoplist& stoplist,
                         const AnchorOptions& options) {
  SideFeatures out;
  std::unordered_map<std::string, std::uint32_t> ids;
  const Context context{doc.language, stoplist};
  out.sentences.reserve(doc.sentences.size());
  for (const Sentence& s : doc.sentences) {
    out.sentences.push_back(Extract(s, context, ids, out.vocabulary, options));
  }
  return out;
}

}  // namespace

Features ExtractFeatures(const Document& src, const Document& tgt,
                         const AnchorOptions& options) {
  const Stoplist stoplist = NameStoplist(src.language, tgt.language);
  // The two documents on two threads, each with its own vocabulary; then
  // the target's terms are renumbered into the source's.
  // The dictionaries' terms meanwhile: the three share the two cores.
  SideFeatures src_side;
  SideFeatures tgt_side;
  LexicalFeatures lexical;
  internal::RunBoth(
      [&] {
        if (options.dictionaries != nullptr) {
          lexical = ExtractLexicalFeatures(src, tgt, *options.dictionaries);
        }
      },
      [&] {
        internal::RunBoth([&] { src_side = ExtractSide(src, stoplist, options); },
                          [&] { tgt_side = ExtractSide(tgt, stoplist, options); });
      });

  Features features;
  features.src = std::move(src_side.sentences);
  features.vocabulary = std::move(src_side.vocabulary);
  std::unordered_map<std::string_view, std::uint32_t> ids;
  ids.reserve(features.vocabulary.size() + tgt_side.vocabulary.size());
  for (std::size_t id = 0; id < features.vocabulary.size(); ++id) {
    ids.emplace(features.vocabulary[id], static_cast<std::uint32_t>(id));
  }
  std::vector<std::uint32_t> renumber(tgt_side.vocabulary.size());
  std::vector<std::string> added;
  for (std::size_t id = 0; id < tgt_side.vocabulary.size(); ++id) {
    const auto it = ids.find(tgt_side.vocabulary[id]);
    if (it != ids.end()) {
      renumber[id] = it->second;
    } else {
      renumber[id] = static_cast<std::uint32_t>(features.vocabulary.size() + added.size());
      added.push_back(std::move(tgt_side.vocabulary[id]));
    }
  }
  for (std::string& term : added) features.vocabulary.push_back(std::move(term));
  features.tgt = std::move(tgt_side.sentences);
  for (SentenceFeatures& f : features.tgt) {
    for (std::uint32_t& id : f.anchors) id = renumber[id];
    std::sort(f.anchors.begin(), f.anchors.end());
  }
  features.lexical = std::move(lexical);
  return features;
}

TermKind KindOfTerm(std::string_view term) {
  if (term.empty()) return TermKind::kStructure;
  if (term.starts_with("date:")) return TermKind::kDate;
  if (term[0] == '#' || term[0] == '%' || term.starts_with("month:") ||
      term.starts_with("time:")) {
    return TermKind::kValue;
  }
  if (term[0] == '@') return TermKind::kName;
  return TermKind::kStructure;
}

TermCounts CountTerms(const Features& features) {
  TermCounts counts;
  counts.src.assign(features.vocabulary.size(), 0);
  counts.tgt.assign(features.vocabulary.size(), 0);
  for (const auto& f : features.src) {
    for (std::uint32_t id : f.anchors) ++counts.src[id];
  }
  for (const auto& f : features.tgt) {
    for (std::uint32_t id : f.anchors) ++counts.tgt[id];
  }
  return counts;
}

std::vector<std::string> AnchorTerms(std::string_view text,
                                     std::string_view language,
                                     std::string_view other_language) {
  std::vector<std::string> terms;
  const Stoplist stoplist = NameStoplist(language, other_language);
  ForEachAnchor(text, Context{language, stoplist},
                [&](std::string term) { terms.push_back(std::move(term)); });
  return terms;
}

}  // namespace allinea
