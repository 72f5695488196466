// Private: sentence rules ICU lacks, applied to the boundaries ICU found.
#ifndef ALLINEA_SRC_SEGMENT_RULES_H_
#define ALLINEA_SRC_SEGMENT_RULES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "segment/lang_data.h"

namespace allinea::internal {

// Adjusts `breaks`, the sentence boundaries of `text` (byte offsets, sorted,
// the last one text.size()):
//  - an opening quote or bracket that ICU left at the end of a sentence and
//    that touches the next sentence's text ("。“我认为") moves to the next
//    sentence;
//  - a period right after a symbol ("Immagine |. Arthur") ends no sentence;
//  - nor does the period of an abbreviation of the language ("Dott. Rossi",
//    "ad es. Mario"), nor that of an initial inside a name
//    ("J. R. R. Tolkien");
//  - "?", "!", "…" or "..." followed by a lower-case word end no sentence
//    ("(anche critiche, dai!) o scrivermi");
//  - emoji glued to the end of a sentence stay with it ("Aude!👋");
//  - a list marker stays with its item ("1. Primo punto");
//  - URLs and e-mail addresses are never split ("https://x.org/a?b=1");
//  - in unspaced text, a quotation closed after its own question or
//    exclamation mark and followed at once by more text does not end the
//    sentence ("“你来吗？”她问。"); "。" always ends one.
void ApplySentenceRules(std::string_view text, const Abbreviations& abbreviations,
                        std::vector<std::size_t>& breaks);

// Adds the boundaries ICU does not find after an ellipsis: "…" or "..."
// followed by white space and a capitalised word ("la pandemia… Tutto"),
// and "……" followed at once by CJK text ("抽烟……后来"). Keeps `breaks`
// sorted and unique.
void AddEllipsisBreaks(std::string_view text, std::vector<std::size_t>& breaks);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_SEGMENT_RULES_H_
