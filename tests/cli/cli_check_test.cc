// CLI tests, part 5: `allinea check` (exit status, options, reports).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>
#include <vector>

#include "run_cli.h"

namespace allinea::cli_test {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> CheckInterview(std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"check", ItText(), ZhText(), "--src-lang",
                                   "it", "--tgt-lang", "zh"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

TEST(CliCheck, TheSamplePairFailsOnItsRealOmissions) {
  const CliResult r = RunCli(CheckInterview());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(r.out.starts_with("FAIL: " + ItText() + " -> " + ZhText() + "\n"))
      << r.out;
  // The bullet list and the caption are omissions; the headline pair
  // differs in a figure; the product name is mistranslated.
  EXPECT_TRUE(Contains(r.out, "error omission: 7 source sentences")) << r.out;
  EXPECT_TRUE(Contains(r.out, "source: Immagine |. Arthur Mensch")) << r.out;
  EXPECT_TRUE(Contains(r.out, "number-mismatch: the value 6000000000 of the target"))
      << r.out;
  EXPECT_TRUE(Contains(r.out, "name-mismatch: the name large of the target"));
  // Transliterated names and months written another way are no finding.
  EXPECT_FALSE(Contains(r.out, "mensch of the"));
  EXPECT_FALSE(Contains(r.out, "month"));
  EXPECT_FALSE(Contains(r.out, "\033["));  // no colours into a pipe
}

TEST(CliCheck, AcceptedFindingsPassWithABaseline) {
  TempDir dir;
  const std::string baseline = dir.File("accepted.txt");
  const CliResult first = RunCli(CheckInterview({"--write-baseline", baseline}));
  EXPECT_EQ(first.exit_code, 1);
  const std::string text = ReadFile(baseline);
  EXPECT_TRUE(text.starts_with("# allinea check baseline")) << text;
  EXPECT_TRUE(Contains(text, "omission:")) << text;
  const CliResult again = RunCli(CheckInterview({"--baseline", baseline}));
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_TRUE(again.out.starts_with("PASS")) << again.out;
  EXPECT_TRUE(Contains(again.out, "(baseline)"));
  // A baseline line that is not a key is an input error naming the line.
  const std::string bad = dir.Write("bad.txt", "# ok\nomission:xyz\tnope\n");
  const CliResult r = RunCli(CheckInterview({"--baseline", bad}));
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, bad + ": line 2:")) << r.err;
}

TEST(CliCheck, ThresholdsAndIgnoredKinds) {
  // Ignoring the kinds that fail it lets the sample pass.
  const CliResult r = RunCli(CheckInterview(
      {"--ignore", "omission", "--ignore", "number-mismatch"}));
  EXPECT_EQ(r.exit_code, 0) << r.out;
  // Warnings fail it with --fail-on warning.
  const CliResult w = RunCli(CheckInterview(
      {"--ignore", "omission", "--ignore", "number-mismatch", "--fail-on",
       "warning"}));
  EXPECT_EQ(w.exit_code, 1);
  // A larger --max-omission turns the short omissions into warnings.
  const CliResult m = RunCli(CheckInterview({"--max-omission", "200", "--report", "json"}));
  EXPECT_TRUE(Contains(m.out, "\"omission\":{\"error\":1,")) << m.out;
  // In sentences: only the 7-sentence bullet list is longer than 6.
  const CliResult s = RunCli(CheckInterview({"--max-omission", "6s", "--report", "json"}));
  EXPECT_TRUE(Contains(s.out, "\"omission\":{\"error\":1,")) << s.out;
  // Coverage: the sample's source is 93% aligned.
  EXPECT_EQ(RunCli(CheckInterview({"--ignore", "omission", "--ignore",
                                   "number-mismatch", "--min-coverage", "0.95"}))
                .exit_code,
            1);
  for (const auto& bad : std::vector<std::vector<std::string>>{
           {"--fail-on", "fatal"}, {"--ignore", "typo"}, {"--max-omission", "x"},
           {"--min-coverage", "2"}, {"--report", "xml"}}) {
    EXPECT_TRUE(FailedWithOneLine(RunCli(CheckInterview(bad)))) << bad[0];
  }
}

