// The JUnit XML report: one test case per finding kind, and one for the
// coverage; a <failure> where findings fail the check.
#include <fmt/format.h>

#include <iterator>

#include "allinea/write.h"
#include "report/internal.h"

namespace allinea::internal {
namespace {

std::string Xml(std::string_view text, bool attribute = false) {
  std::string out;
  (void)AppendXmlEscaped(out, text, attribute);
  return out;
}

}  // namespace

void WriteJunit(const CheckReport& r, const ReportOptions& o, std::ostream& out) {
  const std::string src = ShownPath(o.src_path);
  const std::string tgt = ShownPath(o.tgt_path);
  std::string cases;
  std::size_t failures = 0;
  std::size_t tests = 0;
  const auto add_case = [&](std::string_view name, const std::string& failure,
                            const std::string& details, const std::string& log) {
    ++tests;
    fmt::format_to(std::back_inserter(cases),
                   "    <testcase classname=\"allinea.check\" name=\"{}\" "
                   "time=\"0\"",
                   Xml(name, true));
    if (failure.empty() && log.empty()) {
      cases += "/>\n";
      return;
    }
    cases += ">\n";
    if (!failure.empty()) {
      ++failures;
      fmt::format_to(std::back_inserter(cases),
                     "      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                     Xml(name, true), Xml(failure, true), Xml(details));
    }
    if (!log.empty()) {
      fmt::format_to(std::back_inserter(cases),
                     "      <system-out>{}</system-out>\n", Xml(log));
    }
    cases += "    </testcase>\n";
  };
  for (std::size_t k = 0; k < kFindingKinds; ++k) {
    const auto kind = static_cast<FindingKind>(k);
    std::size_t failing = 0;
    std::string details, log;
    for (const Finding& f : r.findings) {
      if (f.kind != kind) continue;
      const Place& at = f.on_target ? f.tgt : f.src;
      const std::string line = fmt::format(
          "{} {}:{}: {}{}\n  source: {}\n  target: {}\n",
          SeverityName(f.severity), f.on_target ? tgt : src, LineColumn(at),
          f.message, f.baselined ? " (baseline)" : "", f.src_excerpt,
          f.tgt_excerpt);
      if (Fails(f, o)) {
        ++failing;
        details += line;
      } else {
        log += line;
      }
    }
    add_case(FindingKindName(kind),
             failing == 0 ? std::string()
                          : fmt::format("{} {} finding{}", failing,
                                        FindingKindName(kind),
                                        failing == 1 ? "" : "s"),
             details, log);
  }
  std::string coverage_failure;
  for (const std::string& reason : r.reasons) {
    if (reason.find("coverage") != std::string::npos ||
        reason.find("empty") != std::string::npos) {
      coverage_failure += (coverage_failure.empty() ? "" : "; ") + reason;
    }
  }
  add_case("coverage", coverage_failure,
           fmt::format("source {:.1f}%, target {:.1f}%\n",
                       100 * r.summary.src_coverage, 100 * r.summary.tgt_coverage),
           std::string());
  const std::string suite = fmt::format("allinea check {} -> {}", src, tgt);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"allinea check\" tests=\"{}\" failures=\"{}\" "
      "errors=\"0\" time=\"0\">\n"
      "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
      "skipped=\"0\" time=\"0\">\n",
      tests, failures, Xml(suite, true), tests, failures);
  out << cases;
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace allinea::internal
