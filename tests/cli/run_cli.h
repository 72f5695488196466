// run_cli.h: helpers for the CLI tests. Runs the built `allinea` binary with
// an argument vector (no shell), optional bytes on its standard input, and
// captures standard output, standard error and the exit status.
//
// Paths come from CMake (ALLINEA_CLI, ALLINEA_DATA_DIR, ...), never from the
// working directory. Temporary files live in a TempDir, one per test.
//
// Example:
//   allinea::cli_test::CliResult r =
//       allinea::cli_test::RunCli({"segment", DataPath("a.txt")});
//   EXPECT_EQ(r.exit_code, 0);
#ifndef ALLINEA_TESTS_CLI_RUN_CLI_H_
#define ALLINEA_TESTS_CLI_RUN_CLI_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace allinea::cli_test {

// What one run of the CLI did.
struct CliResult {
  int exit_code = -1;      // exit status; -1 if killed by a signal
  int term_signal = 0;     // the signal that killed it, 0 if it exited
  bool timed_out = false;  // killed by RunCli after the timeout
  std::string out;         // standard output, byte for byte
  std::string err;         // standard error, byte for byte
};

// Runs ALLINEA_CLI with `args` (argv[1..]). Its standard input is `stdin_bytes`
// through a pipe, or an empty pipe when absent. Kills the child after
// `timeout_seconds`. Fails the current test (ADD_FAILURE) if it cannot spawn.
// align, check and learn get `--dict-dir EMPTY` (no installed dictionary) unless
// `args` name --dict-dir or --dict none: no result depends on what the
// machine has installed.
[[nodiscard]] CliResult RunCli(
    const std::vector<std::string>& args,
    const std::optional<std::string>& stdin_bytes = std::nullopt,
    int timeout_seconds = 120);

// Runs the CLI like RunCli() but with the dictionaries the machine has.
[[nodiscard]] CliResult RunCliWithInstalledDictionaries(const std::vector<std::string>& args);

// Runs the CLI like RunCli() with an empty standard input, allowed to write
// regular files of at most `max_bytes` (RLIMIT_FSIZE): a larger write fails
// with EFBIG ("File too large") instead of raising SIGXFSZ.
[[nodiscard]] CliResult RunCliWithFileSizeLimit(
    const std::vector<std::string>& args, std::uint64_t max_bytes);

// Success: exit status 0 and nothing on standard error.
[[nodiscard]] testing::AssertionResult Succeeded(const CliResult& r);
// A usage or input error: exit status 2, nothing on standard output and
// exactly one line on standard error, starting with "allinea: ".
[[nodiscard]] testing::AssertionResult FailedWithOneLine(const CliResult& r);

// Absolute paths of files in data/, tests/data/ and tests/golden/.
[[nodiscard]] std::string DataPath(std::string_view name);
[[nodiscard]] std::string TestDataPath(std::string_view name);
// The sample pair: data/mensch-interview.{it,zh}.txt.
[[nodiscard]] std::string ItText();
[[nodiscard]] std::string ZhText();
[[nodiscard]] std::filesystem::path GoldenDir();
// `align` on the sample pair (it -> zh), with `extra` options at the end.
[[nodiscard]] std::vector<std::string> AlignInterview(
    std::vector<std::string> extra = {});

// A fresh folder made with mkdtemp(), removed with its contents when the
// object is destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // Absolute path of `name` inside the folder, as a string for argv.
  [[nodiscard]] std::string File(std::string_view name) const;
  // Writes `bytes` to `name` in the folder and returns its path.
  std::string Write(std::string_view name, std::string_view bytes) const;
  // Names of the entries of the folder, sorted.
  [[nodiscard]] std::vector<std::string> Entries() const;

 private:
  std::filesystem::path path_;
};

// The whole content of a file; fails the current test if it cannot be read.
[[nodiscard]] std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, std::string_view bytes);

// Lines of `text` split at '\n', without the '\n'; a final '\n' does not start
// an empty line ("a\nb\n" -> {"a", "b"}, "" -> {}).
[[nodiscard]] std::vector<std::string> Lines(std::string_view text);
// The lines that are not empty or whitespace only.
[[nodiscard]] std::vector<std::string> NonBlankLines(std::string_view text);
// Splits `line` at every `sep` ("a\t\tb" -> {"a", "", "b"}).
[[nodiscard]] std::vector<std::string> Split(std::string_view line, char sep);
// Undoes the TSV escapes \t, \n, \r and \\.
[[nodiscard]] std::string TsvUnescape(std::string_view field);

}  // namespace allinea::cli_test

#endif  // ALLINEA_TESTS_CLI_RUN_CLI_H_
