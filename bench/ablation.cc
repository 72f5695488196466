// ablation SRC.sentences TGT.sentences GOLD.index: strict and lax F1 of the
// aligner on presegmented input with parts of the scoring model turned off,
// for docs/quality.md.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "allinea/align.h"
#include "allinea/io.h"
#include "allinea/write.h"
#include "eval/alignment_score.h"

namespace {

using namespace allinea;

Document Load(const std::string& path) {
  return Segmenter({.language = "", .presegmented = true})
      .Segment(DecodeText(ReadInput(path), path));
}

eval::AlignmentScores Score(const Document& src, const Document& tgt,
                            const std::vector<eval::IndexBead>& gold,
                            const AlignDocumentsOptions& options) {
  const Alignment a = AlignDocuments(src, tgt, options);
  std::stringstream out;
  auto w = MakeWriter(Format::kIndex, {}, out);
  w->Begin(src, tgt);
  for (const Bead& b : a.beads) w->Write(b);
  w->End();
  return eval::ScoreAlignment(gold, eval::ReadIndexBeads(out));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: ablation SRC.sentences TGT.sentences GOLD.index\n";
    return 2;
  }
  try {
    const Document src = Load(argv[1]);
    const Document tgt = Load(argv[2]);
    std::ifstream gold_in(argv[3]);
    const auto gold = eval::ReadIndexBeads(gold_in);

    struct Variant {
      const char* name;
      AlignDocumentsOptions options;
    };
    std::vector<Variant> variants;
    AlignDocumentsOptions o;
    variants.push_back({"full model", o});
    o.anchors.numbers = o.anchors.names = o.anchors.structure = false;
    variants.push_back({"- anchors", o});
    o.weights.paragraph_edge = 0;
    variants.push_back({"- anchors, paragraph edges", o});
    o.weights.paragraph_cross = 0;
    variants.push_back({"- anchors, paragraph edges and crossings (length only)", o});

    fmt::print("| variant | strict F1 | lax F1 |\n|---|---|---|\n");
    for (const Variant& v : variants) {
      const auto s = Score(src, tgt, gold, v.options);
      fmt::print("| {} | {:.3f} | {:.3f} |\n", v.name, s.f1_strict, s.f1_lax);
    }
  } catch (const std::exception& e) {
    std::cerr << "ablation: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
