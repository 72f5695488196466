// Loading gold sentence files (one sentence a line, a blank line between
// paragraphs) named NAME.LANG.sentences.txt, for the bench tools that align
// them: the language is read from the name.
#ifndef ALLINEA_BENCH_EVAL_SENTENCE_FILES_H_
#define ALLINEA_BENCH_EVAL_SENTENCE_FILES_H_

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "allinea/io.h"
#include "allinea/segment.h"
#include "allinea/text.h"
#include "eval/alignment_score.h"

namespace allinea::eval {

// "dir/name.it.sentences.txt" -> "it"; "" when the name has no such part.
inline std::string LanguageOfSentenceFile(std::string path) {
  const std::string suffix = ".sentences.txt";
  if (path.size() > suffix.size() &&
      path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0) {
    path.resize(path.size() - suffix.size());
  }
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return "";
  }
  return path.substr(dot + 1);
}

// The file as a presegmented document in the language its name gives.
inline Document LoadSentenceFile(const std::string& path) {
  return Segmenter(
             {.language = LanguageOfSentenceFile(path), .presegmented = true})
      .Segment(DecodeText(ReadInput(path), path));
}

// A gold pair: its two sentence files and its gold alignment, named after
// the gold file ("dir/x.it-zh.gold.index" -> "x.it-zh").
struct GoldPair {
  std::string name;
  Document src, tgt;
  std::vector<IndexBead> gold;
};

// The pairs of `args`, read as SRC TGT GOLD triples. Throws
// std::runtime_error for a gold file that cannot be opened.
inline std::vector<GoldPair> LoadGoldPairs(
    const std::vector<std::string>& args) {
  std::vector<GoldPair> pairs;
  for (std::size_t k = 0; k + 2 < args.size(); k += 3) {
    std::ifstream gold_in(args[k + 2]);
    if (!gold_in) throw std::runtime_error("cannot open " + args[k + 2]);
    std::string name = args[k + 2].substr(args[k + 2].rfind('/') + 1);
    name = name.substr(0, name.find(".gold"));
    pairs.push_back({name, LoadSentenceFile(args[k]),
                     LoadSentenceFile(args[k + 1]), ReadIndexBeads(gold_in)});
  }
  return pairs;
}

}  // namespace allinea::eval

#endif  // ALLINEA_BENCH_EVAL_SENTENCE_FILES_H_
