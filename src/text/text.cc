// The text stage: UTF-8 validation, BOM and line-end handling, NFC with a map
// back to the original bytes.
#include "allinea/text.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "allinea/error.h"

namespace allinea {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Throws InputError at the first ill-formed sequence.
void ValidateUtf8(const std::string& bytes, const std::string& name) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const int64_t n = static_cast<int64_t>(bytes.size());
  int64_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {  // fast path for ASCII
      ++i;
      continue;
    }
    const int64_t start = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      throw InputError(
          i >= n && start + 1 + U8_COUNT_TRAIL_BYTES(p[start]) > n
              ? "invalid UTF-8: truncated sequence at end of input"
              : "invalid UTF-8",
          name, static_cast<std::uint64_t>(start));
    }
  }
}

// Strips a BOM and turns CRLF and CR into LF; records the runs that map the
// cleaned text back to `bytes`.
std::string CleanLineEnds(const std::string& bytes, OffsetMap& clean_map) {
  std::string clean;
  clean.reserve(bytes.size());
  std::size_t i = 0;
  if (std::string_view(bytes).substr(0, kBom.size()) == kBom) i = kBom.size();
  clean_map.Append(0, i, true);
  const std::size_t n = bytes.size();
  while (i < n) {
    const std::size_t cr = bytes.find('\r', i);
    const std::size_t stop = cr == std::string::npos ? n : cr;
    clean.append(bytes, i, stop - i);
    if (stop == n) break;
    clean.push_back('\n');  // maps to the CR
    i = stop + 1;
    if (i < n && bytes[i] == '\n') {
      ++i;
      clean_map.Append(clean.size(), i, true);
    }
  }
  clean_map.Append(clean.size(), n, true);
  return clean;
}

}  // namespace

void OffsetMap::Append(std::size_t normalized, std::uint64_t original,
                       bool exact) {
  if (!runs_.empty() && runs_.back().normalized == normalized) {
    runs_.back() = {normalized, original, exact};
    return;
  }
  runs_.push_back({normalized, original, exact});
}

std::uint64_t OffsetMap::ToOriginal(std::size_t normalized) const {
  auto it = std::upper_bound(
      runs_.begin(), runs_.end(), normalized,
      [](std::size_t n, const Run& run) { return n < run.normalized; });
  if (it == runs_.begin()) return normalized;
  --it;
  return it->exact ? it->original + (normalized - it->normalized)
                   : it->original;
}

SourceText::SourceText(std::string name, std::string original,
                       std::string normalized, OffsetMap map)
    : name_(std::move(name)),
      original_(std::move(original)),
      normalized_(std::move(normalized)),
      map_(std::move(map)) {
  const std::string_view o = original_;
  line_starts_.push_back(o.substr(0, kBom.size()) == kBom ? kBom.size() : 0);
  for (std::size_t i = 0; i < o.size(); ++i) {
    if (o[i] == '\n' || (o[i] == '\r' && (i + 1 == o.size() || o[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
    }
  }
}

std::size_t SourceText::LineOf(std::uint64_t original_offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(),
                                   original_offset);
  return it == line_starts_.begin()
             ? 1
             : static_cast<std::size_t>(it - line_starts_.begin());
}

LineColumn SourceText::Locate(std::uint64_t original_offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(),
                             original_offset);
  if (it != line_starts_.begin()) --it;
  const std::uint64_t start = std::min(*it, original_offset);
  std::size_t column = 1;
  for (std::uint64_t i = start; i < original_offset; ++i) {
    column += (static_cast<unsigned char>(original_[i]) & 0xC0) != 0x80;
  }
  return {static_cast<std::size_t>(it - line_starts_.begin()) + 1, column};
}

SourceText DecodeText(std::string bytes, std::string name) {
  if (bytes.size() > kMaxInputBytes) {
    throw InputError("input too large: " + std::to_string(bytes.size()) +
                         " bytes (the limit is " +
                         std::to_string(kMaxInputBytes) + " bytes)",
                     name);
  }
  ValidateUtf8(bytes, name);
  OffsetMap clean_map;
  std::string clean = CleanLineEnds(bytes, clean_map);

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw Error(ErrorCode::kInput,
                std::string("ICU NFC data unavailable: ") + u_errorName(status),
                name);
  }
  const icu::StringPiece piece(clean.data(),
                               static_cast<int32_t>(clean.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    return SourceText(std::move(name), std::move(bytes), std::move(clean),
                      std::move(clean_map));
  }
  status = U_ZERO_ERROR;
  std::string normalized;
  normalized.reserve(clean.size());
  icu::StringByteSink<std::string> sink(&normalized);
  icu::Edits edits;
  nfc->normalizeUTF8(0, piece, sink, &edits, status);
  if (U_FAILURE(status)) {
    throw InputError(std::string("cannot normalise: ") + u_errorName(status),
                     name);
  }
  // Compose normalised -> clean (the edits) with clean -> original.
  OffsetMap map;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    const auto src = static_cast<std::size_t>(it.sourceIndex());
    const auto dst = static_cast<std::size_t>(it.destinationIndex());
    if (!it.hasChange()) {
      // Unchanged: byte for byte, but the clean text may itself have CRLF
      // joins inside this stretch, so map each line separately.
      const auto len = static_cast<std::size_t>(it.oldLength());
      std::size_t k = 0;
      while (k < len) {
        map.Append(dst + k, clean_map.ToOriginal(src + k), true);
        const std::size_t nl = clean.find('\n', src + k);
        if (nl == std::string::npos || nl >= src + len) break;
        k = nl - src + 1;
      }
    } else {
      map.Append(dst, clean_map.ToOriginal(src), false);
    }
  }
  map.Append(normalized.size(), bytes.size(), true);
  return SourceText(std::move(name), std::move(bytes), std::move(normalized),
                    std::move(map));
}

}  // namespace allinea
