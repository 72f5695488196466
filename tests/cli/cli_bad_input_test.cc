// CLI tests, part 6: the bad-input suite (docs/robustness.md). Every
// command (segment, align, check) gets each hostile input; each must give
// its documented result: a refusal (exit 2, one line on stderr naming the
// file, the byte offset where it applies, and the problem, no output file
// left behind) or a sensible result. Never a crash or a hang.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "run_cli.h"

namespace allinea::cli_test {
namespace {

namespace fs = std::filesystem;

struct BadInput {
  std::string name;     // test name and file name
  std::string bytes;    // the file's content
  // Empty: a sensible result is expected. Otherwise the refusal's line
  // holds the file's path and this text ("byte 3: invalid UTF-8").
  std::string refusal;
};

std::vector<BadInput> Cases() {
  std::vector<BadInput> cases = {
      {"stray_continuation", "Uno.\nabc\x80" "def.\n", "byte 8: invalid UTF-8"},
      {"overlong", "Uno. \xC0\xAF", "byte 5: invalid UTF-8"},
      {"encoded_surrogate", "Due. \xED\xA0\x80.", "byte 5: invalid UTF-8"},
      {"truncated_at_end", "Tre parole \xE4\xB8",
       "byte 11: invalid UTF-8: truncated sequence at end of input"},
      {"nul_byte", std::string("Quattro\0 cinque.\n", 17), "byte 7: NUL byte: a binary file, not text"},
      {"binary", std::string("\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10),
       "byte 7: NUL byte: a binary file, not text"},
      {"utf16_without_bom",
       std::string("C\0i\0a\0o\0 \0m\0o\0n\0d\0o\0.\0\n\0", 24),
       "byte 0: looks like UTF-16LE, not UTF-8: convert it (iconv -f UTF-16LE "
       "-t UTF-8) or give --encoding UTF-16LE"},
      {"utf16_with_bom", std::string("\xFF\xFE" "C\0i\0a\0o\0.\0", 12),
       "byte 0: looks like UTF-16 (little-endian, with a byte-order mark), "
       "not UTF-8: convert it (iconv -f UTF-16 -t UTF-8) or give --encoding "
       "UTF-16"},
      {"empty", "", ""},
      {"whitespace_only", "  \n\t\n\n   ", ""},
      {"bom_and_crlf", "\xEF\xBB\xBFUno.\r\nDue.\r\n\r\nTre.\r\n", ""},
  };
  return cases;
}

// Runs `command` with `input` as its (source) file and the sample's Chinese
// as the target, output to a file in `dir`.
// `timeout_seconds` only guards against a hang: the large inputs get more
// under the sanitizers, on a loaded machine.
CliResult RunCommand(const std::string& command, const std::string& input,
              const TempDir& dir, int timeout_seconds = 120) {
  const std::string out = dir.File("out.txt");
  if (command == "segment") {
    return RunCli({"segment", input, "--lang", "it", "-o", out}, std::nullopt, timeout_seconds);
  }
  return RunCli({command, input, ZhText(), "--src-lang", "it", "--tgt-lang",
                 "zh", "-o", out}, std::nullopt, timeout_seconds);
}

class BadInputSuite
    : public testing::TestWithParam<std::tuple<BadInput, std::string>> {};

TEST_P(BadInputSuite, RefusedClearlyOrHandled) {
  const auto& [input, command] = GetParam();
  TempDir dir;
  const std::string path = dir.Write(input.name + ".txt", input.bytes);
  const CliResult r = RunCommand(command, path, dir);
  EXPECT_EQ(r.term_signal, 0) << "killed by signal " << r.term_signal;
  EXPECT_FALSE(r.timed_out);
  if (!input.refusal.empty()) {
    EXPECT_TRUE(FailedWithOneLine(r));
    EXPECT_EQ(r.err, "allinea: " + path + ": " + input.refusal + "\n");
    // Nothing left behind: no output file, no temporary file.
    EXPECT_EQ(dir.Entries(), std::vector<std::string>{input.name + ".txt"});
    return;
  }
  // A sensible result: segment and align succeed; check runs and fails
  // (these texts are no translation of the sample's Chinese; an empty
  // source leaves the whole Chinese as an addition).
  EXPECT_EQ(r.exit_code, command == "check" ? 1 : 0) << r.err;
  EXPECT_TRUE(fs::exists(dir.File("out.txt")));
}

INSTANTIATE_TEST_SUITE_P(
    AllCommands, BadInputSuite,
    testing::Combine(testing::ValuesIn(Cases()),
                     testing::Values("segment", "align", "check")),
    [](const auto& info) {
      return std::get<0>(info.param).name + "_" + std::get<1>(info.param);
    });

TEST(BadInputSuite, DirectoryAndMissingFileForEveryCommand) {
  TempDir dir;
  for (const std::string command : {"segment", "align", "check"}) {
    const CliResult as_dir = RunCommand(command, dir.path().string(), dir);
    EXPECT_TRUE(FailedWithOneLine(as_dir)) << command;
    EXPECT_NE(as_dir.err.find("directory"), std::string::npos) << as_dir.err;
    const CliResult missing = RunCommand(command, dir.File("missing.txt"), dir);
    EXPECT_TRUE(FailedWithOneLine(missing)) << command;
    EXPECT_NE(missing.err.find("No such file"), std::string::npos) << missing.err;
    EXPECT_TRUE(dir.Entries().empty()) << command;
  }
}

TEST(BadInputSuite, EncodingConvertsOrNamesTheBadByte) {
  TempDir dir;
  const std::string utf16 =
      dir.Write("utf16.txt", std::string("C\0i\0a\0o\0 \0m\0o\0n\0d\0o\0.\0\n\0", 24));
  const CliResult ok = RunCli({"segment", utf16, "--lang", "it", "--encoding", "UTF-16LE"});
  EXPECT_TRUE(Succeeded(ok));
  EXPECT_EQ(ok.out, "Ciao mondo.\n");
  const std::string latin1 = dir.Write("latin1.txt", "Caff\xE8 e cr\xE8me.\n");
  const CliResult l = RunCli({"align", latin1, ZhText(), "--src-encoding", "latin1",
                              "--src-lang", "it", "--tgt-lang", "zh", "-f", "index"});
  EXPECT_TRUE(Succeeded(l)) << l.err;
  const std::string sjis = dir.Write("sjis.txt", "ab\x81");
  const CliResult bad = RunCli({"segment", sjis, "--encoding", "Shift_JIS"});
  EXPECT_TRUE(FailedWithOneLine(bad));
  EXPECT_EQ(bad.err, "allinea: " + sjis + ": byte 2: not valid Shift_JIS\n");
  const CliResult unknown = RunCli({"check", ItText(), ZhText(), "--encoding", "klingon"});
  EXPECT_TRUE(FailedWithOneLine(unknown));
  EXPECT_NE(unknown.err.find("unknown encoding 'klingon'"), std::string::npos);
}

// The sanitizer build runs about ten times slower: there align and check
// get a tenth of the large inputs (segment still gets them whole).
#if defined(__SANITIZE_ADDRESS__)
constexpr int kAlignShare = 10;
#else
constexpr int kAlignShare = 1;
#endif

// Large inputs end in seconds, with a result.
TEST(BadInputSuite, TwentyMegabytesOnOneLineAndAMillionLines) {
  TempDir dir;
  const auto make = [&](const std::string& name, const char* unit, int count) {
    std::string text;
    text.reserve(static_cast<std::size_t>(count) * 8);
    for (int k = 0; k < count; ++k) text += unit;
    return dir.Write(name, text);
  };
  const std::string one_line = make("one-line.txt", "parola ", 3'000'000);
  const std::string million = make("million.txt", "parola\n", 1'000'000);
  const std::string one_line_part =
      make("one-line-part.txt", "parola ", 3'000'000 / kAlignShare);
  const std::string million_part =
      make("million-part.txt", "parola\n", 1'000'000 / kAlignShare);
  for (const std::string& input : {one_line, million, one_line_part, million_part}) {
    const bool whole = input == one_line || input == million;
    for (const std::string command : {"segment", "align", "check"}) {
      if (command != "segment" && whole && kAlignShare > 1) continue;
      const CliResult r = RunCommand(command, input, dir, 900);
      EXPECT_EQ(r.term_signal, 0) << command << " " << input;
      EXPECT_FALSE(r.timed_out);
      EXPECT_EQ(r.exit_code, command == "check" ? 1 : 0) << command << " " << r.err;
    }
  }
}

}  // namespace
}  // namespace allinea::cli_test

namespace allinea::cli_test {
namespace {

// `allinea … | head -1`: the reader goes away after one line. The run ends
// quietly: killed by SIGPIPE (status 141 in the shell), as other filters
// are, or with status 0 when SIGPIPE is ignored; never a message.
TEST(BadInputSuite, AReaderThatClosesThePipeEarly) {
  TempDir dir;
  const std::string err = dir.File("err.txt");
  const std::string big = dir.Write("big.txt", [] {
    std::string s;
    for (int k = 0; k < 30000; ++k) s += "Una frase.\n";
    return s;
  }());
  for (const std::string command : {"segment", "align", "check"}) {
    for (const bool ignore : {false, true}) {
      const std::string args = command == "segment"
                                   ? "segment '" + big + "' --lang it"
                                   : command + " '" + big + "' '" + big +
                                         "' --src-lang it --tgt-lang it";
      const std::string script =
          std::string(ignore ? "trap '' PIPE; " : "") + "'" + ALLINEA_CLI +
          "' " + args + " 2>'" + err + "' | head -1 >/dev/null; exit ${PIPESTATUS[0]}";
      const std::string file = dir.Write("run.sh", script + "\n");
      const std::string line = "bash '" + file + "'";
      const int status = std::system(line.c_str());
      const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      EXPECT_TRUE(code == 0 || code == 141) << command << " exit " << code;
      if (ignore) {
        EXPECT_EQ(code, 0) << command;
      }
      EXPECT_EQ(ReadFile(err), "") << command;
    }
  }
}

// Language codes that contradict the text (the two sides swapped, English
// declared for Italian): the run goes on as told, with one warning per such
// input; a related language the detection cannot tell apart is not
// contradicted.
TEST(BadInputSuite, MismatchedLanguageCodesAreNamedInAWarning) {
  const CliResult right = RunCli({"align", ItText(), ZhText(), "--src-lang", "it",
                                  "--tgt-lang", "zh", "-f", "index"});
  ASSERT_TRUE(Succeeded(right));
  const CliResult swapped = RunCli({"align", ItText(), ZhText(), "--src-lang", "zh",
                                    "--tgt-lang", "it", "-f", "index"});
  EXPECT_EQ(swapped.exit_code, 0);
  EXPECT_EQ(swapped.err,
            "allinea: warning: " + ItText() +
                ": --src-lang says 'zh', but the text looks like 'it'; its "
                "sentence rules, anchors and checks follow --src-lang\n"
                "allinea: warning: " + ZhText() +
                ": --tgt-lang says 'it', but the text looks like 'zh'; its "
                "sentence rules, anchors and checks follow --tgt-lang\n");
  EXPECT_EQ(swapped.out, right.out);
  const CliResult english = RunCli({"segment", ItText(), "--lang", "en"});
  EXPECT_EQ(english.exit_code, 0);
  EXPECT_NE(english.err.find("--lang says 'en', but the text looks like 'it'"),
            std::string::npos)
      << english.err;
  const CliResult check = RunCli({"check", ItText(), ZhText(), "--src-lang", "zh",
                                  "--tgt-lang", "it"});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(Lines(check.err).size(), 2u) << check.err;
  // Portuguese is not told from Italian or Spanish by its common words: no
  // warning; nor for a region of the right language.
  for (const std::string lang : {"pt", "it-CH"}) {
    EXPECT_TRUE(Succeeded(RunCli({"segment", ItText(), "--lang", lang}))) << lang;
  }
}

}  // namespace
}  // namespace allinea::cli_test
