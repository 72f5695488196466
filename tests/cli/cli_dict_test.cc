// CLI tests, part 3: `align --dict` (bilingual dictionaries as evidence).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "run_cli.h"

namespace allinea::cli_test {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string ItZhDict() { return TestDataPath("dict/it-zh.dict"); }

// The source and the target indices of index-format output, in order.
std::pair<std::vector<int>, std::vector<int>> Indices(const std::string& out) {
  std::pair<std::vector<int>, std::vector<int>> sides;
  for (const std::string& line : Lines(out)) {
    const std::vector<std::string> halves = Split(line, ':');
    if (halves.size() != 2) {
      ADD_FAILURE() << "not an index bead: " << line;
      continue;
    }
    for (int side = 0; side < 2; ++side) {
      const std::string& h = halves[side];
      if (h.size() < 2) continue;
      const std::string list = h.substr(1, h.size() - 2);  // without [ ]
      if (list.empty()) continue;
      for (const std::string& item : Split(list, ',')) {
        (side == 0 ? sides.first : sides.second).push_back(std::stoi(item));
      }
    }
  }
  return sides;
}

TEST(CliDict, MissingDictionaryIsNamed) {
  TempDir dir;
  const std::string missing = dir.File("nowhere.dict");
  const CliResult r = RunCli(AlignInterview({"--dict", missing}));
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, missing)) << r.err;
}

TEST(CliDict, MalformedLineIsNamedWithFileAndLine) {
  TempDir dir;
  const std::string bad =
      dir.Write("bad.dict", "# it-zh\n模型 @ modello\nsolo parole\n");
  const CliResult r = RunCli(AlignInterview({"--dict", bad}));
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, bad + ": line 3: ")) << r.err;
  // The second of several dictionaries is checked too.
  const CliResult second =
      RunCli(AlignInterview({"--dict", ItZhDict(), "--dict", bad}));
  EXPECT_TRUE(FailedWithOneLine(second));
  EXPECT_TRUE(Contains(second.err, bad + ": line 3: ")) << second.err;
}

TEST(CliDict, InvalidUtf8InTheDictionaryHasTheByteOffset) {
  TempDir dir;
  const std::string bad = dir.Write("bad.dict", "模型 @ mod\xC3(llo\n");
  const CliResult r = RunCli(AlignInterview({"--dict", bad}));
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, bad + ": byte 12: ")) << r.err;
}

TEST(CliDict, ValidDictionariesRun) {
  const CliResult plain = RunCli(AlignInterview({"-f", "index"}));
  ASSERT_TRUE(Succeeded(plain));
  const CliResult one =
      RunCli(AlignInterview({"-f", "index", "--dict", ItZhDict()}));
  ASSERT_TRUE(Succeeded(one));
  // Every sentence is still covered once, in order.
  const auto [src, tgt] = Indices(one.out);
  const auto [plain_src, plain_tgt] = Indices(plain.out);
  EXPECT_FALSE(src.empty());
  EXPECT_EQ(src, plain_src);
  EXPECT_EQ(tgt, plain_tgt);
  // Both formats, repeated; the TSV one does not match Italian, harmlessly.
  const CliResult two = RunCli(AlignInterview(
      {"--dict", ItZhDict(), "--dict", TestDataPath("dict/en-zh.tsv")}));
  EXPECT_TRUE(Succeeded(two));
  EXPECT_FALSE(two.out.empty());
}

TEST(CliDict, DictionaryFromStandardInput) {
  const CliResult r = RunCli(AlignInterview({"-f", "index", "--dict", "-"}),
                             ReadFile(ItZhDict()));
  EXPECT_TRUE(Succeeded(r));
  const CliResult file =
      RunCli(AlignInterview({"-f", "index", "--dict", ItZhDict()}));
  EXPECT_EQ(r.out, file.out);
  // Standard input can feed one input only.
  const CliResult both =
      RunCli({"align", "-", ZhText(), "--dict", "-"}, std::string("Ciao."));
  EXPECT_TRUE(FailedWithOneLine(both));
}

}  // namespace
}  // namespace allinea::cli_test
