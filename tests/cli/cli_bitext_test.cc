// CLI tests, part 4: the bitext formats (TMX, JSON Lines), filtering
// (--min-score, --null) and many document pairs (--pairs).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "run_cli.h"
#include "tmx_validate.h"

namespace allinea::cli_test {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t p = text.find(part); p != std::string::npos;
       p = text.find(part, p + part.size())) {
    ++n;
  }
  return n;
}

// The values of attribute `name` in `xml`, in order.
std::vector<std::string> AttributeValues(const std::string& xml,
                                         const std::string& name) {
  std::vector<std::string> values;
  const std::string key = " " + name + "=\"";
  for (std::size_t p = xml.find(key); p != std::string::npos;
       p = xml.find(key, p + 1)) {
    const std::size_t b = p + key.size();
    values.push_back(xml.substr(b, xml.find('"', b) - b));
  }
  return values;
}

// The beads of TSV output that have both sides, and all of them.
std::size_t PairedBeads(const std::string& tsv) {
  std::size_t n = 0;
  for (const std::string& line : Lines(tsv)) {
    const auto f = Split(line, '\t');
    if (f.size() == 3 && !f[0].empty() && !f[1].empty()) ++n;
  }
  return n;
}

class SourceDateEpoch {
 public:
  explicit SourceDateEpoch(const char* value) {
    ::setenv("SOURCE_DATE_EPOCH", value, 1);
  }
  ~SourceDateEpoch() { ::unsetenv("SOURCE_DATE_EPOCH"); }
};

TEST(CliTmx, OutputNameChoosesTmxValidReproducibleAndPairedOnly) {
  TempDir dir;
  const SourceDateEpoch epoch("1700000000");
  const std::string a = dir.File("interview.tmx");
  const std::string b = dir.File("again.TMX");
  // Languages detected: named on stderr, and given a region in xml:lang.
  const CliResult r = RunCli({"align", ItText(), ZhText(), "-o", a});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.err, "assuming language"), 2u) << r.err;
  ASSERT_EQ(RunCli({"align", ItText(), ZhText(), "-o", b}).exit_code, 0);
  const std::string tmx = ReadFile(a);
  EXPECT_EQ(tmx, ReadFile(b));  // byte-identical with SOURCE_DATE_EPOCH
  EXPECT_TRUE(test::IsValidTmx(a));
  EXPECT_TRUE(tmx.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"));
  EXPECT_EQ(AttributeValues(tmx, "creationdate"),
            std::vector<std::string>{"20231114T221320Z"});
  EXPECT_EQ(AttributeValues(tmx, "srclang"), std::vector<std::string>{"it-IT"});
  const auto langs = AttributeValues(tmx, "xml:lang");
  ASSERT_FALSE(langs.empty());
  for (std::size_t k = 0; k < langs.size(); ++k) {
    EXPECT_EQ(langs[k], k % 2 == 0 ? "it-IT" : "zh-CN") << k;
  }
  // One <tu> per bead with both sides; null beads are left out by default.
  const CliResult tsv = RunCli(AlignInterview());
  ASSERT_TRUE(Succeeded(tsv));
  EXPECT_EQ(Count(tmx, "<tu>"), PairedBeads(tsv.out));
  EXPECT_EQ(Count(tmx, "<tuv "), 2 * PairedBeads(tsv.out));
  EXPECT_FALSE(Contains(tmx, "<seg/>"));
  EXPECT_EQ(Count(tmx, "<prop type=\"x-allinea-doc\">" + ItText() + "</prop>"),
            Count(tmx, "<tu>"));
}

TEST(CliTmx, NullKeepWritesEmptySegmentsAndGivenTagsAreKept) {
  TempDir dir;
  const std::string out = dir.File("review.tmx");
  const CliResult r = RunCli({"align", ItText(), ZhText(), "--src-lang",
                              "it-CH", "--tgt-lang", "zh-Hans", "--null",
                              "keep", "-o", out});
  ASSERT_TRUE(Succeeded(r));
  const std::string tmx = ReadFile(out);
  EXPECT_TRUE(test::IsValidTmx(out));
  const CliResult tsv = RunCli(AlignInterview());
  EXPECT_EQ(Count(tmx, "<tu>"), Lines(tsv.out).size());
  EXPECT_GT(Count(tmx, "<seg/>"), 0u);
  EXPECT_EQ(AttributeValues(tmx, "srclang"), std::vector<std::string>{"it-CH"});
  EXPECT_TRUE(Contains(tmx, "<tuv xml:lang=\"zh-Hans-CN\">"));
  EXPECT_TRUE(Contains(tmx, "x-allinea-bead\">1-0<"));
}

