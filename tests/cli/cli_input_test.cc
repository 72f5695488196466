// CLI tests, part 2: errors (one line on stderr, exit 2), text handling in
// `segment` and `align`, and `segment` against the hand-made gold.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <set>
#include <algorithm>
#include <string>
#include <vector>

#include <regex>

#include "run_cli.h"

namespace allinea::cli_test {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// ---------------------------------------------------------------- errors

TEST(CliErrors, MissingFileIsNamed) {
  TempDir dir;
  const std::string missing = dir.File("nowhere.txt");
  const CliResult seg = RunCli({"segment", missing});
  EXPECT_TRUE(FailedWithOneLine(seg));
  EXPECT_TRUE(Contains(seg.err, missing)) << seg.err;
  const CliResult align = RunCli({"align", ItText(), missing});
  EXPECT_TRUE(FailedWithOneLine(align));
  EXPECT_TRUE(Contains(align.err, missing)) << align.err;
}

TEST(CliErrors, DirectoryAsInput) {
  TempDir dir;
  const CliResult seg = RunCli({"segment", dir.path().string()});
  EXPECT_TRUE(FailedWithOneLine(seg));
  EXPECT_TRUE(Contains(seg.err, dir.path().string())) << seg.err;
  const CliResult align = RunCli({"align", dir.path().string(), ZhText()});
  EXPECT_TRUE(FailedWithOneLine(align));
  EXPECT_TRUE(Contains(align.err, dir.path().string())) << align.err;
}

struct BadUtf8 {
  const char* name;
  std::string bytes;
  int offset;  // 0-based byte offset of the first bad byte
};

TEST(CliErrors, InvalidUtf8NamesFileAndByteOffset) {
  TempDir dir;
  const std::vector<BadUtf8> cases = {
      {"lead_then_ascii", "ab\xC3(", 2},
      {"stray_continuation", "Ciao.\n\nUn altro \x80 paragrafo.\n", 16},
      {"truncated_at_end", "Ciao mondo. Costa 5 \xE2\x82", 20},
      {"truncated_lead_at_end", "abc\xC3", 3},
      {"overlong", "a\xC0\xAF", 1},
      {"surrogate", "xy\xED\xA0\x80z", 2},
  };
  for (const BadUtf8& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string path = dir.Write(std::string(c.name) + ".txt", c.bytes);
    const std::string byte = "byte " + std::to_string(c.offset);
    const CliResult seg = RunCli({"segment", path});
    EXPECT_TRUE(FailedWithOneLine(seg));
    EXPECT_TRUE(Contains(seg.err, path)) << seg.err;
    EXPECT_TRUE(Contains(seg.err, byte)) << "want " << byte << ": " << seg.err;
    const CliResult align = RunCli({"align", ItText(), path});
    EXPECT_TRUE(FailedWithOneLine(align));
    EXPECT_TRUE(Contains(align.err, path)) << align.err;
    EXPECT_TRUE(Contains(align.err, byte)) << align.err;
  }
  // On standard input the message names <stdin>.
  const CliResult in = RunCli({"segment", "-"}, std::string("ab\xC3("));
  EXPECT_TRUE(FailedWithOneLine(in));
  EXPECT_TRUE(Contains(in.err, "<stdin>")) << in.err;
  EXPECT_TRUE(Contains(in.err, "byte 2")) << in.err;
}

TEST(CliErrors, UnknownOption) {
  const CliResult r = RunCli({"align", "--bogus", ItText(), ZhText()});
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, "--bogus")) << r.err;
  const CliResult seg = RunCli({"segment", ItText(), "--src-lang", "it"});
  EXPECT_TRUE(FailedWithOneLine(seg));
  EXPECT_TRUE(Contains(seg.err, "--src-lang")) << seg.err;
}

TEST(CliErrors, UnknownFormatListsTheValidOnes) {
  const CliResult r = RunCli({"align", ItText(), ZhText(), "-f", "xml"});
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, "xml")) << r.err;
  EXPECT_TRUE(Contains(r.err, "tsv")) << r.err;
  EXPECT_TRUE(Contains(r.err, "index")) << r.err;
}

TEST(CliErrors, BadLanguageCodes) {
  for (const char* tag : {"xx-!!", "qq"}) {
    const CliResult r =
        RunCli({"align", ItText(), ZhText(), "--src-lang", tag});
    EXPECT_TRUE(FailedWithOneLine(r)) << tag;
    EXPECT_TRUE(Contains(r.err, tag)) << r.err;
    EXPECT_TRUE(Contains(r.err, "--src-lang")) << r.err;
    const CliResult tgt =
        RunCli({"align", ItText(), ZhText(), "--tgt-lang", tag});
    EXPECT_TRUE(FailedWithOneLine(tgt)) << tag;
    EXPECT_TRUE(Contains(tgt.err, "--tgt-lang")) << tgt.err;
    const CliResult seg = RunCli({"segment", ItText(), "--lang", tag});
    EXPECT_TRUE(FailedWithOneLine(seg)) << tag;
    EXPECT_TRUE(Contains(seg.err, tag)) << seg.err;
  }
}

