// allinea/language.h: language tags given by the user.
//
// ParseLanguage() accepts a BCP 47 tag ("it", "it-IT", "zh-Hans", "zh-CN",
// "en_US" is accepted and read as "en-US") and returns its canonical form
// and its language subtag, which drives processing (sentence rules, joining).
// An empty tag means "unknown": the language-neutral Unicode rules apply.
//
// Throws UsageError, naming the tag, when the tag is malformed, longer than
// 64 characters, or its language is not an ISO 639 language ICU knows.
// Cost: microseconds (ICU's tag parser). Thread safety: a pure function.
//
// Example:
//   allinea::Language l = allinea::ParseLanguage("zh_CN");
//   // l.tag == "zh-CN", l.language == "zh"
#ifndef ALLINEA_LANGUAGE_H_
#define ALLINEA_LANGUAGE_H_

#include <string>
#include <string_view>

namespace allinea {

struct Language {
  std::string tag;       // canonical BCP 47 tag ("zh-Hans-CN"); "" if unknown
  std::string language;  // lower-case language subtag ("zh"); "" if unknown
};

[[nodiscard]] Language ParseLanguage(std::string_view tag);

// The tag with a region, for formats whose readers expect one (TMX's
// xml:lang, which CAT tools match against a project's languages): a tag
// that names a region is returned as ParseLanguage() writes it; a tag
// without one gets the region ICU's likely-subtags data gives its language
// and script ("it" -> "it-IT", "zh" -> "zh-CN", "zh-Hant" -> "zh-Hant-TW",
// "en" -> "en-US", "pt" -> "pt-BR"). "" stays "". Throws like
// ParseLanguage().
[[nodiscard]] std::string TagWithRegion(std::string_view tag);

// Guesses the language subtag of `text` (UTF-8), or "" when unsure. The
// main script decides where it stands for one language (Han -> zh, Han
// with kana -> ja, hangul -> ko, Cyrillic -> ru, Greek -> el, Arabic -> ar,
// ...); Latin script goes to the language whose common words (data/lang/
// <lang>/common-words.txt: it, en, fr, es, de; a file in `lang_data_dir`
// replaces the built-in list) occur most, when it clearly leads. Reads at most the first
// 64 KiB. Thread safety: a pure function.
[[nodiscard]] std::string DetectLanguage(std::string_view text,
                                         const std::string& lang_data_dir = {});

// The language `text` plainly is in when it is not `language` (a subtag),
// or "": DetectLanguage() names another language, and either that one is
// written in another script than `language` (ICU's likely subtags: it ->
// Latn, zh -> Hans, ru -> Cyrl; Italian declared for Chinese text), or both
// have common-words lists, so that the detection weighed `language` too (en
// declared for Italian). Related languages the detection cannot tell apart
// (uk or bg read as ru, pt as es) are never contradicted.
[[nodiscard]] std::string ContradictedLanguage(
    std::string_view text, std::string_view language,
    const std::string& lang_data_dir = {});

}  // namespace allinea

#endif  // ALLINEA_LANGUAGE_H_
