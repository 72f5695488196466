// The format registry: names, parsing, MakeWriter().
#include <fmt/format.h>

#include "allinea/error.h"
#include "allinea/write.h"
#include "write/writers.h"

namespace allinea {

Format ParseFormat(std::string_view name) {
  if (name == "tsv") return Format::kTsv;
  if (name == "index") return Format::kIndex;
  throw UsageError(fmt::format("unknown format '{}' (expected tsv or index)",
                               name));
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kTsv:
      return "tsv";
    case Format::kIndex:
      return "index";
  }
  return "?";
}

std::unique_ptr<Writer> MakeWriter(Format format, const WriteOptions& options,
                                   std::ostream& out) {
  switch (format) {
    case Format::kTsv:
      return internal::MakeTsvWriter(options, out);
    case Format::kIndex:
      return internal::MakeIndexWriter(out);
  }
  throw UsageError("unsupported format");
}

}  // namespace allinea
