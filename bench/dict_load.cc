// dict-load [--repeat N] FILE...: how long a dictionary takes to load, for
// docs/benchmarks.md. Loads each FILE N times (default 5) with
// allinea::Dictionary::Load, the format decided by content as `--dict`
// does (a compiled .adict, TSV, hunalign, a dictd NAME.index, CC-CEDICT),
// and prints a markdown table, one row per file: its entries, its size in
// MB (10^6 bytes of the file named; for a dictd database the .index only), and the median
// and the fastest of the N load times in seconds (wall time of the Load
// call alone, the file in the page cache after the first run). A file that
// cannot be loaded stops the program with status 2 and one line naming it.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "allinea/dictionary.h"

namespace {

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// At least 3 decimals and 2 significant digits: 1.234, 0.012, 0.000036.
std::string Seconds(double s) {
  int decimals = 3;
  while (decimals < 9 && s > 0 && s < std::pow(10.0, 2 - decimals)) ++decimals;
  return fmt::format("{:.{}f}", s, decimals);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  int repeat = 5;
  const std::string usage = "usage: dict-load [--repeat N] FILE...\n";
  try {
    for (int k = 1; k < argc; ++k) {
      const std::string arg = argv[k];
      if (arg == "--repeat" && k + 1 < argc) {
        repeat = std::stoi(argv[++k]);
        if (repeat < 1) throw std::invalid_argument("--repeat");
      } else if (arg == "-h" || arg == "--help") {
        std::cout << usage;
        return 0;
      } else {
        files.push_back(arg);
      }
    }
  } catch (const std::exception&) {
    std::cerr << "dict-load: --repeat needs a positive number\n" << usage;
    return 2;
  }
  if (files.empty()) {
    std::cerr << usage;
    return 2;
  }
  std::string current;  // the file being loaded, for the error message
  try {
    fmt::print("| file | languages | entries | MB | median s | min s |\n");
    fmt::print("|---|---|---|---|---|---|\n");
    for (const std::string& file : files) {
      current = file;
      std::vector<double> times;
      std::size_t entries = 0;
      std::string languages;
      for (int r = 0; r < repeat; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        const allinea::Dictionary d = allinea::Dictionary::Load(file);
        const auto t1 = std::chrono::steady_clock::now();
        times.push_back(std::chrono::duration<double>(t1 - t0).count());
        entries = d.size();
        languages = fmt::format("{}-{}", d.from_language().empty() ? "?" : d.from_language(),
                                d.to_language().empty() ? "?" : d.to_language());
      }
      std::error_code error;  // "-" (a dictd NAME without its suffix): no size
      const auto bytes = std::filesystem::file_size(file, error);
      const std::string mb =
          error ? "–" : fmt::format("{:.1f}", static_cast<double>(bytes) / 1e6);
      fmt::print("| {} | {} | {} | {} | {} | {} |\n",
                 std::filesystem::path(file).filename().string(), languages,
                 entries, mb, Seconds(Median(times)),
                 Seconds(*std::min_element(times.begin(), times.end())));
      std::fflush(stdout);
    }
  } catch (const std::exception& e) {
    std::cerr << "dict-load: " << current << ": " << e.what() << '\n';
    return 2;
  }
  return 0;
}
