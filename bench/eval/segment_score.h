// Scoring a segmentation against a gold one by its boundaries.
//
// Both are sentence files: one sentence per line, a blank line between
// paragraphs. A boundary is the position, counted in non-space characters
// from the start of the text, where one sentence ends and the next begins,
// so that the two files are compared whatever their white space. Paragraph
// breaks are boundaries like any other. Precision is the share of the
// test's boundaries that gold has, recall the share of gold's boundaries
// that the test has.
#ifndef ALLINEA_BENCH_EVAL_SEGMENT_SCORE_H_
#define ALLINEA_BENCH_EVAL_SEGMENT_SCORE_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace allinea::eval {

struct BoundaryScores {
  std::size_t gold = 0;     // boundaries in gold
  std::size_t test = 0;     // boundaries in the test
  std::size_t matched = 0;  // in both
  double precision = 0, recall = 0, f1 = 0;
};

// Boundaries of a sentence file, as non-space character offsets, sorted.
[[nodiscard]] std::vector<std::size_t> SentenceBoundaries(std::string_view text);

// Throws std::runtime_error when the two texts differ in their non-space
// characters (they must segment the same text).
[[nodiscard]] BoundaryScores ScoreSegmentation(std::string_view gold,
                                               std::string_view test);

}  // namespace allinea::eval

#endif  // ALLINEA_BENCH_EVAL_SEGMENT_SCORE_H_
