// SARIF 2.1.0, as code-scanning services read it.
#include <fmt/format.h>

#include <iterator>

#include "allinea/version.h"
#include "allinea/write.h"
#include "report/internal.h"

namespace allinea::internal {
namespace {

std::string_view RuleText(FindingKind kind) {
  switch (kind) {
    case FindingKind::kOmission:
      return "Source content with no counterpart in the translation";
    case FindingKind::kAddition:
      return "Translation content with no counterpart in the source";
    case FindingKind::kNumberMismatch:
      return "A number, percentage, date or time on one side only";
    case FindingKind::kNameMismatch:
      return "A name or code on one side only";
    case FindingKind::kUntranslated:
      return "Text left in the source language";
    case FindingKind::kReordering:
      return "Content translated in another place";
    case FindingKind::kNotATranslation:
      return "The documents do not correspond";
  }
  return "";
}

// A path as a URI reference: unreserved characters and '/' as they are,
// every other byte percent-encoded (spaces, '%', '<', UTF-8).
std::string Uri(std::string_view path) {
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                      c == '_' || c == '~' || c == '/';
    if (keep) {
      out.push_back(ch);
    } else {
      fmt::format_to(std::back_inserter(out), "%{:02X}", c);
    }
  }
  return out;
}

std::string Location(const std::string& path, const Place& p) {
  return fmt::format(
      "{{\"physicalLocation\":{{\"artifactLocation\":{{\"uri\":{}}},"
      "\"region\":{{\"startLine\":{},\"startColumn\":{}}}}}}}",
      JsonString(Uri(path == "-" ? "stdin" : path)), p.line, p.column);
}

}  // namespace

void WriteSarif(const CheckReport& r, const ReportOptions& o, std::ostream& out) {
  std::string text =
      "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
      "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{"
      "\"name\":\"allinea\",";
  fmt::format_to(std::back_inserter(text),
                 "\"version\":{},\"semanticVersion\":{},\"rules\":[",
                 JsonString(kVersion), JsonString(kVersion));
  for (std::size_t k = 0; k < kFindingKinds; ++k) {
    const auto kind = static_cast<FindingKind>(k);
    fmt::format_to(std::back_inserter(text),
                   "{}{{\"id\":\"{}\",\"shortDescription\":{{\"text\":{}}}}}",
                   k ? "," : "", FindingKindName(kind), JsonString(RuleText(kind)));
  }
  text += "]}},\"results\":[";
  for (std::size_t k = 0; k < r.findings.size(); ++k) {
    const Finding& f = r.findings[k];
    const char* level = f.severity == Severity::kError     ? "error"
                        : f.severity == Severity::kWarning ? "warning"
                                                           : "note";
    const std::string& primary_path = f.on_target ? o.tgt_path : o.src_path;
    const std::string& other_path = f.on_target ? o.src_path : o.tgt_path;
    const Place& primary = f.on_target ? f.tgt : f.src;
    const Place& other = f.on_target ? f.src : f.tgt;
    fmt::format_to(
        std::back_inserter(text),
        "{}\n{{\"ruleId\":\"{}\",\"ruleIndex\":{},\"level\":\"{}\","
        "\"message\":{{\"text\":{}}},\"locations\":[{}],"
        "\"relatedLocations\":[{}],"
        "\"partialFingerprints\":{{\"allineaKey/v1\":{}}}{}}}",
        k ? "," : "", FindingKindName(f.kind), static_cast<int>(f.kind), level,
        JsonString(f.message), Location(primary_path, primary),
        fmt::format("{{\"id\":0,{}", Location(other_path, other).substr(1)),
        JsonString(BaselineKey(f)),
        f.baselined ? ",\"suppressions\":[{\"kind\":\"external\","
                      "\"justification\":\"in the baseline\"}]"
                    : "");
  }
  text += "]}]}\n";
  out << text;
}

}  // namespace allinea::internal
