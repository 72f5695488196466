// Stemmer: libstemmer (Snowball) behind a small class.
#include "lexicon/stemmer.h"

#include <libstemmer.h>

namespace allinea::internal {

Stemmer::Stemmer(std::string_view language) {
  if (language.empty()) return;
  // libstemmer knows ISO 639 codes ("it", "ita") as well as names.
  stemmer_ = sb_stemmer_new(std::string(language).c_str(), "UTF_8");
}

Stemmer::~Stemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

std::string_view Stemmer::Stem(std::string_view word) {
  if (stemmer_ == nullptr) return word;
  const sb_symbol* stem = sb_stemmer_stem(
      stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (stem == nullptr) return word;  // out of memory: the word as it is
  buffer_.assign(reinterpret_cast<const char*>(stem),
                 static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  return buffer_;
}

}  // namespace allinea::internal
