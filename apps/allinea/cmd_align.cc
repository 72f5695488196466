// allinea align SRC TGT: sentence alignment of a document and its translation.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "allinea/align.h"
#include "allinea/dictionary.h"
#include "allinea/error.h"
#include "allinea/io.h"
#include "allinea/write.h"
#include "cli_options.h"
#include "commands.h"

namespace allinea::cli {

namespace {

constexpr const char* kUsage =
    "Usage: allinea align SRC TGT [options]\n"
    "\n"
    "Aligns the sentences of SRC (a document) and TGT (its translation) and\n"
    "writes one bead per line: the source sentences, the target sentences\n"
    "that translate them, and a score in [0, 1] (higher is better). Beads\n"
    "are 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1 or 1-3 sentences. Use - for\n"
    "standard input (for one side only).\n"
    "\n"
    "Example:\n"
    "  allinea align it.txt zh.txt --src-lang it --tgt-lang zh -o it-zh.tsv\n"
    "\n"
    "Options";

}  // namespace

int RunAlign(const std::vector<std::string>& args) {
  std::string src_path, tgt_path, src_lang, tgt_lang, format_name, output,
      lang_data;
  std::vector<std::string> dict_paths;
  std::string search;
  po::options_description options(kUsage);
  options.add_options()
      ("help,h", "print this help and exit")
      ("src-lang", po::value(&src_lang)->value_name("TAG"),
       "language of SRC, a BCP 47 tag (it, zh, en-GB); default: detected "
       "from the text and named on stderr")
      ("tgt-lang", po::value(&tgt_lang)->value_name("TAG"),
       "language of TGT")
      ("format,f",
       po::value(&format_name)
           ->default_value(std::string(FormatName(kDefaultFormat)))
           ->value_name("FMT"),
       "output format: tsv (source TAB target TAB score) or index "
       "([i, j]:[k] sentence indices, as bertalign writes)")
      ("header", "tsv: start with a line naming the columns")
      ("dict", po::value(&dict_paths)->composing()->value_name("FILE"),
       "a bilingual dictionary: words and phrases found on both sides are "
       "evidence that sentences translate each other; lines 'TARGET @ "
       "SOURCE' (hunalign) or 'SOURCE<TAB>TARGET' (see docs/formats.md); "
       "may be given several times")
      ("search", po::value(&search)
           ->default_value(std::string(SearchModeName(SearchMode::kCorridor)))
           ->value_name("HOW"),
       "corridor: follow the path and the anchor points, linear in the "
       "input; full: the whole table, quadratic (a baseline for "
       "benchmarks)")
      ("presegmented",
       "inputs are one sentence per line, a blank line between paragraphs; "
       "indices count the non-blank lines");
  AddLangDataOption(options, &lang_data);
  AddOutputOption(options, &output);
  po::options_description hidden;
  hidden.add_options()
      ("src", po::value(&src_path))
      ("tgt", po::value(&tgt_path));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("src", 1).add("tgt", 1);
  po::variables_map vm;
  ParseArgs(args, all, positional, vm);
  if (vm.count("help")) {
    std::cout << options << '\n';
    return kExitOk;
  }
  if (src_path.empty() || tgt_path.empty()) {
    throw UsageError("align needs two files, SRC and TGT (see --help)");
  }
  if (src_path == "-" && tgt_path == "-") {
    throw UsageError("only one of SRC and TGT can be standard input (-)");
  }
  if (std::count(dict_paths.begin(), dict_paths.end(), "-") +
          (src_path == "-") + (tgt_path == "-") >
      1) {
    throw UsageError("only one input can be standard input (-)");
  }
  const Format format = ParseFormat(format_name);
  const Language src_language = ParseLanguageOption("--src-lang", src_lang);
  const Language tgt_language = ParseLanguageOption("--tgt-lang", tgt_lang);
  const bool presegmented = vm.count("presegmented") > 0;
  const SearchMode search_mode = ParseSearchMode(search);

  // Open the output first, so that an unwritable path is reported before
  // the work; nothing is replaced until Commit().
  OutputFile out(output);
  Dictionary dictionary;
  for (const std::string& path : dict_paths) dictionary.AddFile(path);
  // Each text is freed once segmented: the documents carry what the
  // output needs. Notices wait until both inputs are read, so that an input
  // error is the only line on stderr.
  std::vector<std::string> notices;
  const Document src = SegmentSource(ReadSource(src_path), src_language,
                                     presegmented, lang_data, "--src-lang",
                                     notices);
  const Document tgt = SegmentSource(ReadSource(tgt_path), tgt_language,
                                     presegmented, lang_data, "--tgt-lang",
                                     notices);
  PrintNotices(notices);
  AlignDocumentsOptions align_options;
  if (!dict_paths.empty()) align_options.anchors.dictionary = &dictionary;
  align_options.search.full = search_mode == SearchMode::kFull;
  const Alignment alignment = AlignDocuments(src, tgt, align_options);

  WriteOptions write_options;
  write_options.header = vm.count("header") > 0;
  auto writer = MakeWriter(format, write_options, out.stream());
  writer->Begin(src, tgt);
  for (const Bead& bead : alignment.beads) writer->Write(bead);
  writer->End();
  out.Commit();
  return kExitOk;
}

}  // namespace allinea::cli
