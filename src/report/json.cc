// The JSON report (schema: docs/check-report.schema.json).
#include <fmt/format.h>

#include <iterator>

#include "allinea/version.h"
#include "allinea/write.h"
#include "report/internal.h"

namespace allinea::internal {
namespace {

std::string PlaceJson(const Place& p, const std::string& excerpt) {
  return fmt::format(
      "{{\"sentences\":[{},{}],\"line\":{},\"column\":{},\"paragraph\":{},"
      "\"excerpt\":{}}}",
      p.begin, p.end, p.line, p.column, p.paragraph, JsonString(excerpt));
}

}  // namespace

void WriteJson(const CheckReport& r, const ReportOptions& o, std::ostream& out) {
  const CheckSummary& s = r.summary;
  std::string text = fmt::format(
      "{{\"version\":{},\"tool\":{{\"name\":\"allinea\",\"version\":{}}},\n"
      "\"source\":{{\"file\":{},\"sentences\":{},\"coverage\":{:.4f}}},\n"
      "\"target\":{{\"file\":{},\"sentences\":{},\"coverage\":{:.4f}}},\n"
      "\"mean_score\":{:.4f},\"verdict\":\"{}\",\"fail_on\":\"{}\",\"reasons\":[",
      kReportJsonVersion, JsonString(kVersion), JsonString(ShownPath(o.src_path)),
      s.src_sentences, s.src_coverage, JsonString(ShownPath(o.tgt_path)),
      s.tgt_sentences, s.tgt_coverage, s.mean_score, r.pass ? "pass" : "fail",
      SeverityName(o.fail_on));
  for (std::size_t k = 0; k < r.reasons.size(); ++k) {
    text += (k ? "," : "") + JsonString(r.reasons[k]);
  }
  text += "],\n\"counts\":{";
  for (std::size_t k = 0; k < kFindingKinds; ++k) {
    fmt::format_to(std::back_inserter(text),
                   "{}\"{}\":{{\"error\":{},\"warning\":{},\"note\":{}}}",
                   k ? "," : "", FindingKindName(static_cast<FindingKind>(k)),
                   s.counts[k][2], s.counts[k][1], s.counts[k][0]);
  }
  fmt::format_to(std::back_inserter(text), "}},\"baselined\":{},\n\"findings\":[",
                 s.baselined);
  for (std::size_t k = 0; k < r.findings.size(); ++k) {
    const Finding& f = r.findings[k];
    fmt::format_to(
        std::back_inserter(text),
        "{}\n{{\"kind\":\"{}\",\"severity\":\"{}\",\"fails\":{},"
        "\"baselined\":{},\"key\":{},\"side\":\"{}\",\"message\":{},"
        "\"source\":{},\"target\":{}}}",
        k ? "," : "", FindingKindName(f.kind), SeverityName(f.severity),
        Fails(f, o) ? "true" : "false", f.baselined ? "true" : "false",
        JsonString(BaselineKey(f)), f.on_target ? "target" : "source", JsonString(f.message),
        PlaceJson(f.src, f.src_excerpt), PlaceJson(f.tgt, f.tgt_excerpt));
  }
  text += "]}\n";
  out << text;
}

}  // namespace allinea::internal
