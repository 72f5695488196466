// Golden CLI cases: each folder of tests/golden/ holds `args` (one argument a
// line) and `expected.stdout`. The test runs the CLI with those arguments and
// compares standard output byte for byte. With ALLINEA_UPDATE_GOLDEN=1 it
// rewrites expected.stdout instead, so that a reviewer reads the diff.
//
// Placeholders in `args`: @DATA@ (data/), @TESTDATA@ (tests/data/) and @CASE@
// (the case's own folder).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

#include "run_cli.h"

namespace allinea::cli_test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> GoldenCases() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(GoldenDir(), error)) {
    if (entry.is_directory() && fs::exists(entry.path() / "args")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool UpdateGolden() {
  const char* value = std::getenv("ALLINEA_UPDATE_GOLDEN");
  return value != nullptr && std::string(value) == "1";
}

void ReplaceAll(std::string& text, const std::string& from,
                const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::vector<std::string> ReadArgs(const fs::path& case_dir) {
  std::vector<std::string> args;
  for (std::string line : Lines(ReadFile(case_dir / "args"))) {
    ReplaceAll(line, "@DATA@", ALLINEA_DATA_DIR);
    ReplaceAll(line, "@TESTDATA@", ALLINEA_TEST_DATA_DIR);
    ReplaceAll(line, "@CASE@", case_dir.string());
    args.push_back(line);
  }
  return args;
}

// A test name from a folder name: letters and digits only.
std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class GoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesExpectedStdout) {
  const fs::path case_dir = GoldenDir() / GetParam();
  const CliResult r = RunCli(ReadArgs(case_dir));
  ASSERT_TRUE(Succeeded(r));
  const fs::path expected = case_dir / "expected.stdout";
  if (UpdateGolden()) {
    WriteFile(expected, r.out);
    RecordProperty("updated", expected.string());
    return;
  }
  ASSERT_TRUE(fs::exists(expected))
      << expected << " is missing; run with ALLINEA_UPDATE_GOLDEN=1";
  EXPECT_EQ(r.out, ReadFile(expected))
      << "golden case " << GetParam()
      << " differs; if the change is intended, rerun with "
         "ALLINEA_UPDATE_GOLDEN=1 and review the diff";
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, testing::ValuesIn(GoldenCases()),
                         TestName);

TEST(Golden, CasesArePresent) {
  EXPECT_GE(GoldenCases().size(), 2u) << "no golden cases in " << GoldenDir();
}

}  // namespace
}  // namespace allinea::cli_test
