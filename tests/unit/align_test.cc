#include "allinea/align.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <fstream>
#include <random>
#include <set>

namespace allinea {
namespace {

// A scorer over random costs, fixed per (i, j, shape): the search must find
// the same optimum in the band as in the full table.
class RandomScorer final : public Scorer {
 public:
  RandomScorer(std::size_t n, std::size_t m, unsigned seed) : n_(n), m_(m) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> d(0.0, 10.0);
    costs_.resize((n + 1) * (m + 1) * kShapes.size());
    for (double& c : costs_) c = d(rng);
  }
  std::span<const BeadShape> Shapes() const override { return kShapes; }
  double Cost(std::size_t i, std::size_t j, BeadShape shape) const override {
    EXPECT_LE(i + shape.src, n_);
    EXPECT_LE(j + shape.tgt, m_);
    std::size_t s = 0;
    while (!(kShapes[s] == shape)) ++s;
    // Off-diagonal 1-1 beads cost more, as real costs do.
    const double drift = std::abs(static_cast<double>(i) * m_ / std::max<std::size_t>(n_, 1) -
                                  static_cast<double>(j));
    return costs_[((i * (m_ + 1)) + j) * kShapes.size() + s] + drift;
  }

 private:
  static constexpr std::array<BeadShape, 6> kShapes = {
      {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}}};
  std::size_t n_, m_;
  std::vector<double> costs_;
};

void ExpectValid(const Alignment& a, std::size_t n, std::size_t m) {
  std::size_t i = 0, j = 0;
  for (const Bead& b : a.beads) {
    EXPECT_EQ(b.src_begin, i);
    EXPECT_EQ(b.tgt_begin, j);
    EXPECT_TRUE(b.src_end > b.src_begin || b.tgt_end > b.tgt_begin);
    EXPECT_GE(b.score, 0.0);
    EXPECT_LE(b.score, 1.0);
    i = b.src_end;
    j = b.tgt_end;
  }
  EXPECT_EQ(i, n);
  EXPECT_EQ(j, m);
}

TEST(AlignTest, BandedSearchEqualsFullSearch) {
  for (unsigned seed = 1; seed <= 40; ++seed) {
    const std::size_t n = 5 + seed * 7 % 60;
    const std::size_t m = 3 + seed * 13 % 70;
    const RandomScorer scorer(n, m, seed);
    AlignOptions banded;
    banded.band = 4;  // narrow, so that widening is exercised
    banded.exact_cells = 0;  // the corridor, however small the table
    AlignOptions full;
    full.full = true;
    const Alignment a = Align(n, m, scorer, banded);
    const Alignment b = Align(n, m, scorer, full);
    ExpectValid(a, n, m);
    ExpectValid(b, n, m);
    EXPECT_NEAR(a.total_cost, b.total_cost, 1e-9) << "seed " << seed;
  }
}

// Cheap 1-1 beads along j = i + shift only: the best path leaves the
// diagonal by `shift` sentences, far outside a narrow first band.
class ShiftedScorer final : public Scorer {
 public:
  explicit ShiftedScorer(std::size_t shift) : shift_(shift) {}
  std::span<const BeadShape> Shapes() const override { return kShapes; }
  double Cost(std::size_t i, std::size_t j, BeadShape shape) const override {
    if (shape.src == 1 && shape.tgt == 1) return j == i + shift_ ? 0.1 : 8.0;
    return 3.0;
  }

 private:
  static constexpr std::array<BeadShape, 3> kShapes = {{{1, 1}, {1, 0}, {0, 1}}};
  std::size_t shift_;
};

TEST(AlignTest, BandWidensWhenThePathLeavesIt) {
  const ShiftedScorer scorer(30);
  AlignOptions narrow;
  narrow.band = 4;
  narrow.exact_cells = 0;
  AlignOptions full;
  full.full = true;
  const Alignment a = Align(200, 230, scorer, narrow);
  const Alignment b = Align(200, 230, scorer, full);
  ExpectValid(a, 200, 230);
  EXPECT_NEAR(a.total_cost, b.total_cost, 1e-9);
  EXPECT_EQ(a.beads.size(), 230u);  // 30 target-only beads, then 200 1-1
}

