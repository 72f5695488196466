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

std::size_t AppendXmlEscaped(std::string& out, std::string_view text,
                             bool attribute) {
  std::size_t removed = 0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += attribute ? "&quot;" : "\"";
        continue;
      case '\t':
        out += "&#9;";
        continue;
      case '\n':
        out += "&#10;";
        continue;
      case '\r':
        out += "&#13;";
        continue;
      default:
        break;
    }
    if (u < 0x20) {
      ++removed;  // XML 1.0 has no way to write these, not even &#1;
      continue;
    }
    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters either.
    if (u == 0xEF && k + 2 < text.size() &&
        static_cast<unsigned char>(text[k + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[k + 2]) & 0xFE) == 0xBE) {
      ++removed;
      k += 2;
      continue;
    }
    out.push_back(c);
  }
  return removed;
}

}  // namespace allinea
