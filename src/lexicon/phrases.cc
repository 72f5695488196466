// Phrases: normalisation (the words of dictionary look-ups) and the
// cleaning of dictionary senses.
#include "lexicon/phrases.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "allinea/dictionary.h"
#include "internal/unicode.h"

namespace allinea {
namespace internal {
namespace {

// Whether `s` is plain words between spaces: ASCII letters and digits, and
// letters of the Latin, Greek and Cyrillic blocks (precomposed, as NFC
// leaves them). ICU's word rules split such text at its spaces and nowhere
// else, so its words need no BreakIterator. `ascii` says whether it is all
// ASCII (then folding is tolower).
bool IsPlainWords(std::string_view s, bool& ascii) {
  ascii = true;
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t c = NextCodePoint(s, pos);
    if (c < 0x80) {
      if (c != ' ' && !std::isalnum(static_cast<int>(c))) return false;
      continue;
    }
    ascii = false;
    if (c >= 0x530 || !u_isalpha(static_cast<UChar32>(c))) return false;
  }
  return true;
}

// `s` without Unicode white space at either end.
std::string_view Trim(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t next = begin;
    if (!IsSpace(NextCodePoint(s, next))) break;
    begin = next;
  }
  std::size_t end = s.size();
  while (end > begin) {
    std::size_t prev = end;
    if (!IsSpace(PreviousCodePoint(s, prev))) break;
    end = prev;
  }
  return s.substr(begin, end - begin);
}

}  // namespace

PhraseNormaliser::PhraseNormaliser() : tokenizer_("") {}

std::string PhraseNormaliser::Normalise(std::string_view phrase,
                                        std::size_t& words) {
  bool ascii = true;
  if (IsPlainWords(phrase, ascii)) {
    std::string folded;
    if (ascii) {
      folded.assign(phrase);
      for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(phrase.data(), static_cast<int32_t>(phrase.size())));
      u.foldCase();
      u.toUTF8String(folded);
    }
    std::string out;
    words = 0;
    std::size_t pos = 0;
    while (pos < folded.size()) {
      while (pos < folded.size() && folded[pos] == ' ') ++pos;
      if (pos == folded.size()) break;
      if (!out.empty()) out.push_back(' ');
      while (pos < folded.size() && folded[pos] != ' ') out.push_back(folded[pos++]);
      ++words;
    }
    return out;
  }
  const std::span<const std::string> w = tokenizer_.Words(phrase);
  words = w.size();
  return JoinWords(w);
}

bool HasLongerPhrase(std::uint32_t count,
                     const std::function<std::string_view(std::uint32_t)>& at,
                     std::string_view prefix) {
  if (prefix.empty()) return count > 0;
  std::size_t end = prefix.size();
  const bool unspaced = IsUnspaced(PreviousCodePoint(prefix, end));
  // Phrases that start with `prefix` are contiguous from its lower bound;
  // " " sorts before letters, so a spaced continuation comes early.
  constexpr std::uint32_t kScan = 64;
  const std::uint32_t first = PhraseLowerBound(count, at, prefix);
  for (std::uint32_t id = first; id < count && id < first + kScan; ++id) {
    const std::string_view p = at(id);
    if (!p.starts_with(prefix)) break;
    if (p.size() == prefix.size()) continue;
    if (p[prefix.size()] == ' ') return true;
    std::size_t pos = prefix.size();
    if (unspaced && IsUnspaced(NextCodePoint(p, pos))) return true;
  }
  return false;
}

void AppendWord(std::string& key, std::string_view word) {
  if (word.empty()) return;
  if (!key.empty()) {
    std::size_t end = key.size();
    std::size_t begin = 0;
    if (!(IsUnspaced(PreviousCodePoint(key, end)) && IsUnspaced(NextCodePoint(word, begin)))) {
      key.push_back(' ');
    }
  }
  key += word;
}

std::vector<std::string_view> SplitOutsideBrackets(std::string_view text,
                                                   std::string_view separators) {
  std::vector<std::string_view> pieces;
  int depth = 0;
  std::size_t start = 0;
  const auto flush = [&](std::size_t end) {
    const std::string_view piece = Trim(text.substr(start, end - start));
    if (!piece.empty()) pieces.push_back(piece);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(' || c == '[' || c == '{' || c == '<') {
      ++depth;
    } else if ((c == ')' || c == ']' || c == '}' || c == '>') && depth > 0) {
      --depth;
    } else if (depth == 0 && separators.find(c) != std::string_view::npos) {
      flush(i);
      start = i + 1;
    }
  }
  flush(text.size());
  return pieces;
}

}  // namespace internal

namespace {

// Senses that describe rather than translate (CC-CEDICT's conventions,
// compared case-insensitively at the start of the sense).
constexpr std::array<std::string_view, 14> kNotTranslations = {
    "cl:",       "see ",     "see also",  "surname ", "abbr. for", "abbr. of",
    "used in ",  "pr. ",     "also pr.",  "taiwan pr.", "radical ", "also written",
    "(used in", "classifier for"};

bool StartsWithFolded(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

std::string CleanSense(std::string_view sense, std::string_view language) {
  sense = internal::Trim(sense);
  for (std::string_view prefix : kNotTranslations) {
    if (StartsWithFolded(sense, prefix)) return {};
  }
  if (sense.find("variant of") != std::string_view::npos) return {};
  // Drop bracketed notes, at any depth.
  std::string out;
  int depth = 0;
  for (const char c : sense) {
    if (c == '(' || c == '[' || c == '{' || c == '<') {
      ++depth;
    } else if ((c == ')' || c == ']' || c == '}' || c == '>') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  std::string_view trimmed = internal::Trim(out);
  if (language == "en" && trimmed.size() > 3 && StartsWithFolded(trimmed, "to ")) {
    trimmed = internal::Trim(trimmed.substr(3));
  }
  return std::string(trimmed);
}

std::string NormalisePhrase(std::string_view phrase) {
  internal::PhraseNormaliser normaliser;
  std::size_t words = 0;
  return normaliser.Normalise(phrase, words);
}

}  // namespace allinea