// 1-1 beads are cheap along a path given as a list of (i, j) starts; every
// other bead costs the same: the search must follow the path wherever it
// goes, as the true path of a truncated or padded translation does.
class PathScorer final : public Scorer {
 public:
  explicit PathScorer(std::vector<std::pair<std::size_t, std::size_t>> path)
      : path_(path.begin(), path.end()) {}
  std::span<const BeadShape> Shapes() const override { return kShapes; }
  double Cost(std::size_t i, std::size_t j, BeadShape shape) const override {
    if (shape.src == 1 && shape.tgt == 1) return path_.count({i, j}) ? 0.1 : 9.0;
    return shape.src + shape.tgt == 1 ? 4.0 : 7.0;
  }

 private:
  static constexpr std::array<BeadShape, 5> kShapes = {
      {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}}};
  std::set<std::pair<std::size_t, std::size_t>> path_;
};

std::size_t OneToOneOnPath(const Alignment& a,
                           const std::vector<std::pair<std::size_t, std::size_t>>& path) {
  const std::set<std::pair<std::size_t, std::size_t>> want(path.begin(), path.end());
  std::size_t hits = 0;
  for (const Bead& b : a.beads) {
    hits += b.src_end == b.src_begin + 1 && b.tgt_end == b.tgt_begin + 1 &&
            want.count({b.src_begin, b.tgt_begin});
  }
  return hits;
}

TEST(AlignTest, CorridorFollowsATruncatedTranslation) {
  // 4000 source sentences; the translation stops after 1900 of them.
  std::vector<std::pair<std::size_t, std::size_t>> path;
  for (std::size_t k = 0; k < 1900; ++k) path.emplace_back(k, k);
  const PathScorer scorer(path);
  AlignOptions options;
  options.exact_cells = 0;
  const Alignment a = Align(4000, 1900, scorer, options);
  ExpectValid(a, 4000, 1900);
  EXPECT_EQ(OneToOneOnPath(a, path), 1900u);
  EXPECT_LT(a.band, 1000u);  // followed, not widened to the whole table
}

TEST(AlignTest, CorridorFollowsLongGapsOnEitherSide) {
  // Runs of 30 target-only and 40 source-only sentences, wider than the band.
  std::vector<std::pair<std::size_t, std::size_t>> path;
  std::size_t i = 0, j = 0;
  for (int block = 0; block < 20; ++block) {
    for (int k = 0; k < 100; ++k) path.emplace_back(i++, j++);
    if (block % 2 == 0) j += 30; else i += 40;
  }
  const PathScorer scorer(path);
  AlignOptions options;
  options.exact_cells = 0;
  options.band = 8;
  const Alignment a = Align(i, j, scorer, options);
  ExpectValid(a, i, j);
  EXPECT_EQ(OneToOneOnPath(a, path), path.size());
}

TEST(AlignTest, GuideLeadsThroughAPreface) {
  // 3000 target-only sentences first, then 2000 pairs: with a guide through
  // two anchor points the corridor finds the path at its first width.
  std::vector<std::pair<std::size_t, std::size_t>> path;
  for (std::size_t k = 0; k < 2000; ++k) path.emplace_back(k, 3000 + k);
  const PathScorer scorer(path);
  AlignOptions options;
  options.exact_cells = 0;
  const std::vector<AnchorPoint> points = {{100, 3100, 1}, {1500, 4500, 1}};
  const std::vector<std::size_t> guide = GuideThrough(points, 2000, 5000);
  const Alignment a = Align(2000, 5000, scorer, options, guide);
  ExpectValid(a, 2000, 5000);
  EXPECT_EQ(OneToOneOnPath(a, path), 2000u);
  EXPECT_EQ(a.band, AlignOptions::kDefaultBand);
}

