#include "allinea/language.h"

#include <unicode/localebuilder.h>
#include <unicode/locid.h>

#include <algorithm>
#include <cstring>

#include "allinea/error.h"

namespace allinea {
namespace {

// Longer tags are refused before ICU sees them (real tags are short).
constexpr std::size_t kMaxTagLength = 64;

bool IsIsoLanguage(const std::string& language) {
  for (const char* const* p = icu::Locale::getISOLanguages(); *p; ++p) {
    if (language == *p) return true;
  }
  return false;
}

}  // namespace

Language ParseLanguage(std::string_view tag) {
  if (tag.empty()) return {};
  const std::string quoted = "'" + std::string(tag) + "'";
  if (tag.size() > kMaxTagLength) {
    throw UsageError("invalid language tag " + quoted.substr(0, 40) +
                     "...' (longer than " + std::to_string(kMaxTagLength) +
                     " characters)");
  }
  std::string bcp(tag);
  std::replace(bcp.begin(), bcp.end(), '_', '-');
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(bcp, status);
  if (U_FAILURE(status) || locale.isBogus()) {
    throw UsageError("invalid language tag " + quoted +
                     " (expected a BCP 47 tag such as it, zh, en-GB, zh-Hans)");
  }
  const std::string language = locale.getLanguage();
  if (language.empty() || !IsIsoLanguage(language)) {
    throw UsageError("unknown language " + quoted +
                     " (expected an ISO 639 code such as it, zh, en)");
  }
  std::string canonical = locale.toLanguageTag<std::string>(status);
  if (U_FAILURE(status)) throw UsageError("invalid language tag " + quoted);
  return {std::move(canonical), language};
}

std::string TagWithRegion(std::string_view tag) {
  const Language parsed = ParseLanguage(tag);
  if (parsed.tag.empty()) return {};
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(parsed.tag, status);
  if (U_FAILURE(status) || locale.getCountry()[0] != '\0') return parsed.tag;
  icu::Locale likely(locale);
  likely.addLikelySubtags(status);
  if (U_FAILURE(status) || likely.getCountry()[0] == '\0') return parsed.tag;
  const icu::Locale with_region = icu::LocaleBuilder()
                                      .setLocale(locale)
                                      .setRegion(likely.getCountry())
                                      .build(status);
  if (U_FAILURE(status)) return parsed.tag;
  std::string out = with_region.toLanguageTag<std::string>(status);
  return U_FAILURE(status) ? parsed.tag : out;
}

}  // namespace allinea
