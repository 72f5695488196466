// GitHub Actions: workflow commands, and the job summary in Markdown.
#include <fmt/format.h>

#include "report/internal.h"

namespace allinea::internal {

void WriteGithub(const CheckReport& r, const ReportOptions& o, std::ostream& out) {
  for (const Finding& f : r.findings) {
    const char* command = f.severity == Severity::kError     ? "error"
                          : f.severity == Severity::kWarning ? "warning"
                                                             : "notice";
    if (f.baselined) command = "notice";
    const Place& at = f.on_target ? f.tgt : f.src;
    const std::string excerpt = f.on_target ? f.tgt_excerpt : f.src_excerpt;
    const std::string message =
        excerpt.empty() ? f.message : fmt::format("{}: {}", f.message, excerpt);
    // Standard input is no file of the repository: no location then.
    const std::string& path = f.on_target ? o.tgt_path : o.src_path;
    const std::string location =
        path == "-" ? std::string()
                    : fmt::format("file={},line={},col={},",
                                  GithubEscapeProperty(path), at.line, at.column);
    out << fmt::format(
        "::{} {}title={}::{}\n", command, location,
        GithubEscapeProperty(fmt::format("allinea {}", FindingKindName(f.kind))),
        GithubEscapeData(message));
  }
  if (!r.pass) {
    std::string reasons;
    for (const std::string& reason : r.reasons) {
      reasons += (reasons.empty() ? "" : "; ") + reason;
    }
    out << fmt::format("::error title={}::{}\n",
                       GithubEscapeProperty("allinea check failed"),
                       GithubEscapeData(fmt::format(
                           "{} -> {}: {}", ShownPath(o.src_path),
                           ShownPath(o.tgt_path), reasons)));
  }
}

namespace {

// Markdown table cells: | and line breaks would end the cell.
std::string Cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace
}  // namespace allinea::internal

namespace allinea {

void WriteGithubSummary(const CheckReport& r, const ReportOptions& o,
                        std::ostream& out) {
  using internal::Cell;
  const CheckSummary& s = r.summary;
  out << fmt::format("### allinea check: {} `{}` → `{}`\n\n",
                     r.pass ? "✅ pass" : "❌ fail",
                     internal::ShownPath(o.src_path),
                     internal::ShownPath(o.tgt_path));
  out << fmt::format(
      "Coverage: {:.1f}% of the source, {:.1f}% of the target; mean bead "
      "score {:.2f}; {}.\n\n",
      100 * s.src_coverage, 100 * s.tgt_coverage, s.mean_score,
      internal::CountsLine(r));
  for (const std::string& reason : r.reasons) out << "- " << reason << '\n';
  if (!r.reasons.empty()) out << '\n';
  if (r.findings.empty()) return;
  out << "| severity | kind | source | target | finding |\n"
         "|---|---|---|---|---|\n";
  for (const Finding& f : r.findings) {
    out << fmt::format("| {}{} | {} | {} | {} | {} |\n", SeverityName(f.severity),
                       f.baselined ? " (baseline)" : "", FindingKindName(f.kind),
                       internal::LineColumn(f.src), internal::LineColumn(f.tgt),
                       Cell(f.message));
  }
  out << '\n';
}

}  // namespace allinea
