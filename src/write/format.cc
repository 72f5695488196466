// The format registry: names, parsing, MakeWriter(), and the filter every
// writer applies.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "allinea/error.h"
#include "allinea/write.h"
#include "write/writers.h"

namespace allinea {
namespace {

constexpr std::array<std::pair<std::string_view, Format>, 4> kFormats = {{
    {"tsv", Format::kTsv},
    {"index", Format::kIndex},
    {"tmx", Format::kTmx},
    {"jsonl", Format::kJsonl},
}};

}  // namespace

Format ParseFormat(std::string_view name) {
  for (const auto& [n, f] : kFormats) {
    if (n == name) return f;
  }
  throw UsageError(fmt::format(
      "unknown format '{}' (expected tsv, tmx, jsonl or index)", name));
}

std::string_view FormatName(Format format) {
  for (const auto& [n, f] : kFormats) {
    if (f == format) return n;
  }
  return "?";
}

std::optional<Format> FormatOfPath(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view base =
      slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  std::string extension(base.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const auto& [n, f] : kFormats) {
    if (n == extension) return f;
  }
  return std::nullopt;
}

NullBeads ParseNullBeads(std::string_view name) {
  if (name == "keep") return NullBeads::kKeep;
  if (name == "drop") return NullBeads::kDrop;
  throw UsageError(
      fmt::format("unknown choice '{}' for null beads (expected keep or drop)",
                  name));
}

NullBeads DefaultNullBeads(Format format) {
  return format == Format::kTmx ? NullBeads::kDrop : NullBeads::kKeep;
}

void Writer::Write(const Bead& bead) {
  const bool null = bead.src_begin == bead.src_end ||
                    bead.tgt_begin == bead.tgt_end;
  if (bead.score < min_score_ || (null && nulls_ == NullBeads::kDrop)) {
    ++filtered_;
    return;
  }
  WriteBead(bead);
  ++written_;
}

std::string BeadType(const Bead& bead) {
  return fmt::format("{}-{}", bead.src_end - bead.src_begin,
                     bead.tgt_end - bead.tgt_begin);
}

std::string FormatTmxDate(std::int64_t unix_seconds) {
  // 9999-12-31T23:59:59Z; the TMX form has four digits for the year.
  constexpr std::int64_t kLast = 253402300799;
  if (unix_seconds < 0 || unix_seconds > kLast) {
    throw UsageError(fmt::format(
        "time {} is outside the years 1970 to 9999", unix_seconds));
  }
  // Civil date from days since the epoch (Howard Hinnant's algorithm).
  const std::int64_t days = unix_seconds / 86400;
  const std::int64_t secs = unix_seconds % 86400;
  const std::int64_t z = days + 719468;
  const std::int64_t era = z / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", year, month, day,
                     secs / 3600, secs / 60 % 60, secs % 60);
}

std::unique_ptr<Writer> MakeWriter(Format format, const WriteOptions& options,
                                   std::ostream& out) {
  const NullBeads nulls = options.nulls.value_or(DefaultNullBeads(format));
  switch (format) {
    case Format::kTsv:
      return internal::MakeTsvWriter(options, nulls, out);
    case Format::kIndex:
      return internal::MakeIndexWriter(options, nulls, out);
    case Format::kTmx:
      return internal::MakeTmxWriter(options, nulls, out);
    case Format::kJsonl:
      return internal::MakeJsonlWriter(options, nulls, out);
  }
  throw UsageError("unsupported format");
}

}  // namespace allinea

namespace allinea::internal {

void JoinSentences(std::string& joined, const Document& doc, std::size_t begin,
                   std::size_t end) {
  joined.clear();
  for (std::size_t k = begin; k < end; ++k) {
    AppendJoined(joined, doc.sentences[k].text);
  }
}

}  // namespace allinea::internal
