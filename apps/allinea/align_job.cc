#include "align_job.h"

#include "cli_options.h"
#include "dict_options.h"

namespace allinea::cli {

AlignedPair AlignPair(const std::string& src_path, const std::string& tgt_path,
                      const AlignSettings& settings) {
  AlignedPair pair;
  // Each text is freed once segmented: the documents carry what the output
  // needs.
  const SegmentOptions segment{.language = {},
                               .presegmented = settings.presegmented,
                               .lang_data_dir = settings.lang_data,
                               .max_sentence_chars = settings.max_sentence_chars};
  pair.src = SegmentSource(ReadSource(src_path, settings.src_encoding),
                           settings.src_language, segment, "--src-lang",
                           pair.notices, settings.detect);
  pair.tgt = SegmentSource(ReadSource(tgt_path, settings.tgt_encoding),
                           settings.tgt_language, segment, "--tgt-lang",
                           pair.notices, settings.detect);
  pair.src_tag = TagWithRegion(settings.src_language.tag.empty()
                                   ? pair.src.language
                                   : settings.src_language.tag);
  pair.tgt_tag = TagWithRegion(settings.tgt_language.tag.empty()
                                   ? pair.tgt.language
                                   : settings.tgt_language.tag);
  AlignDocumentsOptions options;
  options.anchors.dictionaries = settings.dictionaries;
  options.search.full = settings.search == SearchMode::kFull;
  options.learn = settings.learn;
  Features features = ExtractFeatures(pair.src, pair.tgt, options.anchors);
  pair.alignment = AlignDocuments(pair.src, pair.tgt, features, options);
  pair.dictionaries = features.lexical.dictionaries;
  AddDictionaryNotice(pair.dictionaries, pair.src.language, pair.tgt.language, pair.notices);
  if (settings.keep_features) pair.features = std::move(features);
  return pair;
}

}  // namespace allinea::cli
