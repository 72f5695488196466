#include "allinea/language.h"

#include <unicode/locid.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <cstring>

#include "allinea/error.h"

namespace allinea {
namespace {

bool IsIsoLanguage(const std::string& language) {
  for (const char* const* p = icu::Locale::getISOLanguages(); *p; ++p) {
    if (language == *p) return true;
  }
  return false;
}

}  // namespace

Language ParseLanguage(std::string_view tag) {
  if (tag.empty()) return {};
  std::string bcp(tag);
  std::replace(bcp.begin(), bcp.end(), '_', '-');
  const std::string quoted = "'" + std::string(tag) + "'";
  UErrorCode status = U_ZERO_ERROR;
  char locale_id[ULOC_FULLNAME_CAPACITY] = {};
  int32_t parsed = 0;
  uloc_forLanguageTag(bcp.c_str(), locale_id, sizeof locale_id, &parsed,
                      &status);
  if (U_FAILURE(status) || parsed != static_cast<int32_t>(bcp.size())) {
    throw UsageError("invalid language tag " + quoted +
                     " (expected a BCP 47 tag such as it, zh, en-GB, zh-Hans)");
  }
  char language[ULOC_LANG_CAPACITY] = {};
  uloc_getLanguage(locale_id, language, sizeof language, &status);
  std::string lang = language;
  if (U_FAILURE(status) || lang.empty() || !IsIsoLanguage(lang)) {
    throw UsageError("unknown language " + quoted +
                     " (expected an ISO 639 code such as it, zh, en)");
  }
  char canonical[ULOC_FULLNAME_CAPACITY] = {};
  uloc_toLanguageTag(locale_id, canonical, sizeof canonical, true, &status);
  if (U_FAILURE(status)) {
    throw UsageError("invalid language tag " + quoted);
  }
  return {canonical, lang};
}

}  // namespace allinea
