// Escaping, in one place for every writer.
#include <fmt/format.h>

#include <iterator>

#include "allinea/write.h"

namespace allinea {
namespace {

// Tab, LF, CR and backslash as \t, \n, \r, \\ (the same in TSV and JSON);
// false for any other character.
bool AppendBackslashEscape(std::string& out, char c) {
  const char* escaped = nullptr;
  switch (c) {
    case '\t':
      escaped = "\\t";
      break;
    case '\n':
      escaped = "\\n";
      break;
    case '\r':
      escaped = "\\r";
      break;
    case '\\':
      escaped = "\\\\";
      break;
    default:
      return false;
  }
  out += escaped;
  return true;
}

}  // namespace

void AppendTsvEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    if (!AppendBackslashEscape(out, c)) out.push_back(c);
  }
}

void AppendJsonEscaped(std::string& out, std::string_view text) {
  out.push_back('"');
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"') {
      out += "\\\"";
    } else if (AppendBackslashEscape(out, c)) {
      continue;
    } else if (u < 0x20) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", u);
    } else {
      out.push_back(c);  // UTF-8 passes through
    }
  }
  out.push_back('"');
}

}  // namespace allinea
