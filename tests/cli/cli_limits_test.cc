// CLI tests, part 7: limits instead of surprises, and nothing lost on an
// interrupt (docs/robustness.md). An enormous sentence is cut, with one
// warning; texts of wildly different lengths align; a run stopped by SIGINT
// or SIGTERM dies of the signal and leaves neither a temporary file nor a
// changed output behind.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "run_cli.h"
#include "internal/unicode.h"

extern char** environ;

namespace allinea::cli_test {
namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr int kShare = 10;  // the sanitizer build is slower: smaller inputs
#else
constexpr int kShare = 1;
#endif

// `count` words of the sample's Italian, in turn, without punctuation: one
// enormous sentence.
std::string WordsWithoutPunctuation(std::size_t count) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : ReadFile(ItText())) {
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  std::string text;
  for (std::size_t k = 0; k < count; ++k) {
    if (k > 0) text += ' ';
    text += words[k % words.size()];
  }
  return text + "\n";
}

// `count` lines "BEFORE k AFTER", k = 0, 1, ...: one numbered sentence each.
std::string NumberedLines(int count, const std::string& before,
                          const std::string& after) {
  std::string text;
  for (int k = 0; k < count; ++k) text += before + std::to_string(k) + after + "\n";
  return text;
}

TEST(Limits, AnEnormousSentenceIsCutAtWordsWithOneWarning) {
  TempDir dir;
  const std::string text = WordsWithoutPunctuation(200'000);  // ~1.4 MB
  const std::string file = dir.Write("long.txt", text);
  const CliResult r = RunCli({"segment", file, "--lang", "it"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "allinea: warning: " + file +
                ": cut 1 sentence longer than 2000 characters into pieces "
                "(the first at line 1; --max-sentence sets the limit)\n");
  const std::vector<std::string> pieces = Lines(r.out);
  ASSERT_GT(pieces.size(), text.size() / 2000);
  std::string joined;
  for (const std::string& piece : pieces) {
    EXPECT_LE(internal::CountCodePoints(piece), 2000u);
    if (&piece != &pieces.back()) {
      EXPECT_GT(internal::CountCodePoints(piece), 1900u) << "cut far before the limit";
    }
    if (!joined.empty()) joined += ' ';
    joined += piece;
  }
  // Cut between words only: the pieces joined by spaces are the text.
  EXPECT_EQ(joined + "\n", text);

  // 0 lifts the limit; a negative limit is a usage error.
  const CliResult whole = RunCli({"segment", file, "--lang", "it", "--max-sentence", "0"});
  EXPECT_TRUE(Succeeded(whole));
  EXPECT_EQ(whole.out, text);
  EXPECT_TRUE(FailedWithOneLine(
      RunCli({"segment", file, "--lang", "it", "--max-sentence", "-5"})));
}

TEST(Limits, AlignAndCheckWarnOncePerCutFile) {
  TempDir dir;
  const std::string file =
      dir.Write("long.txt", WordsWithoutPunctuation(100'000 / kShare));
  for (const std::string command : {"align", "check"}) {
    const CliResult r = RunCli({command, file, ZhText(), "--src-lang", "it",
                                "--tgt-lang", "zh", "-o", dir.File("out")});
    EXPECT_EQ(r.exit_code, command == "check" ? 1 : 0) << r.err;
    EXPECT_EQ(Lines(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find("warning: " + file + ": cut 1 sentence"),
              std::string::npos)
        << r.err;
  }
}

// The sentence numbers of one side of index-format output ("[0,1]:[2]"), in
// order.
std::vector<std::size_t> SideIndices(const std::string& out, bool source) {
  std::vector<std::size_t> indices;
  for (const std::string& line : Lines(out)) {
    const std::size_t colon = line.find("]:[");
    const std::string side = source ? line.substr(1, colon - 1)
                                    : line.substr(colon + 3, line.size() - colon - 4);
    for (const std::string& number : Split(side, ',')) {
      if (!number.empty()) indices.push_back(std::stoul(number));
    }
  }
  return indices;
}

// One sentence against 200,000 (and the other way round): every sentence
// is in the output once, in order, and the run ends in seconds.
TEST(Limits, TextsOfWildlyDifferentLengths) {
  TempDir dir;
  const std::string long_file =
      dir.Write("many.txt", NumberedLines(200'000 / kShare, "Frase numero ", "."));
  const std::string short_file = dir.Write("one.txt", "Frase numero 7.\n");
  for (const bool long_first : {true, false}) {
    const CliResult r =
        RunCli({"align", long_first ? long_file : short_file,
                long_first ? short_file : long_file, "--src-lang", "it",
                "--tgt-lang", "it", "-f", "index"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(r.timed_out);
    std::vector<std::size_t> expected(200'000 / kShare);
    for (std::size_t k = 0; k < expected.size(); ++k) expected[k] = k;
    EXPECT_EQ(SideIndices(r.out, long_first), expected);
    EXPECT_EQ(SideIndices(r.out, !long_first), std::vector<std::size_t>{0});
  }
}

// Starts the CLI with `args`, its output streams to /dev/null, and SIGINT,
// SIGTERM and SIGHUP at their default action even when the test runs with
// them ignored (a background job of a shell without job control).
pid_t Spawn(const std::vector<std::string>& args) {
  std::vector<std::string> all = {ALLINEA_CLI};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (const int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&defaults, signal);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  const int rc =
      posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

// True once process `pid` holds a file open in `dir` (its temporary
// output), false if it ended first or after 30 s.
bool HoldsAFileIn(pid_t pid, const fs::path& dir) {
  const fs::path fds = "/proc/" + std::to_string(pid) + "/fd";
  const std::string prefix = fs::canonical(dir).string() + "/";
  for (int k = 0; k < 3000; ++k) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fds, ec)) {
      std::error_code link_ec;
      const std::string target = fs::read_symlink(entry.path(), link_ec).string();
      if (!link_ec && target.rfind(prefix, 0) == 0 &&
          target.find(".txt") == std::string::npos) {
        return true;
      }
    }
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// End to end: the run dies of the signal and the old output stays. Where
// the folder allows O_TMPFILE (ext4, tmpfs) the temporary file is anonymous
// and vanishes with the process anyway; the named files of other file
// systems, which the handler removes, are tested in io_test
// (SignalsRemoveTheRememberedTemporaryFiles).
TEST(Interrupt, SigintAndSigtermLeaveNoTemporaryFileAndTheOldOutput) {
  TempDir dir;
  const std::string big =
      NumberedLines(400'000 / kShare, "Questa è la frase numero ", " del testo.");
  const std::string src = dir.Write("src.txt", big);
  const std::string tgt = dir.Write("tgt.txt", big);
  const std::string out = dir.Write("out.tsv", "the previous output\n");
  for (const int signal : {SIGINT, SIGTERM}) {
    for (const std::string command : {"align", "check"}) {
      const pid_t pid = Spawn({command, src, tgt, "--src-lang", "it",
                               "--tgt-lang", "it", "-o", out});
      ASSERT_GT(pid, 0);
      // Stop it while it works, its temporary output open.
      ASSERT_TRUE(HoldsAFileIn(pid, dir.path())) << command;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      ASSERT_EQ(::kill(pid, signal), 0);
      int status = 0;
      ASSERT_EQ(::waitpid(pid, &status, 0), pid);
      ASSERT_TRUE(WIFSIGNALED(status)) << command << " exited instead";
      EXPECT_EQ(WTERMSIG(status), signal) << command;
      EXPECT_EQ(dir.Entries(),
                (std::vector<std::string>{"out.tsv", "src.txt", "tgt.txt"}))
          << command << " signal " << signal;
      EXPECT_EQ(ReadFile(out), "the previous output\n");
    }
  }
}

}  // namespace
}  // namespace allinea::cli_test
