// Private: the words of a text as dictionary look-ups see them.
//
// A text is split with ICU's word BreakIterator for its language (the same
// rules for every language; Chinese and Japanese by ICU's dictionary, so
// that "我们研究人工智能" is 我们 / 研究 / 人工 / 智能). Tokens that are only
// spaces or punctuation (rule status UBRK_WORD_NONE), and any other token
// without a letter or digit (ICU calls a lone "@" a word), are dropped. Each
// word
// is case-folded (ICU full case folding: "Intelligenza" -> "intelligenza",
// "Straße" -> "strasse"), and split at an apostrophe (' or ’), which ICU
// keeps inside a word, dropping it: "dell'intelligenza" -> "dell",
// "intelligenza"; "Europe's" -> "europe", "s".
//
// Cost: O(n) in the text size. Thread safety: a WordTokenizer keeps state;
// use one per thread.
#ifndef ALLINEA_SRC_ANCHORS_WORDS_H_
#define ALLINEA_SRC_ANCHORS_WORDS_H_

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace allinea::internal {

class WordTokenizer {
 public:
  // ICU's word rules for `language` (a subtag such as "it"; "" = the
  // language-neutral rules). Throws UsageError if ICU has no word rules.
  explicit WordTokenizer(std::string_view language);
  ~WordTokenizer();
  WordTokenizer(const WordTokenizer&) = delete;
  WordTokenizer& operator=(const WordTokenizer&) = delete;

  // The folded words of `text`, in order; valid until the next call.
  // REQUIRES: `text` is well-formed UTF-8 (NFC, as Sentence::normalized) of
  // fewer than 2^31 bytes.
  [[nodiscard]] std::span<const std::string> Words(std::string_view text);
  // The same, except that Han and kana letters are taken one character at
  // a time, whatever ICU's dictionary says (ICU sees only the text between
  // them: Latin words, figures). Cheaper than Words() on Chinese, and how
  // dictionaries are matched (lexicon.h). Valid until the next call.
  [[nodiscard]] std::span<const std::string> Tokens(std::string_view text);

 private:
  // Appends the words of `text` to those of the current call.
  void AppendWords(std::string_view text);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Words joined for people to read: with one space, except between two
// characters written without spaces (Han, kana): {"人工", "智能"} ->
// "人工智能", {"machine", "learning"} -> "machine learning".
[[nodiscard]] std::string JoinWords(std::span<const std::string> words);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_ANCHORS_WORDS_H_
