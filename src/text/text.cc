// The text stage: UTF-8 validation, BOM and line-end handling, NFC with a map
// back to the original bytes.
#include "allinea/text.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "allinea/error.h"

namespace allinea {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Throws InputError at the first ill-formed sequence.
// UTF-16 read as bytes: a UTF-16 byte-order mark, or, in the first 4 KiB,
// NUL in at least 40% of the odd (even) positions and in hardly any of the
// others (ASCII-range text in UTF-16LE, BE). Names the encoding, or "".
std::string LooksLikeUtf16(const std::string& bytes) {
  if (bytes.starts_with("\xFF\xFE")) return "UTF-16 (little-endian, with a byte-order mark)";
  if (bytes.starts_with("\xFE\xFF")) return "UTF-16 (big-endian, with a byte-order mark)";
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  if (n < 8) return {};
  std::size_t even = 0, odd = 0;
  for (std::size_t k = 0; k < n; k += 2) {
    even += bytes[k] == '\0';
    odd += bytes[k + 1] == '\0';
  }
  const std::size_t half = n / 2;
  if (odd * 10 >= half * 4 && even * 10 < half) return "UTF-16LE";
  if (even * 10 >= half * 4 && odd * 10 < half) return "UTF-16BE";
  return {};
}

void ValidateUtf8(const std::string& bytes, const std::string& name) {
  if (const std::string utf16 = LooksLikeUtf16(bytes); !utf16.empty()) {
    const std::string from = utf16.starts_with("UTF-16 (") ? "UTF-16" : utf16;
    throw InputError("looks like " + utf16 +
                         ", not UTF-8: convert it (iconv -f " + from +
                         " -t UTF-8) or give --encoding " + from,
                     name, 0);
  }
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const int64_t n = static_cast<int64_t>(bytes.size());
  int64_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {  // fast path for ASCII
      if (p[i] == 0) {
        throw InputError("NUL byte: a binary file, not text", name,
                         static_cast<std::uint64_t>(i));
      }
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

std::string ConvertToUtf8(std::string bytes, std::string_view encoding,
                          const std::string& name) {
  std::string lower(encoding);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (lower == "utf-8" || lower == "utf8") return bytes;
  UErrorCode status = U_ZERO_ERROR;
  const std::string encoding_name(encoding);
  UConverter* raw = ucnv_open(encoding_name.c_str(), &status);
  if (U_FAILURE(status) || raw == nullptr) {
    throw UsageError("unknown encoding '" + encoding_name +
                     "' (expected a name such as UTF-16LE, latin1, "
                     "windows-1252, GB18030, Shift_JIS)");
  }
  const std::unique_ptr<UConverter, void (*)(UConverter*)> converter(raw, ucnv_close);
  // Stop at the first byte that is not valid in the encoding, instead of
  // writing a substitute character.
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr,
                      nullptr, nullptr, &status);
  if (bytes.size() > kMaxInputBytes / 2) {
    throw InputError("input too large to convert: " +
                         std::to_string(bytes.size()) + " bytes",
                     name);
  }
  // No encoding gives more UTF-16 units than bytes, but for safety's sake.
  std::u16string utf16(2 * bytes.size() + 16, u'\0');
  const char* source = bytes.data();
  const char* const source_end = bytes.data() + bytes.size();
  UChar* target = reinterpret_cast<UChar*>(utf16.data());
  UChar* const target_end = target + utf16.size();
  ucnv_toUnicode(converter.get(), &target, target_end, &source, source_end,
                 nullptr, true, &status);
  if (U_FAILURE(status)) {
    // `source` stops after the bad sequence; ICU keeps its bytes aside.
    char invalid[32];
    int8_t length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter.get(), invalid, &length, &ignored);
    const auto offset =
        static_cast<std::uint64_t>(source - bytes.data()) - static_cast<std::uint64_t>(std::max<int8_t>(length, 0));
    throw InputError("not valid " + encoding_name, name, offset);
  }
  utf16.resize(static_cast<std::size_t>(target - reinterpret_cast<UChar*>(utf16.data())));
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  icu::UnicodeString(false, reinterpret_cast<const UChar*>(utf16.data()),
                     static_cast<int32_t>(utf16.size()))
      .toUTF8(sink);
  return out;
}

}  // namespace allinea
