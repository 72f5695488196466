// allinea/text.h: the text stage, from raw bytes to text ready for analysis.
//
// DecodeText() checks that the bytes are UTF-8, strips a UTF-8 byte-order
// mark, turns CRLF and lone CR line ends into LF, and normalises to Unicode
// NFC with ICU. The result keeps the original bytes next to the normalised
// text and a map from every normalised byte offset back to an original byte
// offset, so that later stages can analyse the normalised text while every
// output carries the user's own text and every reported position is a byte
// range in the original input.
//
// Units: offsets are 0-based byte offsets; ranges are half-open [begin, end).
// Lines and columns are 1-based; columns count code points.
// Cost: O(n) time and memory in the input size. Thread safety: a SourceText
// is an immutable value once built; DecodeText() may run concurrently.
//
// Example:
//   allinea::SourceText t = allinea::DecodeText(bytes, "it.txt");
//   std::uint64_t b = t.ToOriginal(12);        // byte 12 of t.normalized()
//   allinea::LineColumn lc = t.Locate(b);     // line and column of it
#ifndef ALLINEA_TEXT_H_
#define ALLINEA_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace allinea {

// A half-open byte range [begin, end) in some text.
struct ByteSpan {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

struct LineColumn {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in code points
};

// Maps byte offsets of the normalised text to byte offsets of the original.
// Stretches the normaliser left alone map byte for byte; a stretch it changed
// (say, a decomposed "e" + U+0301 composed to "é") maps every offset inside
// it to the start of the original stretch, and its end to the original end.
class OffsetMap {
 public:
  // Appends a run that starts at `normalized` and `original`; `exact` runs
  // map byte for byte, inexact runs map every offset to `original`.
  // REQUIRES: offsets increase from run to run.
  void Append(std::size_t normalized, std::uint64_t original, bool exact);
  [[nodiscard]] std::uint64_t ToOriginal(std::size_t normalized) const;

 private:
  struct Run {
    std::size_t normalized;
    std::uint64_t original;
    bool exact;
  };
  std::vector<Run> runs_;
};

class SourceText {
 public:
  SourceText(std::string name, std::string original, std::string normalized,
             OffsetMap map);

  // The name the input was given by ("-" for standard input).
  [[nodiscard]] const std::string& name() const { return name_; }
  // The bytes as read, unchanged.
  [[nodiscard]] const std::string& original() const { return original_; }
  // NFC text with LF line ends and no BOM: for analysis only.
  [[nodiscard]] const std::string& normalized() const { return normalized_; }

  // REQUIRES: normalized_offset <= normalized().size().
  [[nodiscard]] std::uint64_t ToOriginal(std::size_t normalized_offset) const {
    return map_.ToOriginal(normalized_offset);
  }
  // Original byte range of the normalised range [begin, end).
  [[nodiscard]] ByteSpan ToOriginal(std::size_t begin, std::size_t end) const {
    return {ToOriginal(begin), ToOriginal(end)};
  }
  // Line and column of an original byte offset (a BOM is not counted).
  // O(log lines + length of the line up to the offset).
  // REQUIRES: original_offset <= original().size().
  [[nodiscard]] LineColumn Locate(std::uint64_t original_offset) const;
  // The 1-based line alone, in O(log lines).
  [[nodiscard]] std::size_t LineOf(std::uint64_t original_offset) const;

 private:
  std::string name_;
  std::string original_;
  std::string normalized_;
  OffsetMap map_;
  std::vector<std::uint64_t> line_starts_;  // original offsets, sorted
};

// Inputs larger than this are refused: ICU's normaliser and break
// iterators index text with 32-bit integers.
inline constexpr std::size_t kMaxInputBytes = 0x7FFFFFFF;

// Decodes `bytes` read from the input called `name`.
// Throws InputError when the input is larger than kMaxInputBytes.
// Throws InputError naming `name` and the byte offset of the first byte that
// is not well-formed UTF-8 (overlong forms, encoded surrogates, code points
// above U+10FFFF and truncated sequences are all refused), or that is a NUL
// (a binary file). Input that looks like UTF-16 (a UTF-16 byte-order mark,
// or NUL in every other byte) is refused with a message that says so and
// names the encoding to convert from (ConvertToUtf8, --encoding).
[[nodiscard]] SourceText DecodeText(std::string bytes, std::string name);

// Converts `bytes` from `encoding` (an ICU converter name or alias:
// "UTF-16LE", "UTF-16", "latin1", "windows-1252", "GB18030", "Shift_JIS")
// to UTF-8; "UTF-8" (any case) returns them as they are. The result goes to
// DecodeText(), whose offsets then count bytes of the converted text.
// Throws UsageError for an unknown encoding, and InputError naming `name`
// and the byte offset of the first byte that is not valid in `encoding`.
[[nodiscard]] std::string ConvertToUtf8(std::string bytes,
                                        std::string_view encoding,
                                        const std::string& name);

}  // namespace allinea

#endif  // ALLINEA_TEXT_H_
