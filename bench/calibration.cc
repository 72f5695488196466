// calibration [--temperature T] [--dict-dir DIR] [--dict FILE]... SRC TGT GOLD
// [SRC TGT GOLD ...]: how far the bead scores can be trusted. Aligns each
// presegmented gold pair (files named NAME.LANG.sentences.txt, the language
// read from the name) and prints a table of score bins with the share of
// beads in each that are right (equal to a gold bead), for docs/quality.md,
// then the same summary for other temperatures.
//
// Dictionaries: by default none (length, anchors and paragraphs only, as
// before dictionaries existed). --dict-dir DIR uses the dictionaries
// installed in DIR/dict/ (DictionarySet::AddInstalled of
// FindDataDirectories(DIR); e.g. /usr/local/share/allinea), --dict FILE
// (repeatable) adds a dictionary file in any format Dictionary::Load reads;
// both set AlignDocumentsOptions::anchors.dictionaries for every pair, so
// the table measures the scores of an alignment with dictionaries, as the
// CLI aligns by default (a DIR that is no folder is an error, as in the
// CLI). The first lines name the dictionaries given and those that serve
// each pair's languages (DictionarySet::Plan).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "allinea/align.h"
#include "allinea/io.h"
#include "allinea/lexicon.h"
#include "eval/alignment_score.h"
#include "eval/sentence_files.h"

namespace {

using namespace allinea;

struct Pair {
  Document src, tgt;
  std::set<eval::IndexBead> gold;
};

struct Scored {
  double score;
  bool right;
};

std::vector<Scored> Run(const std::vector<Pair>& pairs, double temperature,
                        const DictionarySet* dictionaries) {
  std::vector<Scored> out;
  for (const Pair& p : pairs) {
    AlignDocumentsOptions options;
    options.search.temperature = temperature;
    options.anchors.dictionaries = dictionaries;  // nullptr: none
    for (const Bead& b : AlignDocuments(p.src, p.tgt, options).beads) {
      eval::IndexBead ib;
      for (std::size_t k = b.src_begin; k < b.src_end; ++k) ib.src.push_back(k);
      for (std::size_t k = b.tgt_begin; k < b.tgt_end; ++k) ib.tgt.push_back(k);
      out.push_back({b.score, p.gold.count(ib) > 0});
    }
  }
  return out;
}

// Share right among beads scored at least `threshold`, and their count.
std::pair<double, std::size_t> RightAbove(const std::vector<Scored>& s,
                                          double threshold) {
  std::size_t n = 0, right = 0;
  for (const Scored& x : s) {
    if (x.score >= threshold) ++n, right += x.right;
  }
  return {n ? static_cast<double>(right) / n : 0.0, n};
}

// Expected calibration error over ten bins.
double Ece(const std::vector<Scored>& s) {
  std::array<double, 10> sum_score{}, sum_right{};
  std::array<std::size_t, 10> count{};
  for (const Scored& x : s) {
    const auto bin =
        std::min<std::size_t>(9, static_cast<std::size_t>(x.score * 10));
    sum_score[bin] += x.score, sum_right[bin] += x.right, ++count[bin];
  }
  double ece = 0;
  for (std::size_t b = 0; b < 10; ++b) {
    if (count[b]) ece += std::abs(sum_score[b] - sum_right[b]) / s.size();
  }
  return ece;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    double temperature = AlignOptions::kDefaultTemperature;
    DictionarySet dictionaries;
    std::vector<std::string> dictionary_names;
    while (args.size() >= 2 && (args[0] == "--temperature" ||
                                args[0] == "--dict-dir" || args[0] == "--dict")) {
      if (args[0] == "--temperature") {
        temperature = std::stod(args[1]);
      } else if (args[0] == "--dict-dir") {
        std::error_code error;  // as the CLI: a mistyped folder is an error
        if (!std::filesystem::is_directory(args[1], error)) {
          throw std::runtime_error("--dict-dir " + args[1] + ": no such folder");
        }
        dictionaries.AddInstalled(FindDataDirectories(args[1]));
        dictionary_names.push_back("installed in " + args[1]);
      } else {
        dictionaries.Add(Dictionary::Load(args[1]));
        dictionary_names.push_back(args[1]);
      }
      args.erase(args.begin(), args.begin() + 2);
    }
    if (args.empty() || args.size() % 3 != 0) {
      std::cerr << "usage: calibration [--temperature T] [--dict-dir DIR] "
                   "[--dict FILE]... SRC TGT GOLD [SRC TGT GOLD ...]\n";
      return 2;
    }
    // nullptr keeps the default: no dictionaries at all.
    const DictionarySet* dicts = dictionaries.empty() ? nullptr : &dictionaries;
    std::vector<Pair> pairs;
    for (eval::GoldPair& g : eval::LoadGoldPairs(args)) {
      pairs.push_back(
          {std::move(g.src), std::move(g.tgt), {g.gold.begin(), g.gold.end()}});
    }
    const std::vector<Scored> scored = Run(pairs, temperature, dicts);
    fmt::print("dictionaries: {}\n", dictionary_names.empty()
                                          ? std::string("none")
                                          : fmt::format("{}", fmt::join(dictionary_names, ", ")));
    if (!dictionary_names.empty() && !dicts) {
      fmt::print("  (none found: the alignment uses no dictionary)\n");
    }
    for (const Pair& p : pairs) {  // which ones serve each pair
      if (!dicts) break;
      std::vector<std::string> used;
      for (const RouteDictionary& r :
           dicts->Plan(p.src.language, p.tgt.language)) {
        used.push_back(fmt::format("{} ({}-{}, {} entries)",
                                   r.name.substr(r.name.rfind('/') + 1),
                                   r.from_language, r.to_language, r.entries));
      }
      fmt::print("  {}-{}: {}\n", p.src.language, p.tgt.language,
                 used.empty() ? std::string("none serves this pair")
                              : fmt::format("{}", fmt::join(used, ", ")));
    }
    fmt::print("temperature {}: {} beads\n\n", temperature, scored.size());
    fmt::print("| score | beads | right | share right |\n|---|---|---|---|\n");
    for (int b = 0; b < 10; ++b) {
      const double lo = b / 10.0, hi = (b + 1) / 10.0;
      std::size_t n = 0, right = 0;
      for (const Scored& x : scored) {
        if (x.score >= lo && (x.score < hi || (b == 9 && x.score <= 1.0))) {
          ++n, right += x.right;
        }
      }
      fmt::print(
          "| {:.1f}-{:.1f} | {} | {} | {} |\n", lo, hi, n, right,
          n ? fmt::format("{:.2f}", static_cast<double>(right) / n) : "-");
    }
    fmt::print(
        "\n| temperature | right among >= 0.9 | beads >= 0.9 | right among >= "
        "0.5 | ECE |\n|---|---|---|---|---|\n");
    for (double t : {0.5, 1.0, 1.5, 2.0, 3.0, 4.0}) {
      const auto s = Run(pairs, t, dicts);
      const auto [p9, n9] = RightAbove(s, 0.9);
      const auto [p5, n5] = RightAbove(s, 0.5);
      (void)n5;
      fmt::print("| {} | {:.3f} | {} | {:.3f} | {:.3f} |\n", t, p9, n9, p5,
                 Ece(s));
    }
  } catch (const std::exception& e) {
    std::cerr << "calibration: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
