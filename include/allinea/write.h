// allinea/write.h: the write stage, alignments as text for tools and people.
//
// One writer per format behind one interface. Begin() once (the file's
// header), then for each document pair BeginDocument() and Write() for each
// of its beads in order, then End() once (the file's footer). Writers
// stream: they hold no more than one bead, so a million beads need no more
// memory than one.
//
// Formats (docs/formats.md has them exactly):
//  - tsv:   "source TAB target TAB score" per bead, the sentences of a side
//           joined (AppendJoined), tab, newline, carriage return and
//           backslash written as \t, \n, \r, \\; the score with 4 decimals;
//           with WriteOptions::header a first line naming the columns; with
//           WriteOptions::document_column a first column naming the document.
//  - index: "[i, j]:[k]" per bead with 0-based sentence indices, as
//           bertalign writes it; "[i]:[]" and "[]:[k]" for null beads; with
//           document_column, the document's name and a tab first.
//  - tmx:   TMX 1.4b, one <tu> per bead with a <tuv> per side whose
//           xml:lang is WriteOptions::src_tag / tgt_tag, and the properties
//           x-allinea-doc, x-allinea-bead ("2-1") and x-allinea-score.
//           Characters XML 1.0 cannot hold are left out and counted
//           (removed_characters()).
//  - jsonl: one JSON object per bead (schema version kJsonlVersion): the
//           document, the bead type, the score, and per side the sentence
//           indices, paragraph numbers, byte range in the input and text.
//
// Filtering: beads scored below WriteOptions::min_score are left out, and
// null beads (one side empty) are kept or dropped as WriteOptions::nulls
// says (by default: dropped in TMX, kept elsewhere).
//
// Thread safety: a Writer is used by one thread.
//
// Example:
//   allinea::WriteOptions o;
//   auto w = allinea::MakeWriter(allinea::ParseFormat("tsv"), o, std::cout);
//   w->Begin();
//   w->BeginDocument(src, tgt, "a.it.txt");
//   for (const auto& b : alignment.beads) w->Write(b);
//   w->End();
#ifndef ALLINEA_WRITE_H_
#define ALLINEA_WRITE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "allinea/align.h"
#include "allinea/segment.h"

namespace allinea {

enum class Format { kTsv, kIndex, kTmx, kJsonl };

// The format when the user names none and the output's name implies none.
inline constexpr Format kDefaultFormat = Format::kTsv;

// "tsv", "index", "tmx" or "jsonl". Throws UsageError listing the names.
[[nodiscard]] Format ParseFormat(std::string_view name);
[[nodiscard]] std::string_view FormatName(Format format);
// The format an output file's extension names (".tsv", ".tmx", ".jsonl",
// ".index", in any case), or nullopt.
[[nodiscard]] std::optional<Format> FormatOfPath(std::string_view path);

// What becomes of null beads (a sentence with no counterpart).
enum class NullBeads {
  kKeep,  // written (TMX: the empty side as an empty <seg/>, for review)
  kDrop,  // left out
};
// "keep" or "drop". Throws UsageError listing the names.
[[nodiscard]] NullBeads ParseNullBeads(std::string_view name);
// kDrop for TMX (a translation memory wants pairs), kKeep for the others.
[[nodiscard]] NullBeads DefaultNullBeads(Format format);

// The version of the JSON Lines schema, written in every record as "v".
inline constexpr int kJsonlVersion = 1;

struct WriteOptions {
  // tsv: a first line naming the columns.
  bool header = false;
  // tsv, index: a first column with the document's name, so that the
  // outputs of several document pairs (or of shards of a list) can be
  // concatenated. jsonl always names the document; tmx in a property.
  bool document_column = false;
  // Beads whose score is below this are left out (null beads too).
  double min_score = 0;
  // Null beads; nullopt = DefaultNullBeads(format).
  std::optional<NullBeads> nulls;
  // tmx: the xml:lang of each side (see TagWithRegion in language.h); the
  // header's srclang is src_tag. Empty tags are written as "und".
  std::string src_tag;
  std::string tgt_tag;
  // tmx: the header's creationdate, "YYYYMMDDThhmmssZ" (FormatTmxDate).
  std::string creation_date;
  // tmx: the dictionaries the alignment used, named in the header's
  // x-allinea-dictionaries property ("; " between them); none: no property.
  std::vector<std::string> dictionaries;
};

class Writer {
 public:
  virtual ~Writer() = default;
  // The file's header (TMX declaration and <header>, TSV column names).
  virtual void Begin() = 0;
  // Starts the beads of one document pair. `src` and `tgt` must outlive
  // the Write() calls that follow; `name` names the pair in the output
  // (x-allinea-doc, the document column, "doc").
  virtual void BeginDocument(const Document& src, const Document& tgt,
                             std::string_view name) = 0;
  // Writes `bead` unless the filter leaves it out. REQUIRES: its sentence
  // ranges lie in the documents of the last BeginDocument().
  void Write(const Bead& bead);
  // The file's footer; flushes.
  virtual void End() = 0;
  // Characters left out because the format cannot hold them (TMX: control
  // characters other than tab, LF and CR; U+FFFE, U+FFFF).
  [[nodiscard]] virtual std::size_t removed_characters() const { return 0; }
  // Beads written and left out so far.
  [[nodiscard]] std::size_t written() const { return written_; }
  [[nodiscard]] std::size_t filtered() const { return filtered_; }

 protected:
  explicit Writer(const WriteOptions& options, NullBeads nulls)
      : min_score_(options.min_score), nulls_(nulls) {}
  virtual void WriteBead(const Bead& bead) = 0;

 private:
  double min_score_;
  NullBeads nulls_;
  std::size_t written_ = 0;
  std::size_t filtered_ = 0;
};

[[nodiscard]] std::unique_ptr<Writer> MakeWriter(Format format,
                                                 const WriteOptions& options,
                                                 std::ostream& out);

// "2-1": the number of source and target sentences of `bead`.
[[nodiscard]] std::string BeadType(const Bead& bead);

// The TMX form of a time, "YYYYMMDDThhmmssZ" (UTC), from seconds since
// 1970-01-01 UTC. Throws UsageError for times outside years 1970-9999.
[[nodiscard]] std::string FormatTmxDate(std::int64_t unix_seconds);

// Writes a text field for TSV: tab, LF, CR and backslash as \t, \n, \r, \\.
void AppendTsvEscaped(std::string& out, std::string_view text);

// Writes `text` (UTF-8) as a JSON string, quotes included: '"', '\\' and
// control characters escaped, everything else as is.
void AppendJsonEscaped(std::string& out, std::string_view text);

// Writes `text` (valid UTF-8) as XML character data, or as an attribute
// value's content when `attribute`: &, <, > as entities (and " in
// attributes); tab, LF and CR as character references, so that a segment
// stays on one line and keeps its CR; characters XML 1.0 forbids (C0
// controls other than tab, LF, CR; U+FFFE, U+FFFF) left out. Returns how
// many were left out.
std::size_t AppendXmlEscaped(std::string& out, std::string_view text,
                             bool attribute = false);

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
