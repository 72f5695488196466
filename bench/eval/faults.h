// faults.h: fault injection for `allinea check`. From a clean pair with a
// gold alignment, makes variants of the translation with one known fault
// each, and says which finding the check must raise, and where.
//
// Faults (all on the target side; swap the pair to fault the other
// language):
//  - delete-paragraph: a target paragraph that translates one source
//    paragraph is removed: an omission of those source sentences;
//  - delete-sentence: a target sentence of a 1-1 bead inside a paragraph
//    is removed: an omission of its source sentence;
//  - change-number: a number of a 1-1 bead's target sentence, whose value
//    the source sentence has too, is changed: a number mismatch there;
//  - rescale-number: a number with a scale word written with another one
//    ("60 亿" as "600000万", "6 miliardi" as "6000 milioni", "412 million"
//    as "412000 thousand"): the same value, which must NOT raise a number
//    mismatch;
//  - untranslated: a target paragraph replaced by its source paragraph;
//  - swap: two neighbouring target paragraphs swapped: a reordering;
//  - truncate: the target cut before a paragraph at about 60% of it: an
//    omission of the source sentences after the cut;
//  - insert: a copy of a target paragraph inserted four or more paragraphs
//    away: an addition.
// A fault is made only where the pair allows it (a paragraph that
// translates one source paragraph, a number in a 1-1 bead, ...); a pair
// without such a place gets no variant of that kind.
#ifndef ALLINEA_BENCH_EVAL_FAULTS_H_
#define ALLINEA_BENCH_EVAL_FAULTS_H_

#include <optional>
#include <string>
#include <vector>

#include "allinea/check.h"
#include "allinea/segment.h"
#include "eval/alignment_score.h"

namespace allinea::eval {

struct FaultExpectation {
  // The finding the check must raise (none for rescale-number, which must
  // raise no number mismatch near `src`).
  std::optional<FindingKind> kind;
  // Where: it must overlap these sentences of the source, or of the
  // (faulted) target; an empty range means "any".
  std::size_t src_begin = 0, src_end = 0;
  std::size_t tgt_begin = 0, tgt_end = 0;
};

struct FaultedPair {
  std::string fault;  // "delete-paragraph", ...
  std::string description;
  Document src;       // unchanged
  Document tgt;       // with the fault
  FaultExpectation expect;
};

// Every fault this pair allows, one variant each. `gold` aligns
// src and tgt (presegmented documents).
[[nodiscard]] std::vector<FaultedPair> InjectFaults(
    const Document& src, const Document& tgt,
    const std::vector<IndexBead>& gold);

// The gold with its sides swapped (for the other direction).
[[nodiscard]] std::vector<IndexBead> SwapGold(const std::vector<IndexBead>& gold);

// The check found the expected fault: a finding of the expected kind that
// overlaps the expected places (a position counts when it lies inside or
// at the edge of the range). For rescale-number: no number mismatch whose
// source overlaps the place.
[[nodiscard]] bool FoundAsExpected(const CheckReport& report,
                                   const FaultExpectation& expect);

}  // namespace allinea::eval

#endif  // ALLINEA_BENCH_EVAL_FAULTS_H_
