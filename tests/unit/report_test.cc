#include "allinea/report.h"

#include <gtest/gtest.h>

#include <sstream>

#include "allinea/error.h"

namespace allinea {
namespace {

CheckReport Sample() {
  CheckReport r;
  r.src_name = "it.txt";
  r.tgt_name = "zh.txt";
  Finding f;
  f.kind = FindingKind::kOmission;
  f.severity = Severity::kError;
  f.src = {.begin = 4, .end = 5, .line = 9, .column = 3, .paragraph = 2};
  f.tgt = {.begin = 3, .end = 3, .line = 7, .column = 1, .paragraph = 2};
  f.src_excerpt = "Immagine |. Arthur Mensch, co-fondatore & CEO <Mistral>";
  f.message = "1 source sentence (50 characters) has no translation";
  f.subject = "Immagine |. Arthur Mensch, co-fondatore & CEO <Mistral>";
  r.findings.push_back(f);
  r.summary.src_sentences = 10;
  r.summary.tgt_sentences = 9;
  r.summary.src_coverage = 0.9;
  r.summary.tgt_coverage = 1;
  r.summary.counts[0][2] = 1;
  r.pass = false;
  r.reasons.push_back("1 finding of severity error or higher");
  return r;
}

std::string Write(ReportFormat format, const CheckReport& r,
                  std::string src = "it.txt") {
  ReportOptions o;
  o.src_path = std::move(src);
  o.tgt_path = "zh.txt";
  std::ostringstream out;
  WriteReport(r, format, o, out);
  return out.str();
}

TEST(GithubEscapeTest, DataAndProperties) {
  EXPECT_EQ(GithubEscapeData("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b");
  EXPECT_EQ(GithubEscapeProperty("dir/a:b,c%.txt"), "dir/a%3Ab%2Cc%25.txt");
  // Chinese text keeps its own characters; the ASCII ':' and ',' it holds
  // are escaped in properties only.
  EXPECT_EQ(GithubEscapeProperty("核心思想如下:"), "核心思想如下%3A");
}

TEST(ReportTest, GithubLinesPointAtTheFile) {
  EXPECT_EQ(Write(ReportFormat::kGithub, Sample()),
            "::error file=it.txt,line=9,col=3,title=allinea omission::1 source "
            "sentence (50 characters) has no translation: Immagine |. Arthur "
            "Mensch, co-fondatore & CEO <Mistral>\n"
            "::error title=allinea check failed::it.txt -> zh.txt: 1 finding "
            "of severity error or higher\n");
  // Standard input has no place in the repository.
  EXPECT_TRUE(Write(ReportFormat::kGithub, Sample(), "-")
                  .starts_with("::error title=allinea omission::"));
}

TEST(ReportTest, JunitEscapesTextAndCountsFailures) {
  const std::string xml = Write(ReportFormat::kJunit, Sample());
  EXPECT_NE(xml.find("tests=\"8\" failures=\"1\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<failure type=\"omission\" message=\"1 omission finding\">"),
            std::string::npos);
  EXPECT_NE(xml.find("co-fondatore &amp; CEO &lt;Mistral&gt;"), std::string::npos);
  EXPECT_EQ(xml.find("<Mistral>"), std::string::npos);
}

TEST(ReportTest, TextAndJson) {
  const std::string text = Write(ReportFormat::kText, Sample());
  EXPECT_TRUE(text.starts_with("FAIL: it.txt -> zh.txt\n")) << text;
  EXPECT_NE(text.find("it.txt:9:3  ->  zh.txt:7:1 (here)"), std::string::npos) << text;
  const std::string json = Write(ReportFormat::kJson, Sample());
  EXPECT_TRUE(json.starts_with("{\"version\":1,")) << json;
  EXPECT_NE(json.find("\"key\":\"" + BaselineKey(Sample().findings[0]) + "\""),
            std::string::npos);
  EXPECT_NE(json.find("\"target\":{\"sentences\":[3,3],\"line\":7"), std::string::npos);
}

TEST(ReportTest, SarifUrisArePercentEncoded) {
  const std::string sarif = Write(ReportFormat::kSarif, Sample(), "my docs/it%.txt");
  EXPECT_NE(sarif.find("\"uri\":\"my%20docs/it%25.txt\""), std::string::npos) << sarif;
  EXPECT_NE(sarif.find("\"version\":\"2.1.0\""), std::string::npos);
}

TEST(BaselineTest, KeysFollowKindAndTextNotPlace) {
  Finding a = Sample().findings[0];
  Finding moved = a;
  moved.src.line = 40;  // the same sentence, elsewhere after an edit
  EXPECT_EQ(BaselineKey(a), BaselineKey(moved));
  Finding rewrapped = a;
  rewrapped.subject = "Immagine |.  Arthur Mensch,\nco-fondatore & CEO <Mistral>";
  EXPECT_EQ(BaselineKey(a), BaselineKey(rewrapped));
  Finding other_kind = a;
  other_kind.kind = FindingKind::kAddition;
  EXPECT_NE(BaselineKey(a), BaselineKey(other_kind));
  Finding edited = a;
  edited.subject += " (2024)";
  EXPECT_NE(BaselineKey(a), BaselineKey(edited));
  EXPECT_TRUE(BaselineKey(a).starts_with("omission:"));
}

TEST(BaselineTest, WrittenAndReadBack) {
  const CheckReport r = Sample();
  const std::string text = WriteBaseline(r);
  const auto keys = ParseBaseline(text, "b.txt");
  EXPECT_EQ(keys, (std::set<std::string>{BaselineKey(r.findings[0])}));
  EXPECT_EQ(ParseBaseline("\xEF\xBB\xBF# c\r\n\n   \nomission:0123456789abcdef\r\n", "b"),
            (std::set<std::string>{"omission:0123456789abcdef"}));
  for (const char* bad : {"omission\n", "omission:xyz\n", "typo:0123456789abcdef\n",
                          "omission:0123456789abcdeff\n"}) {
    EXPECT_THROW((void)ParseBaseline(bad, "b.txt"), InputError) << bad;
  }
}

TEST(ParseReportFormatTest, NamesAndErrors) {
  EXPECT_EQ(ParseReportFormat("sarif"), ReportFormat::kSarif);
  EXPECT_EQ(ReportFormatName(ReportFormat::kJunit), "junit");
  EXPECT_THROW((void)ParseReportFormat("xml"), UsageError);
  EXPECT_EQ(ParseFindingKind("name-mismatch"), FindingKind::kNameMismatch);
  EXPECT_THROW((void)ParseFindingKind("names"), UsageError);
  EXPECT_EQ(ParseSeverity("warning"), Severity::kWarning);
}

}  // namespace
}  // namespace allinea
