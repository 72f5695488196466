// Language detection: the script first, then, for Latin script, the
// language whose common words (data/lang/<lang>/common-words.txt) occur most.
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "allinea/language.h"
#include "internal/unicode.h"
#include "segment/lang_data.h"

namespace allinea {
namespace {

// Enough text to decide; longer inputs are sampled from the start.
constexpr std::size_t kSampleBytes = 1 << 16;
// A Latin-script guess needs this many common-word hits, and this many more
// than the runner-up, else no language is assumed.
constexpr int kMinHits = 3;

// The language a script stands for when it is the text's main script.
const char* ScriptLanguage(UScriptCode script) {
  switch (script) {
    case USCRIPT_HAN: return "zh";
    case USCRIPT_HANGUL: return "ko";
    case USCRIPT_CYRILLIC: return "ru";
    case USCRIPT_GREEK: return "el";
    case USCRIPT_ARABIC: return "ar";
    case USCRIPT_HEBREW: return "he";
    case USCRIPT_THAI: return "th";
    case USCRIPT_DEVANAGARI: return "hi";
    case USCRIPT_ARMENIAN: return "hy";
    case USCRIPT_GEORGIAN: return "ka";
    default: return nullptr;
  }
}

// Lower-case words of `text` (letters only).
template <typename Emit>
void ForEachWord(std::string_view text, Emit&& emit) {
  std::string word;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    char32_t c = 0;
    if (pos < text.size()) c = internal::NextCodePoint(text, pos);
    else ++pos;
    if (c != 0 && u_isalpha(static_cast<UChar32>(c))) {
      internal::AppendLower(word, c);
    } else if (!word.empty()) {
      emit(word);
      word.clear();
    }
  }
}

std::string DetectLatin(std::string_view text, const std::string& lang_data_dir) {
  // Every language with a common-words list, built in or in the folder.
  std::map<std::string, std::unordered_set<std::string>> profiles;
  for (const internal::LangDataFile& f : internal::BuiltInLangData()) {
    if (f.name != "common-words.txt") continue;
    const internal::LangText t =
        internal::LoadLangData(f.lang, f.name, lang_data_dir);
    auto& words = profiles[std::string(f.lang)];
    for (std::string_view entry : internal::DataEntries(t.text)) {
      ForEachWord(entry, [&](const std::string& w) { words.insert(w); });
    }
  }
  std::unordered_map<std::string, int> hits;
  ForEachWord(text, [&](const std::string& w) {
    for (const auto& [lang, words] : profiles) hits[lang] += words.count(w) > 0;
  });
  std::string best;
  int best_hits = 0;
  int second = 0;
  for (const auto& [lang, n] : hits) {
    if (n > best_hits) {
      second = best_hits;
      best_hits = n;
      best = lang;
    } else if (n > second) {
      second = n;
    }
  }
  if (best_hits < kMinHits || best_hits < second + kMinHits) return {};
  return best;
}

}  // namespace

std::string DetectLanguage(std::string_view text,
                           const std::string& lang_data_dir) {
  text = text.substr(0, kSampleBytes);
  // Trim to a whole code point.
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
    text.remove_suffix(1);
  }
  if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) {
    text.remove_suffix(1);
  }
  std::map<int, std::size_t> scripts;
  bool kana = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = internal::NextCodePoint(text, pos);
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
    if (U_FAILURE(status)) continue;
    kana |= script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
    ++scripts[script];
  }
  if (scripts.empty()) return {};
  // Kana among Han is Japanese.
  const std::size_t kana_count = scripts[USCRIPT_HIRAGANA] + scripts[USCRIPT_KATAKANA];
  if (kana && kana_count * 10 >= scripts[USCRIPT_HAN]) return "ja";
  const auto main = std::max_element(
      scripts.begin(), scripts.end(),
      [](const auto& a, const auto& b) { return a.second < b.second; });
  const auto script = static_cast<UScriptCode>(main->first);
  if (script == USCRIPT_LATIN) return DetectLatin(text, lang_data_dir);
  const char* lang = ScriptLanguage(script);
  return lang ? lang : std::string();
}

namespace {

// The script `language` is most likely written in ("Latn", "Hans"), or "".
std::string LikelyScript(std::string_view language) {
  icu::Locale locale(std::string(language).c_str());
  UErrorCode status = U_ZERO_ERROR;
  locale.addLikelySubtags(status);
  return U_FAILURE(status) ? std::string() : std::string(locale.getScript());
}

bool HasCommonWords(std::string_view language) {
  for (const internal::LangDataFile& f : internal::BuiltInLangData()) {
    if (f.name == "common-words.txt" && f.lang == language) return true;
  }
  return false;
}

}  // namespace

std::string ContradictedLanguage(std::string_view text,
                                 std::string_view language,
                                 const std::string& lang_data_dir) {
  if (language.empty()) return {};
  std::string seen = DetectLanguage(text, lang_data_dir);
  if (seen.empty() || seen == language) return {};
  const std::string script = LikelyScript(language);
  const bool other_script = !script.empty() && script != LikelyScript(seen);
  if (other_script || (HasCommonWords(language) && HasCommonWords(seen))) {
    return seen;
  }
  return {};
}

}  // namespace allinea
