// Report formats: names, dispatch, shared helpers, GitHub escapes.
#include <fmt/format.h>

#include "allinea/error.h"
#include "allinea/write.h"
#include "report/internal.h"

namespace allinea {

ReportFormat ParseReportFormat(std::string_view name) {
  if (name == "text") return ReportFormat::kText;
  if (name == "json") return ReportFormat::kJson;
  if (name == "junit") return ReportFormat::kJunit;
  if (name == "github") return ReportFormat::kGithub;
  if (name == "sarif") return ReportFormat::kSarif;
  throw UsageError(fmt::format(
      "unknown report format '{}' (expected text, json, junit, github or "
      "sarif)",
      name));
}

std::string_view ReportFormatName(ReportFormat format) {
  switch (format) {
    case ReportFormat::kText:
      return "text";
    case ReportFormat::kJson:
      return "json";
    case ReportFormat::kJunit:
      return "junit";
    case ReportFormat::kGithub:
      return "github";
    case ReportFormat::kSarif:
      return "sarif";
  }
  return "?";
}

void WriteReport(const CheckReport& report, ReportFormat format,
                 const ReportOptions& options, std::ostream& out) {
  switch (format) {
    case ReportFormat::kText:
      return internal::WriteText(report, options, out);
    case ReportFormat::kJson:
      return internal::WriteJson(report, options, out);
    case ReportFormat::kJunit:
      return internal::WriteJunit(report, options, out);
    case ReportFormat::kGithub:
      return internal::WriteGithub(report, options, out);
    case ReportFormat::kSarif:
      return internal::WriteSarif(report, options, out);
  }
}

std::string GithubEscapeData(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string GithubEscapeProperty(std::string_view text) {
  std::string out;
  for (const char c : GithubEscapeData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace internal {

std::string JsonString(std::string_view text) {
  std::string out;
  AppendJsonEscaped(out, text);
  return out;
}

std::string ShownPath(const std::string& path) {
  return path == "-" ? "<stdin>" : path;
}

bool Fails(const Finding& f, const ReportOptions& options) {
  return !f.baselined && f.severity >= options.fail_on;
}

std::string LineColumn(const Place& p) {
  return fmt::format("{}:{}", p.line, p.column);
}

std::string CountsLine(const CheckReport& report) {
  std::size_t by_severity[3] = {};
  for (const Finding& f : report.findings) {
    ++by_severity[static_cast<std::size_t>(f.severity)];
  }
  std::string out;
  for (const Severity s : {Severity::kError, Severity::kWarning, Severity::kNote}) {
    const std::size_t n = by_severity[static_cast<std::size_t>(s)];
    if (n == 0) continue;
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}{}", n, SeverityName(s), n == 1 ? "" : "s");
  }
  if (report.summary.baselined > 0) {
    out += fmt::format(" ({} in the baseline)", report.summary.baselined);
  }
  return out.empty() ? "no findings" : out;
}

}  // namespace internal
}  // namespace allinea