TEST(GuideThroughTest, PiecewiseLinearWithTheChainsSlopeAtTheEnds) {
  const std::vector<AnchorPoint> points = {{10, 30, 1}, {20, 40, 1}};
  const std::vector<std::size_t> g = GuideThrough(points, 40, 50);
  ASSERT_EQ(g.size(), 41u);
  EXPECT_EQ(g[0], 20u);   // slope 1 before the first point, not to (0, 0)
  EXPECT_EQ(g[10], 30u);
  EXPECT_EQ(g[15], 35u);
  EXPECT_EQ(g[20], 40u);
  EXPECT_EQ(g[30], 50u);  // the target ends: the guide stays at m
  EXPECT_EQ(g[40], 50u);
  EXPECT_TRUE(std::is_sorted(g.begin(), g.end()));
  // No points: the diagonal.
  const std::vector<std::size_t> d = GuideThrough({}, 4, 8);
  EXPECT_EQ(d, (std::vector<std::size_t>{0, 2, 4, 6, 8}));
}

TEST(FindAnchorPointsTest, HeaviestMonotoneChainOfRareTerms) {
  Features f;
  f.vocabulary = {"@mistral", "#2023", "?", "@azure", "@paris"};
  f.src.resize(6);
  f.tgt.resize(6);
  f.src[1].anchors = {0};     // Mistral
  f.src[2].anchors = {1, 2};  // 2023 ?
  f.src[4].anchors = {3};     // Azure
  f.src[5].anchors = {4};     // Paris, crossing Azure below
  f.tgt[0].anchors = {0};
  f.tgt[3].anchors = {1, 2};
  f.tgt[2].anchors = {4};     // out of order: loses to the longer chain
  f.tgt[5].anchors = {3};
  const std::vector<AnchorPoint> points = FindAnchorPoints(f);
  std::vector<std::pair<std::size_t, std::size_t>> got;
  for (const AnchorPoint& p : points) got.emplace_back(p.src, p.tgt);
  const std::vector<std::pair<std::size_t, std::size_t>> want = {
      {1, 0}, {2, 3}, {4, 5}};
  EXPECT_EQ(got, want);
}

TEST(FindAnchorPointsTest, PunctuationAndFrequentTermsMakeNoPoints) {
  Features f;
  f.vocabulary = {"?", "label:q", "@the"};
  f.src.resize(10);
  f.tgt.resize(10);
  for (std::size_t k = 0; k < 10; ++k) {
    f.src[k].anchors = {2};  // in every sentence: too common
    f.tgt[k].anchors = {2};
  }
  f.src[3].anchors = {0, 1, 2};
  f.tgt[3].anchors = {0, 1, 2};
  EXPECT_TRUE(FindAnchorPoints(f).empty());
}

TEST(AlignTest, ScoresArePosteriors) {
  // A clear path: every bead is nearly certain.
  std::vector<std::pair<std::size_t, std::size_t>> path;
  for (std::size_t k = 0; k < 50; ++k) path.emplace_back(k, k);
  const Alignment a = Align(50, 50, PathScorer(path));
  ASSERT_EQ(a.beads.size(), 50u);
  for (const Bead& b : a.beads) EXPECT_GT(b.score, 0.99);
  // Every alignment costs the same: each bead's score is the share of
  // monotone paths through it, well below 1.
  const RandomScorer flat(6, 6, 1);
  const Alignment f = Align(6, 6, flat);
  ExpectValid(f, 6, 6);
  double mean = 0;
  for (const Bead& b : f.beads) mean += b.score / f.beads.size();
  EXPECT_LT(mean, 0.9);
  // No scores when none are asked for.
  AlignOptions unscored;
  unscored.scores = false;
  for (const Bead& b : Align(50, 50, PathScorer(path), unscored).beads) {
    EXPECT_EQ(b.score, 0.0);
  }
}

// Throws from Cost() once `calls` have been made: the search must pass the
// exception on, from whichever thread, never terminate.
class ThrowingScorer final : public Scorer {
 public:
  explicit ThrowingScorer(int calls) : left_(calls) {}
  std::span<const BeadShape> Shapes() const override { return kShapes; }
  double Cost(std::size_t, std::size_t, BeadShape) const override {
    if (left_.fetch_sub(1) <= 0) throw std::runtime_error("scorer failed");
    return 1.0;
  }

