#include "eval/segment_score.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <string>

namespace allinea::eval {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// The text without white space between and around its sentences: ASCII
// white space is dropped everywhere (a sentence line's own spaces too), so
// that joins with or without a space compare equal.
std::string Squeezed(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!IsAsciiSpace(c)) out.push_back(c);
  }
  return out;
}

}  // namespace

std::vector<std::size_t> SentenceBoundaries(std::string_view text) {
  std::vector<std::size_t> boundaries;
  std::size_t offset = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::size_t length = Squeezed(text.substr(begin, end - begin)).size();
    if (length > 0) {
      if (offset > 0) boundaries.push_back(offset);
      offset += length;
    }
    begin = end + 1;
  }
  return boundaries;
}

BoundaryScores ScoreSegmentation(std::string_view gold, std::string_view test) {
  if (Squeezed(gold) != Squeezed(test)) {
    throw std::runtime_error(
        "the two files do not hold the same text (apart from white space)");
  }
  const auto g = SentenceBoundaries(gold);
  const auto t = SentenceBoundaries(test);
  std::vector<std::size_t> both;
  std::set_intersection(g.begin(), g.end(), t.begin(), t.end(),
                        std::back_inserter(both));
  BoundaryScores s;
  s.gold = g.size();
  s.test = t.size();
  s.matched = both.size();
  s.precision = t.empty() ? (g.empty() ? 1.0 : 0.0)
                          : static_cast<double>(both.size()) / t.size();
  s.recall = g.empty() ? 1.0 : static_cast<double>(both.size()) / g.size();
  s.f1 = s.precision + s.recall == 0
             ? 0.0
             : 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

}  // namespace allinea::eval
