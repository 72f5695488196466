#include "allinea/write.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <tuple>

#include "allinea/error.h"
#include "allinea/version.h"
#include "tmx_validate.h"

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
  w->Begin();
  w->BeginDocument(src, tgt, "doc");
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

// A folder for files xmllint reads, removed at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    std::string name = (std::filesystem::temp_directory_path() /
                        "allinea-write-test-XXXXXX").string();
    if (::mkdtemp(name.data()) == nullptr) ADD_FAILURE() << "mkdtemp";
    path_ = name;
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(TmxWriterTest, WritesTmx14WithPropertiesAndTags) {
  WriteOptions o;
  o.src_tag = "it-IT";
  o.tgt_tag = "zh-CN";
  o.creation_date = "20231114T221320Z";
  const std::string tmx = Write(Format::kTmx, kBeads, o);
  EXPECT_EQ(tmx,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
            "<tmx version=\"1.4\">\n"
            "  <header creationtool=\"allinea\" creationtoolversion=\"" +
                std::string(kVersion) +
                "\" segtype=\"sentence\" o-tmf=\"allinea\" "
                "adminlang=\"en-US\" srclang=\"it-IT\" datatype=\"plaintext\" "
                "creationdate=\"20231114T221320Z\"/>\n"
                "  <body>\n"
                "    <tu>\n"
                "      <prop type=\"x-allinea-doc\">doc</prop>\n"
                "      <prop type=\"x-allinea-bead\">2-2</prop>\n"
                "      <prop type=\"x-allinea-score\">0.8765</prop>\n"
                "      <tuv xml:lang=\"it-IT\"><seg>Non ancora. Il nostro&#9;"
                "investimento \\ era ingente.</seg></tuv>\n"
                "      <tuv xml:lang=\"zh-CN\"><seg>还没有。我们的投资很大。</seg></tuv>\n"
                "    </tu>\n"
                "  </body>\n"
                "</tmx>\n");
  ScratchDir dir;
  EXPECT_TRUE(test::IsValidTmxText(tmx, dir.path()));
}

TEST(TmxWriterTest, NullBeadsAreDroppedUnlessKeptAsEmptySegments) {
  WriteOptions o;
  o.src_tag = "it";
  o.tgt_tag = "zh";
  const std::string dropped = Write(Format::kTmx, kBeads, o);
  EXPECT_EQ(dropped.find("Grazie."), std::string::npos);
  EXPECT_EQ(dropped.find("x-allinea-bead\">1-0"), std::string::npos);
  o.nulls = NullBeads::kKeep;
  const std::string kept = Write(Format::kTmx, kBeads, o);
  EXPECT_NE(kept.find("<tuv xml:lang=\"it\"><seg>Grazie.</seg></tuv>\n"
                      "      <tuv xml:lang=\"zh\"><seg/></tuv>"),
            std::string::npos)
      << kept;
  EXPECT_NE(kept.find("x-allinea-bead\">1-0"), std::string::npos);
  ScratchDir dir;
  EXPECT_TRUE(test::IsValidTmxText(kept, dir.path()));
  // No creation date given: the attribute, optional in TMX, is left out;
  // empty tags are "und".
  EXPECT_EQ(kept.find("creationdate"), std::string::npos);
  EXPECT_NE(Write(Format::kTmx, {}, {}).find("srclang=\"und\""),
            std::string::npos);
}