 private:
  static constexpr std::array<BeadShape, 3> kShapes = {{{1, 1}, {1, 0}, {0, 1}}};
  mutable std::atomic<int> left_;
};

TEST(AlignTest, ScorerErrorsReachTheCaller) {
  // Fails in the search, and (with more calls allowed) in the scores'
  // forward and backward sums, which run on two threads.
  for (int calls : {10, 150, 400, 700}) {
    EXPECT_THROW((void)Align(10, 10, ThrowingScorer(calls)), std::runtime_error) << calls;
  }
}

class OneToOneOnly final : public Scorer {
 public:
  std::span<const BeadShape> Shapes() const override { return kShapes; }
  double Cost(std::size_t, std::size_t, BeadShape) const override { return 1; }

 private:
  static constexpr std::array<BeadShape, 1> kShapes = {{{1, 1}}};
};

TEST(AlignTest, RefusesWhatItCannotSearch) {
  EXPECT_THROW((void)Align(3, 5, OneToOneOnly()), std::invalid_argument);
  AlignOptions cold;
  cold.temperature = 0;
  EXPECT_THROW((void)Align(3, 3, RandomScorer(3, 3, 1), cold), std::invalid_argument);
}

TEST(FindAnchorPointsTest, TwoNeighbouringOutliersAreDroppedToo) {
  // Points on the diagonal, and two far off it that agree with each other.
  Features f;
  f.src.resize(1000);
  f.tgt.resize(1000);
  const std::vector<std::pair<std::size_t, std::size_t>> pairs = {
      {100, 100}, {200, 200}, {300, 720}, {310, 730}, {800, 800}, {900, 900}};
  for (const auto& [i, j] : pairs) {
    const auto id = static_cast<std::uint32_t>(f.vocabulary.size());
    f.vocabulary.push_back("@t" + std::to_string(id));
    f.src[i].anchors = {id};
    f.tgt[j].anchors = {id};
  }
  std::vector<std::size_t> kept;
  for (const AnchorPoint& p : FindAnchorPoints(f)) kept.push_back(p.src);
  EXPECT_EQ(kept, (std::vector<std::size_t>{100, 200, 800, 900}));
}

TEST(AlignTest, EmptySidesGiveNullBeads) {
  const RandomScorer scorer(3, 0, 7);
  const Alignment a = Align(3, 0, scorer);
  ExpectValid(a, 3, 0);
  EXPECT_EQ(a.beads.size(), 3u);
  EXPECT_TRUE(Align(0, 0, RandomScorer(0, 0, 1)).beads.empty());
}

Document Doc(std::vector<std::string> sentences, std::vector<std::size_t> paragraphs = {}) {
  Document d;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    Sentence s;
    s.text = s.normalized = sentences[k];
    s.paragraph = paragraphs.empty() ? k : paragraphs[k];
    d.sentences.push_back(s);
  }
  return d;
}

TEST(AlignDocumentsTest, RealSentencesWithAMerge) {
  const Document it = Doc({
      "D: Attualmente sei redditizio?",
      "Non ancora.",
      "Il nostro investimento era piuttosto ingente e, per una startup nata "
      "solo 12 mesi, non era prevista alcuna redditività.",
      "Abbiamo speso i nostri soldi principalmente nell'informatica.",
      "La struttura di questa industria è diversa da quella dell’industria "
      "del software.",
      "D: Qual è il piano di profitto?",
  }, {0, 1, 1, 2, 2, 3});
  const Document zh = Doc({
      "问:你们目前盈利吗?",
      "还没有。",
      "我们的投资很大,对于一个成立 12 个月的创业公司来说,盈利并不是预期的事情。",
      "我们主要把钱花在计算上,这个行业的结构和软件行业不同。",
      "问:你们的盈利计划是什么?",
  }, {0, 1, 1, 2, 3});
  const Alignment a = AlignDocuments(it, zh, {});
  ExpectValid(a, 6, 5);
  std::vector<std::array<std::size_t, 4>> got;
  for (const Bead& b : a.beads) {
    got.push_back({b.src_begin, b.src_end, b.tgt_begin, b.tgt_end});
  }
  const std::vector<std::array<std::size_t, 4>> want = {
      {0, 1, 0, 1}, {1, 2, 1, 2}, {2, 3, 2, 3}, {3, 5, 3, 4}, {5, 6, 4, 5}};
  EXPECT_EQ(got, want);
}

