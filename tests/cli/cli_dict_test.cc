// CLI tests, part 3: dictionaries: `align --dict`, --dict-dir, --dict none,
// `allinea dict build|list`, and the installed dictionaries.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "run_cli.h"

namespace allinea::cli_test {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string ItZhDict() { return TestDataPath("dict/it-zh.dict"); }

// The source and the target indices of index-format output, in order.
std::pair<std::vector<int>, std::vector<int>> Indices(const std::string& out) {
  std::pair<std::vector<int>, std::vector<int>> sides;
  for (const std::string& line : Lines(out)) {
    const std::vector<std::string> halves = Split(line, ':');
    if (halves.size() != 2) {
      ADD_FAILURE() << "not an index bead: " << line;
      continue;
    }
    for (int side = 0; side < 2; ++side) {
      const std::string& h = halves[side];
      if (h.size() < 2) continue;
      const std::string list = h.substr(1, h.size() - 2);  // without [ ]
      if (list.empty()) continue;
      for (const std::string& item : Split(list, ',')) {
        (side == 0 ? sides.first : sides.second).push_back(std::stoi(item));
      }
    }
  }
  return sides;
}

TEST(CliDict, MissingDictionaryIsNamed) {
  TempDir dir;
  const std::string missing = dir.File("nowhere.dict");
  const CliResult r = RunCli(AlignInterview({"--dict", missing}));
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, missing)) << r.err;
}

TEST(CliDict, MalformedLinesAreSkippedWithOneWarning) {
  TempDir dir;
  const std::string bad = dir.Write(
      "bad.dict", "# it-zh\n模型 @ modello\nsolo parole\n人工智能 @ intelligenza artificiale\nx\n");
  const CliResult r = RunCli(AlignInterview({"-f", "index", "--dict", bad}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(r.out.empty());
  EXPECT_EQ(Lines(r.err).size(), 1u) << r.err;
  EXPECT_TRUE(Contains(r.err, "allinea: warning: " + bad +
                                  ": skipped 2 malformed lines (the first: line 3: "))
      << r.err;
  // --dict-strict refuses the file, naming the line; the second of several
  // dictionaries too.
  const CliResult strict = RunCli(AlignInterview({"--dict", bad, "--dict-strict"}));
  EXPECT_TRUE(FailedWithOneLine(strict));
  EXPECT_TRUE(Contains(strict.err, bad + ": line 3: ")) << strict.err;
  const CliResult second =
      RunCli(AlignInterview({"--dict", ItZhDict(), "--dict", bad, "--dict-strict"}));
  EXPECT_TRUE(FailedWithOneLine(second));
  EXPECT_TRUE(Contains(second.err, bad + ": line 3: ")) << second.err;
}

TEST(CliDict, NoneTurnsEveryDictionaryOffAndGoesAlone) {
  const CliResult none = RunCli(AlignInterview({"-f", "index", "--dict", "none"}));
  EXPECT_TRUE(Succeeded(none));
  const CliResult both = RunCli(AlignInterview({"--dict", "none", "--dict", ItZhDict()}));
  EXPECT_TRUE(FailedWithOneLine(both));
  EXPECT_TRUE(Contains(both.err, "--dict none")) << both.err;
}

TEST(CliDict, ADictionaryThatMatchesNothingIsNamed) {
  // Words of neither text.
  TempDir dir;
  const std::string zoo = dir.Write("zoo.tsv", "zebra\t斑马\ngiraffa\t长颈鹿\n");
  const CliResult r = RunCli(AlignInterview({"-f", "index", "--dict", zoo}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "allinea: warning: " + zoo +
                       ": no entry of this dictionary occurs in both texts (are its "
                       "languages those of the pair?)\n");
}

// A data folder with the test dictionaries compiled by `allinea dict build`:
// FreeDict ita-eng and CC-CEDICT samples, so it->zh goes through English.
void BuildDataDir(const TempDir& dir) {
  const CliResult build = RunCli({"dict", "build", TestDataPath("dict/freedict-ita-eng.index"),
                                  "-o", dir.path().string()});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_TRUE(Contains(build.err, "allinea: built " + dir.File("dict/it-en.freedict-ita-eng.adict")))
      << build.err;
  const CliResult cedict = RunCli({"dict", "build", TestDataPath("dict/cedict-sample.u8"),
                                   "--name", "cc-cedict", "-o", dir.path().string()});
  ASSERT_EQ(cedict.exit_code, 0) << cedict.err;
}

TEST(CliDict, BuiltDictionariesAreListedAndUsedByDefault) {
  TempDir dir;
  BuildDataDir(dir);
  const CliResult list = RunCli({"dict", "list", "--dict-dir", dir.path().string()});
  ASSERT_TRUE(Succeeded(list));
  const std::vector<std::string> lines = Lines(list.out);
  ASSERT_EQ(lines.size(), 2u) << list.out;
  EXPECT_EQ(Split(lines[0], '\t')[0], dir.File("dict/it-en.freedict-ita-eng.adict"));
  EXPECT_EQ(Split(lines[0], '\t')[1], "it");
  EXPECT_EQ(Split(lines[1], '\t')[0], dir.File("dict/zh-en.cc-cedict.adict"));
  // align finds them for it -> zh, through English, and says so once.
  const CliResult r =
      RunCli(AlignInterview({"-f", "index", "--dict-dir", dir.path().string()}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "allinea: it->zh: dictionaries it-en.freedict-ita-eng (pivot), "
            "zh-en.cc-cedict (pivot) (--dict none: none)\n");
  // The TMX header names them.
  const CliResult tmx =
      RunCli(AlignInterview({"-f", "tmx", "--dict-dir", dir.path().string()}));
  EXPECT_TRUE(Contains(tmx.out,
                       "<prop type=\"x-allinea-dictionaries\">it-en.freedict-ita-eng "
                       "(pivot); zh-en.cc-cedict (pivot)</prop>"))
      << tmx.out.substr(0, 600);
  // A pair they do not serve uses none, quietly.
  const CliResult other = RunCli({"align", TestDataPath("pairs/mostra-annuncio.it.txt"),
                                  TestDataPath("pairs/mostra-annuncio.en.txt"), "--src-lang",
                                  "de", "--tgt-lang", "fr", "--dict-dir", dir.path().string()});
  EXPECT_EQ(other.exit_code, 0);
  EXPECT_FALSE(Contains(other.err, "dictionaries")) << other.err;
}

TEST(CliDict, AMissingDictDirIsAnError) {
  TempDir dir;
  const CliResult r = RunCli(AlignInterview({"--dict-dir", dir.File("nowhere")}));
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, dir.File("nowhere") + ": --dict-dir: no such folder")) << r.err;
}

TEST(CliDict, DictBuildNeedsLanguagesItCannotTell) {
  TempDir dir;
  const CliResult r = RunCli({"dict", "build", ItZhDict(), "-o", dir.path().string()});
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, "set --from and --to")) << r.err;
  const CliResult named = RunCli({"dict", "build", ItZhDict(), "--from", "it", "--to", "zh",
                                  "-o", dir.path().string()});
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_TRUE(std::filesystem::exists(dir.File("dict/it-zh.it-zh.adict")));
  EXPECT_TRUE(FailedWithOneLine(RunCli({"dict"})));
  EXPECT_TRUE(FailedWithOneLine(RunCli({"dict", "burn"})));
}

