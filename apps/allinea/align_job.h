// One document pair through the pipeline (read, segment, align), as
// `allinea align` runs it for SRC TGT and for each line of --pairs.
#ifndef ALLINEA_APPS_ALIGN_JOB_H_
#define ALLINEA_APPS_ALIGN_JOB_H_

#include <string>
#include <vector>

#include "allinea/align.h"
#include "allinea/language.h"
#include "allinea/lexicon.h"
#include "allinea/segment.h"
#include "cli_options.h"

namespace allinea::cli {

struct AlignSettings {
  Language src_language;  // as given; empty = detect per document
  Language tgt_language;
  bool presegmented = false;
  std::string lang_data;
  std::size_t max_sentence_chars = SegmentOptions::kDefaultMaxSentenceChars;
  // The dictionaries (those that serve each pair are used); none when null.
  const DictionarySet* dictionaries = nullptr;
  SearchMode search = SearchMode::kCorridor;
  LearnMode learn = LearnMode::kPair;
  // Detect an unknown language in presegmented input too (for TMX).
  bool detect = false;
  // Keep the features in AlignedPair::features (the check reads them).
  bool keep_features = false;
  // The inputs' encodings (ConvertToUtf8).
  std::string src_encoding = "UTF-8";
  std::string tgt_encoding = "UTF-8";
};

struct AlignedPair {
  Document src;
  Document tgt;
  Alignment alignment;
  // What the alignment was made from, with AlignSettings::keep_features;
  // empty otherwise.
  Features features;
  // xml:lang of each side: the given tag, or the detected language, with a
  // region (TagWithRegion); "" when neither is known.
  std::string src_tag;
  std::string tgt_tag;
  // The dictionaries that served the pair, with what they found.
  std::vector<RouteDictionary> dictionaries;
  // Lines for stderr ("assuming language ...", the dictionaries used),
  // printed by the caller.
  std::vector<Notice> notices;
};

// Throws allinea::Error for unreadable or unusable input. Safe to call
// from several threads at once with the same settings.
[[nodiscard]] AlignedPair AlignPair(const std::string& src_path,
                                    const std::string& tgt_path,
                                    const AlignSettings& settings);

}  // namespace allinea::cli

#endif  // ALLINEA_APPS_ALIGN_JOB_H_
