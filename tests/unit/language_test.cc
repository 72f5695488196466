#include "allinea/language.h"

#include <gtest/gtest.h>

#include "allinea/error.h"

namespace allinea {
namespace {

TEST(ParseLanguageTest, AcceptsBcp47Tags) {
  EXPECT_EQ(ParseLanguage("it").language, "it");
  EXPECT_EQ(ParseLanguage("it-IT").tag, "it-IT");
  EXPECT_EQ(ParseLanguage("zh-Hans").language, "zh");
  EXPECT_EQ(ParseLanguage("zh_CN").tag, "zh-CN");
  EXPECT_EQ(ParseLanguage("EN").language, "en");
}

TEST(ParseLanguageTest, EmptyMeansUnknown) {
  EXPECT_EQ(ParseLanguage("").language, "");
}

TEST(ParseLanguageTest, RefusesMalformedAndUnknownTags) {
  EXPECT_THROW((void)ParseLanguage("xx-!!"), UsageError);
  EXPECT_THROW((void)ParseLanguage("qq"), UsageError);
  EXPECT_THROW((void)ParseLanguage("italian"), UsageError);
  // A long private-use tag once overran a fixed buffer inside ICU's C API.
  std::string long_tag = "it-x";
  for (int k = 0; k < 20; ++k) long_tag += "-gggggggg";
  EXPECT_THROW((void)ParseLanguage(long_tag), UsageError);
  try {
    (void)ParseLanguage("qq");
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("'qq'"), std::string::npos);
  }
}

}  // namespace
}  // namespace allinea