TEST(CliErrors, UnknownCommand) {
  const CliResult r = RunCli({"allign", ItText(), ZhText()});
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, "allign")) << r.err;
}

TEST(CliErrors, MissingOrExtraArguments) {
  EXPECT_TRUE(FailedWithOneLine(RunCli({"align", ItText()})));
  EXPECT_TRUE(FailedWithOneLine(RunCli({"align"})));
  EXPECT_TRUE(FailedWithOneLine(RunCli({"segment"})));
  EXPECT_TRUE(
      FailedWithOneLine(RunCli({"align", ItText(), ZhText(), ItText()})));
  EXPECT_TRUE(FailedWithOneLine(RunCli({"align", ItText(), ZhText(), "-f"})));
}

TEST(CliErrors, UnreadableFile) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: permissions do not stop reading";
  }
  TempDir dir;
  const std::string path = dir.Write("secret.txt", "Ciao.\n");
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  const CliResult r = RunCli({"segment", path});
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, path)) << r.err;
}

// --------------------------------------------------------- text handling

std::string Segment(const std::string& path, const std::string& lang) {
  const CliResult r = RunCli({"segment", path, "--lang", lang});
  EXPECT_TRUE(Succeeded(r)) << path;
  return r.out;
}

TEST(CliText, BomAndCrlfSegmentLikeLf) {
  TempDir dir;
  const std::string lf =
      dir.Write("lf.txt", "Titolo\n\nPrima frase. Seconda\nfrase.\n\nAltro.\n");
  const std::string crlf = dir.Write(
      "crlf.txt",
      "\xEF\xBB\xBFTitolo\r\n\r\nPrima frase. Seconda\r\nfrase.\r\n\r\n"
      "Altro.\r\n");
  const std::string want = Segment(lf, "it");
  EXPECT_EQ(want, "Titolo\n\nPrima frase.\nSeconda frase.\n\nAltro.\n");
  EXPECT_EQ(Segment(crlf, "it"), want);
}

TEST(CliText, DecomposedAccentComesOutUnchanged) {
  TempDir dir;
  // "caffè" with a decomposed è (e + U+0300), "perché" with e + U+0301.
  const std::string text =
      "Il caffe\xCC\x80 \xC3\xA8 buono. Perche\xCC\x81 no?\n";
  const std::string path = dir.Write("nfd.txt", text);
  EXPECT_EQ(Segment(path, "it"),
            "Il caffe\xCC\x80 \xC3\xA8 buono.\nPerche\xCC\x81 no?\n");
}

TEST(CliText, HardWrappedParagraphsAreJoined) {
  TempDir dir;
  const std::string it = dir.Write(
      "it.txt", "Titolo\n\nQuesta frase va\na capo qui. Poi finisce.\n");
  EXPECT_EQ(Segment(it, "it"),
            "Titolo\n\nQuesta frase va a capo qui.\nPoi finisce.\n");
  const std::string zh =
      dir.Write("zh.txt", "标题\n\n这是一个很长的\n句子。第二句。\n");
  EXPECT_EQ(Segment(zh, "zh"), "标题\n\n这是一个很长的句子。\n第二句。\n");
}

TEST(CliText, ListItemsAreSegments) {
  TempDir dir;
  const std::string path =
      dir.Write("list.txt", "Elenco:\n\n- a\n- b\n1. c\n\nFine del testo.\n");
  EXPECT_EQ(Segment(path, "it"),
            "Elenco:\n\n- a\n- b\n1. c\n\nFine del testo.\n");
}

TEST(CliText, LineModeMakesEachLineAParagraph) {
  TempDir dir;
  const std::string path = dir.Write(
      "lines.txt",
      "Un titolo senza punto\nUna riga. Con due frasi.\nUltima riga\n");
  EXPECT_EQ(Segment(path, "it"),
            "Un titolo senza punto\n\nUna riga.\nCon due frasi.\n\n"
            "Ultima riga\n");
}

TEST(CliText, TsvEscapesBackslashAndTab) {
  TempDir dir;
  const std::string src =
      dir.Write("src.txt", "Il percorso C:\\dati\tva bene.\n");
  const std::string tgt = dir.Write("tgt.txt", "路径没问题。\n");
  const CliResult r = RunCli(
      {"align", src, tgt, "--src-lang", "it", "--tgt-lang", "zh", "--header"});
  ASSERT_TRUE(Succeeded(r));
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  const std::vector<std::string> f = Split(lines[1], '\t');
  ASSERT_EQ(f.size(), 3u) << lines[1];
  EXPECT_EQ(f[0], "Il percorso C:\\\\dati\\tva bene.");
  EXPECT_EQ(f[1], "路径没问题。");
}

