// Sentence lists for `allinea segment`: lines and JSON Lines.
#include <fmt/format.h>

#include <iterator>

#include "allinea/error.h"
#include "allinea/write.h"

namespace allinea {

SentenceFormat ParseSentenceFormat(std::string_view name) {
  if (name == "lines") return SentenceFormat::kLines;
  if (name == "jsonl") return SentenceFormat::kJsonl;
  throw UsageError(
      fmt::format("unknown format '{}' (expected lines or jsonl)", name));
}

std::string_view SentenceFormatName(SentenceFormat format) {
  return format == SentenceFormat::kLines ? "lines" : "jsonl";
}

void WriteSentences(const Document& doc, SentenceFormat format,
                    std::ostream& out) {
  std::string line;
  for (std::size_t k = 0; k < doc.sentences.size(); ++k) {
    const Sentence& s = doc.sentences[k];
    line.clear();
    if (format == SentenceFormat::kLines) {
      if (k > 0 && s.paragraph != doc.sentences[k - 1].paragraph) line += '\n';
      line += s.text;
    } else {
      fmt::format_to(std::back_inserter(line),
                     "{{\"index\":{},\"paragraph\":{},\"line\":{},"
                     "\"column\":{},\"start\":{},\"end\":{},\"text\":",
                     k, s.paragraph, s.line, s.column, s.span.begin,
                     s.span.end);
      AppendJsonEscaped(line, s.text);
      line += '}';
    }
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
}

}  // namespace allinea
