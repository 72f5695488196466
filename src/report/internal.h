// Private: what the report writers share.
#ifndef ALLINEA_SRC_REPORT_INTERNAL_H_
#define ALLINEA_SRC_REPORT_INTERNAL_H_

#include <ostream>
#include <string>
#include <string_view>

#include "allinea/report.h"

namespace allinea::internal {

// The name of an input in a report ("-" is "<stdin>").
[[nodiscard]] std::string ShownPath(const std::string& path);
// A finding fails the check (severity at or above fail_on, not baselined).
[[nodiscard]] bool Fails(const Finding& f, const ReportOptions& options);
// "line:column" of a place.
[[nodiscard]] std::string LineColumn(const Place& p);
// `text` as a JSON string, quotes included (AppendJsonEscaped).
[[nodiscard]] std::string JsonString(std::string_view text);

// "3 errors, 1 warning" (the non-zero ones; "no findings" when none).
[[nodiscard]] std::string CountsLine(const CheckReport& report);

void WriteText(const CheckReport& r, const ReportOptions& o, std::ostream& out);
void WriteJson(const CheckReport& r, const ReportOptions& o, std::ostream& out);
void WriteJunit(const CheckReport& r, const ReportOptions& o, std::ostream& out);
void WriteGithub(const CheckReport& r, const ReportOptions& o, std::ostream& out);
void WriteSarif(const CheckReport& r, const ReportOptions& o, std::ostream& out);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_REPORT_INTERNAL_H_