TEST(TmxWriterTest, EscapesMarkupAndLeavesOutWhatXmlCannotHold) {
  Document src = Doc({"A & B <c> \"d\" 'e'\x01\x1f end\r\nnext \xEF\xBF\xBE."});
  Document tgt = Doc({"甲 & 乙 <丙>。"});
  std::ostringstream out;
  WriteOptions o;
  o.src_tag = "en-US";
  o.tgt_tag = "zh-CN";
  auto w = MakeWriter(Format::kTmx, o, out);
  w->Begin();
  w->BeginDocument(src, tgt, "a&b<c>.txt");
  w->Write({.src_begin = 0, .src_end = 1, .tgt_begin = 0, .tgt_end = 1, .score = 1});
  w->End();
  EXPECT_EQ(w->removed_characters(), 3u);
  const std::string tmx = out.str();
  EXPECT_NE(tmx.find("<seg>A &amp; B &lt;c&gt; \"d\" 'e' end&#13;&#10;next .</seg>"),
            std::string::npos)
      << tmx;
  EXPECT_NE(tmx.find("<seg>甲 &amp; 乙 &lt;丙&gt;。</seg>"), std::string::npos);
  EXPECT_NE(tmx.find(">a&amp;b&lt;c&gt;.txt</prop>"), std::string::npos);
  ScratchDir dir;
  EXPECT_TRUE(test::IsValidTmxText(tmx, dir.path()));
}

TEST(JsonlWriterTest, OneObjectPerBeadWithIndicesParagraphsAndOffsets) {
  Document src = Doc({"Uno.", "Due\t\"tre\".", "Quattro."});
  src.sentences[1].paragraph = 0;
  src.sentences[2].paragraph = 1;
  src.sentences[0].span = {0, 4};
  src.sentences[1].span = {5, 15};
  src.sentences[2].span = {17, 25};
  Document tgt = Doc({"一。二。"});
  tgt.sentences[0].span = {0, 12};
  std::ostringstream out;
  auto w = MakeWriter(Format::kJsonl, {}, out);
  w->Begin();
  w->BeginDocument(src, tgt, "a.it.txt");
  w->Write({.src_begin = 0, .src_end = 2, .tgt_begin = 0, .tgt_end = 1, .score = 0.96875});
  w->Write({.src_begin = 2, .src_end = 3, .tgt_begin = 1, .tgt_end = 1, .score = 0.5});
  w->End();
  EXPECT_EQ(out.str(),
            "{\"v\":1,\"doc\":\"a.it.txt\",\"type\":\"2-1\",\"score\":0.9688,"
            "\"src\":[0,1],\"src_paragraphs\":[0],\"src_start\":0,\"src_end\":15,"
            "\"src_text\":\"Uno. Due\\t\\\"tre\\\".\",\"tgt\":[0],"
            "\"tgt_paragraphs\":[0],\"tgt_start\":0,\"tgt_end\":12,"
            "\"tgt_text\":\"一。二。\"}\n"
            "{\"v\":1,\"doc\":\"a.it.txt\",\"type\":\"1-0\",\"score\":0.5000,"
            "\"src\":[2],\"src_paragraphs\":[1],\"src_start\":17,\"src_end\":25,"
            "\"src_text\":\"Quattro.\",\"tgt\":[],\"tgt_paragraphs\":[],"
            "\"tgt_start\":null,\"tgt_end\":null,\"tgt_text\":\"\"}\n");
}

TEST(WriterFilterTest, MinScoreAndNullBeads) {
  WriteOptions o;
  o.min_score = 0.5;
  EXPECT_EQ(Write(Format::kIndex, kBeads, o), "[0, 1]:[0, 1]\n");
  o.min_score = 0.25;  // inclusive
  EXPECT_EQ(Write(Format::kIndex, kBeads, o), "[0, 1]:[0, 1]\n[2]:[]\n");
  o.min_score = 0;
  o.nulls = NullBeads::kDrop;
  EXPECT_EQ(Write(Format::kTsv, kBeads, o),
            "Non ancora. Il nostro\\tinvestimento \\\\ era ingente.\t"
            "还没有。我们的投资很大。\t0.8765\n");
  EXPECT_EQ(DefaultNullBeads(Format::kTmx), NullBeads::kDrop);
  EXPECT_EQ(DefaultNullBeads(Format::kJsonl), NullBeads::kKeep);
  EXPECT_EQ(ParseNullBeads("keep"), NullBeads::kKeep);
  EXPECT_THROW((void)ParseNullBeads("maybe"), UsageError);
}

