// score-alignment GOLD TEST: strict and lax precision, recall and F1 of an
// index-format alignment against a gold one (see eval/alignment_score.h).
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "eval/alignment_score.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: score-alignment GOLD.index TEST.index (- = stdin)\n";
    return 2;
  }
  try {
    auto read = [](const std::string& path) {
      if (path == "-") return allinea::eval::ReadIndexBeads(std::cin);
      std::ifstream in(path);
      if (!in) throw std::runtime_error(path + ": cannot open");
      return allinea::eval::ReadIndexBeads(in);
    };
    const auto gold = read(argv[1]);
    const auto test = read(argv[2]);
    const auto s = allinea::eval::ScoreAlignment(gold, test);
    fmt::print("|           | strict | lax   |\n");
    fmt::print("|-----------|--------|-------|\n");
    fmt::print("| precision | {:.3f}  | {:.3f} |\n", s.precision_strict, s.precision_lax);
    fmt::print("| recall    | {:.3f}  | {:.3f} |\n", s.recall_strict, s.recall_lax);
    fmt::print("| F1        | {:.3f}  | {:.3f} |\n", s.f1_strict, s.f1_lax);
  } catch (const std::exception& e) {
    std::cerr << "score-alignment: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
