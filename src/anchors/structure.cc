#include "anchors/structure.h"

#include "anchors/numbers.h"
#include "anchors/scan.h"
#include "segment/blocks.h"

namespace allinea::internal {
namespace {

// An item number of at most 3 digits or Chinese numerals at `pos`.
std::optional<double> ItemNumberAt(std::string_view text, std::size_t& pos) {
  std::size_t p = pos;
  if (const std::optional<Integer> n = IntegerAt(text, p)) {
    if (n->digits > 3) return std::nullopt;
    pos = p;
    return static_cast<double>(n->value);
  }
  const std::optional<ChineseNumeral> run = ChineseNumeralRunAt(text, pos);
  if (!run || run->length > 3 || !run->integer || run->approximate) {
    return std::nullopt;
  }
  pos = run->end;
  return run->value;
}

}  // namespace

std::optional<ListMarker> ListMarkerAt(std::string_view text) {
  const std::size_t start = SkipSpaces(text, 0);
  if (const std::size_t end = ListMarkerEnd(text); end != 0) {
    ListMarker marker{end, std::nullopt};
    std::size_t p = start;
    if (const std::optional<Integer> n = IntegerAt(text, p)) {
      marker.number = static_cast<double>(n->value);
    }
    return marker;
  }
  // "（1）", "(一)".
  std::size_t p = start;
  const bool open = HasAt(text, p, "(") || HasAt(text, p, "（");
  if (open) p += HasAt(text, p, "(") ? 1 : 3;
  const std::optional<double> number = ItemNumberAt(text, p);
  if (!number) return std::nullopt;
  if (open) {
    if (!HasAt(text, p, ")") && !HasAt(text, p, "）")) return std::nullopt;
    p += HasAt(text, p, ")") ? 1 : 3;
  } else {
    // "1、", "一、".
    if (!HasAt(text, p, "、")) return std::nullopt;
    p += 3;
  }
  return ListMarker{SkipSpaces(text, p), number};
}

bool IsQuoteMark(char32_t c) {
  switch (c) {
    case U'"':
    case U'\u201C':
    case U'\u201D':
    case U'\u201E':
    case U'\u201F':
    case U'\u00AB':
    case U'\u00BB':
    case U'\u2039':
    case U'\u203A':
    case U'\uFF02':
    case U'\u300C':
    case U'\u300D':
    case U'\u300E':
    case U'\u300F':
    case U'\u301D':
    case U'\u301E':
    case U'\u301F':
      return true;
    default:
      return false;
  }
}

}  // namespace allinea::internal
