#include "allinea/text.h"

#include <gtest/gtest.h>

#include "allinea/error.h"

namespace allinea {
namespace {

TEST(DecodeTextTest, PlainTextIsUnchanged) {
  const SourceText t = DecodeText("Ciao. 你好。\n", "a.txt");
  EXPECT_EQ(t.normalized(), "Ciao. 你好。\n");
  EXPECT_EQ(t.original(), "Ciao. 你好。\n");
  EXPECT_EQ(t.ToOriginal(6), 6u);
  EXPECT_EQ(t.name(), "a.txt");
}

TEST(DecodeTextTest, StripsBomAndMapsOffsets) {
  const SourceText t = DecodeText("\xEF\xBB\xBFNota", "a.txt");
  EXPECT_EQ(t.normalized(), "Nota");
  EXPECT_EQ(t.ToOriginal(0), 3u);
  EXPECT_EQ(t.ToOriginal(4), 7u);
}

TEST(DecodeTextTest, CrlfAndCrBecomeLf) {
  const SourceText t = DecodeText("ab\r\ncd\ref", "a.txt");
  EXPECT_EQ(t.normalized(), "ab\ncd\nef");
  EXPECT_EQ(t.ToOriginal(3), 4u);  // 'c'
  EXPECT_EQ(t.ToOriginal(6), 7u);  // 'e'
  EXPECT_EQ(t.ToOriginal(8), 9u);  // end
}

TEST(DecodeTextTest, NfcComposesAndMapsBackToTheOriginalStretch) {
  // "perche" + U+0301 (combining acute) -> "perché"; then " ok".
  const std::string input = "perche\xCC\x81 ok";
  const SourceText t = DecodeText(input, "a.txt");
  EXPECT_EQ(t.normalized(), "perch\xC3\xA9 ok");
  EXPECT_EQ(t.ToOriginal(0), 0u);
  EXPECT_EQ(t.ToOriginal(5), 5u);  // start of the composed é -> 'e'
  EXPECT_EQ(t.ToOriginal(7), 8u);  // the space after it
  EXPECT_EQ(t.ToOriginal(t.normalized().size()), input.size());
}

TEST(DecodeTextTest, NfcWithCrlfKeepsBothMaps) {
  const std::string input = "a\r\ne\xCC\x81\r\nz";
  const SourceText t = DecodeText(input, "a.txt");
  EXPECT_EQ(t.normalized(), "a\n\xC3\xA9\nz");
  EXPECT_EQ(t.ToOriginal(2), 3u);  // é -> 'e' after CRLF
  EXPECT_EQ(t.ToOriginal(5), 8u);  // 'z'
}

struct BadUtf8 {
  std::string bytes;
  std::uint64_t offset;
};

class InvalidUtf8Test : public ::testing::TestWithParam<BadUtf8> {};

TEST_P(InvalidUtf8Test, ReportsFileAndOffset) {
  try {
    (void)DecodeText(GetParam().bytes, "bad.txt");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "bad.txt");
    ASSERT_TRUE(e.byte_offset().has_value());
    EXPECT_EQ(*e.byte_offset(), GetParam().offset);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, InvalidUtf8Test,
    ::testing::Values(BadUtf8{"ab\x80", 2},               // stray continuation
                      BadUtf8{"ok \xC0\xAF", 3},          // overlong '/'
                      BadUtf8{"x\xED\xA0\x80y", 1},       // encoded surrogate
                      BadUtf8{"\xF4\x90\x80\x80", 0},     // above U+10FFFF
                      BadUtf8{"fine \xE4\xBD", 5},        // truncated at end
                      BadUtf8{"\xFF", 0}));

TEST(LocateTest, LinesAndColumnsInCodePoints) {
  const SourceText t = DecodeText("\xEF\xBB\xBFuno\r\nperché sì\nz", "a.txt");
  EXPECT_EQ(t.Locate(3).line, 1u);
  EXPECT_EQ(t.Locate(3).column, 1u);   // after the BOM
  const auto lc = t.Locate(t.original().find("sì"));
  EXPECT_EQ(lc.line, 2u);
  EXPECT_EQ(lc.column, 8u);  // "perché " is 7 code points
  EXPECT_EQ(t.Locate(t.original().size() - 1).line, 3u);
  EXPECT_EQ(t.LineOf(t.original().find("sì")), 2u);
  EXPECT_EQ(t.LineOf(0), 1u);
}

TEST(DecodeTextTest, EmptyInputIsEmptyText) {
  const SourceText t = DecodeText("", "e.txt");
  EXPECT_TRUE(t.normalized().empty());
  EXPECT_EQ(t.ToOriginal(0), 0u);
}

}  // namespace
}  // namespace allinea

namespace allinea {
namespace {

TEST(DecodeTextRefusals, NulBytesAndUtf16SayWhatTheyAre) {
  try {
    (void)DecodeText(std::string("Ciao\0 mondo", 11), "a.txt");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(Describe(e), "a.txt: byte 4: NUL byte: a binary file, not text");
  }
  try {
    (void)DecodeText(std::string("\0C\0i\0a\0o\0.\0 \0b\0e\0l\0l\0o", 22), "b.txt");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(Describe(e),
              "b.txt: byte 0: looks like UTF-16BE, not UTF-8: convert it (iconv "
              "-f UTF-16BE -t UTF-8) or give --encoding UTF-16BE");
  }
  // A few NULs in a long text are not UTF-16: the NUL is reported.
  std::string text(100, 'a');
  text[50] = '\0';
  try {
    (void)DecodeText(text, "c.txt");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(Describe(e), "c.txt: byte 50: NUL byte: a binary file, not text");
  }
}

TEST(ConvertToUtf8Test, FromOtherEncodings) {
  EXPECT_EQ(ConvertToUtf8("Caff\xE8", "latin1", "x"), "Caffè");
  EXPECT_EQ(ConvertToUtf8("\xD6\xD0\xCE\xC4", "GB18030", "x"), "中文");
  EXPECT_EQ(ConvertToUtf8(std::string("\xFF\xFE" "C\0i\0a\0o\0", 10), "UTF-16", "x"),
            "Ciao");
  EXPECT_EQ(ConvertToUtf8("già", "utf-8", "x"), "già");  // unchanged
  try {
    (void)ConvertToUtf8("ab\x81", "Shift_JIS", "s.txt");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(Describe(e), "s.txt: byte 2: not valid Shift_JIS");
  }
  EXPECT_THROW((void)ConvertToUtf8("a", "klingon", "x"), UsageError);
}

}  // namespace
}  // namespace allinea
