// allinea/check.h: the check stage, a translation-fidelity report.
//
// CheckTranslation() reads an alignment of a document and its translation
// for what a reviewer would flag, and decides whether the translation
// passes:
//  - omission: source sentences with no counterpart (a run of source-only
//    beads), or a bead whose target is far shorter than the length model
//    allows (the rest of the sentence dropped);
//  - addition: target sentences with no counterpart;
//  - number-mismatch: a value (a number, percentage, date, month or time,
//    as the anchors normalise it: "25 milioni" = "2500 万") on one side of
//    a bead with no equal on the other side of the bead or of the beads
//    next to it;
//  - name-mismatch: a Latin-script name or code on one side of a bead and
//    not on the other side (bead and neighbours), where the other side
//    would keep it as written: a Latin-script language, or a code with a
//    digit ("405B"), or a Latin name inside CJK text, which a Latin-script
//    translation keeps. Names written in another script ("Mensch"/"门施")
//    are not flagged;
//  - untranslated: a target paragraph in the source language, or a target
//    sentence identical to its source sentence;
//  - reordering: a run of source-only sentences and a run of target-only
//    sentences elsewhere that translate each other (aligned on their own,
//    they pair up): one finding naming both places instead of an omission
//    and an addition;
//  - not-a-translation: the documents do not correspond (the aligned part
//    scores low and its anchors disagree, or most of either side has no
//    counterpart); then this is the only finding.
//
// The verdict fails when a finding at or above CheckOptions::fail_on
// remains (after `ignore` and the baseline), or when either side's
// coverage (the share of its characters in beads with both sides) is below
// `min_coverage`. An empty translation of a non-empty source fails; two
// empty documents pass (there is nothing to translate).
//
// Cost: one feature extraction (O(n)), and per pair of unaligned runs a
// small alignment (runs are few); no I/O. Thread safety: a pure function.
//
// Example:
//   const auto a = allinea::AlignDocuments(src, tgt, {});
//   const auto report = allinea::CheckTranslation(src, tgt, a, {});
//   if (!report.pass) ...
#ifndef ALLINEA_CHECK_H_
#define ALLINEA_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "allinea/align.h"
#include "allinea/anchors.h"
#include "allinea/segment.h"

namespace allinea {

enum class FindingKind {
  kOmission,
  kAddition,
  kNumberMismatch,
  kNameMismatch,
  kUntranslated,
  kReordering,
  kNotATranslation,
};
inline constexpr std::size_t kFindingKinds = 7;

// "omission", "addition", "number-mismatch", "name-mismatch",
// "untranslated", "reordering", "not-a-translation". ParseFindingKind
// throws UsageError listing them.
[[nodiscard]] std::string_view FindingKindName(FindingKind kind);
[[nodiscard]] FindingKind ParseFindingKind(std::string_view name);

enum class Severity { kNote, kWarning, kError };  // in increasing order
// "note", "warning", "error". ParseSeverity throws UsageError.
[[nodiscard]] std::string_view SeverityName(Severity severity);
[[nodiscard]] Severity ParseSeverity(std::string_view name);

// Where a finding is, on one side: sentences [begin, end) of that side's
// document. An empty range (begin == end) is a position: where the missing
// content would be, before sentence `begin`.
struct Place {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t line = 1;    // 1-based line and column of sentence `begin`
  std::size_t column = 1;  // (of the last sentence, for a position after
                           // the end)
  std::size_t paragraph = 0;
  [[nodiscard]] bool empty() const { return begin == end; }
};

struct Finding {
  FindingKind kind = FindingKind::kOmission;
  Severity severity = Severity::kError;
  Place src;
  Place tgt;
  std::string src_excerpt;  // the text involved, shortened to ~100 chars
  std::string tgt_excerpt;
  std::string message;      // one sentence
  // The finding is about the target text (an addition, untranslated text,
  // a value or name of the target), rather than the source's: the side a
  // report points at first.
  bool on_target = false;
  // What the finding is about, for the baseline: the kind and this text
  // survive edits elsewhere in the documents (the values or names for a
  // mismatch, the sentences' text otherwise).
  std::string subject;
  bool baselined = false;   // accepted by the baseline: does not fail
};

struct CheckOptions {
  // The least severity that fails the check.
  Severity fail_on = Severity::kError;
  // Either side's coverage below this fails the check.
  double min_coverage = 0.5;
  // An omission or addition of at most this many characters (non-space) is
  // a warning; a longer one an error. `max_omission_sentences` likewise, in
  // sentences; a run is an error when it exceeds either (the CLI's
  // --max-omission sets one and lifts the other).
  std::size_t max_omission_chars = 20;
  std::size_t max_omission_sentences = 1000000;
  // Kinds left out of the report.
  std::set<FindingKind> ignore;
  // When both documents are (or were detected as) in one language, the
  // whole translation is reported as untranslated. The CLI clears it when
  // the user gave both languages (an en-GB to en-US adaptation, say).
  bool same_language_is_untranslated = true;
  // Accepted findings (ParseBaseline): they stay in the report, marked, but
  // do not fail the check.
  std::set<std::string> baseline;
  // Anchor options for the number and name checks (the dictionaries help
  // the second alignment too).
  AnchorOptions anchors;
};

struct CheckSummary {
  std::size_t src_sentences = 0;
  std::size_t tgt_sentences = 0;
  double src_coverage = 0;  // share of characters in beads with both sides
  double tgt_coverage = 0;
  double mean_score = 0;    // over all beads
  std::size_t counts[kFindingKinds][3] = {};  // [kind][severity]
  std::size_t baselined = 0;
};

struct CheckReport {
  std::string src_name;
  std::string tgt_name;
  std::vector<Finding> findings;  // in source order
  CheckSummary summary;
  bool pass = true;
  // Why the check failed, one line each ("2 errors", "coverage of the
  // target 0.31 is below 0.50").
  std::vector<std::string> reasons;
};

[[nodiscard]] CheckReport CheckTranslation(const Document& src,
                                           const Document& tgt,
                                           const Alignment& alignment,
                                           const CheckOptions& options);
// The same with the features the alignment was made from,
// ExtractFeatures(src, tgt, options.anchors), so that they are not
// extracted twice.
// REQUIRES: `features` describe `src` and `tgt`.
[[nodiscard]] CheckReport CheckTranslation(const Document& src,
                                           const Document& tgt,
                                           const Features& features,
                                           const Alignment& alignment,
                                           const CheckOptions& options);

// The baseline key of a finding: its kind and a 64-bit hash of its
// subject, white space runs read as one space ("omission:5f1c2a9e0b3d4c71").
[[nodiscard]] std::string BaselineKey(const Finding& finding);
// One line per finding for --write-baseline: the key, a tab, the excerpt
// (for people; ignored when read back).
[[nodiscard]] std::string WriteBaseline(const CheckReport& report);
// The keys of a baseline file's text: the first field of each line; blank
// lines and lines starting with '#' are skipped. Throws InputError naming
// `name` and the line for a malformed key.
[[nodiscard]] std::set<std::string> ParseBaseline(std::string_view text,
                                                  std::string_view name);

}  // namespace allinea

#endif  // ALLINEA_CHECK_H_
