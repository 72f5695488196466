#include "cli_options.h"

#include <fmt/format.h>

#include "allinea/error.h"
#include "allinea/io.h"
#include "allinea/language.h"
#include "allinea/text.h"

namespace allinea::cli {

void ParseArgs(const std::vector<std::string>& args,
               const po::options_description& options,
               const po::positional_options_description& positional,
               po::variables_map& vm) {
  try {
    po::store(po::command_line_parser(args)
                  .options(options)
                  .positional(positional)
                  .style(po::command_line_style::default_style &
                         ~po::command_line_style::allow_guessing)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::too_many_positional_options_error&) {
    throw UsageError("too many arguments (see --help)");
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + " (see --help)");
  }
}

Language ParseLanguageOption(const std::string& option,
                             const std::string& value) {
  try {
    return ParseLanguage(value);
  } catch (const UsageError& e) {
    throw UsageError(option + ": " + e.what());
  }
}

Document LoadDocument(const std::string& path, const Language& lang,
                      bool presegmented, const std::string& lang_data_dir) {
  SourceText text = DecodeText(ReadInput(path), path);
  const Segmenter segmenter(SegmentOptions{.language = lang.language,
                                           .presegmented = presegmented,
                                           .lang_data_dir = lang_data_dir});
  return segmenter.Segment(text);
}

}  // namespace allinea::cli
