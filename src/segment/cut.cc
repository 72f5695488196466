// The cut of over-long sentences (cut.h).
#include "segment/cut.h"

#include <unicode/locid.h>
#include <unicode/utext.h>

#include "allinea/error.h"
#include "internal/unicode.h"

namespace allinea::internal {
namespace {

// Code points of look-ahead the word rules see past the limit, so that the
// word the limit falls in is seen whole.
constexpr std::size_t kLookAhead = 32;

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};

// A clause mark after which a cut reads naturally: a comma, semicolon or
// colon followed by white space (not "3,5" or "12:30"), or a full-width one.
bool IsClauseEnd(std::string_view text, std::size_t after) {
  std::size_t pos = after;
  const char32_t c = PreviousCodePoint(text, pos);
  switch (c) {
    case U'\uFF0C': case U'\uFF1B': case U'\uFF1A': case U'\u3001':
      return true;
    case U',': case U';': case U':': {
      if (after >= text.size()) return false;
      std::size_t next = after;
      return IsSpace(NextCodePoint(text, next));
    }
    default:
      return false;
  }
}

// The last boundary of `it` at or before `limit` and after 0 in `window`
// (offsets relative to the window) where `allowed` (relative to the window)
// holds, or 0 when there is none.
std::size_t LastBoundary(icu::BreakIterator& it, std::string_view window,
                         std::size_t limit,
                         const std::function<bool(std::size_t)>& allowed) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> ut(utext_openUTF8(
      nullptr, window.data(), static_cast<int64_t>(window.size()), &status));
  it.setText(ut.get(), status);
  if (U_FAILURE(status)) return 0;
  const auto at = static_cast<int32_t>(limit);
  for (int32_t b = it.isBoundary(at) ? at : it.preceding(at);
       b != icu::BreakIterator::DONE && b > 0; b = it.preceding(b)) {
    if (allowed(static_cast<std::size_t>(b))) return static_cast<std::size_t>(b);
  }
  return 0;
}

}  // namespace

SentenceCutter::SentenceCutter(const char* language, std::size_t max_chars)
    : max_chars_(max_chars) {
  const icu::Locale locale =
      *language == '\0' ? icu::Locale::getRoot() : icu::Locale(language);
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(locale, status));
  graphemes_.reset(icu::BreakIterator::createCharacterInstance(locale, status));
  if (U_FAILURE(status) || !words_ || !graphemes_) {
    throw UsageError(std::string("no word rules for language '") + language +
                     "': " + u_errorName(status));
  }
}

std::vector<std::pair<std::size_t, std::size_t>> SentenceCutter::Cut(
    std::string_view text, const CutAllowed& allowed) const {
  std::vector<std::pair<std::size_t, std::size_t>> pieces;
  if (max_chars_ == 0 || text.size() <= max_chars_ ||
      CountCodePoints(text) <= max_chars_) {
    pieces.emplace_back(0, text.size());
    return pieces;
  }
  const auto ok = [&](std::size_t pos) { return !allowed || allowed(pos); };
  std::unique_ptr<icu::BreakIterator> words(words_->clone());
  std::unique_ptr<icu::BreakIterator> graphemes(graphemes_->clone());
  std::size_t start = 0;
  while (start < text.size()) {
    // limit: max_chars_ code points on; half: half as many.
    std::size_t limit = start;
    std::size_t half = start;
    for (std::size_t count = 0; limit < text.size() && count < max_chars_;
         ++count) {
      if (count == max_chars_ / 2) half = limit;
      (void)NextCodePoint(text, limit);
    }
    if (limit == text.size()) {
      pieces.emplace_back(start, limit);
      break;
    }
    std::size_t cut = 0;
    for (std::size_t pos = limit; pos > half && cut == 0;) {
      if (IsClauseEnd(text, pos) && ok(pos)) cut = pos;
      (void)PreviousCodePoint(text, pos);
    }
    if (cut == 0) {
      std::size_t window_end = limit;
      for (std::size_t i = 0; i < kLookAhead && window_end < text.size(); ++i) {
        (void)NextCodePoint(text, window_end);
      }
      const std::string_view window = text.substr(start, window_end - start);
      const auto in_window = [&](std::size_t pos) { return ok(start + pos); };
      std::size_t b = LastBoundary(*words, window, limit - start, in_window);
      if (b == 0) b = LastBoundary(*graphemes, window, limit - start, in_window);
      if (b != 0) cut = start + b;
    }
    // Inside one enormous grapheme, or where no boundary is allowed: the
    // last allowed code point boundary, else the first one past the limit.
    for (std::size_t pos = limit; cut == 0 && pos > start;) {
      if (ok(pos)) cut = pos;
      (void)PreviousCodePoint(text, pos);
    }
    if (cut == 0) {
      cut = limit;
      while (cut < text.size() && !ok(cut)) (void)NextCodePoint(text, cut);
    }
    pieces.emplace_back(start, cut);
    start = cut;
  }
  return pieces;
}

}  // namespace allinea::internal
