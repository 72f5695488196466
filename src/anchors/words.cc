// Words for dictionary look-ups: ICU word breaks, case folding, apostrophes.
#include "anchors/words.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <cstdint>
#include <string>

#include "allinea/error.h"
#include "internal/unicode.h"

namespace allinea::internal {
namespace {

constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // U+2019

// True if `s` is all ASCII.
bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// True if `s` holds a letter or a digit: ICU counts a lone "@" as a word
// (it is part of e-mail addresses), which is none.
bool HasLetterOrDigit(std::string_view s) {
  for (std::size_t pos = 0; pos < s.size();) {
    if (u_isalnum(static_cast<UChar32>(NextCodePoint(s, pos)))) return true;
  }
  return false;
}

}  // namespace

struct WordTokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> breaks;
  UText* text = nullptr;
  std::vector<std::string> words;  // reused: strings keep their capacity
  std::size_t count = 0;           // words in use
  std::string folded;              // scratch

  ~Impl() { utext_close(text); }

  std::string& NextWord() {
    if (count == words.size()) words.emplace_back();
    std::string& w = words[count++];
    w.clear();
    return w;
  }

  // Adds the folded `token`, split after apostrophes between letters.
  void Add(std::string_view token) {
    folded.clear();
    if (IsAscii(token)) {
      for (char c : token) {
        folded.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                              : c);
      }
    } else {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(token.data(), static_cast<int32_t>(token.size())));
      u.foldCase();
      u.toUTF8String(folded);
    }
    std::string* word = &NextWord();
    for (std::size_t i = 0; i < folded.size();) {
      std::size_t quote = 0;  // bytes of an apostrophe at i
      if (folded[i] == '\'') {
        quote = 1;
      } else if (std::string_view(folded).substr(i, kRightQuote.size()) ==
                 kRightQuote) {
        quote = kRightQuote.size();
      }
      if (quote == 0) {
        word->push_back(folded[i++]);
        continue;
      }
      i += quote;
      // ICU keeps an apostrophe inside a word only between letters (or after
      // a Hebrew letter, at the end): split there, dropping it.
      if (i < folded.size() && !word->empty()) word = &NextWord();
    }
  }
};

WordTokenizer::WordTokenizer(std::string_view language)
    : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = language.empty()
                                 ? icu::Locale::getRoot()
                                 : icu::Locale(std::string(language).c_str());
  impl_->breaks.reset(icu::BreakIterator::createWordInstance(locale, status));
  if (U_FAILURE(status) || !impl_->breaks) {
    throw UsageError("no word rules for language '" + std::string(language) +
                     "': " + u_errorName(status));
  }
}

WordTokenizer::~WordTokenizer() = default;

std::span<const std::string> WordTokenizer::Words(std::string_view text) {
  impl_->count = 0;
  AppendWords(text);
  return {impl_->words.data(), impl_->count};
}

std::span<const std::string> WordTokenizer::Tokens(std::string_view text) {
  Impl& impl = *impl_;
  impl.count = 0;
  std::size_t pending = 0;  // start of the text not yet tokenised
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    const char32_t c = NextCodePoint(text, pos);
    if (c < 0x2E80 || !IsUnspaced(c) || !u_isalpha(static_cast<UChar32>(c))) continue;
    AppendWords(text.substr(pending, begin - pending));
    impl.NextWord().assign(text.substr(begin, pos - begin));
    pending = pos;
  }
  AppendWords(text.substr(pending));
  return {impl.words.data(), impl.count};
}

void WordTokenizer::AppendWords(std::string_view text) {
  Impl& impl = *impl_;
  // Between Han characters there is often only punctuation, in which ICU
  // would find no word.
  if (!HasLetterOrDigit(text)) return;
  UErrorCode status = U_ZERO_ERROR;
  impl.text = utext_openUTF8(impl.text, text.data(),
                             static_cast<int64_t>(text.size()), &status);
  impl.breaks->setText(impl.text, status);
  if (U_FAILURE(status)) return;  // only for texts ICU cannot index
  // Offsets of a UTF-8 UText are byte offsets.
  std::int32_t start = impl.breaks->first();
  for (std::int32_t end = impl.breaks->next(); end != icu::BreakIterator::DONE;
       start = end, end = impl.breaks->next()) {
    if (impl.breaks->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    const std::string_view token = text.substr(
        static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
    if (HasLetterOrDigit(token)) impl.Add(token);
  }
}

std::string JoinWords(std::span<const std::string> words) {
  std::string joined;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (!joined.empty()) {
      std::size_t end = joined.size();
      std::size_t begin = 0;
      const char32_t last = PreviousCodePoint(joined, end);
      const char32_t first = NextCodePoint(w, begin);
      if (!(IsUnspaced(last) && IsUnspaced(first))) joined.push_back(' ');
    }
    joined += w;
  }
  return joined;
}

}  // namespace allinea::internal
