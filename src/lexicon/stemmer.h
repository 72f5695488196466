// Private: Snowball stemmers (libstemmer), for finding a dictionary's word
// under another form of it ("modelli" for "modello", "houses" for "house").
#ifndef ALLINEA_SRC_LEXICON_STEMMER_H_
#define ALLINEA_SRC_LEXICON_STEMMER_H_

#include <string>
#include <string_view>

struct sb_stemmer;

namespace allinea::internal {

// Thread safety: one per thread (libstemmer's stemmers keep state).
class Stemmer {
 public:
  // The Snowball stemmer of `language` (a subtag: "it", "en", "de"...);
  // none (ok() false) for a language Snowball has no stemmer for ("zh").
  explicit Stemmer(std::string_view language);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  [[nodiscard]] bool ok() const { return stemmer_ != nullptr; }
  // The stem of a folded word; the word itself without a stemmer. Valid
  // until the next call.
  [[nodiscard]] std::string_view Stem(std::string_view word);

 private:
  sb_stemmer* stemmer_ = nullptr;
  std::string buffer_;
};

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_LEXICON_STEMMER_H_
