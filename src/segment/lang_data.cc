#include "segment/lang_data.h"

#include <sys/stat.h>

#include "allinea/error.h"
#include "allinea/io.h"
#include "allinea/text.h"
#include "segment/blocks.h"

namespace allinea::internal {
namespace {

// Opening punctuation that may stand before an abbreviation: "(Dott.".
bool IsOpeningChar(char c) { return c == '(' || c == '[' || c == '"' || c == '\''; }

}  // namespace

LangText LoadLangData(std::string_view lang, std::string_view name,
                      const std::string& dir) {
  if (!dir.empty()) {
    const std::string path =
        dir + "/" + std::string(lang) + "/" + std::string(name);
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
      // Checked like any input: UTF-8, with the offset of a bad byte.
      const SourceText text = DecodeText(ReadInput(path), path);
      return {true, text.normalized(), path};
    }
  }
  for (const LangDataFile& f : BuiltInLangData()) {
    if (f.lang == lang && f.name == name) {
      return {true, std::string(f.content),
              "data/lang/" + std::string(lang) + "/" + std::string(name)};
    }
  }
  return {};
}

std::vector<std::string_view> DataEntries(std::string_view text) {
  std::vector<std::string_view> entries;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::size_t b = begin;
    std::size_t e = end;
    TrimSpace(text, b, e);
    if (b < e && text[b] != '#') entries.push_back(text.substr(b, e - b));
    begin = end + 1;
  }
  return entries;
}

Abbreviations Abbreviations::Parse(std::string_view text) {
  Abbreviations a;
  for (std::string_view entry : DataEntries(text)) {
    if (entry.find(' ') == std::string_view::npos) {
      a.single_.emplace(entry);
    } else {
      a.multi_.emplace_back(entry);
    }
  }
  return a;
}

bool Abbreviations::EndsWithAbbreviation(std::string_view text,
                                         std::size_t end) const {
  // The token before `end`: back to white space or the start.
  std::size_t start = end;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n' &&
         text[start - 1] != '\t') {
    --start;
  }
  while (start < end && IsOpeningChar(text[start])) ++start;
  if (single_.count(std::string(text.substr(start, end - start)))) return true;
  for (const std::string& m : multi_) {
    if (m.size() > end) continue;
    const std::size_t from = end - m.size();
    if (text.substr(from, m.size()) == m &&
        (from == 0 || text[from - 1] == ' ' || text[from - 1] == '\n' ||
         IsOpeningChar(text[from - 1]))) {
      return true;
    }
  }
  return false;
}

}  // namespace allinea::internal
