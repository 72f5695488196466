// Private: what a DictionarySet holds, and a route as the extractor uses it.
#ifndef ALLINEA_SRC_LEXICON_DICTIONARY_SET_H_
#define ALLINEA_SRC_LEXICON_DICTIONARY_SET_H_

#include <memory>
#include <string>
#include <string_view>

#include "allinea/dictionary.h"
#include "allinea/lexicon.h"

namespace allinea {

struct DictionarySet::Entry {
  std::string path;
  std::string from;  // primary subtags; "" = unknown
  std::string to;
  bool given = false;  // named by the user rather than installed
  std::unique_ptr<Dictionary> dictionary;  // loaded on first use
};

namespace internal {

// The primary language subtag of a tag, lower-case: "zh-Hans" -> "zh".
[[nodiscard]] std::string PrimaryLanguage(std::string_view tag);

struct Route {
  const Dictionary* dictionary = nullptr;
  RouteKind kind = RouteKind::kDirect;
  std::string path;
  DictionarySet::Entry* entry = nullptr;  // while planning
  bool installed = false;
};

}  // namespace internal
}  // namespace allinea

#endif  // ALLINEA_SRC_LEXICON_DICTIONARY_SET_H_
