// The check on real pairs: clean pairs raise errors only for their real
// differences (the sentences the gold leaves unaligned), every injected
// fault is found with the right kind at the right place in both
// directions, and the newsletter against the interview is no translation.
#include "allinea/check.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <set>
#include <string>

#include "allinea/align.h"
#include "eval/faults.h"
#include "eval/sentence_files.h"

namespace allinea {
namespace {

std::string TestData(const std::string& name) {
  return std::string(ALLINEA_TEST_DATA_DIR) + "/" + name;
}

struct GoldCase {
  std::string name;  // file stem in tests/data or tests/data/pairs
  std::string src;
  std::string tgt;
};

struct Loaded {
  Document src, tgt;
  std::vector<eval::IndexBead> gold;
};

Loaded Load(const GoldCase& c, bool swapped) {
  const std::string base = c.name == "mensch-interview"
                               ? TestData(c.name)
                               : TestData("pairs/" + c.name);
  const auto args = std::vector<std::string>{
      base + "." + c.src + ".sentences.txt", base + "." + c.tgt + ".sentences.txt",
      base + "." + c.src + "-" + c.tgt + ".gold.index"};
  eval::GoldPair p = eval::LoadGoldPairs(args).front();
  if (!swapped) return {p.src, p.tgt, p.gold};
  return {p.tgt, p.src, eval::SwapGold(p.gold)};
}

CheckReport Check(const Document& src, const Document& tgt) {
  return CheckTranslation(src, tgt, AlignDocuments(src, tgt, {}), {});
}

std::string Describe(const CheckReport& r) {
  std::string out;
  for (const Finding& f : r.findings) {
    out += fmt::format("  {} {} src [{}, {}) tgt [{}, {}): {}\n",
                       SeverityName(f.severity), FindingKindName(f.kind),
                       f.src.begin, f.src.end, f.tgt.begin, f.tgt.end, f.message);
  }
  return out;
}

class CheckOnGold : public testing::TestWithParam<std::tuple<GoldCase, bool>> {};

TEST_P(CheckOnGold, CleanPairErrorsAreItsRealDifferences) {
  const auto& [c, swapped] = GetParam();
  const Loaded l = Load(c, swapped);
  std::set<std::size_t> src_null, tgt_null;
  for (const auto& b : l.gold) {
    if (b.tgt.empty()) src_null.insert(b.src.begin(), b.src.end());
    if (b.src.empty()) tgt_null.insert(b.tgt.begin(), b.tgt.end());
  }
  const CheckReport r = Check(l.src, l.tgt);
  // Every sentence an error names is one the gold leaves unaligned on its
  // side (an omission's or addition's other side is a position).
  for (const Finding& f : r.findings) {
    if (f.severity != Severity::kError) continue;
    EXPECT_NE(f.kind, FindingKind::kNotATranslation) << Describe(r);
    bool real = true;
    for (std::size_t k = f.src.begin; k < f.src.end; ++k) real &= src_null.count(k) > 0;
    for (std::size_t k = f.tgt.begin; k < f.tgt.end; ++k) real &= tgt_null.count(k) > 0;
    EXPECT_TRUE(real) << "a false error:\n" << Describe(r);
  }
}

TEST_P(CheckOnGold, EveryInjectedFaultIsFoundWhereItIs) {
  const auto& [c, swapped] = GetParam();
  const Loaded l = Load(c, swapped);
  const std::vector<eval::FaultedPair> faults = eval::InjectFaults(l.src, l.tgt, l.gold);
  std::set<std::string> kinds;
  for (const eval::FaultedPair& f : faults) {
    kinds.insert(f.fault);
    const CheckReport r = Check(f.src, f.tgt);
    EXPECT_TRUE(eval::FoundAsExpected(r, f.expect))
        << f.fault << " (" << f.description << ") expected "
        << (f.expect.kind ? FindingKindName(*f.expect.kind) : "no number mismatch")
        << " at src [" << f.expect.src_begin << ", " << f.expect.src_end
        << ") tgt [" << f.expect.tgt_begin << ", " << f.expect.tgt_end
        << "); found:\n" << Describe(r);
  }
  // Every pair allows every fault, in both directions.
  EXPECT_EQ(kinds.size(), 8u)
      << fmt::format("{}", fmt::join(kinds, ", "));
}

INSTANTIATE_TEST_SUITE_P(
    Pairs, CheckOnGold,
    testing::Combine(testing::Values(GoldCase{"mensch-interview", "it", "zh"},
                                     GoldCase{"railway-report", "en", "zh"},
                                     GoldCase{"mostra-annuncio", "it", "en"}),
                     testing::Bool()),
    [](const auto& info) {
      return std::get<0>(info.param).name.substr(0, 6) +
             (std::get<1>(info.param) ? "_reversed" : "");
    });

}  // namespace
}  // namespace allinea