// The dictionaries that ./setup.sh --dictionaries installs: used with no
// option. Skipped when they are not installed, except where the test
// tools are required (CI).
TEST(CliDict, InstalledDictionariesServeTheSamplePair) {
  const CliResult list = RunCliWithInstalledDictionaries({"dict", "list"});
  const bool installed = Contains(list.out, "zh-en.cc-cedict.adict") &&
                         Contains(list.out, "it-en.freedict-ita-eng.adict");
  if (!installed) {
    if (std::getenv("ALLINEA_REQUIRE_TEST_TOOLS") != nullptr) {
      FAIL() << "the installed dictionaries are missing (./setup.sh --dictionaries):\n"
             << list.out << list.err;
    }
    GTEST_SKIP() << "no installed dictionaries (./setup.sh --dictionaries)";
  }
  const CliResult r = RunCliWithInstalledDictionaries(AlignInterview({"-f", "index"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "allinea: it->zh: dictionaries ")) << r.err;
  EXPECT_TRUE(Contains(r.err, "zh-en.cc-cedict (pivot)")) << r.err;
  const auto [src, tgt] = Indices(r.out);
  EXPECT_EQ(src.size(), 143u);
  EXPECT_EQ(tgt.size(), 128u);
}

TEST(CliDict, InvalidUtf8InTheDictionaryHasTheByteOffset) {
  TempDir dir;
  const std::string bad = dir.Write("bad.dict", "模型 @ mod\xC3(llo\n");
  const CliResult r = RunCli(AlignInterview({"--dict", bad}));
  EXPECT_TRUE(FailedWithOneLine(r));
  EXPECT_TRUE(Contains(r.err, bad + ": byte 12: ")) << r.err;
}

TEST(CliDict, ValidDictionariesRun) {
  const CliResult plain = RunCli(AlignInterview({"-f", "index"}));
  ASSERT_TRUE(Succeeded(plain));
  const CliResult one =
      RunCli(AlignInterview({"-f", "index", "--dict", ItZhDict()}));
  ASSERT_TRUE(Succeeded(one));
  // Every sentence is still covered once, in order.
  const auto [src, tgt] = Indices(one.out);
  const auto [plain_src, plain_tgt] = Indices(plain.out);
  EXPECT_FALSE(src.empty());
  EXPECT_EQ(src, plain_src);
  EXPECT_EQ(tgt, plain_tgt);
  // Both formats, repeated; the TSV one does not match Italian, harmlessly.
  const CliResult two = RunCli(AlignInterview(
      {"--dict", ItZhDict(), "--dict", TestDataPath("dict/en-zh.tsv")}));
  EXPECT_TRUE(Succeeded(two));
  EXPECT_FALSE(two.out.empty());
}

TEST(CliDict, DictionaryFromStandardInput) {
  const CliResult r = RunCli(AlignInterview({"-f", "index", "--dict", "-"}),
                             ReadFile(ItZhDict()));
  EXPECT_TRUE(Succeeded(r));
  const CliResult file =
      RunCli(AlignInterview({"-f", "index", "--dict", ItZhDict()}));
  EXPECT_EQ(r.out, file.out);
  // Standard input can feed one input only.
  const CliResult both =
      RunCli({"align", "-", ZhText(), "--dict", "-"}, std::string("Ciao."));
  EXPECT_TRUE(FailedWithOneLine(both));
}

}  // namespace
}  // namespace allinea::cli_test
