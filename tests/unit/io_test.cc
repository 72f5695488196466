#include "allinea/io.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>

#include <filesystem>
#include <fstream>

#include "allinea/error.h"
#include "io/temp_registry.h"

namespace allinea {
namespace {

namespace fs = std::filesystem;

class IoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "allinea-io-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::size_t FileCount() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_),
                                                  fs::directory_iterator()));
  }
  fs::path dir_;
};

TEST_F(IoTest, ReadsAFileWhole) {
  const fs::path p = dir_ / "a.txt";
  std::ofstream(p) << "uno\ndue\n";
  EXPECT_EQ(ReadInput(p.string()), "uno\ndue\n");
}

TEST_F(IoTest, MissingFileAndDirectoryAreIoErrors) {
  EXPECT_THROW((void)ReadInput((dir_ / "none.txt").string()), IoError);
  try {
    (void)ReadInput(dir_.string());
    FAIL();
  } catch (const IoError& e) {
    EXPECT_EQ(e.file(), dir_.string());
    EXPECT_NE(std::string(e.what()).find("directory"), std::string::npos);
  }
}

TEST_F(IoTest, CommitWritesTheFileAndLeavesNoTemporary) {
  const fs::path p = dir_ / "out.tsv";
  {
    OutputFile out(p.string());
    out.stream() << "a\tb\n";
    EXPECT_FALSE(fs::exists(p));  // not before Commit()
    out.Commit();
  }
  std::ifstream in(p);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(text, "a\tb\n");
  EXPECT_EQ(FileCount(), 1u);
}

TEST_F(IoTest, WithoutCommitTheOldFileStaysAndTheTemporaryGoes) {
  const fs::path p = dir_ / "out.tsv";
  std::ofstream(p) << "old\n";
  {
    OutputFile out(p.string());
    out.stream() << "new\n";
  }  // destroyed without Commit(), as after an error
  std::ifstream in(p);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(text, "old\n");
  EXPECT_EQ(FileCount(), 1u);
}

TEST_F(IoTest, MissingFolderIsAnIoError) {
  EXPECT_THROW(OutputFile((dir_ / "no" / "out.tsv").string()), IoError);
}

TEST_F(IoTest, DevFullReportsTheWriteErrorAndStaysADevice) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  OutputFile out("/dev/full");
  out.stream() << std::string(1 << 17, 'x');
  EXPECT_THROW(out.Commit(), IoError);
  EXPECT_TRUE(fs::is_character_file("/dev/full"));
}

// In a child process: with the handlers installed, `signal` removes the
// remembered file but not the forgotten one, and the child dies of the
// signal; an ignored signal stays ignored.
TEST_F(IoTest, SignalsRemoveTheRememberedTemporaryFiles) {
  for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
    const fs::path kept = dir_ / "kept.tmp";
    const fs::path removed = dir_ / "removed.tmp";
    std::ofstream(kept) << "x";
    std::ofstream(removed) << "x";
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      std::signal(signal, SIG_DFL);  // even if the test runs with it ignored
      RemoveTemporariesOnSignals();
      const int forgotten = internal::RememberTemporary(kept.string());
      (void)internal::RememberTemporary(removed.string());
      internal::ForgetTemporary(forgotten);
      ::raise(signal);
      ::_exit(0);  // not reached
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << signal;
    EXPECT_EQ(WTERMSIG(status), signal);
    EXPECT_TRUE(fs::exists(kept));
    EXPECT_FALSE(fs::exists(removed)) << signal;
    fs::remove(kept);
  }
  const fs::path file = dir_ / "stays.tmp";
  std::ofstream(file) << "x";
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::signal(SIGHUP, SIG_IGN);  // nohup
    RemoveTemporariesOnSignals();
    (void)internal::RememberTemporary(file.string());
    ::raise(SIGHUP);
    ::_exit(7);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 7);
  EXPECT_TRUE(fs::exists(file));
}

}  // namespace
}  // namespace allinea
