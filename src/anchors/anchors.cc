// The features stage: lengths and anchor terms.
#include "allinea/anchors.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "anchors/dictionary_matcher.h"
#include "anchors/numbers.h"
#include "internal/unicode.h"

namespace allinea {
namespace {

// ASCII or full-width digit value, or -1.
int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}

bool IsLatinWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  if (!u_isalnum(static_cast<UChar32>(c))) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_LATIN;
}

// Dialogue labels that open a sentence, and the term each one stands for.
struct Label {
  std::string_view text;
  std::string_view term;
};
constexpr Label kLabels[] = {
    {"D:", "label:q"}, {"Q:", "label:q"}, {"问:", "label:q"},
    {"问：", "label:q"}, {"R:", "label:a"}, {"A:", "label:a"},
    {"答:", "label:a"}, {"答：", "label:a"},
};

// Calls emit(term) for each anchor term of `text`, in order.
template <typename Emit>
void ForEachAnchor(std::string_view text, std::string_view language,
                   Emit&& emit) {
  std::size_t pos = 0;
  for (const Label& label : kLabels) {
    if (text.substr(0, label.text.size()) == label.text) {
      emit(std::string(label.term));
      pos = label.text.size();  // the word after a label is sentence-initial
      break;
    }
  }
  bool seen_word = false;  // a letter-bearing token appeared before
  while (pos < text.size()) {
    std::size_t next = pos;
    const char32_t c = internal::NextCodePoint(text, next);
    if (DigitValue(c) >= 0) {
      // A number: digits with inner '.' or ',' separators followed by digits.
      std::string digits;
      std::size_t p = pos;
      for (;;) {
        std::size_t q = p;
        const char32_t d = internal::NextCodePoint(text, q);
        if (DigitValue(d) >= 0) {
          digits.push_back(static_cast<char>('0' + DigitValue(d)));
          p = q;
          continue;
        }
        if ((d == '.' || d == ',') && q < text.size()) {
          std::size_t r = q;
          if (DigitValue(internal::NextCodePoint(text, r)) >= 0) {
            digits.push_back(static_cast<char>(d));
            p = q;
            continue;
          }
        }
        break;
      }
      // Digits glued to letters ("405B", "GPT4") form a code, below.
      // ...unless the letters are a scale word ("6bn").
      std::size_t after = p;
      const double scale = internal::ScaleWordAt(text, after);
      std::size_t q = p;
      const bool glued = scale == 1 && q < text.size() &&
                         IsLatinWordChar(internal::NextCodePoint(text, q));
      if (!glued) {
        // As a value, times the scale word that follows ("6 miliardi").
        const std::optional<double> value = internal::NumberValue(digits, language);
        if (value) {
          emit(internal::NumberTerm(*value * scale));
          pos = after;
        } else {
          emit("#" + digits);
          pos = p;
        }
        continue;
      }
      if (!IsLatinWordChar(c)) {
        // Full-width digits glued to a letter: not a code we compare; skip
        // the whole run rather than rescanning it from every digit.
        pos = p;
        continue;
      }
    }
    if (IsLatinWordChar(c)) {
      std::string token;
      bool upper_first = u_isupper(static_cast<UChar32>(c));
      bool has_digit = false;
      bool has_letter = false;
      std::size_t p = pos;
      while (p < text.size()) {
        std::size_t q = p;
        const char32_t d = internal::NextCodePoint(text, q);
        if (!IsLatinWordChar(d)) break;
        has_digit |= DigitValue(d) >= 0;
        has_letter |= u_isalpha(static_cast<UChar32>(d)) != 0;
        internal::AppendLower(token, d);
        p = q;
      }
      if ((has_digit && has_letter) || (upper_first && seen_word)) {
        emit("@" + token);
      }
      seen_word |= has_letter;
      pos = p;
      continue;
    }
    if (std::size_t after = pos; language == "zh" || language == "ja") {
      if (const auto value = internal::ChineseNumeralAt(text, after)) {
        // Chinese numerals, with a scale word after them ("六十亿").
        emit(internal::NumberTerm(*value * internal::ScaleWordAt(text, after)));
        pos = after;
        seen_word = true;
        continue;
      }
    }
    if (c == '?' || c == 0xFF1F) emit("?");
    if (c == '!' || c == 0xFF01) emit("!");
    if (u_isalpha(static_cast<UChar32>(c))) seen_word = true;
    pos = next;
  }
}

SentenceFeatures Extract(const Sentence& s, std::string_view language,
                         internal::DictionaryMatcher* dictionary,
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
  ForEachAnchor(s.normalized, language, [&](std::string term) {
    const bool wanted = term[0] == '#'   ? options.numbers
                        : term[0] == '@' ? options.names
                                         : options.structure;
    if (wanted) add(std::move(term));
  });
  if (dictionary != nullptr) {
    for (std::uint32_t phrase : dictionary->Find(s.normalized)) {
      add("=" + dictionary->Phrase(phrase));
    }
  }
  std::sort(f.anchors.begin(), f.anchors.end());
  f.anchors.erase(std::unique(f.anchors.begin(), f.anchors.end()),
                  f.anchors.end());
  return f;
}

}  // namespace

Features ExtractFeatures(const Document& src, const Document& tgt,
                         const AnchorOptions& options) {
  Features features;
  std::unordered_map<std::string, std::uint32_t> ids;
  // One matcher (one word BreakIterator) per document.
  const bool use_dictionary =
      options.dictionary != nullptr && !options.dictionary->empty();
  using Side = internal::DictionaryMatcher::Side;
  std::optional<internal::DictionaryMatcher> dictionary;
  if (use_dictionary) {
    dictionary.emplace(*options.dictionary, Side::kSource, src.language);
  }
  features.src.reserve(src.sentences.size());
  for (const Sentence& s : src.sentences) {
    features.src.push_back(Extract(s, src.language,
                                   dictionary ? &*dictionary : nullptr, ids,
                                   features.vocabulary, options));
  }
  if (use_dictionary) {
    dictionary.emplace(*options.dictionary, Side::kTarget, tgt.language);
  }
  features.tgt.reserve(tgt.sentences.size());
  for (const Sentence& s : tgt.sentences) {
    features.tgt.push_back(Extract(s, tgt.language,
                                   dictionary ? &*dictionary : nullptr, ids,
                                   features.vocabulary, options));
  }
  return features;
}

std::vector<std::string> AnchorTerms(std::string_view text,
                                     std::string_view language) {
  std::vector<std::string> terms;
  ForEachAnchor(text, language,
                [&](std::string term) { terms.push_back(std::move(term)); });
  return terms;
}

}  // namespace allinea
