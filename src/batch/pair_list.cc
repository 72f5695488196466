#include <fmt/format.h>

#include <filesystem>

#include "allinea/batch.h"
#include "allinea/error.h"
#include "internal/list_lines.h"

namespace allinea {
namespace {

std::string Resolve(std::string_view path, const std::string& base_dir) {
  const std::filesystem::path p(path);
  if (base_dir.empty() || p.is_absolute()) return std::string(path);
  return (std::filesystem::path(base_dir) / p).string();
}

}  // namespace

std::vector<PairEntry> ParsePairList(std::string_view text,
                                     std::string_view list_name,
                                     const std::string& base_dir) {
  std::vector<PairEntry> pairs;
  internal::ForEachListLine(text, [&](std::size_t line_number,
                                      std::string_view line) {
    const auto fail = [&](std::string_view problem) {
      throw InputError(fmt::format("line {}: {}", line_number, problem),
                       std::string(list_name));
    };
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      fail("expected two paths separated by a tab (SRC<TAB>TGT)");
    }
    if (line.find('\t', tab + 1) != std::string_view::npos) {
      fail("more than two fields (expected SRC<TAB>TGT)");
    }
    const std::string_view src = line.substr(0, tab);
    const std::string_view tgt = line.substr(tab + 1);
    if (src.empty() || tgt.empty()) fail("an empty path");
    if (src == "-" || tgt == "-") {
      fail("'-' (standard input) cannot be a document in a list");
    }
    pairs.push_back(PairEntry{.src = Resolve(src, base_dir),
                              .tgt = Resolve(tgt, base_dir),
                              .name = std::string(src),
                              .line = line_number});
  });
  return pairs;
}

}  // namespace allinea
