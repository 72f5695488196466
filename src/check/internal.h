// Private: what the parts of the check share.
#ifndef ALLINEA_SRC_CHECK_INTERNAL_H_
#define ALLINEA_SRC_CHECK_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "allinea/check.h"

namespace allinea::internal {

// A run of beads with one side only: sentences [begin, end) of that side,
// and `at`, the position on the other side (its sentence index).
struct Run {
  bool source = true;  // source-only (an omission) or target-only
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t at = 0;
  std::size_t chars = 0;  // non-space characters
  bool used = false;      // taken by an untranslated or reordering finding
};

// What the name check needs to know of the two documents.
struct NameContext {
  bool src_latin = false;  // each side mostly in Latin script
  bool tgt_latin = false;
  std::vector<std::uint32_t> src_count;  // sentences with each term
  std::vector<std::uint32_t> tgt_count;
};

struct CheckContext {
  const Document& src;
  const Document& tgt;
  const Alignment& alignment;
  const Features& features;
  const CheckOptions& options;
  // For each sentence, the bead it belongs to.
  std::vector<std::size_t> src_bead;
  std::vector<std::size_t> tgt_bead;
  NameContext names;
};

// The name context of two documents and their features (mismatch.cc).
[[nodiscard]] NameContext MakeNameContext(const Document& src,
                                          const Document& tgt,
                                          const Features& features);

// The bead maps of `alignment` (src_bead, tgt_bead) and the name context
// filled in.
[[nodiscard]] CheckContext MakeContext(const Document& src, const Document& tgt,
                                       const Alignment& alignment,
                                       const Features& features,
                                       const CheckOptions& options);

// Non-space characters of sentences [begin, end) of one side.
[[nodiscard]] std::size_t Chars(const std::vector<SentenceFeatures>& side,
                                std::size_t begin, std::size_t end);

// A finding of `kind` and `severity` about source sentences [sb, se) and
// target sentences [tb, te) (either range may be a position): its places
// and excerpts filled in; the caller adds the message and the subject.
[[nodiscard]] Finding MakeFinding(const CheckContext& c, FindingKind kind,
                                  Severity severity, std::size_t sb,
                                  std::size_t se, std::size_t tb,
                                  std::size_t te);

// The place of sentences [begin, end) of `doc` (a position when empty).
[[nodiscard]] Place MakePlace(const Document& doc, std::size_t begin,
                              std::size_t end);
// The sentences joined (AppendJoined) and shortened to about 100
// characters with "…".
[[nodiscard]] std::string Excerpt(const Document& doc, std::size_t begin,
                                  std::size_t end);
// The sentences' normalised text joined, for baseline subjects.
[[nodiscard]] std::string Subject(const Document& doc, std::size_t begin,
                                  std::size_t end);

// Runs of one-sided beads, split where a paragraph of their side begins.
[[nodiscard]] std::vector<Run> OneSidedRuns(const CheckContext& c);

// Target paragraphs in the source language and target sentences identical
// to their source: untranslated findings; marks the runs they explain.
void FindUntranslated(const CheckContext& c, std::vector<Run>& runs,
                      std::vector<Finding>& out);
// Content that moved: sentences [src_begin, src_end) of the source are
// translated by [tgt_begin, tgt_end) of the target, elsewhere.
struct Move {
  std::size_t src_begin = 0, src_end = 0;
  std::size_t tgt_begin = 0, tgt_end = 0;
  Finding finding;  // the reordering finding
};

// Moves: a source-only run whose translation is a target-only run, or a
// target paragraph elsewhere that holds its values and names (the aligner,
// monotone, may have paired that paragraph with the wrong source); and the
// same from the target's side. Marks the runs it explains.
[[nodiscard]] std::vector<Move> FindReorderings(const CheckContext& c,
                                                std::vector<Run>& runs);

// Every finding but not-a-translation: untranslated text, moves, then (on
// an alignment made again without the moved content, when there are
// moves) omissions, additions, short targets and mismatches.
[[nodiscard]] std::vector<Finding> Detect(const CheckContext& c);
// The runs left: omissions and additions.
void ReportRuns(const CheckContext& c, const std::vector<Run>& runs,
                std::vector<Finding>& out);
// Beads whose target is far shorter than the length model allows.
void FindShortTargets(const CheckContext& c, std::vector<Finding>& out);
// Values and names on one side of a bead only.
void FindMismatches(const CheckContext& c, std::vector<Finding>& out);

// How far the two sides agree: the share of the value and name terms of
// beads with both sides that have an equal on the other side (bead and
// neighbours); -1 when there are fewer than `min_terms`.
[[nodiscard]] double AnchorAgreement(const CheckContext& c,
                                     std::size_t min_terms);

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_CHECK_INTERNAL_H_
