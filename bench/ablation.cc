// ablation [--dict FILE]... [--dict-dir DIR] SRC TGT GOLD [SRC TGT GOLD ...]:
// strict and lax F1 of the aligner on presegmented gold pairs (files named
// NAME.LANG.sentences.txt, the language read from the name) with parts of
// the scoring model turned off, and with the dictionaries (given files, and
// those installed in DIR) when any; for docs/quality.md. --weight sets a
// ScoreWeights constant, for tuning.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "allinea/align.h"
#include "allinea/lexicon.h"
#include "allinea/io.h"
#include "allinea/write.h"
#include "eval/alignment_score.h"
#include "eval/sentence_files.h"

namespace {

using namespace allinea;

eval::AlignmentScores Score(const Document& src, const Document& tgt,
                            const std::vector<eval::IndexBead>& gold,
                            const AlignDocumentsOptions& options) {
  const Alignment a = AlignDocuments(src, tgt, options);
  std::stringstream out;
  auto w = MakeWriter(Format::kIndex, {}, out);
  w->Begin();
  w->BeginDocument(src, tgt, src.name);
  for (const Bead& b : a.beads) w->Write(b);
  w->End();
  return eval::ScoreAlignment(gold, eval::ReadIndexBeads(out));
}

using Pair = eval::GoldPair;

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    DictionarySet dictionaries;
    ScoreWeights weights;
    while (args.size() >= 2 &&
           (args[0] == "--dict" || args[0] == "--dict-dir" || args[0] == "--weight")) {
      if (args[0] == "--dict") {
        dictionaries.Add(Dictionary::Load(args[1]));
      } else if (args[0] == "--dict-dir") {
        const std::vector<std::string> dirs = {args[1]};
        dictionaries.AddInstalled(dirs);
      } else {
        // NAME=VALUE, for tuning the scoring model's constants.
        const std::size_t eq = args[1].find('=');
        const std::string name = args[1].substr(0, eq);
        const double value = std::stod(args[1].substr(eq + 1));
        if (name == "anchor_match")
          weights.anchor_match = value;
        else if (name == "anchor_miss")
          weights.anchor_miss = value;
        else if (name == "anchor_split")
          weights.anchor_split = value;
        else if (name == "value_miss")
          weights.value_miss = value;
        else if (name == "date_miss")
          weights.date_miss = value;
        else if (name == "paragraph_cross")
          weights.paragraph_cross = value;
        else if (name == "paragraph_edge")
          weights.paragraph_edge = value;
        else
          throw std::runtime_error("unknown weight " + name);
      }
      args.erase(args.begin(), args.begin() + 2);
    }
    if (args.empty() || args.size() % 3 != 0) {
      std::cerr << "usage: ablation [--dict FILE]... [--dict-dir DIR] [--weight NAME=VALUE]... "
                   "SRC TGT GOLD [SRC TGT GOLD ...]\n";
      return 2;
    }
    const std::vector<Pair> pairs = eval::LoadGoldPairs(args);

    struct Variant {
      std::string name;
      AlignDocumentsOptions options;
    };
    std::vector<Variant> variants;
    AlignDocumentsOptions defaults;
    defaults.weights = weights;
    AlignDocumentsOptions length_only = defaults;
    length_only.anchors.numbers = length_only.anchors.names =
        length_only.anchors.structure = false;
    length_only.weights.paragraph_edge = length_only.weights.paragraph_cross =
        0;
    variants.push_back({"length only", length_only});
    AlignDocumentsOptions with_anchors = length_only;
    with_anchors.anchors.numbers = with_anchors.anchors.names = true;
    variants.push_back({"length + numbers and names", with_anchors});
    with_anchors.anchors.structure = true;
    variants.push_back({"length + all anchors", with_anchors});
    variants.push_back({"full model (+ paragraphs)", defaults});
    if (!dictionaries.empty()) {
      AlignDocumentsOptions with_dict = defaults;
      with_dict.anchors.dictionaries = &dictionaries;
      variants.push_back({"full model + dictionaries", with_dict});
    }

    fmt::print("| variant |");
    for (const Pair& p : pairs) fmt::print(" {} strict | lax |", p.name);
    fmt::print("\n|---|");
    for (std::size_t k = 0; k < pairs.size(); ++k) fmt::print("---|---|");
    fmt::print("\n");
    for (const Variant& v : variants) {
      fmt::print("| {} |", v.name);
      for (const Pair& p : pairs) {
        const auto s = Score(p.src, p.tgt, p.gold, v.options);
        fmt::print(" {:.3f} | {:.3f} |", s.f1_strict, s.f1_lax);
      }
      fmt::print("\n");
    }
  } catch (const std::exception& e) {
    std::cerr << "ablation: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
