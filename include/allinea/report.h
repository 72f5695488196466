// allinea/report.h: a check's report, for people, scripts and CI servers.
//
// Formats (docs/check.md has each exactly):
//  - text:   for people: a verdict line, the summary, then the findings
//            grouped by source paragraph with their place and excerpts;
//            ANSI colours only when ReportOptions::color.
//  - json:   one JSON object (schema version kReportJsonVersion) with the
//            summary, the verdict and every finding.
//  - junit:  JUnit XML: one test case per finding kind, a <failure> for
//            each failing finding, as CI servers read it.
//  - github: GitHub Actions workflow commands, one "::error file=…,line=…,
//            col=…,title=…::message" line per finding, escaped as the
//            workflow-command syntax requires; and a Markdown summary
//            (WriteGithubSummary) for $GITHUB_STEP_SUMMARY.
//  - sarif:  SARIF 2.1.0, which code-scanning services read.
//
// Thread safety: pure functions over the report.
#ifndef ALLINEA_REPORT_H_
#define ALLINEA_REPORT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "allinea/check.h"

namespace allinea {

enum class ReportFormat { kText, kJson, kJunit, kGithub, kSarif };

// "text", "json", "junit", "github" or "sarif". Throws UsageError.
[[nodiscard]] ReportFormat ParseReportFormat(std::string_view name);
[[nodiscard]] std::string_view ReportFormatName(ReportFormat format);

// The version of the JSON report's schema, its "version" field.
inline constexpr int kReportJsonVersion = 1;

struct ReportOptions {
  bool color = false;      // text: ANSI colours
  std::string src_path;    // the files as the user named them, for
  std::string tgt_path;    // locations ("-" is shown as <stdin>)
  Severity fail_on = Severity::kError;  // which findings are failures
};

void WriteReport(const CheckReport& report, ReportFormat format,
                 const ReportOptions& options, std::ostream& out);

// A Markdown summary of the report for a GitHub Actions job page.
void WriteGithubSummary(const CheckReport& report, const ReportOptions& options,
                        std::ostream& out);

// Escapes for GitHub workflow commands: in a message, % \r \n as %25 %0D
// %0A; in a property value, also : and , as %3A and %2C.
[[nodiscard]] std::string GithubEscapeData(std::string_view text);
[[nodiscard]] std::string GithubEscapeProperty(std::string_view text);

}  // namespace allinea

#endif  // ALLINEA_REPORT_H_
