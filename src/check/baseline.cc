// Baselines: accepted findings, matched by kind and text.
#include <fmt/format.h>

#include <cstdint>

#include "allinea/check.h"
#include "allinea/error.h"
#include "internal/list_lines.h"

namespace allinea {
namespace {

// FNV-1a, 64 bits, over the subject with runs of white space read as one
// space, so that re-wrapping a paragraph keeps its findings' keys.
std::uint64_t Hash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space) {
      h = (h ^ static_cast<unsigned char>(' ')) * 1099511628211ull;
      space = false;
    }
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  return h;
}

}  // namespace

std::string BaselineKey(const Finding& finding) {
  return fmt::format("{}:{:016x}", FindingKindName(finding.kind),
                     Hash(finding.subject));
}

std::string WriteBaseline(const CheckReport& report) {
  std::string out = fmt::format(
      "# allinea check baseline: accepted findings of {} against {}\n"
      "# One finding a line: KIND:HASH, a tab, an excerpt for people. A\n"
      "# finding whose kind and text match a line no longer fails the check.\n",
      report.src_name, report.tgt_name);
  for (const Finding& f : report.findings) {
    std::string excerpt = f.src_excerpt.empty() ? f.tgt_excerpt : f.src_excerpt;
    for (char& c : excerpt) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    out += fmt::format("{}\t{}\n", BaselineKey(f), excerpt);
  }
  return out;
}

std::set<std::string> ParseBaseline(std::string_view text,
                                    std::string_view name) {
  std::set<std::string> keys;
  internal::ForEachListLine(text, [&](std::size_t line_number,
                                      std::string_view line) {
    const std::string_view key = line.substr(0, line.find('\t'));
    const std::size_t colon = key.find(':');
    bool ok = colon != std::string_view::npos && key.size() == colon + 17 &&
              key.substr(colon + 1).find_first_not_of("0123456789abcdef") ==
                  std::string_view::npos;
    if (ok) {
      try {
        (void)ParseFindingKind(key.substr(0, colon));
      } catch (const UsageError&) {
        ok = false;
      }
    }
    if (!ok) {
      throw InputError(
          fmt::format("line {}: expected KIND:HASH as --write-baseline "
                      "writes it",
                      line_number),
          std::string(name));
    }
    keys.insert(std::string(key));
  });
  return keys;
}

}  // namespace allinea
