#include "segment/blocks.h"

#include "internal/unicode.h"

namespace allinea::internal {
namespace {

bool IsBlank(std::string_view line) {
  std::size_t pos = 0;
  while (pos < line.size()) {
    if (!IsSpace(NextCodePoint(line, pos))) return false;
  }
  return true;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

void TrimSpace(std::string_view s, std::size_t& begin, std::size_t& end) {
  while (begin < end) {
    std::size_t next = begin;
    if (!IsSpace(NextCodePoint(s, next))) break;
    begin = next;
  }
  while (end > begin) {
    std::size_t prev = end;
    if (!IsSpace(PreviousCodePoint(s, prev))) break;
    end = prev;
  }
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back({begin, end, IsBlank(text.substr(begin, end - begin))});
    begin = end + 1;
  }
  return lines;
}

bool StartsListItem(std::string_view line) { return ListMarkerEnd(line) != 0; }

std::size_t ListMarkerEnd(std::string_view line) {
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t next = pos;
    if (!IsSpace(NextCodePoint(line, next))) break;
    pos = next;
  }
  const std::string_view rest = line.substr(pos);
  for (std::string_view bullet : {"•", "◦", "▪", "‣", "·", "-", "*", "–"}) {
    if (rest.size() > bullet.size() && rest.substr(0, bullet.size()) == bullet &&
        (rest[bullet.size()] == ' ' || rest[bullet.size()] == '\t')) {
      return pos + bullet.size() + 1;
    }
  }
  std::size_t k = 0;
  while (k < rest.size() && k < 3 && IsAsciiDigit(rest[k])) ++k;
  if (k == 0 && !rest.empty() && IsAsciiLetter(rest[0])) {
    // "a) item": one letter and a closing parenthesis.
    return rest.size() > 2 && rest[1] == ')' && rest[2] == ' ' ? pos + 3 : 0;
  }
  if (k > 0 && rest.size() > k + 1 && (rest[k] == '.' || rest[k] == ')') &&
      (rest[k + 1] == ' ' || rest[k + 1] == '\t')) {
    return pos + k + 2;
  }
  return 0;
}

std::vector<Block> FindBlocks(std::string_view text) {
  const std::vector<Line> lines = SplitLines(text);
  std::size_t first = 0;
  std::size_t last = lines.size();
  while (first < last && lines[first].blank) ++first;
  while (last > first && lines[last - 1].blank) --last;
  bool line_mode = true;
  for (std::size_t i = first; i < last; ++i) {
    if (lines[i].blank) line_mode = false;
  }

  std::vector<Block> blocks;
  std::size_t paragraph = 0;
  bool open = false;  // a block is being extended
  bool paragraph_used = false;
  auto close = [&] {
    if (!open) return;
    Block& b = blocks.back();
    TrimSpace(text, b.begin, b.end);
    if (b.begin == b.end) blocks.pop_back();
    open = false;
  };
  for (std::size_t i = first; i < last; ++i) {
    const Line& line = lines[i];
    if (line.blank) {
      close();
      if (paragraph_used) ++paragraph;
      paragraph_used = false;
      continue;
    }
    const bool new_block =
        !open || line_mode ||
        StartsListItem(text.substr(line.begin, line.end - line.begin));
    if (new_block) {
      close();
      if (line_mode && paragraph_used) ++paragraph;
      blocks.push_back({line.begin, line.end, paragraph});
      open = true;
      paragraph_used = true;
    } else {
      blocks.back().end = line.end;
    }
  }
  close();
  return blocks;
}

std::string JoinSoftBreaks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c != '\n' && c != '\r') {
      out.push_back(c);
      ++i;
      continue;
    }
    // Drop the white space before the break...
    std::size_t end = out.size();
    while (end > 0) {
      std::size_t prev = end;
      if (!IsSpace(PreviousCodePoint(out, prev))) break;
      end = prev;
    }
    out.resize(end);
    // ...and after it, including further line-end bytes.
    while (i < s.size()) {
      std::size_t next = i;
      if (!IsSpace(NextCodePoint(s, next))) break;
      i = next;
    }
    if (out.empty() || i == s.size()) continue;
    std::size_t prev = out.size();
    std::size_t next = i;
    const bool cjk = IsUnspaced(PreviousCodePoint(out, prev)) &&
                     IsUnspaced(NextCodePoint(s, next));
    if (!cjk) out.push_back(' ');
  }
  return out;
}

}  // namespace allinea::internal
