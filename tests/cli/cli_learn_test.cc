// CLI tests, part 8: learning: align --learn, and `allinea learn` writing a
// lexicon that --dict reads back.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run_cli.h"

namespace allinea::cli_test {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A list of one pair, the sample pair.
std::string SampleList(const TempDir& dir) {
  return dir.Write("list.tsv", "# the sample pair\n" + ItText() + "\t" + ZhText() + "\n");
}

TEST(CliLearn, LearnWritesATsvDictionaryThatAlignReadsBack) {
  TempDir dir;
  const std::string lexicon = dir.File("it-zh.lexicon.tsv");
  const CliResult r = RunCli({"learn", "--pairs", SampleList(dir), "--src-lang", "it",
                              "--tgt-lang", "zh", "-o", lexicon});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "allinea: learnt ")) << r.err;
  const std::vector<std::string> lines = Lines(ReadFile(lexicon));
  ASSERT_GT(lines.size(), 20u);
  EXPECT_TRUE(lines[0].starts_with("# allinea learn (model1): ")) << lines[0];
  for (std::size_t k = 1; k < lines.size(); ++k) {
    EXPECT_EQ(Split(lines[k], '\t').size(), 2u) << lines[k];
  }
  EXPECT_TRUE(Contains(ReadFile(lexicon), "\nclienti\t客户\n"));
  // Read back: it serves the pair (no "no entry occurs" warning).
  const CliResult a = RunCli(AlignInterview({"--dict", lexicon, "-f", "index"}));
  EXPECT_TRUE(Succeeded(a)) << a.err;
  EXPECT_FALSE(a.out.empty());
}

TEST(CliLearn, DiceIsTheOtherMethod) {
  TempDir dir;
  const CliResult r = RunCli({"learn", "--pairs", SampleList(dir), "--src-lang", "it",
                              "--tgt-lang", "zh", "--method", "dice"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("# allinea learn (dice): ")) << r.out.substr(0, 80);
  EXPECT_TRUE(Contains(r.out, "\nclienti\t客户\n"));
}

TEST(CliLearn, UsageErrorsAreOneLine) {
  TempDir dir;
  EXPECT_TRUE(FailedWithOneLine(RunCli({"learn"})));
  EXPECT_TRUE(FailedWithOneLine(
      RunCli({"learn", "--pairs", SampleList(dir), "--method", "model2"})));
  EXPECT_TRUE(FailedWithOneLine(
      RunCli({"learn", "--pairs", SampleList(dir), "--max-translations", "0"})));
  EXPECT_TRUE(FailedWithOneLine(RunCli(AlignInterview({"--learn", "batch"}))));
  EXPECT_TRUE(FailedWithOneLine(RunCli({"learn", "--pairs", dir.File("no-such-list.tsv")})));
  EXPECT_TRUE(FailedWithOneLine(
      RunCli({"learn", "--pairs", SampleList(dir), "--max-translations", "-1"})));
  EXPECT_TRUE(FailedWithOneLine(
      RunCli({"learn", "--pairs", SampleList(dir), "--max-sentence-pairs", "0"})));
  EXPECT_TRUE(FailedWithOneLine(
      RunCli({"learn", "--pairs", dir.Write("empty.tsv", "# nothing here\n")})));
}

TEST(CliLearn, AFailedPairIsNamedAndTheOthersAreLearntFrom) {
  TempDir dir;
  const std::string list = dir.Write(
      "list.tsv", ItText() + "\t" + ZhText() + "\n" + dir.File("missing.it") + "\t" +
                      ZhText() + "\n");
  const CliResult r = RunCli({"learn", "--pairs", list, "--src-lang", "it", "--tgt-lang", "zh"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(Contains(r.err, list + ":2: ")) << r.err;
  EXPECT_TRUE(Contains(r.out, "\nclienti\t客户\n"));
}

TEST(CliLearn, AlignWithAndWithoutLearningBothSucceed) {
  const CliResult learnt = RunCli(AlignInterview({"-f", "index"}));
  const CliResult plain = RunCli(AlignInterview({"-f", "index", "--learn", "none"}));
  EXPECT_TRUE(Succeeded(learnt)) << learnt.err;
  EXPECT_TRUE(Succeeded(plain)) << plain.err;
  EXPECT_EQ(Lines(learnt.out).empty(), false);
}

}  // namespace
}  // namespace allinea::cli_test
