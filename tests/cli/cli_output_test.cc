// CLI tests of -o: whole or nothing, devices, links, errors.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "run_cli.h"

namespace allinea::cli_test {
namespace {

namespace fs = std::filesystem;

TEST(CliOutput, WritesTheFileAndNothingOnStdout) {
  TempDir dir;
  const CliResult to_stdout = RunCli(AlignInterview());
  ASSERT_TRUE(Succeeded(to_stdout));
  const std::string out = dir.File("out.tsv");
  const CliResult r = RunCli(AlignInterview({"-o", out}));
  EXPECT_TRUE(Succeeded(r));
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(ReadFile(out), to_stdout.out);
  EXPECT_EQ(dir.Entries(), std::vector<std::string>{"out.tsv"});

  // Replacing an existing file works the same way.
  WriteFile(out, "old content\n");
  const CliResult again = RunCli(AlignInterview({"--output", out}));
  EXPECT_TRUE(Succeeded(again));
  EXPECT_EQ(ReadFile(out), to_stdout.out);
  EXPECT_EQ(dir.Entries(), std::vector<std::string>{"out.tsv"});

  const std::string seg = dir.File("seg.txt");
  const CliResult segment_stdout =
      RunCli({"segment", ItText(), "--lang", "it"});
  const CliResult segment_file =
      RunCli({"segment", ItText(), "--lang", "it", "-o", seg});
  EXPECT_TRUE(Succeeded(segment_file));
  EXPECT_EQ(segment_file.out, "");
  EXPECT_EQ(ReadFile(seg), segment_stdout.out);
}

TEST(CliOutput, MissingFolderIsAnErrorNamingThePath) {
  TempDir dir;
  const std::string out = dir.File("missing/out.tsv");
  const CliResult r = RunCli(AlignInterview({"-o", out}));
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_NE(r.err.find(out), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.path() / "missing"));
  EXPECT_TRUE(dir.Entries().empty());
}

TEST(CliOutput, DevFullIsAWriteErrorAndStaysADevice) {
  struct stat before;
  if (::stat("/dev/full", &before) != 0 || !S_ISCHR(before.st_mode)) {
    GTEST_SKIP() << "no /dev/full character device here";
  }
  for (const char* format : {"tsv", "index"}) {
    const CliResult r =
        RunCli(AlignInterview({"-f", format, "-o", "/dev/full"}));
    EXPECT_TRUE(FailedWithOneLine(r));
    EXPECT_NE(r.err.find("/dev/full"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("write"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("No space left on device"), std::string::npos)
        << r.err;
    struct stat after;
    ASSERT_EQ(::stat("/dev/full", &after), 0);
    EXPECT_TRUE(S_ISCHR(after.st_mode)) << "/dev/full was replaced";
    EXPECT_EQ(after.st_rdev, before.st_rdev);
  }
}

// No name that starts with ".out.tsv" (the temporary file's prefix).
// No temporary file (they are hidden: ".allinea-PID-N.tmp") is left.
void ExpectNoTemporaries(const TempDir& dir) {
  for (const std::string& name : dir.Entries()) {
    EXPECT_FALSE(name.starts_with(".")) << "left behind: " << name;
  }
}

TEST(CliOutput, FailedRunLeavesTheExistingFileAlone) {
  TempDir dir;
  const std::string out = dir.Write("out.tsv", "precious\n");
  const std::string bad = dir.Write("bad.txt", "Ciao.\n\x80 mondo.\n");
  const CliResult r = RunCli({"align", bad, ZhText(), "-o", out});
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_EQ(ReadFile(out), "precious\n");
  ExpectNoTemporaries(dir);

  const CliResult seg = RunCli({"segment", bad, "-o", out});
  EXPECT_TRUE(FailedWithOneLine(seg));
  EXPECT_EQ(ReadFile(out), "precious\n");
  ExpectNoTemporaries(dir);

  const CliResult ok = RunCli(AlignInterview({"-o", out}));
  EXPECT_TRUE(Succeeded(ok));
  ExpectNoTemporaries(dir);
  EXPECT_EQ(dir.Entries(), (std::vector<std::string>{"bad.txt", "out.tsv"}));
}

// A write that fails half-way (the file size limit is hit while the output is
// written) leaves the old file whole and removes the temporary file.
TEST(CliOutput, FailedWriteLeavesTheExistingFileAlone) {
  TempDir dir;
  const std::string out = dir.Write("out.tsv", "precious\n");
  const CliResult align = RunCliWithFileSizeLimit(AlignInterview({"-o", out}),
                                                  /*max_bytes=*/4096);
  EXPECT_TRUE(FailedWithOneLine(align));
  EXPECT_NE(align.err.find(out), std::string::npos) << align.err;
  EXPECT_EQ(ReadFile(out), "precious\n");
  ExpectNoTemporaries(dir);

  const CliResult seg = RunCliWithFileSizeLimit(
      {"segment", ItText(), "--lang", "it", "-o", out}, /*max_bytes=*/4096);
  EXPECT_TRUE(FailedWithOneLine(seg));
  EXPECT_EQ(ReadFile(out), "precious\n");
  EXPECT_EQ(dir.Entries(), std::vector<std::string>{"out.tsv"});
}

TEST(CliOutput, SymbolicLinkKeepsTheLinkAndReplacesItsTarget) {
  TempDir dir;
  const std::string real = dir.Write("real.tsv", "old\n");
  const std::string link = dir.File("link.tsv");
  ASSERT_EQ(::symlink("real.tsv", link.c_str()), 0);
  const CliResult r = RunCli(AlignInterview({"-o", link}));
  ASSERT_TRUE(Succeeded(r));
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(ReadFile(real), RunCli(AlignInterview()).out);
  ExpectNoTemporaries(dir);
}

TEST(CliOutput, DevStdoutIsWrittenDirectly) {
  const CliResult direct = RunCli(AlignInterview({"-o", "/dev/stdout"}));
  ASSERT_TRUE(Succeeded(direct));
  EXPECT_EQ(direct.out, RunCli(AlignInterview()).out);
  EXPECT_TRUE(fs::is_symlink("/dev/stdout") || fs::is_character_file("/dev/stdout"));
}

TEST(CliOutput, EmptyFileNameIsRefusedBeforeAnyWork) {
  const CliResult r = RunCli(AlignInterview({"-o", ""}));
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_NE(r.err.find("empty output file name"), std::string::npos) << r.err;
}

TEST(CliOutput, ExistingFileInAReadOnlyFolderNamesTheFolder) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes to read-only folders";
  TempDir dir;
  const std::string out = dir.Write("out.tsv", "old\n");
  ASSERT_EQ(::chmod(dir.path().c_str(), 0555), 0);
  const CliResult r = RunCli(AlignInterview({"-o", out}));
  ::chmod(dir.path().c_str(), 0755);
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_NE(r.err.find("temporary file in " + dir.path().string()), std::string::npos)
      << r.err;
  EXPECT_EQ(ReadFile(out), "old\n");
}

}  // namespace
}  // namespace allinea::cli_test
