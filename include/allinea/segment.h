// allinea/segment.h: the segment stage, from text to paragraphs and
// sentences.
//
// Paragraphs are separated by blank (or whitespace-only) lines. A text with no
// blank line between its first and last non-blank lines is read in *line
// mode*: every line is a paragraph. Inside a paragraph a single line break is
// soft (hard-wrapped text is joined: with a space, or with nothing between two
// CJK characters) unless the next line starts a list item ("•", "-", "*",
// "1.", "a)" followed by a space), which always starts a new segment. Each
// block is then split into sentences with ICU's sentence BreakIterator for
// the language (with ICU's abbreviation suppressions where ICU has them); a
// block without sentence-final punctuation (a title, a date, a menu line)
// thus stays one segment. Abbreviations come from the language's data
// (data/lang/<lang>/abbreviations.txt, built in; SegmentOptions::
// lang_data_dir adds or replaces files); a language without such data uses
// ICU's own suppressions (@ss=standard) where ICU has them.
//
// With SegmentOptions::presegmented the text is taken as one sentence per
// line, a blank line marking a paragraph break.
//
// Invariants of a Document: sentences are in input order, their spans do not
// overlap, no sentence is empty, paragraph numbers never decrease.
// Cost: O(n) in the text size. Thread safety: Segment() is const and may be
// called from several threads on the same Segmenter.
//
// Example:
//   allinea::Segmenter seg({.language = "it"});
//   allinea::Document doc = seg.Segment(allinea::DecodeText(bytes, "it.txt"));
//   for (const auto& s : doc.sentences) std::cout << s.text << '\n';
#ifndef ALLINEA_SEGMENT_H_
#define ALLINEA_SEGMENT_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "allinea/text.h"

namespace allinea {

struct Sentence {
  // The user's original text of the sentence, with soft line breaks inside
  // it joined (a space, or nothing between CJK characters).
  std::string text;
  // The same sentence in NFC, for analysis.
  std::string normalized;
  // The sentence's bytes in the original input, [begin, end).
  ByteSpan span;
  // 0-based number of the paragraph the sentence belongs to.
  std::size_t paragraph = 0;
  // 1-based line and column (in code points) of the sentence's first
  // character in the input; a BOM is not counted.
  std::size_t line = 1;
  std::size_t column = 1;
};

struct Document {
  std::string name;                // input name, as in SourceText::name()
  std::string language;            // the language subtag it was segmented as

  std::vector<Sentence> sentences;  // in input order
  std::size_t paragraph_count = 0;  // paragraphs that hold a sentence
  // Sentences longer than SegmentOptions::max_sentence_chars that were cut
  // into pieces, and the 1-based line where the first of them starts (0
  // when none was cut).
  std::size_t cut_sentences = 0;
  std::size_t first_cut_line = 0;
};

struct SegmentOptions {
  // Language subtag ("it", "zh"; see ParseLanguage); "" = language-neutral
  // Unicode rules.
  std::string language;
  // Input is already one sentence per line (blank line = paragraph break).
  bool presegmented = false;
  // A folder of language data (<dir>/<lang>/abbreviations.txt, format in
  // docs/lang-data.md) whose files replace the built-in ones; "" = none.
  std::string lang_data_dir = {};
  // A sentence longer than this many code points of its NFC form (a text
  // without punctuation, a presegmented line of megabytes) is cut into
  // pieces of at most this many: after a clause mark (, ; : 、) in the
  // piece's second half, else at the last word boundary of the language's
  // ICU word rules, else at a grapheme boundary, else at a code point; never
  // inside a run of characters that NFC rewrote (such a run longer than the
  // limit stays whole). Document::cut_sentences counts such sentences.
  // 0 = no limit.
  std::size_t max_sentence_chars = kDefaultMaxSentenceChars;
  static constexpr std::size_t kDefaultMaxSentenceChars = 2000;
};

class Segmenter {
 public:
  // Throws UsageError if ICU has no sentence rules for the language, and
  // IoError or InputError for an unreadable file in lang_data_dir.
  explicit Segmenter(SegmentOptions options);
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;

  [[nodiscard]] Document Segment(const SourceText& text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The paragraphs of `doc` as sentence ranges [begin, end), in order: each
// run of sentences with one paragraph number.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> ParagraphRanges(
    const Document& doc);

// Appends `next` to `joined` the way sentences of one bead are shown
// together (TSV, TMX): after one space, or directly when the characters on
// both sides of the join are written without spaces (Han, kana, CJK
// punctuation; not hangul, as Korean uses spaces), or
// when `joined` is empty.
void AppendJoined(std::string& joined, std::string_view next);

}  // namespace allinea

#endif  // ALLINEA_SEGMENT_H_
