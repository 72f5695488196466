#include "allinea/write.h"

#include <gtest/gtest.h>

#include <sstream>
#include <tuple>

#include "allinea/error.h"

namespace allinea {
namespace {

Document Doc(std::vector<std::string> sentences) {
  Document d;
  for (auto& s : sentences) {
    Sentence x;
    x.text = x.normalized = s;
    d.sentences.push_back(x);
  }
  return d;
}

std::string Write(Format f, const std::vector<Bead>& beads, WriteOptions o = {}) {
  const Document src = Doc({"Non ancora.", "Il nostro\tinvestimento \\ era ingente.", "Grazie."});
  const Document tgt = Doc({"还没有。", "我们的投资很大。"});
  std::ostringstream out;
  auto w = MakeWriter(f, o, out);
  w->Begin(src, tgt);
  for (const auto& b : beads) w->Write(b);
  w->End();
  return out.str();
}

const std::vector<Bead> kBeads = {
    {.src_begin = 0, .src_end = 2, .tgt_begin = 0, .tgt_end = 2, .cost = 1, .score = 0.87654},
    {.src_begin = 2, .src_end = 3, .tgt_begin = 2, .tgt_end = 2, .cost = 5, .score = 0.25},
};

TEST(TsvWriterTest, JoinsEscapesAndScores) {
  EXPECT_EQ(Write(Format::kTsv, kBeads),
            "Non ancora. Il nostro\\tinvestimento \\\\ era ingente.\t"
            "还没有。我们的投资很大。\t0.8765\n"
            "Grazie.\t\t0.2500\n");
}

TEST(TsvWriterTest, HeaderLine) {
  WriteOptions o;
  o.header = true;
  EXPECT_EQ(Write(Format::kTsv, {}, o), "source\ttarget\tscore\n");
}

TEST(IndexWriterTest, BertalignFormat) {
  EXPECT_EQ(Write(Format::kIndex, kBeads), "[0, 1]:[0, 1]\n[2]:[]\n");
  const std::vector<Bead> target_only = {{.src_begin = 0, .src_end = 0, .tgt_begin = 0, .tgt_end = 1}};
  EXPECT_EQ(Write(Format::kIndex, target_only), "[]:[0]\n");
}

TEST(ParseFormatTest, NamesAndErrors) {
  EXPECT_EQ(ParseFormat("tsv"), Format::kTsv);
  EXPECT_EQ(ParseFormat("index"), Format::kIndex);
  EXPECT_EQ(FormatName(Format::kIndex), "index");
  try {
    (void)ParseFormat("xml");
    FAIL();
  } catch (const UsageError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("'xml'"), std::string::npos);
    EXPECT_NE(what.find("tsv"), std::string::npos);
    EXPECT_NE(what.find("index"), std::string::npos);
  }
}

TEST(AppendTsvEscapedTest, EscapesControlCharactersAndBackslash) {
  std::string out;
  AppendTsvEscaped(out, "a\tb\nc\rd\\e");
  EXPECT_EQ(out, "a\\tb\\nc\\rd\\\\e");
}

TEST(AppendJsonEscapedTest, QuotesBackslashesAndControls) {
  std::string out;
  AppendJsonEscaped(out, "a\"b\\c\nd\te\x01" "f “g”");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\te\\u0001f “g”\"");
}

TEST(WriteSentencesTest, LinesAndJsonl) {
  Document d;
  for (auto [text, paragraph, begin] :
       {std::tuple{"Uno.", 0u, 0u}, {"Due \"tre\".", 0u, 5u}, {"Quattro", 1u, 18u}}) {
    Sentence s;
    s.text = s.normalized = text;
    s.paragraph = paragraph;
    s.span = {begin, begin + std::string(text).size()};
    s.line = paragraph * 2 + 1;
    d.sentences.push_back(s);
  }
  std::ostringstream lines;
  WriteSentences(d, SentenceFormat::kLines, lines);
  EXPECT_EQ(lines.str(), "Uno.\nDue \"tre\".\n\nQuattro\n");
  std::ostringstream jsonl;
  WriteSentences(d, SentenceFormat::kJsonl, jsonl);
  EXPECT_EQ(jsonl.str(),
            "{\"index\":0,\"paragraph\":0,\"line\":1,\"start\":0,\"end\":4,\"text\":\"Uno.\"}\n"
            "{\"index\":1,\"paragraph\":0,\"line\":1,\"start\":5,\"end\":15,\"text\":\"Due \\\"tre\\\".\"}\n"
            "{\"index\":2,\"paragraph\":1,\"line\":3,\"start\":18,\"end\":25,\"text\":\"Quattro\"}\n");
  EXPECT_EQ(ParseSentenceFormat("jsonl"), SentenceFormat::kJsonl);
  EXPECT_THROW((void)ParseSentenceFormat("json"), UsageError);
}

}  // namespace
}  // namespace allinea
