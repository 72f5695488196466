// The alignment scorer used for quality figures: it must agree with
// vecalign's score.py on hand-computed cases.
#include <gtest/gtest.h>

#include <sstream>

#include "eval/alignment_score.h"
#include "eval/segment_score.h"

namespace allinea::eval {
namespace {

std::vector<IndexBead> Read(const std::string& s) {
  std::istringstream in(s);
  return ReadIndexBeads(in);
}

TEST(ScoreAlignmentTest, IdenticalIsPerfect) {
  const auto gold = Read("[0]:[0]\n[1, 2]:[1]\n[3]:[]\n");
  const auto s = ScoreAlignment(gold, gold);
  EXPECT_EQ(s.f1_strict, 1.0);
  EXPECT_EQ(s.f1_lax, 1.0);
}

TEST(ScoreAlignmentTest, StrictAndLaxAsVecalign) {
  const auto gold = Read("[0]:[0]\n[1, 2]:[1]\n[3]:[]\n");
  // [1]:[1] overlaps gold [1, 2]:[1] (lax hit, strict miss); [2]:[] is a
  // null bead not in gold (miss for both); [3]:[] is right.
  const auto test = Read("[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n");
  const auto s = ScoreAlignment(gold, test);
  EXPECT_DOUBLE_EQ(s.precision_strict, 2.0 / 4);
  EXPECT_DOUBLE_EQ(s.precision_lax, 3.0 / 4);
  // Recall leaves null beads out: gold {[0]:[0], [1,2]:[1]} against test
  // {[0]:[0], [1]:[1]}: strict 1/2; lax 2/2.
  EXPECT_DOUBLE_EQ(s.recall_strict, 1.0 / 2);
  EXPECT_DOUBLE_EQ(s.recall_lax, 1.0);
}

TEST(ReadIndexBeadsTest, RefusesGarbage) {
  EXPECT_THROW((void)Read("[0]-[1]\n"), std::runtime_error);
  EXPECT_EQ(Read("[]:[4]\n\n").front().tgt, std::vector<std::size_t>{4});
}

TEST(ScoreSegmentationTest, BoundariesIgnoreWhiteSpace) {
  const std::string gold = "Uno. Due.\nTre?\n\nQuattro\n";
  // Same boundaries, other spacing.
  EXPECT_EQ(ScoreSegmentation(gold, "Uno.  Due.\n  Tre?\nQuattro").f1, 1.0);
  EXPECT_EQ(SentenceBoundaries(gold), (std::vector<std::size_t>{8, 12}));
}

TEST(ScoreSegmentationTest, MissedAndExtraBoundaries) {
  const std::string gold = "Uno.\nDue.\nTre.\n";
  const auto s = ScoreSegmentation(gold, "Uno. Due.\nTr\ne.\n");
  EXPECT_EQ(s.gold, 2u);
  EXPECT_EQ(s.test, 2u);
  EXPECT_EQ(s.matched, 1u);
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_THROW((void)ScoreSegmentation(gold, "Altro.\n"), std::runtime_error);
}

}  // namespace
}  // namespace allinea::eval
