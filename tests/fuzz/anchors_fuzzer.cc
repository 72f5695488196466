// Fuzz target: the number, date, time and name parser (AnchorTerms). The
// first byte picks the language pair; the text must be read without a
// crash, and every term must be a well-formed one of its kind.
#include <cstddef>
#include <cstdint>
#include <string>

#include "allinea/anchors.h"
#include "allinea/error.h"
#include "allinea/text.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kLanguages[] = {"it", "zh", "en", "", "ja", "fr"};
  const std::uint8_t selector = data[0];
  const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    const allinea::SourceText t = allinea::DecodeText(bytes, "fuzz");
    const auto terms = allinea::AnchorTerms(t.normalized(), kLanguages[selector % 6],
                                            kLanguages[(selector / 6) % 6]);
    for (const std::string& term : terms) {
      FUZZ_CHECK(!term.empty());
      (void)allinea::KindOfTerm(term);
      // A number term is a finite value: "#" and digits, a sign, a point.
      if (term[0] == '#' || term[0] == '%') {
        FUZZ_CHECK(term.size() > 1);
        FUZZ_CHECK(term.find("nan") == std::string::npos);
        FUZZ_CHECK(term.find("inf") == std::string::npos);
      }
      // Terms are valid UTF-8.
      (void)allinea::DecodeText(term, "term");
    }
  } catch (const allinea::InputError&) {
  }
  return 0;
}