TEST(CliFilter, MinScoreDropsLowBeadsInEveryFormat) {
  const CliResult all = RunCli(AlignInterview());
  const CliResult high = RunCli(AlignInterview({"--min-score", "0.9"}));
  ASSERT_TRUE(Succeeded(high));
  ASSERT_LT(Lines(high.out).size(), Lines(all.out).size());
  EXPECT_GT(Lines(high.out).size(), Lines(all.out).size() / 2);
  for (const std::string& line : Lines(high.out)) {
    EXPECT_GE(std::stod(Split(line, '\t').back()), 0.9) << line;
  }
  const CliResult jsonl =
      RunCli(AlignInterview({"-f", "jsonl", "--min-score", "0.9"}));
  EXPECT_EQ(Lines(jsonl.out).size(), Lines(high.out).size());
  const CliResult index =
      RunCli(AlignInterview({"-f", "index", "--min-score", "0.9", "--null",
                             "drop"}));
  for (const std::string& line : Lines(index.out)) {
    EXPECT_FALSE(Contains(line, "[]")) << line;
  }
}

TEST(CliFilter, BadValuesAreUsageErrors) {
  for (const auto& extra : std::vector<std::vector<std::string>>{
           {"--min-score", "1.5"}, {"--min-score", "-0.1"},
           {"--min-score", "high"}, {"--null", "maybe"}, {"-f", "xml"},
           {"--strict"}, {"--jobs", "2"}, {"--header", "-f", "jsonl"},
           {"--header", "-f", "tmx"}}) {
    const CliResult r = RunCli(AlignInterview(extra));
    EXPECT_TRUE(FailedWithOneLine(r)) << extra[0];
  }
  for (const char* bad : {"yesterday", "+5", " 5", "-1", "99999999999999999999"}) {
    const SourceDateEpoch epoch(bad);
    const CliResult r = RunCli(AlignInterview({"-f", "tmx"}));
    EXPECT_TRUE(FailedWithOneLine(r)) << bad;
    EXPECT_TRUE(Contains(r.err, "SOURCE_DATE_EPOCH")) << r.err;
  }
}

TEST(CliJsonl, OneRecordPerBeadWithTextsAndOffsets) {
  const CliResult tsv = RunCli(AlignInterview());
  const CliResult r = RunCli(AlignInterview({"-f", "jsonl"}));
  ASSERT_TRUE(Succeeded(r));
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), Lines(tsv.out).size());
  const std::string input = ReadFile(ItText());
  for (const std::string& line : lines) {
    ASSERT_TRUE(line.starts_with("{\"v\":1,\"doc\":")) << line;
    ASSERT_TRUE(line.ends_with("\"}")) << line;
    EXPECT_TRUE(Contains(line, "\"src_paragraphs\":[")) << line;
  }
  // The byte range of a 1-1 bead holds its source sentence.
  const std::string& first_paired =
      *std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
        return Contains(l, "\"type\":\"1-1\"");
      });
  const auto number_after = [&](const std::string& key) {
    const std::size_t p = first_paired.find(key) + key.size();
    return std::stoul(first_paired.substr(p));
  };
  const std::size_t start = number_after("\"src_start\":");
  const std::size_t end = number_after("\"src_end\":");
  const std::string sentence = input.substr(start, end - start);
  EXPECT_TRUE(Contains(first_paired, "\"src_text\":\"" + sentence + "\""))
      << sentence;
}

