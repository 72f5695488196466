// score-segmentation GOLD TEST: boundary precision, recall and F1 of a
// sentence file against a gold one (see eval/segment_score.h).
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "eval/segment_score.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: score-segmentation GOLD.txt TEST.txt (- = stdin)\n";
    return 2;
  }
  try {
    auto read = [](const std::string& path) {
      std::stringstream ss;
      if (path == "-") {
        ss << std::cin.rdbuf();
      } else {
        std::ifstream in(path);
        if (!in) throw std::runtime_error(path + ": cannot open");
        ss << in.rdbuf();
      }
      return ss.str();
    };
    const auto s = allinea::eval::ScoreSegmentation(read(argv[1]), read(argv[2]));
    fmt::print("boundaries: gold {}, test {}, both {}\n", s.gold, s.test, s.matched);
    fmt::print("precision {:.3f}  recall {:.3f}  F1 {:.3f}\n", s.precision,
               s.recall, s.f1);
  } catch (const std::exception& e) {
    std::cerr << "score-segmentation: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
