#include "allinea/batch.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "allinea/error.h"

namespace allinea {
namespace {

TEST(ParsePairListTest, PathsFromTheListsFolderCommentsAndCrlf) {
  const auto pairs = ParsePairList(
      "# it\tzh\n"
      "a.it.txt\ta.zh.txt\r\n"
      "\n"
      "   \n"
      "/abs/b.it.txt\tsub/b.zh.txt\n"
      "c d.it\tc d.zh",
      "list.tsv", "corpus");
  ASSERT_EQ(pairs.size(), 3u);
  EXPECT_EQ(pairs[0].src, "corpus/a.it.txt");
  EXPECT_EQ(pairs[0].tgt, "corpus/a.zh.txt");
  EXPECT_EQ(pairs[0].name, "a.it.txt");
  EXPECT_EQ(pairs[0].line, 2u);
  EXPECT_EQ(pairs[1].src, "/abs/b.it.txt");
  EXPECT_EQ(pairs[1].tgt, "corpus/sub/b.zh.txt");
  EXPECT_EQ(pairs[1].line, 5u);
  EXPECT_EQ(pairs[2].src, "corpus/c d.it");  // spaces belong to the path
  EXPECT_EQ(pairs[2].tgt, "corpus/c d.zh");
  // From standard input, paths stay as written (the current folder).
  EXPECT_EQ(ParsePairList("a\tb\n", "<stdin>", "")[0].src, "a");
  EXPECT_TRUE(ParsePairList("", "empty", "").empty());
}

TEST(ParsePairListTest, AByteOrderMarkIsNoPartOfThePath) {
  const auto pairs =
      ParsePairList("\xEF\xBB\xBF# src\ttgt\na.it\ta.zh\n", "list.tsv", "");
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].src, "a.it");
  EXPECT_EQ(pairs[0].line, 2u);
}

TEST(ParsePairListTest, BadLinesNameTheListAndTheLine) {
  const auto error_of = [](std::string_view text) {
    try {
      (void)ParsePairList(text, "list.tsv", "");
    } catch (const InputError& e) {
      return Describe(e);
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of("a\tb\nonly-one-path\n"),
            "list.tsv: line 2: expected two paths separated by a tab "
            "(SRC<TAB>TGT)");
  EXPECT_EQ(error_of("a\tb\tc\n"),
            "list.tsv: line 1: more than two fields (expected SRC<TAB>TGT)");
  EXPECT_EQ(error_of("\tb\n"), "list.tsv: line 1: an empty path");
  EXPECT_EQ(error_of("-\tb\n"),
            "list.tsv: line 1: '-' (standard input) cannot be a document in "
            "a list");
}

TEST(RunInOrderTest, DeliversInItemOrderWhateverFinishesFirst) {
  std::vector<std::size_t> delivered;
  RunInOrder<std::size_t>(
      40, 4, 8,
      [](std::size_t i) {
        // Early items take longest, so later ones finish first.
        std::this_thread::sleep_for(std::chrono::microseconds((40 - i) * 50));
        return i * i;
      },
      [&](std::size_t i, std::size_t&& r) {
        EXPECT_EQ(r, i * i);
        delivered.push_back(i);
        return true;
      });
  ASSERT_EQ(delivered.size(), 40u);
  for (std::size_t i = 0; i < delivered.size(); ++i) EXPECT_EQ(delivered[i], i);
}

TEST(RunInOrderTest, StopsWhenDeliverSaysSoAndBoundsTheWindow) {
  std::atomic<std::size_t> started{0};
  std::atomic<std::size_t> running_ahead{0};
  std::size_t delivered = 0;
  std::atomic<std::size_t> last_delivered{0};
  RunInOrder<int>(
      1000, 2, 4,
      [&](std::size_t i) {
        ++started;
        // Never more than `window` items ahead of the last delivery.
        if (i >= last_delivered + 4 + 1) ++running_ahead;
        return 0;
      },
      [&](std::size_t i, int&&) {
        ++delivered;
        last_delivered = i;
        return i < 9;  // stop after delivering item 9
      });
  EXPECT_EQ(delivered, 10u);
  EXPECT_LE(started.load(), 10u + 4u);
  EXPECT_EQ(running_ahead.load(), 0u);
}

TEST(RunInOrderTest, AThrowingDeliverReachesTheCallerAfterTheThreadsEnd) {
  std::atomic<int> running{0};
  EXPECT_THROW(
      RunInOrder<int>(
          100, 2, 4,
          [&](std::size_t) {
            ++running;
            std::this_thread::sleep_for(std::chrono::microseconds(100));
            --running;
            return 0;
          },
          [&](std::size_t i, int&&) -> bool {
            if (i == 3) throw std::runtime_error("disk full");
            return true;
          }),
      std::runtime_error);
  EXPECT_EQ(running.load(), 0);  // joined, none left behind
}

TEST(RunInOrderTest, NoItemsAndOneThread) {
  int calls = 0;
  RunInOrder<int>(
      0, 2, 2, [](std::size_t) { return 1; },
      [&](std::size_t, int&&) { return ++calls > 0; });
  EXPECT_EQ(calls, 0);
  std::vector<std::size_t> order;
  RunInOrder<std::size_t>(
      5, 0, 0, [](std::size_t i) { return i; },
      [&](std::size_t i, std::size_t&&) {
        order.push_back(i);
        return true;
      });
  EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
}

}  // namespace
}  // namespace allinea