Document GoldSlice(const std::string& path, std::size_t first, std::size_t last) {
  // Sentences [first, last) of a gold sentence file (non-blank lines), with
  // paragraphs numbered as in the file.
  std::ifstream in(path);
  Document d;
  std::size_t index = 0, paragraph = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) {
      ++paragraph;
      continue;
    }
    if (index >= first && index < last) {
      Sentence s;
      s.text = s.normalized = line;
      s.paragraph = paragraph;
      d.sentences.push_back(s);
    }
    ++index;
  }
  return d;
}

TEST(AlignDocumentsTest, OmittedListBecomesSourceOnlyBeads) {
  // The sample's opening without titles: the Italian has a bullet list and a
  // caption that the Chinese leaves out.
  const Document it = GoldSlice(ALLINEA_TEST_DATA_DIR "/mensch-interview.it.sentences.txt", 4, 30);
  const Document zh = GoldSlice(ALLINEA_TEST_DATA_DIR "/mensch-interview.zh.sentences.txt", 2, 18);
  const Alignment a = AlignDocuments(it, zh, {});
  ExpectValid(a, it.sentences.size(), zh.sentences.size());
  std::size_t bullets = 0;
  for (const Bead& b : a.beads) {
    for (std::size_t k = b.src_begin; k < b.src_end; ++k) {
      const std::string& text = it.sentences[k].text;
      if (text.rfind("•", 0) == 0 || text.rfind("Immagine", 0) == 0) {
        ++bullets;
        EXPECT_EQ(b.tgt_begin, b.tgt_end) << text;
      }
    }
  }
  EXPECT_EQ(bullets, 8u);
}

// The gold beads of the sample pair, as (src_begin, src_end, tgt_begin,
// tgt_end) over contiguous runs.
std::vector<std::array<std::size_t, 4>> GoldBeads() {
  std::ifstream in(ALLINEA_TEST_DATA_DIR "/mensch-interview.it-zh.gold.index");
  std::vector<std::array<std::size_t, 4>> beads;
  std::size_t i = 0, j = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const std::size_t mid = line.find("]:[");
    auto count = [](const std::string& part) {
      return part.find_first_of("0123456789") == std::string::npos
                 ? std::size_t{0}
                 : static_cast<std::size_t>(std::count(part.begin(), part.end(), ',')) + 1;
    };
    const std::size_t a = count(line.substr(0, mid));
    const std::size_t b = count(line.substr(mid));
    beads.push_back({i, i + a, j, j + b});
    i += a;
    j += b;
  }
  return beads;
}

