#include "align_job.h"

#include "cli_options.h"

namespace allinea::cli {

AlignedPair AlignPair(const std::string& src_path, const std::string& tgt_path,
                      const AlignSettings& settings) {
  AlignedPair pair;
  // Each text is freed once segmented: the documents carry what the output
  // needs.
  pair.src = SegmentSource(ReadSource(src_path, settings.src_encoding), settings.src_language,
                           settings.presegmented, settings.lang_data,
                           "--src-lang", pair.notices, settings.detect);
  pair.tgt = SegmentSource(ReadSource(tgt_path, settings.tgt_encoding), settings.tgt_language,
                           settings.presegmented, settings.lang_data,
                           "--tgt-lang", pair.notices, settings.detect);
  pair.src_tag = TagWithRegion(settings.src_language.tag.empty()
                                   ? pair.src.language
                                   : settings.src_language.tag);
  pair.tgt_tag = TagWithRegion(settings.tgt_language.tag.empty()
                                   ? pair.tgt.language
                                   : settings.tgt_language.tag);
  AlignDocumentsOptions options;
  options.anchors.dictionary = settings.dictionary;
  options.search.full = settings.search == SearchMode::kFull;
  pair.alignment = AlignDocuments(pair.src, pair.tgt, options);
  return pair;
}

}  // namespace allinea::cli
