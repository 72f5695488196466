// Scoring an alignment against a gold alignment, as vecalign's score.py
// does (Thompson & Koehn 2019, after Sennrich & Volk 2011):
//  - strict: a test bead counts when it equals a gold bead;
//  - lax: when it shares a source and a target sentence with one gold bead
//    (its target overlaps the gold targets of its sources);
//  - precision is over all test beads, null beads included; recall swaps
//    the roles with the null beads of both sides left out.
// Beads are read from the index format "[i, j]:[k]".
#ifndef ALLINEA_BENCH_EVAL_ALIGNMENT_SCORE_H_
#define ALLINEA_BENCH_EVAL_ALIGNMENT_SCORE_H_

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace allinea::eval {

struct IndexBead {
  std::vector<std::size_t> src;
  std::vector<std::size_t> tgt;
  friend bool operator==(const IndexBead&, const IndexBead&) = default;
  friend auto operator<=>(const IndexBead&, const IndexBead&) = default;
};

// Reads index-format lines; throws std::runtime_error naming the line.
[[nodiscard]] std::vector<IndexBead> ReadIndexBeads(std::istream& in);

struct AlignmentScores {
  double precision_strict = 0, recall_strict = 0, f1_strict = 0;
  double precision_lax = 0, recall_lax = 0, f1_lax = 0;
};

[[nodiscard]] AlignmentScores ScoreAlignment(const std::vector<IndexBead>& gold,
                                             const std::vector<IndexBead>& test);

}  // namespace allinea::eval

#endif  // ALLINEA_BENCH_EVAL_ALIGNMENT_SCORE_H_
