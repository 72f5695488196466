// Fuzz target: the segmenter. The first byte picks a language, the
// presegmented mode and the sentence length limit; the rest is the text.
// Sentences must come out in order, inside the input, non-empty, within the
// limit (unless NFC rewrote them), with paragraphs that never go back.
#include <cstddef>
#include <cstdint>
#include <string>

#include "allinea/error.h"
#include "allinea/segment.h"
#include "allinea/text.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kLanguages[] = {"", "it", "zh", "en", "ja", "de"};
  static const std::size_t kLimits[] = {2000, 7, 40, 0};
  const std::uint8_t selector = data[0];
  const std::size_t limit = kLimits[(selector >> 5) & 3];
  const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    const allinea::SourceText t = allinea::DecodeText(bytes, "fuzz");
    const allinea::Segmenter segmenter(allinea::SegmentOptions{
        .language = kLanguages[selector % 6],
        .presegmented = (selector & 0x80) != 0,
        .lang_data_dir = {},
        .max_sentence_chars = limit});
    const allinea::Document d = segmenter.Segment(t);
    std::uint64_t end = 0;
    std::size_t paragraph = 0;
    std::size_t line = 1;
    for (const allinea::Sentence& s : d.sentences) {
      FUZZ_CHECK(!s.text.empty());
      FUZZ_CHECK(!s.normalized.empty());
      std::size_t chars = 0;
      for (const unsigned char b : s.normalized) chars += (b & 0xC0) != 0x80;
      // Only a sentence holding a run that NFC rewrote, where no cut may
      // fall, can run past the limit.
      FUZZ_CHECK(limit == 0 || chars <= limit || s.normalized != s.text);
      FUZZ_CHECK(s.span.begin >= end);
      FUZZ_CHECK(s.span.begin < s.span.end);
      FUZZ_CHECK(s.span.end <= bytes.size());
      FUZZ_CHECK(s.paragraph >= paragraph);
      FUZZ_CHECK(s.line >= line);
      FUZZ_CHECK(s.column >= 1);
      end = s.span.end;
      paragraph = s.paragraph;
      line = s.line;
    }
    FUZZ_CHECK(d.sentences.empty() ||
               d.paragraph_count == d.sentences.back().paragraph + 1 ||
               (selector & 0x80) != 0);
  } catch (const allinea::InputError&) {
  }
  return 0;
}
