// The text report, for people.
#include <fmt/format.h>

#include "report/internal.h"

namespace allinea::internal {
namespace {

struct Palette {
  const char* bold = "";
  const char* red = "";
  const char* yellow = "";
  const char* cyan = "";
  const char* dim = "";
  const char* reset = "";
};

Palette Colors(bool on) {
  if (!on) return {};
  return {"\033[1m", "\033[31m", "\033[33m", "\033[36m", "\033[2m", "\033[0m"};
}

const char* SeverityColor(Severity s, const Palette& p) {
  switch (s) {
    case Severity::kError:
      return p.red;
    case Severity::kWarning:
      return p.yellow;
    case Severity::kNote:
      return p.cyan;
  }
  return "";
}

}  // namespace

void WriteText(const CheckReport& r, const ReportOptions& o, std::ostream& out) {
  const Palette p = Colors(o.color);
  const std::string src = ShownPath(o.src_path);
  const std::string tgt = ShownPath(o.tgt_path);
  out << fmt::format("{}{}{}{}: {} -> {}\n", p.bold, r.pass ? "" : p.red,
                     r.pass ? "PASS" : "FAIL", p.reset, src, tgt);
  const CheckSummary& s = r.summary;
  out << fmt::format(
      "  {} source and {} target sentences; coverage {:.1f}% of the source, "
      "{:.1f}% of the target; mean bead score {:.2f}\n",
      s.src_sentences, s.tgt_sentences, 100 * s.src_coverage,
      100 * s.tgt_coverage, s.mean_score);
  out << "  " << CountsLine(r) << '\n';
  for (const std::string& reason : r.reasons) {
    out << fmt::format("  {}fails:{} {}\n", p.red, p.reset, reason);
  }
  std::size_t paragraph = static_cast<std::size_t>(-1);
  for (const Finding& f : r.findings) {
    if (f.src.paragraph != paragraph) {
      paragraph = f.src.paragraph;
      out << fmt::format("\n{}source paragraph {} (line {}){}\n", p.bold,
                         paragraph + 1, f.src.line, p.reset);
    }
    out << fmt::format(
        "  {}{}{}{} {}{}: {}\n", SeverityColor(f.severity, p),
        SeverityName(f.severity), p.reset, f.baselined ? " (baseline)" : "",
        FindingKindName(f.kind), "", f.message);
    out << fmt::format("    {}{}:{}{}  ->  {}:{}{}{}\n", p.dim, src,
                       LineColumn(f.src), f.src.empty() ? " (here)" : "", tgt,
                       LineColumn(f.tgt), f.tgt.empty() ? " (here)" : "", p.reset);
    if (!f.src_excerpt.empty()) out << "    source: " << f.src_excerpt << '\n';
    if (!f.tgt_excerpt.empty()) out << "    target: " << f.tgt_excerpt << '\n';
  }
}

}  // namespace allinea::internal
