#include <gtest/gtest.h>
TEST(CliPlaceholder, Pending) {}