// Control characters, markup characters, tabs and line breaks inside a
// sentence, in each format.
TEST(CliBitext, SpecialCharactersInEveryFormat) {
  TempDir dir;
  const std::string src = dir.Write(
      "a.it.txt", "Uno \x01 & <due>\tcon tab.\n\nTre \"quattro\" 5 & 6.\n");
  const std::string tgt =
      dir.Write("a.zh.txt", "一 \x01 & <二>\t有制表符。\n\n三“四”5 & 6。\n");
  const std::vector<std::string> base = {"align", src, tgt, "--src-lang",
                                         "it", "--tgt-lang", "zh"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  const CliResult tsv = RunCli(base);
  ASSERT_TRUE(Succeeded(tsv));
  EXPECT_TRUE(Contains(tsv.out, "Uno \x01 & <due>\\tcon tab.")) << tsv.out;
  const CliResult jsonl = RunCli(with({"-f", "jsonl"}));
  ASSERT_TRUE(Succeeded(jsonl));
  EXPECT_TRUE(Contains(jsonl.out, "\"Uno \\u0001 & <due>\\tcon tab.\""))
      << jsonl.out;
  EXPECT_TRUE(Contains(jsonl.out, "\"Tre \\\"quattro\\\" 5 & 6.\""));
  const std::string out = dir.File("special.tmx");
  const CliResult tmx = RunCli(with({"-o", out}));
  EXPECT_EQ(tmx.exit_code, 0);
  // One warning line for the two control characters left out.
  EXPECT_EQ(tmx.err, "allinea: warning: " + out +
                         ": left out 2 control characters that XML cannot "
                         "hold\n");
  const std::string text = ReadFile(out);
  EXPECT_TRUE(test::IsValidTmx(out));
  EXPECT_TRUE(Contains(text, "<seg>Uno  &amp; &lt;due&gt;&#9;con tab.</seg>"))
      << text;
  EXPECT_TRUE(Contains(text, "<seg>Tre \"quattro\" 5 &amp; 6.</seg>"));
}

// A list of pairs: two good ones and a missing file between them.
class CliPairs : public testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("small.it.txt", "Il treno parte alle 8.\n\nArriva a Roma.\n");
    dir_.Write("small.zh.txt", "火车8点出发。\n\n抵达罗马。\n");
    fs_list_ = dir_.Write(
        "list.tsv",
        "# source\ttarget\n" + ItText() + "\t" + ZhText() +
            "\n"
            "missing.it.txt\tsmall.zh.txt\n"
            "small.it.txt\tsmall.zh.txt\n");
  }
  std::vector<std::string> Args(std::vector<std::string> extra) const {
    std::vector<std::string> args = {"align", "--pairs", fs_list_,
                                     "--src-lang", "it", "--tgt-lang", "zh"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }
  TempDir dir_;
  std::string fs_list_;
};

TEST_F(CliPairs, AFailedPairIsReportedTheOthersWrittenExit3) {
  const std::string out = dir_.File("out.tsv");
  const CliResult r = RunCli(Args({"-o", out, "-j", "2"}));
  EXPECT_EQ(r.exit_code, 3);
  ASSERT_EQ(Lines(r.err).size(), 1u) << r.err;
  EXPECT_TRUE(r.err.starts_with("allinea: " + fs_list_ + ":3: " +
                                dir_.File("missing.it.txt")))
      << r.err;
  const std::string tsv = ReadFile(out);
  const CliResult alone = RunCli(AlignInterview());
  std::size_t interview = 0, small = 0;
  for (const std::string& line : Lines(tsv)) {
    const auto fields = Split(line, '\t');
    ASSERT_EQ(fields.size(), 4u) << line;
    if (fields[0] == ItText()) {
      ++interview;
      EXPECT_EQ(small, 0u) << "list order";
    } else {
      EXPECT_EQ(fields[0], "small.it.txt");
      ++small;
    }
  }
  EXPECT_EQ(interview, Lines(alone.out).size());
  EXPECT_EQ(small, 2u);
  EXPECT_TRUE(Contains(tsv, "small.it.txt\tIl treno parte alle 8.\t火车8点出发。\t"));
}

TEST_F(CliPairs, StrictStopsAtTheFirstFailureAndWritesNothing) {
  const std::string out = dir_.File("out.tmx");
  const CliResult r = RunCli(Args({"--strict", "-o", out}));
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, "missing.it.txt")) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(CliPairs, StrictWritesNothingToStandardOutputEither) {
  for (const char* format : {"jsonl", "tmx"}) {
    const CliResult r = RunCli(Args({"--strict", "-f", format}));
    EXPECT_TRUE(FailedWithOneLine(r)) << format;
    EXPECT_EQ(r.out, "") << format;
  }
  // Without --strict, standard output gets the pairs that worked.
  const CliResult r = RunCli(Args({"-f", "jsonl"}));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_GT(Lines(r.out).size(), 100u);
}

