// Private: the structural half of segmentation (paragraphs, soft line
// breaks, list items), before any sentence rule applies.
#ifndef ALLINEA_SRC_SEGMENT_BLOCKS_H_
#define ALLINEA_SRC_SEGMENT_BLOCKS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace allinea::internal {

// A run of text in one paragraph that sentence rules split further: a whole
// paragraph, or one list item. Byte range in the text it was found in, with
// surrounding white space trimmed.
struct Block {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t paragraph = 0;  // 0-based
};

// A line of `text` (without its LF), byte range in `text`.
struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool blank = false;
};

[[nodiscard]] std::vector<Line> SplitLines(std::string_view text);

// Paragraphs and list items of LF-separated `text` (see segment.h). Blocks
// come in text order; paragraphs are numbered from 0 without gaps.
[[nodiscard]] std::vector<Block> FindBlocks(std::string_view text);

// True if `line` (after its indentation) starts a list item: a bullet
// ("•", "◦", "▪", "‣", "·", "-", "*", "–") or an item number ("1.", "12)",
// "a)") followed by a space.
[[nodiscard]] bool StartsListItem(std::string_view line);

// The byte offset just after the list marker that starts `line` and the
// space after it (StartsListItem), or 0 when it has none.
[[nodiscard]] std::size_t ListMarkerEnd(std::string_view line);

// [begin, end) of `s` with Unicode white space trimmed at both ends.
void TrimSpace(std::string_view s, std::size_t& begin, std::size_t& end);

// `s` with every line break (LF, CR, CRLF) and the white space around it
// replaced by one space, or by nothing between two CJK characters.
[[nodiscard]] std::string JoinSoftBreaks(std::string_view s);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_SEGMENT_BLOCKS_H_