TEST(TsvWriterTest, DocumentColumn) {
  WriteOptions o;
  o.document_column = true;
  o.header = true;
  const std::string tsv = Write(Format::kTsv, kBeads, o);
  EXPECT_EQ(tsv.substr(0, tsv.find('\n', tsv.find('\n') + 1) + 1),
            "document\tsource\ttarget\tscore\n"
            "doc\tNon ancora. Il nostro\\tinvestimento \\\\ era ingente.\t"
            "还没有。我们的投资很大。\t0.8765\n");
  o.header = false;
  EXPECT_EQ(Write(Format::kIndex, kBeads, o), "doc\t[0, 1]:[0, 1]\ndoc\t[2]:[]\n");
}

TEST(FormatOfPathTest, Extensions) {
  EXPECT_EQ(FormatOfPath("out/memory.tmx"), Format::kTmx);
  EXPECT_EQ(FormatOfPath("A.TMX"), Format::kTmx);
  EXPECT_EQ(FormatOfPath("train.jsonl"), Format::kJsonl);
  EXPECT_EQ(FormatOfPath("x.index"), Format::kIndex);
  EXPECT_EQ(FormatOfPath("x.tsv"), Format::kTsv);
  EXPECT_EQ(FormatOfPath("x.txt"), std::nullopt);
  EXPECT_EQ(FormatOfPath("-"), std::nullopt);
  EXPECT_EQ(FormatOfPath("dir.tmx/out"), std::nullopt);
  EXPECT_EQ(FormatOfPath(".tmx"), std::nullopt);
}

TEST(FormatTmxDateTest, UtcCivilDates) {
  EXPECT_EQ(FormatTmxDate(0), "19700101T000000Z");
  EXPECT_EQ(FormatTmxDate(1700000000), "20231114T221320Z");
  EXPECT_EQ(FormatTmxDate(951782400), "20000229T000000Z");  // a leap day
  EXPECT_EQ(FormatTmxDate(253402300799), "99991231T235959Z");
  EXPECT_THROW((void)FormatTmxDate(-1), UsageError);
  EXPECT_THROW((void)FormatTmxDate(253402300800), UsageError);
}

TEST(ParseFormatTest, NamesAndErrors) {
  EXPECT_EQ(ParseFormat("tsv"), Format::kTsv);
  EXPECT_EQ(ParseFormat("index"), Format::kIndex);
  EXPECT_EQ(ParseFormat("tmx"), Format::kTmx);
  EXPECT_EQ(ParseFormat("jsonl"), Format::kJsonl);
  EXPECT_EQ(FormatName(Format::kJsonl), "jsonl");
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
    s.column = begin + 1;
    d.sentences.push_back(s);
  }
  std::ostringstream lines;
  WriteSentences(d, SentenceFormat::kLines, lines);
  EXPECT_EQ(lines.str(), "Uno.\nDue \"tre\".\n\nQuattro\n");
  std::ostringstream jsonl;
  WriteSentences(d, SentenceFormat::kJsonl, jsonl);
  EXPECT_EQ(jsonl.str(),
            "{\"index\":0,\"paragraph\":0,\"line\":1,\"column\":1,\"start\":0,\"end\":4,\"text\":\"Uno.\"}\n"
            "{\"index\":1,\"paragraph\":0,\"line\":1,\"column\":6,\"start\":5,\"end\":15,\"text\":\"Due \\\"tre\\\".\"}\n"
            "{\"index\":2,\"paragraph\":1,\"line\":3,\"column\":19,\"start\":18,\"end\":25,\"text\":\"Quattro\"}\n");
  EXPECT_EQ(ParseSentenceFormat("jsonl"), SentenceFormat::kJsonl);
  EXPECT_THROW((void)ParseSentenceFormat("json"), UsageError);
}

}  // namespace
}  // namespace allinea