TEST_F(CliPairs, OneMemoryForAllPairsAndListsOnStdin) {
  WriteFile(fs_list_, ItText() + "\t" + ZhText() + "\nsmall.it.txt\tsmall.zh.txt\n");
  const std::string out = dir_.File("all.tmx");
  const CliResult r = RunCli(Args({"-o", out}));
  ASSERT_TRUE(Succeeded(r));
  const std::string tmx = ReadFile(out);
  EXPECT_TRUE(test::IsValidTmx(out));
  EXPECT_EQ(Count(tmx, "<header "), 1u);
  EXPECT_EQ(Count(tmx, "x-allinea-doc\">small.it.txt<"), 2u);
  EXPECT_GT(Count(tmx, "x-allinea-doc\">" + ItText() + "<"), 100u);
  // The same list on stdin, with absolute paths: the same memory.
  const SourceDateEpoch epoch("0");
  const std::string list = ItText() + "\t" + ZhText() + "\n" +
                           dir_.File("small.it.txt") + "\t" +
                           dir_.File("small.zh.txt") + "\n";
  const CliResult piped = RunCli(
      {"align", "--pairs", "-", "--src-lang", "it", "--tgt-lang", "zh", "-f",
       "jsonl"},
      list);
  ASSERT_TRUE(Succeeded(piped));
  EXPECT_EQ(Count(piped.out, "\"doc\":\"" + dir_.File("small.it.txt") + "\""),
            2u);
}

TEST_F(CliPairs, DetectedLanguagesMustAgreeInOneMemory) {
  dir_.Write("it.txt",
             "Il treno per Roma parte alle 8 e non ci sono ritardi. Questa "
             "volta il viaggio è breve, e la stazione è vicina.\n");
  dir_.Write("en.txt",
             "The train to Rome leaves at 8 and there are no delays. This "
             "time the journey is short, and the station is close.\n");
  dir_.Write("unknown.txt", "8.\n");
  WriteFile(fs_list_,
            "it.txt\tsmall.zh.txt\nen.txt\tsmall.zh.txt\n"
            "unknown.txt\tsmall.zh.txt\n");
  const std::string out = dir_.File("mixed.tmx");
  const CliResult r = RunCli({"align", "--pairs", fs_list_, "-o", out});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(Contains(r.err, ":2: en.txt: languages en-US and zh-CN differ "
                              "from the memory's it-IT and zh-CN"))
      << r.err;
  EXPECT_TRUE(Contains(r.err, ":3: " + dir_.File("unknown.txt") +
                                  ": cannot tell its language"))
      << r.err;
  EXPECT_TRUE(test::IsValidTmx(out));
}

TEST(CliTmx, PresegmentedInputGetsItsLanguageDetected) {
  const CliResult r =
      RunCli({"align", TestDataPath("mensch-interview.it.sentences.txt"),
              TestDataPath("mensch-interview.zh.sentences.txt"),
              "--presegmented", "-f", "tmx"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "srclang=\"it-IT\"")) << r.err;
  EXPECT_TRUE(Contains(r.out, "<tuv xml:lang=\"zh-CN\">"));
}

TEST(CliPairsUsage, ListAndFilesDoNotMix) {
  EXPECT_TRUE(FailedWithOneLine(
      RunCli({"align", ItText(), ZhText(), "--pairs", "list.tsv"})));
  TempDir dir;
  const std::string list = dir.Write("bad.tsv", "only-one-path\n");
  const CliResult r = RunCli({"align", "--pairs", list});
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, list + ": line 1: expected two paths")) << r.err;
  EXPECT_TRUE(FailedWithOneLine(
      RunCli({"align", "--pairs", list, "--jobs", "-1"})));
  EXPECT_TRUE(FailedWithOneLine(
      RunCli({"align", "--pairs", list, "--jobs", "0"})));
}

}  // namespace
}  // namespace allinea::cli_test