// ------------------------------------------------- segment against gold

// Share of the gold sentences that `segment` prints as an exact line.
double GoldRecall(const std::string& text, const std::string& lang,
                  const std::string& gold_file) {
  const std::vector<std::string> out = NonBlankLines(Segment(text, lang));
  const std::set<std::string> printed(out.begin(), out.end());
  const std::vector<std::string> gold =
      NonBlankLines(ReadFile(TestDataPath(gold_file)));
  if (gold.empty()) return 0.0;
  int found = 0;
  for (const std::string& sentence : gold) found += printed.count(sentence);
  return static_cast<double>(found) / static_cast<double>(gold.size());
}

TEST(CliSegment, DataFilesSegment) {
  for (const auto& [file, lang] :
       std::vector<std::pair<const char*, const char*>>{
           {"mensch-interview.it.txt", "it"},
           {"mensch-interview.zh.txt", "zh"},
           {"mistral-newsletter.it.txt", "it"}}) {
    const CliResult r = RunCli({"segment", DataPath(file), "--lang", lang});
    EXPECT_TRUE(Succeeded(r)) << file;
    EXPECT_FALSE(NonBlankLines(r.out).empty()) << file;
    EXPECT_TRUE(r.out.ends_with("\n")) << file;
    EXPECT_FALSE(r.out.starts_with("\n")) << file;
    EXPECT_EQ(r.out.find("\n\n\n"), std::string::npos) << file;
  }
}

// Measured when written: 143/143 (100%) Italian, 128/128 (100%) Chinese.
TEST(CliSegment, InterviewMatchesGoldSentences) {
  EXPECT_GE(GoldRecall(ItText(), "it", "mensch-interview.it.sentences.txt"),
            0.95);
  EXPECT_GE(GoldRecall(ZhText(), "zh", "mensch-interview.zh.sentences.txt"),
            0.95);
}

TEST(CliSegment, GuessedLanguageIsAnnouncedOnceOnStderr) {
  const CliResult guessed = RunCli({"segment", ZhText()});
  EXPECT_EQ(guessed.exit_code, 0);
  EXPECT_EQ(Lines(guessed.err).size(), 1u) << guessed.err;
  EXPECT_NE(guessed.err.find("assuming language 'zh'"), std::string::npos) << guessed.err;
  // The same segmentation as when the language is given, which is silent.
  const CliResult given = RunCli({"segment", ZhText(), "--lang", "zh"});
  EXPECT_TRUE(Succeeded(given));
  EXPECT_EQ(guessed.out, given.out);
  // An input error is still the only line.
  EXPECT_TRUE(FailedWithOneLine(RunCli({"align", ItText(), "/nonexistent/zh.txt"})));
  EXPECT_TRUE(FailedWithOneLine(RunCli({"segment", ItText(), "--lang-data", "/nonexistent"})));
}

// `segment -f jsonl`: every record's byte range holds, in the input file,
// the sentence's own text (the sample has no hard-wrapped lines).
TEST(CliSegment, JsonlOffsetsPointIntoTheOriginalBytes) {
  const std::string input = ReadFile(ItText());
  const CliResult r = RunCli({"segment", ItText(), "--lang", "it", "-f", "jsonl"});
  ASSERT_TRUE(Succeeded(r));
  const std::regex record(
      R"re(\{"index":(\d+),"paragraph":(\d+),"line":(\d+),"column":(\d+),"start":(\d+),"end":(\d+),"text":"(.*)"\})re");
  std::size_t count = 0;
  for (const std::string& line : Lines(r.out)) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, record)) << line;
    EXPECT_EQ(std::stoul(m[1]), count);
    const std::size_t start = std::stoul(m[5]);
    const std::size_t end = std::stoul(m[6]);
    const std::string text = m[7];
    // Line and column point at the sentence's first character.
    const std::size_t newline =
        start == 0 ? std::string::npos : input.rfind('\n', start - 1);
    const std::size_t line_start = newline == std::string::npos ? 0 : newline + 1;
    std::size_t column = 1;
    for (std::size_t i = line_start; i < start; ++i) {
      column += (static_cast<unsigned char>(input[i]) & 0xC0) != 0x80;
    }
    EXPECT_EQ(std::stoul(m[4]), column) << line;
    EXPECT_EQ(std::stoul(m[3]),
              1 + static_cast<std::size_t>(std::count(
                      input.begin(), input.begin() + static_cast<long>(start), '\n')))
        << line;
    if (text.find('\\') == std::string::npos) {  // no escapes to undo
      EXPECT_EQ(input.substr(start, end - start), text);
    }
    ++count;
  }
  EXPECT_EQ(count, 143u);  // the gold's sentence count
  EXPECT_TRUE(FailedWithOneLine(RunCli({"segment", ItText(), "-f", "json"})));
}

}  // namespace
}  // namespace allinea::cli_test