TEST(CliCheck, AnEmptyTranslationFails) {
  TempDir dir;
  for (const char* text : {"", "  \n\n \t\n"}) {
    const std::string empty = dir.Write("empty.zh.txt", text);
    const CliResult r =
        RunCli({"check", ItText(), empty, "--src-lang", "it", "--tgt-lang", "zh"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(Contains(r.out, "the translation is empty")) << r.out;
  }
  // A missing file is an input error, not a failed check.
  EXPECT_TRUE(FailedWithOneLine(RunCli({"check", ItText(), dir.File("missing")})));
}

TEST(CliCheck, TextInTheSourceLanguageFailsEvenWithDetectedLanguages) {
  // The "translation" is the source itself: both detected as Italian.
  const std::string it = TestDataPath("pairs/mostra-annuncio.it.txt");
  const CliResult r = RunCli({"check", it, it, "--report", "json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.out, "the translation is in the language of the source (it)"))
      << r.out;
  // Said on purpose (an adaptation within one language), it is no finding.
  const CliResult said = RunCli({"check", it, it, "--src-lang", "it",
                                 "--tgt-lang", "it-CH", "--report", "json"});
  EXPECT_FALSE(Contains(said.out, "in the language of the source")) << said.out;
}

TEST(CliCheck, NotATranslation) {
  const CliResult r = RunCli({"check", DataPath("mistral-newsletter.it.txt"),
                              ZhText(), "--src-lang", "it", "--tgt-lang", "zh"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.out, "error not-a-translation")) << r.out;
  EXPECT_TRUE(Contains(r.out, "1 error\n")) << r.out;
  // Ignoring that finding does not make it pass: the rest is reported.
  const CliResult ignored =
      RunCli({"check", DataPath("mistral-newsletter.it.txt"), ZhText(),
              "--src-lang", "it", "--tgt-lang", "zh", "--ignore", "not-a-translation"});
  EXPECT_EQ(ignored.exit_code, 1);
  EXPECT_TRUE(Contains(ignored.out, "error omission")) << ignored.out;
}

TEST(CliCheck, GithubCommandsEscapeTheirPropertiesAndWriteASummary) {
  TempDir dir;
  // A file name with ':' and ',' must not break the command's properties.
  const std::string src = dir.Write("a:b,c.it.txt", ReadFile(ItText()));
  const std::string summary = dir.Write("summary.md", "earlier step\n");
  ::setenv("GITHUB_STEP_SUMMARY", summary.c_str(), 1);
  const CliResult r = RunCli({"check", src, ZhText(), "--src-lang", "it",
                              "--tgt-lang", "zh", "--report", "github"});
  ::unsetenv("GITHUB_STEP_SUMMARY");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.out, "::error file=" + dir.File("") + "a%3Ab%2Cc.it.txt,line=7,col=1,title=allinea omission::"))
      << r.out;
  // The message keeps its ':' and ',' (only %, CR and LF are escaped there).
  EXPECT_TRUE(Contains(r.out, "::1 source sentence (105 characters) has no translation: "))
      << r.out;
  const std::string md = ReadFile(summary);
  EXPECT_TRUE(md.starts_with("earlier step\n### allinea check: ❌ fail")) << md;
  EXPECT_TRUE(Contains(md, "| error | omission |"));
}

TEST(CliCheck, ReportsGoToTheOutputFile) {
  TempDir dir;
  const std::string out = dir.File("check.xml");
  const CliResult r = RunCli(CheckInterview({"--report", "junit", "-o", out}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  const std::string xml = ReadFile(out);
  EXPECT_TRUE(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "))
      << xml;
  EXPECT_TRUE(Contains(xml, "<testcase classname=\"allinea.check\" name=\"omission\""));
  EXPECT_TRUE(Contains(xml, "<failure type=\"omission\" message=\"3 omission findings\">"))
      << xml;
}

}  // namespace
}  // namespace allinea::cli_test
