// Private: the lines of the small list files users write by hand (the
// --pairs list, a --baseline file).
#ifndef ALLINEA_SRC_INTERNAL_LIST_LINES_H_
#define ALLINEA_SRC_INTERNAL_LIST_LINES_H_

#include <cstddef>
#include <string_view>

namespace allinea::internal {

// Calls fn(line_number, line) for each line of `text` that holds an entry:
// a UTF-8 byte-order mark at the start and a CR before each LF are no part
// of a line; lines of spaces and tabs only, and lines whose first character
// is '#', are skipped. Line numbers are 1-based and count every line.
template <class Fn>
void ForEachListLine(std::string_view text, Fn fn) {
  std::size_t line_number = 0;
  std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos ||
        line.front() == '#') {
      continue;
    }
    fn(line_number, line);
  }
}

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_INTERNAL_LIST_LINES_H_
