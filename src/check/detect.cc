// Detect(): the findings of a pair that corresponds, with moved content
// taken out and the rest aligned again.
#include <algorithm>

#include "check/internal.h"

namespace allinea::internal {
namespace {

// A document without some of its sentences, and where each kept sentence
// was. Sentences keep their paragraph numbers, lines and columns.
struct Reduced {
  Document doc;
  std::vector<std::size_t> original;  // reduced index -> original index
  std::size_t original_size = 0;

  // An index or position of the reduced document in the original.
  [[nodiscard]] std::size_t Map(std::size_t k) const {
    if (k < original.size()) return original[k];
    return original.empty() ? original_size : original.back() + 1;
  }
  void MapPlace(Place& p) const {
    const bool empty = p.empty();
    const std::size_t begin = Map(p.begin);
    p.end = empty ? begin : Map(p.end - 1) + 1;
    p.begin = begin;
  }
};

Reduced Without(const Document& doc,
                const std::vector<std::pair<std::size_t, std::size_t>>& cut) {
  Reduced r;
  r.doc.name = doc.name;
  r.doc.language = doc.language;
  r.doc.paragraph_count = doc.paragraph_count;
  r.original_size = doc.sentences.size();
  for (std::size_t k = 0; k < doc.sentences.size(); ++k) {
    const bool removed = std::any_of(cut.begin(), cut.end(), [&](const auto& c) {
      return k >= c.first && k < c.second;
    });
    if (removed) continue;
    r.doc.sentences.push_back(doc.sentences[k]);
    r.original.push_back(k);
  }
  return r;
}

// The findings that come from runs, beads and their anchors.
void Rest(const CheckContext& c, std::vector<Run>& runs,
          std::vector<Finding>& out) {
  ReportRuns(c, runs, out);
  FindShortTargets(c, out);
  FindMismatches(c, out);
}

}  // namespace

std::vector<Finding> Detect(const CheckContext& c) {
  std::vector<Finding> out;
  const CheckOptions& options = c.options;
  std::vector<Run> runs = OneSidedRuns(c);
  FindUntranslated(c, runs, out);
  const std::vector<Move> moves = FindReorderings(c, runs);
  if (moves.empty()) {
    Rest(c, runs, out);
    return out;
  }
  // Align again without the moved content, so that the rest is read as if
  // it had stayed in place.
  std::vector<std::pair<std::size_t, std::size_t>> src_cut, tgt_cut;
  for (const Move& m : moves) {
    out.push_back(m.finding);
    src_cut.emplace_back(m.src_begin, m.src_end);
    tgt_cut.emplace_back(m.tgt_begin, m.tgt_end);
  }
  // Untranslated text found above stays out of the second reading too.
  for (const Finding& f : out) {
    if (f.kind != FindingKind::kUntranslated) continue;
    tgt_cut.emplace_back(f.tgt.begin, f.tgt.end);
    if (!f.src.empty()) src_cut.emplace_back(f.src.begin, f.src.end);
  }
  const Reduced rs = Without(c.src, src_cut);
  const Reduced rt = Without(c.tgt, tgt_cut);
  AlignDocumentsOptions align;
  align.anchors = options.anchors;
  const Features f2 = ExtractFeatures(rs.doc, rt.doc, options.anchors);
  const Alignment again = AlignDocuments(rs.doc, rt.doc, f2, align);
  const CheckContext c2 = MakeContext(rs.doc, rt.doc, again, f2, options);
  std::vector<Run> runs2 = OneSidedRuns(c2);
  std::vector<Finding> rest;
  Rest(c2, runs2, rest);
  for (Finding& f : rest) {
    rs.MapPlace(f.src);
    rt.MapPlace(f.tgt);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace allinea::internal
