#include "allinea/score.h"

#include <gtest/gtest.h>

#include <cmath>

namespace allinea {
namespace {

Document Doc(std::vector<std::string> sentences, std::vector<std::size_t> paragraphs = {}) {
  Document d;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    Sentence s;
    s.text = sentences[k];
    s.normalized = sentences[k];
    s.paragraph = paragraphs.empty() ? 0 : paragraphs[k];
    d.sentences.push_back(s);
  }
  return d;
}

TEST(LengthTailCostTest, ZeroAtPerfectAgreementAndGrowing) {
  EXPECT_NEAR(LengthTailCost(0), 0, 1e-12);
  EXPECT_LT(LengthTailCost(0.5), LengthTailCost(1.0));
  EXPECT_LT(LengthTailCost(3.0), LengthTailCost(10.0));
  EXPECT_TRUE(std::isfinite(LengthTailCost(1e6)));
  EXPECT_EQ(LengthTailCost(-2), LengthTailCost(2));
  // The tabulated cost stays within 1e-4 nats of the mixture's
  // -log(0.95 * 2 (1 - Phi(|d|)) + 0.05 * 2 (1 - Phi(|d| / 3))).
  for (double d = 0; d < 30; d += 0.0137) {
    const double exact =
        -std::log(0.95 * std::erfc(d / std::sqrt(2.0)) +
                  0.05 * std::erfc(d / 3 / std::sqrt(2.0)));
    if (std::isfinite(exact)) {
      EXPECT_NEAR(LengthTailCost(d), exact, 1e-4) << d;
    }
  }
  // A loose translation costs far less than the normal tail alone says, and
  // still more the further it is off: 5 standard deviations cost about 5.3
  // nats, not 14.4.
  EXPECT_NEAR(LengthTailCost(5), 5.34, 0.01);
  EXPECT_LT(LengthTailCost(5), LengthTailCost(8));
  // Blocks pay the normal tail alone.
  for (double d = 0; d < 30; d += 0.0137) {
    const double exact = -std::log(std::erfc(d / std::sqrt(2.0)));
    if (std::isfinite(exact)) {
      EXPECT_NEAR(NormalTailCost(d), exact, 1e-4) << d;
    }
  }
  EXPECT_NEAR(NormalTailCost(5), 14.37, 0.01);
  EXPECT_TRUE(std::isfinite(NormalTailCost(1e6)));
}

TEST(EstimateLengthModelTest, RatioFromTotalsOnLongTexts) {
  Features f;
  f.src.assign(1000, {.length = 100, .cjk = 0, .anchors = {}});
  f.tgt.assign(1000, {.length = 50, .cjk = 0, .anchors = {}});
  const LengthModel m = EstimateLengthModel(f);
  EXPECT_NEAR(m.ratio, 0.5, 0.01);  // the prior (1.0) barely moves it
  EXPECT_EQ(m.src_other_weight, 1.0);
}

TEST(EstimateLengthModelTest, ShortTextsLeanOnThePrior) {
  Features f;
  f.src.push_back({.length = 100, .cjk = 0, .anchors = {}});
  f.tgt.push_back({.length = 100, .cjk = 100, .anchors = {}});
  // One sentence says 1.0; the CJK prior says 0.3: the prior wins.
  EXPECT_LT(EstimateLengthModel(f).ratio, 0.4);
}

TEST(EstimateLengthModelTest, LatinNamesOnACjkSideWeighLikeTheirShare) {
  // 200 Han characters translate 810 Italian characters, of which 110 are
  // names that the Chinese copies: each copied Latin letter weighs 200/700.
  Features f;
  f.src.push_back({.length = 810, .cjk = 0, .anchors = {}});
  f.tgt.push_back({.length = 310, .cjk = 200, .anchors = {}});
  const LengthModel m = EstimateLengthModel(f);
  EXPECT_NEAR(m.tgt_other_weight, 200.0 / (810 - 110), 1e-9);
  EXPECT_EQ(m.src_other_weight, 1.0);
  EXPECT_NEAR(m.TargetLength(f.tgt[0]), 200 + 110 * 200.0 / 700, 1e-9);
}

// The standard normal quantile of p, by bisection.
double NormalQuantile(double p) {
  double lo = -10, hi = 10;
  for (int k = 0; k < 100; ++k) {
    const double mid = (lo + hi) / 2;
    (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
  }
  return lo;
}

TEST(ReestimateLengthModelTest, LearnsRatioAndVarianceFromOneToOneBeads) {
  LengthModel m;
  m.ratio = 0.8;
  // Target lengths 400 + 20 z for normal quantiles z: ratio 1, variance
  // 20^2 / 400 = 1 per character; plus two wild beads that must not matter.
  std::vector<std::pair<double, double>> beads;
  for (int k = 0; k < 201; ++k) {
    beads.emplace_back(400, 400 + 20 * NormalQuantile((k + 0.5) / 201));
  }
  beads.emplace_back(400, 4000);
  beads.emplace_back(4000, 400);
  const LengthModel r = ReestimateLengthModel(m, beads);
  EXPECT_NEAR(r.ratio, 1.0, 0.01);
  EXPECT_NEAR(r.variance, 1.0, 0.1);
  // Too few beads: nothing learnt.
  EXPECT_EQ(ReestimateLengthModel(m, {{10, 10}}).ratio, m.ratio);
}

TEST(ReestimateLengthModelTest, EmptySentencesKeepTheDefaultVariance) {
  LengthModel m;
  const std::vector<std::pair<double, double>> empty(12, {0.0, 0.0});
  const LengthModel r = ReestimateLengthModel(m, empty);
  EXPECT_TRUE(std::isfinite(r.variance));
  EXPECT_GT(r.variance, 0);
}

TEST(DocumentScorerTest, GoodPairsCostLessThanBadOnes) {
  const Document src = Doc({"Abbiamo speso 25 milioni nel 2023.", "Non ancora."});
  const Document tgt = Doc({"We spent 25 million in 2023.", "Not yet."});
  const Features f = ExtractFeatures(src, tgt, {});
  const DocumentScorer s(src, tgt, f, EstimateLengthModel(f));
  EXPECT_LT(s.Cost(0, 0, {1, 1}), s.Cost(0, 1, {1, 1}));
  EXPECT_LT(s.Cost(1, 1, {1, 1}), s.Cost(1, 0, {1, 1}));
  // A 1-1 bead that agrees is more likely than leaving both out.
  EXPECT_LT(s.Cost(0, 0, {1, 1}), s.Cost(0, 0, {1, 0}) + s.Cost(0, 0, {0, 1}));
}

TEST(DocumentScorerTest, SharedAnchorsLowerTheCost) {
  const Document src = Doc({"Lo ha detto alla CNBC nel 2024."});
  const Document with = Doc({"He told CNBC in 2024."});
  const Document without = Doc({"He told the press then."});
  const Features f1 = ExtractFeatures(src, with, {});
  const Features f2 = ExtractFeatures(src, without, {});
  const LengthModel m;
  EXPECT_LT(DocumentScorer(src, with, f1, m).Cost(0, 0, {1, 1}),
            DocumentScorer(src, without, f2, m).Cost(0, 0, {1, 1}));
}

// railway-report's sentences 4 and 5: every figure matches inside the 2-2
// bead, and each sits in the same half on both sides, as two 1-1 beads
// would have them; ln 2 per such figure tells the split from the merge.
TEST(DocumentScorerTest, A2x2BeadPaysForAnchorsPlacedAsTwo1x1Beads) {
  const Document src = Doc({"Revenue rose 11% to 412 million.",
                            "The line opens in 2027 with 14 stations."});
  const Document tgt = Doc({"营业收入增长11%，达到4.12亿。",
                            "该线路将于2027年开通，共设14个车站。"});
  const Document crossed = Doc({"该线路将于2027年开通，共设14个车站。",
                                "营业收入增长11%，达到4.12亿。"});
  const Features f = ExtractFeatures(src, tgt, {});
  const Features fc = ExtractFeatures(src, crossed, {});
  const LengthModel m;
  ScoreWeights without;
  without.anchor_order = 0;
  const double extra = DocumentScorer(src, tgt, f, m).Cost(0, 0, {2, 2}) -
                       DocumentScorer(src, tgt, f, m, without).Cost(0, 0, {2, 2});
  EXPECT_NEAR(extra, 4 * std::log(2.0), 1e-9);  // %11, #412000000, #2027, #14
  // Crossed figures are the 2-2 bead's own evidence: no extra cost.
  EXPECT_NEAR(DocumentScorer(src, crossed, fc, m).Cost(0, 0, {2, 2}),
              DocumentScorer(src, crossed, fc, m, without).Cost(0, 0, {2, 2}),
              1e-9);
  // Other shapes are untouched.
  EXPECT_EQ(DocumentScorer(src, tgt, f, m).Cost(0, 0, {1, 1}),
            DocumentScorer(src, tgt, f, m, without).Cost(0, 0, {1, 1}));
}

TEST(DocumentScorerTest, CrossingAParagraphOnOneSideCostsMore) {
  const Document src = Doc({"Uno.", "Due."}, {0, 1});
  const Document same = Doc({"Uno due."}, {0});
  const Features f = ExtractFeatures(src, same, {});
  ScoreWeights w;
  const DocumentScorer s(src, same, f, EstimateLengthModel(f), w, 1.0);
  ScoreWeights no_cross = w;
  no_cross.paragraph_cross = 0;
  const DocumentScorer t(src, same, f, EstimateLengthModel(f), no_cross, 1.0);
  EXPECT_NEAR(s.Cost(0, 0, {2, 1}) - t.Cost(0, 0, {2, 1}), w.paragraph_cross, 1e-9);
  // Without an estimate, the weight is scaled by the paragraph counts'
  // agreement: 1 paragraph against 2.
  const DocumentScorer u(src, same, f, EstimateLengthModel(f), w);
  EXPECT_NEAR(u.Cost(0, 0, {2, 1}) - t.Cost(0, 0, {2, 1}), w.paragraph_cross / 2, 1e-9);
}

TEST(EstimateParagraphAgreementTest, ShareOfOpeningsOnBothSides) {
  // Source: one paragraph per sentence; target: running text in two
  // paragraphs. Of the 4 1-1 beads, all open a source paragraph, 2 a target
  // one.
  const Document src = Doc({"A.", "B.", "C.", "D."}, {0, 1, 2, 3});
  const Document tgt = Doc({"a.", "b.", "c.", "d."}, {0, 0, 1, 1});
  const std::vector<std::array<std::size_t, 4>> beads = {
      {0, 1, 0, 1}, {1, 2, 1, 2}, {2, 3, 2, 3}, {3, 4, 3, 4}};
  EXPECT_DOUBLE_EQ(EstimateParagraphAgreement(src, tgt, beads), 0.5);
  EXPECT_DOUBLE_EQ(EstimateParagraphAgreement(tgt, tgt, beads), 1.0);
  // Null beads say nothing.
  EXPECT_DOUBLE_EQ(EstimateParagraphAgreement(src, tgt, {{0, 4, 0, 0}, {4, 4, 0, 4}}), 1.0);
}

TEST(EstimateBeadPriorsTest, ManyOmissionsMakeNullBeadsCheaper) {
  const ScoreWeights w;
  // 600 beads of which 120 are source-only: far more than Gale & Church's 1%.
  std::vector<std::array<std::size_t, 4>> beads;
  std::size_t i = 0, j = 0;
  for (int k = 0; k < 600; ++k) {
    const bool null = k % 5 == 0;
    beads.push_back({i, i + 1, j, null ? j : j + 1});
    ++i;
    j += null ? 0 : 1;
  }
  const ScoreWeights p = EstimateBeadPriors(w, beads);
  EXPECT_GT(p.prior_1_0, 4 * w.prior_1_0);
  EXPECT_LT(p.prior_1_1, w.prior_1_1);
  // A short text barely moves them.
  const ScoreWeights q = EstimateBeadPriors(w, {{0, 1, 0, 0}, {1, 2, 0, 1}});
  EXPECT_NEAR(q.prior_1_0, w.prior_1_0, 0.002);
  EXPECT_NEAR(q.prior_1_1, w.prior_1_1, 0.01);
}

TEST(DocumentScorerTest, AFigureOnOneSideCostsMoreThanANameOnOneSide) {
  // Same lengths; one target lacks the source's figure, the other its name.
  const Document src = Doc({"Ne abbiamo venduti 4500 a Bergamo ieri."});
  const Document no_figure = Doc({"We sold many of them in Bergamo then."});
  const Document no_name = Doc({"We sold 4500 of them in the city then."});
  const Features f1 = ExtractFeatures(src, no_figure, {});
  const Features f2 = ExtractFeatures(src, no_name, {});
  const LengthModel m;
  EXPECT_GT(DocumentScorer(src, no_figure, f1, m).Cost(0, 0, {1, 1}),
            DocumentScorer(src, no_name, f2, m).Cost(0, 0, {1, 1}));
}

}  // namespace
}  // namespace allinea
