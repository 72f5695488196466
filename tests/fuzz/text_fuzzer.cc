// Fuzz target: the UTF-8 reader and NFC normaliser (DecodeText). Any bytes
// are either refused with InputError or decoded into valid UTF-8 whose
// offsets map back into the input, in order.
#include <cstddef>
#include <cstdint>
#include <string>

#include "allinea/error.h"
#include "allinea/text.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    const allinea::SourceText t = allinea::DecodeText(bytes, "fuzz");
    FUZZ_CHECK(t.original() == bytes);
    const std::string& n = t.normalized();
    // The normalised text is valid UTF-8 itself, and normalising it again
    // changes nothing (NFC is idempotent; no CR is left), but for a second
    // byte-order mark, which the first reading kept as text (U+FEFF) and
    // the second strips.
    const allinea::SourceText again = allinea::DecodeText(n, "again");
    FUZZ_CHECK(again.normalized() ==
               (n.starts_with("\xEF\xBB\xBF") ? n.substr(3) : n));
    FUZZ_CHECK(n.find('\r') == std::string::npos);
    // Offsets of code point starts map into the input, never backwards.
    std::uint64_t previous = 0;
    for (std::size_t k = 0; k <= n.size(); ++k) {
      if (k < n.size() && (static_cast<unsigned char>(n[k]) & 0xC0) == 0x80) continue;
      const std::uint64_t o = t.ToOriginal(k);
      FUZZ_CHECK(o <= bytes.size());
      FUZZ_CHECK(o >= previous);
      previous = o;
    }
    FUZZ_CHECK(t.ToOriginal(n.size()) == bytes.size());
  } catch (const allinea::InputError&) {
    // Refused: invalid UTF-8, UTF-16, too large.
  }
  return 0;
}
