// Loading gold sentence files (one sentence a line, a blank line between
// paragraphs) named NAME.LANG.sentences.txt, for the bench tools that align
// them: the language is read from the name.
#ifndef ALLINEA_BENCH_EVAL_SENTENCE_FILES_H_
#define ALLINEA_BENCH_EVAL_SENTENCE_FILES_H_

#include <string>

#include "allinea/io.h"
#include "allinea/segment.h"
#include "allinea/text.h"

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

}  // namespace allinea::eval

#endif  // ALLINEA_BENCH_EVAL_SENTENCE_FILES_H_