// A translation that stops halfway: the first 64 Chinese sentences of the
// sample against the whole Italian, whether the table is searched whole or in
// the corridor. Most beads before the cut must be the gold's and most source
// sentences after it left unpaired. (Not all: the model still pairs a few of
// the last target sentences with untranslated source sentences whose lengths
// happen to fit, since each saves a null bead's cost; docs/algorithm.md.)
TEST(AlignDocumentsTest, TruncatedTranslationAlignsItsHalfAndLeavesTheRest) {
  const Document it = GoldSlice(ALLINEA_TEST_DATA_DIR "/mensch-interview.it.sentences.txt", 0, 1000);
  const Document zh = GoldSlice(ALLINEA_TEST_DATA_DIR "/mensch-interview.zh.sentences.txt", 0, 64);
  std::size_t cut = 0;  // source sentences translated before the cut
  std::vector<std::array<std::size_t, 4>> want;
  for (const auto& g : GoldBeads()) {
    if (g[3] > 64) break;
    want.push_back(g);
    cut = g[1];
  }
  for (const bool corridor : {false, true}) {
    AlignDocumentsOptions options;
    if (corridor) options.search.exact_cells = 0;
    const Alignment a = AlignDocuments(it, zh, options);
    ExpectValid(a, it.sentences.size(), zh.sentences.size());
    std::size_t found = 0;
    std::size_t paired_after_cut = 0;
    for (const Bead& b : a.beads) {
      const std::array<std::size_t, 4> got = {b.src_begin, b.src_end, b.tgt_begin, b.tgt_end};
      found += std::find(want.begin(), want.end(), got) != want.end();
      if (b.src_begin >= cut && b.tgt_end > b.tgt_begin) {
        paired_after_cut += b.src_end - b.src_begin;
      }
    }
    // Measured: 63 of 75 gold beads; 11 of the 66 source sentences after
    // the cut paired.
    EXPECT_GE(found * 100, want.size() * 80) << "corridor " << corridor;
    EXPECT_LE(paired_after_cut * 4, it.sentences.size() - cut) << "corridor " << corridor;
  }
}

// A long one-sided preface: an unrelated Chinese dialogue (four times over,
// 240 sentences) before the Chinese interview, against the Italian
// interview, searched in the corridor: with anchor points to lead (the full
// model) most gold beads must be found; without any (length only: the
// coarse-to-fine guide) the corridor must find as cheap a path as the whole
// table.
TEST(AlignDocumentsTest, OneSidedPrefaceDoesNotLeadTheCorridorAstray) {
  Document it = GoldSlice(ALLINEA_TEST_DATA_DIR "/mensch-interview.it.sentences.txt", 0, 1000);
  it.language = "it";
  const Document dialogue = GoldSlice(ALLINEA_TEST_DATA_DIR "/extra/zh-duihua.sentences.txt", 0, 1000);
  const Document interview = GoldSlice(ALLINEA_TEST_DATA_DIR "/mensch-interview.zh.sentences.txt", 0, 1000);
  Document zh;
  zh.language = "zh";
  for (int copy = 0; copy < 4; ++copy) {
    for (Sentence s : dialogue.sentences) {
      s.paragraph += 1000 * copy;
      zh.sentences.push_back(s);
    }
  }
  const std::size_t offset = zh.sentences.size();
  for (Sentence s : interview.sentences) {
    s.paragraph += 10000;
    zh.sentences.push_back(s);
  }
  std::vector<std::array<std::size_t, 4>> want;
  for (auto g : GoldBeads()) {
    if (g[0] == g[1] || g[2] == g[3]) continue;
    g[2] += offset;
    g[3] += offset;
    want.push_back(g);
  }
  for (const bool anchors : {true, false}) {
    AlignDocumentsOptions options;
    options.search.exact_cells = 0;
    options.anchors.numbers = options.anchors.names = options.anchors.structure = anchors;
    const Alignment a = AlignDocuments(it, zh, options);
    ExpectValid(a, it.sentences.size(), zh.sentences.size());
    std::size_t found = 0;
    for (const Bead& b : a.beads) {
      const std::array<std::size_t, 4> got = {b.src_begin, b.src_end, b.tgt_begin, b.tgt_end};
      found += std::find(want.begin(), want.end(), got) != want.end();
    }
    if (anchors) {
      // Measured: 96 of 124.
      EXPECT_GE(found * 100, want.size() * 75) << found << " of " << want.size();
    } else {
      // Lengths alone cannot tell a Chinese dialogue from the translation;
      // the search must still find what the model prefers: the whole table's
      // best path, or one as cheap.
      AlignDocumentsOptions whole = options;
      whole.search.full = true;
      const double best = AlignDocuments(it, zh, whole).total_cost;
      EXPECT_LE(a.total_cost, best + 0.01 * std::abs(best) + 1e-6);
    }
  }
}

}  // namespace
}  // namespace allinea
