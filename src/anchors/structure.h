// Private: structure anchors, what a sentence is rather than what it says:
// a list item, a quotation.
#ifndef ALLINEA_SRC_ANCHORS_STRUCTURE_H_
#define ALLINEA_SRC_ANCHORS_STRUCTURE_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace allinea::internal {

// The list marker that opens `text`: the segmenter's (StartsListItem: a
// bullet "•", "-", "*", "·"…, or "1." "12)" "a)" and a space) or a CJK one
// ("1、", "一、", "（1）", "(一)").
struct ListMarker {
  std::size_t end = 0;           // byte offset after the marker and its space
  std::optional<double> number;  // the item number, if it has one
};
[[nodiscard]] std::optional<ListMarker> ListMarkerAt(std::string_view text);

// A quotation mark: “ ” „ ‟ « » ‹ › " ＂ 「 」 『 』 〝 〞 〟. Single quotes
// are not, as ’ is also the apostrophe ("l’open source").
[[nodiscard]] bool IsQuoteMark(char32_t c);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_ANCHORS_STRUCTURE_H_
