#include "allinea/io.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "allinea/error.h"

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

}  // namespace
}  // namespace allinea
