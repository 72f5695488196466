// allinea/write.h: the write stage, alignments as text for tools and people.
//
// One writer per format behind one interface: Begin() once, Write() for each
// bead in order, End() once. Writers stream: they hold no more than one bead.
//
// Formats (docs/formats.md has them exactly):
//  - tsv:   "source TAB target TAB score" per bead, the sentences of a side
//           joined (AppendJoined), tab, newline, carriage return and
//           backslash written as \t, \n, \r, \\; the score with 4 decimals;
//           with WriteOptions::header a first line "source\ttarget\tscore".
//  - index: "[i, j]:[k]" per bead with 0-based sentence indices, as
//           bertalign writes it; "[i]:[]" and "[]:[k]" for null beads.
//
// Thread safety: a Writer is used by one thread.
//
// Example:
//   auto w = allinea::MakeWriter(allinea::ParseFormat("tsv"), {}, std::cout);
//   w->Begin(src, tgt);
//   for (const auto& b : alignment.beads) w->Write(b);
//   w->End();
#ifndef ALLINEA_WRITE_H_
#define ALLINEA_WRITE_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "allinea/align.h"
#include "allinea/segment.h"

namespace allinea {

enum class Format { kTsv, kIndex };

// The format when the user names none.
inline constexpr Format kDefaultFormat = Format::kTsv;

// "tsv" or "index". Throws UsageError listing the valid names.
[[nodiscard]] Format ParseFormat(std::string_view name);
[[nodiscard]] std::string_view FormatName(Format format);

struct WriteOptions {
  bool header = false;  // tsv: a first line naming the columns
};

class Writer {
 public:
  virtual ~Writer() = default;
  // `src` and `tgt` must outlive the writer's use.
  virtual void Begin(const Document& src, const Document& tgt) = 0;
  virtual void Write(const Bead& bead) = 0;
  virtual void End() = 0;
};

[[nodiscard]] std::unique_ptr<Writer> MakeWriter(Format format,
                                                 const WriteOptions& options,
                                                 std::ostream& out);

// Writes a text field for TSV: tab, LF, CR and backslash as \t, \n, \r, \\.
void AppendTsvEscaped(std::string& out, std::string_view text);

// Writes `text` (UTF-8) as a JSON string, quotes included: '"', '\\' and
// control characters escaped, everything else as is.
void AppendJsonEscaped(std::string& out, std::string_view text);

// How `allinea segment` prints a document.
enum class SentenceFormat {
  kLines,  // one sentence a line, a blank line between paragraphs
  kJsonl,  // one JSON object a sentence (docs/formats.md)
};
inline constexpr SentenceFormat kDefaultSentenceFormat = SentenceFormat::kLines;

// "lines" or "jsonl". Throws UsageError listing the valid names.
[[nodiscard]] SentenceFormat ParseSentenceFormat(std::string_view name);
[[nodiscard]] std::string_view SentenceFormatName(SentenceFormat format);

// Writes the sentences of `doc` in `format`.
void WriteSentences(const Document& doc, SentenceFormat format, std::ostream& out);

}  // namespace allinea

#endif  // ALLINEA_WRITE_H_
