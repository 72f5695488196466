// allinea segment FILE: one sentence per line, a blank line between
// paragraphs.
#include <iostream>

#include "allinea/error.h"
#include "allinea/io.h"
#include "allinea/write.h"
#include "cli_options.h"
#include "commands.h"

namespace allinea::cli {

namespace {

constexpr const char* kUsage =
    "Usage: allinea segment FILE [options]\n"
    "\n"
    "Splits FILE (- for standard input) into paragraphs and sentences and\n"
    "writes one sentence per line, with a blank line between paragraphs.\n"
    "Line breaks inside a sentence are joined (with a space, or with nothing\n"
    "between CJK characters); the text is otherwise the input's own.\n"
    "\n"
    "Example:\n"
    "  allinea segment data/mensch-interview.it.txt --lang it\n"
    "\n"
    "Options";

}  // namespace

int RunSegment(const std::vector<std::string>& args) {
  std::string path, lang, output, lang_data, format_name;
  po::options_description options(kUsage);
  options.add_options()
      ("help,h", "print this help and exit")
      ("lang", po::value(&lang)->value_name("TAG"),
       "language of FILE, a BCP 47 tag (it, zh, en-GB); default: detected "
       "from the text and named on stderr")
      ("format,f",
       po::value(&format_name)
           ->default_value(std::string(SentenceFormatName(kDefaultSentenceFormat)))
           ->value_name("FMT"),
       "lines (one sentence a line, a blank line between paragraphs) or "
       "jsonl (one JSON object a sentence: index, paragraph, line, start and "
       "end byte offsets in FILE, text)");
  std::string encoding;
  AddEncodingOptions(options, &encoding);
  AddLangDataOption(options, &lang_data);
  std::size_t max_sentence = 0;
  AddMaxSentenceOption(options, &max_sentence);
  AddOutputOption(options, &output);
  po::variables_map vm;
  if (!ParseCommandLine(args, options, {{"file", &path}}, vm)) return kExitOk;
  if (path.empty()) throw UsageError("segment needs a FILE (see --help)");
  const SentenceFormat format = ParseSentenceFormat(format_name);
  const Language language = ParseLanguageOption("--lang", lang);
  (void)ConvertToUtf8({}, encoding, {});  // an unknown encoding: usage error
  OutputFile out(output);
  std::vector<Notice> notices;
  const Document doc = SegmentSource(
      ReadSource(path, encoding), language,
      SegmentOptions{.language = {}, .lang_data_dir = lang_data,
                     .max_sentence_chars = max_sentence},
      "--lang", notices);
  PrintNotices(notices);

  WriteSentences(doc, format, out.stream());
  out.Commit();
  return kExitOk;
}

}  // namespace allinea::cli
