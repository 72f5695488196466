#include "allinea/error.h"

#include <gtest/gtest.h>

namespace allinea {
namespace {

TEST(DescribeTest, NamesFileAndOffset) {
  const InputError e("invalid UTF-8", "it.txt", 42);
  EXPECT_EQ(Describe(e), "it.txt: byte 42: invalid UTF-8");
  EXPECT_EQ(e.code(), ErrorCode::kInput);
}

TEST(DescribeTest, StdinIsShownByName) {
  EXPECT_EQ(Describe(IoError("cannot read", "-")), "<stdin>: cannot read");
}

TEST(DescribeTest, UsageErrorIsTheMessageAlone) {
  const UsageError e("unknown format 'xml'");
  EXPECT_EQ(Describe(e), "unknown format 'xml'");
  EXPECT_EQ(e.code(), ErrorCode::kUsage);
  EXPECT_FALSE(e.byte_offset().has_value());
}

}  // namespace
}  // namespace allinea
