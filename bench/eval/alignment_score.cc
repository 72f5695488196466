#include "eval/alignment_score.h"

#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace allinea::eval {
namespace {

std::vector<std::size_t> ParseList(const std::string& s, std::size_t line_no) {
  std::vector<std::size_t> out;
  std::string body = s;
  const auto open = body.find('[');
  const auto close = body.rfind(']');
  if (open == std::string::npos || close == std::string::npos || close < open) {
    throw std::runtime_error("line " + std::to_string(line_no) +
                             ": expected [i, j]");
  }
  body = body.substr(open + 1, close - open - 1);
  std::stringstream ss(body);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.find_first_not_of(" \t") == std::string::npos) continue;
    out.push_back(std::stoul(item));
  }
  return out;
}

struct Counts {
  std::size_t tp_strict = 0, fp_strict = 0, tp_lax = 0, fp_lax = 0;
};

// vecalign's _precision(goldalign, testalign).
Counts Precision(const std::vector<IndexBead>& gold_list,
                 const std::vector<IndexBead>& test_list) {
  std::set<IndexBead> gold, test;
  for (const auto& b : gold_list) {
    if (!b.src.empty() || !b.tgt.empty()) gold.insert(b);
  }
  for (const auto& b : test_list) {
    if (!b.src.empty() || !b.tgt.empty()) test.insert(b);
  }
  std::map<std::size_t, std::set<std::size_t>> src_to_gold_tgt;
  for (const auto& b : gold) {
    for (auto s : b.src) src_to_gold_tgt[s].insert(b.tgt.begin(), b.tgt.end());
  }
  Counts c;
  for (const auto& b : test) {
    if (gold.count(b)) {
      ++c.tp_strict, ++c.tp_lax;
      continue;
    }
    ++c.fp_strict;
    bool overlap = false;
    for (auto s : b.src) {
      auto it = src_to_gold_tgt.find(s);
      if (it == src_to_gold_tgt.end()) continue;
      for (auto t : b.tgt) overlap |= it->second.count(t) > 0;
    }
    overlap ? ++c.tp_lax : ++c.fp_lax;
  }
  return c;
}

double Ratio(std::size_t a, std::size_t b) {
  return a + b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(a + b);
}
double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

}  // namespace

std::vector<IndexBead> ReadIndexBeads(std::istream& in) {
  std::vector<IndexBead> beads;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto mid = line.find("]:[");
    if (mid == std::string::npos) {
      throw std::runtime_error("line " + std::to_string(line_no) +
                               ": expected [i, j]:[k]");
    }
    beads.push_back({ParseList(line.substr(0, mid + 1), line_no),
                     ParseList(line.substr(mid + 2), line_no)});
  }
  return beads;
}

AlignmentScores ScoreAlignment(const std::vector<IndexBead>& gold,
                               const std::vector<IndexBead>& test) {
  const Counts p = Precision(gold, test);
  std::vector<IndexBead> gold_no_null, test_no_null;
  for (const auto& b : gold) {
    if (!b.src.empty() && !b.tgt.empty()) gold_no_null.push_back(b);
  }
  for (const auto& b : test) {
    if (!b.src.empty() && !b.tgt.empty()) test_no_null.push_back(b);
  }
  const Counts r = Precision(test_no_null, gold_no_null);
  AlignmentScores s;
  s.precision_strict = Ratio(p.tp_strict, p.fp_strict);
  s.precision_lax = Ratio(p.tp_lax, p.fp_lax);
  s.recall_strict = Ratio(r.tp_strict, r.fp_strict);
  s.recall_lax = Ratio(r.tp_lax, r.fp_lax);
  s.f1_strict = F1(s.precision_strict, s.recall_strict);
  s.f1_lax = F1(s.precision_lax, s.recall_lax);
  return s;
}

}  // namespace allinea::eval
