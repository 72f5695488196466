// allinea align SRC TGT | --pairs LIST: sentence alignment of documents and
// their translations.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <thread>

#include "align_job.h"
#include "allinea/batch.h"
#include "allinea/error.h"
#include "allinea/io.h"
#include "allinea/write.h"
#include "cli_options.h"
#include "commands.h"
#include "dict_options.h"

namespace allinea::cli {

namespace {

constexpr const char* kUsage =
    "Usage: allinea align SRC TGT [options]\n"
    "       allinea align --pairs LIST [options]\n"
    "\n"
    "Aligns the sentences of SRC (a document) and TGT (its translation) and\n"
    "writes one bead per line: the source sentences, the target sentences\n"
    "that translate them, and a score in [0, 1] (higher is better). Beads\n"
    "are 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1 or 1-3 sentences. Use - for\n"
    "standard input (for one side only).\n"
    "\n"
    "With --pairs, aligns every pair of LIST (one 'SRC<TAB>TGT' a line;\n"
    "relative paths are taken from LIST's folder) on all cores into one\n"
    "output, in list order. A pair that fails is reported on stderr and the\n"
    "others are written: exit status 3. With --strict the first failure\n"
    "stops the run, nothing is written, exit status 2.\n"
    "\n"
    "Examples:\n"
    "  allinea align it.txt zh.txt --src-lang it --tgt-lang zh -o it-zh.tsv\n"
    "  allinea align it.txt zh.txt -o memory.tmx\n"
    "  allinea align --pairs list.tsv -f jsonl --min-score 0.9 -o train.jsonl\n"
    "\n"
    "Exit status: 0 success; 2 usage or input error (one line on stderr);\n"
    "3 with --pairs when some pairs failed and the others were written.\n"
    "\n"
    "Options";

// Everything the user asked for, parsed and checked.
struct AlignRequest {
  std::string src_path;
  std::string tgt_path;
  std::string pairs_path;  // --pairs; "" = SRC TGT
  bool strict = false;
  unsigned jobs = 1;
  std::string output;
  Format format = kDefaultFormat;
  WriteOptions write;
  AlignSettings settings;
  std::vector<std::string> dict_files;  // --dict, for the unmatched warning
};

// "FILE: no entry ... occurs in both texts", for each --dict file that
// gave no evidence.
void WarnUnmatched(const std::vector<std::string>& files) {
  for (const std::string& f : files) {
    std::cerr << fmt::format(
        "allinea: warning: {}: no entry of this dictionary occurs in both texts "
        "(are its languages those of the pair?)\n",
        f == "-" ? "<stdin>" : f);
  }
}

// The creation date for TMX: SOURCE_DATE_EPOCH when set (reproducible
// builds' convention), else now.
std::string CreationDate() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch == nullptr || *epoch == '\0') {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return FormatTmxDate(
        std::chrono::duration_cast<std::chrono::seconds>(now).count());
  }
  const std::string_view digits(epoch);
  if (digits.find_first_not_of("0123456789") != std::string_view::npos) {
    throw UsageError(fmt::format(
        "SOURCE_DATE_EPOCH: '{}' is not a whole number of seconds", epoch));
  }
  errno = 0;
  const long long seconds = std::strtoll(epoch, nullptr, 10);
  if (errno == ERANGE) {
    throw UsageError(fmt::format(
        "SOURCE_DATE_EPOCH: {} is out of range", epoch));
  }
  try {
    return FormatTmxDate(seconds);
  } catch (const UsageError& e) {
    throw UsageError(std::string("SOURCE_DATE_EPOCH: ") + e.what());
  }
}

void WarnRemoved(const Writer& writer, const std::string& output) {
  if (const std::size_t n = writer.removed_characters(); n > 0) {
    std::cerr << fmt::format(
        "allinea: warning: {}: left out {} control character{} that XML "
        "cannot hold\n",
        output == "-" ? "<stdout>" : output, n, n == 1 ? "" : "s");
  }
}

// TMX needs each side's language (xml:lang); the others do not.
void RequireTags(const AlignRequest& request, const AlignedPair& pair) {
  if (request.format != Format::kTmx) return;
  if (pair.src_tag.empty()) {
    throw UsageError(fmt::format(
        "{}: cannot tell its language, which TMX needs (set --src-lang)",
        pair.src.name == "-" ? "<stdin>" : pair.src.name));
  }
  if (pair.tgt_tag.empty()) {
    throw UsageError(fmt::format(
        "{}: cannot tell its language, which TMX needs (set --tgt-lang)",
        pair.tgt.name == "-" ? "<stdin>" : pair.tgt.name));
  }
}

int AlignOne(const AlignRequest& request) {
  // Open the output first, so that an unwritable path is reported before
  // the work; nothing is replaced until Commit().
  OutputFile out(request.output);
  AlignedPair pair =
      AlignPair(request.src_path, request.tgt_path, request.settings);
  RequireTags(request, pair);
  PrintNotices(pair.notices);
  WarnUnmatched(UnmatchedGivenDictionaries(request.dict_files, pair.dictionaries));
  WriteOptions write = request.write;
  write.src_tag = pair.src_tag;
  write.tgt_tag = pair.tgt_tag;
  write.dictionaries = DictionaryNames(pair.dictionaries);
  auto writer = MakeWriter(request.format, write, out.stream());
  writer->Begin();
  writer->BeginDocument(pair.src, pair.tgt, request.src_path);
  for (const Bead& bead : pair.alignment.beads) writer->Write(bead);
  writer->End();
  out.Commit();
  WarnRemoved(*writer, request.output);
  return kExitOk;
}

// A pair's result, or the one line saying why it failed.
struct Outcome {
  std::optional<AlignedPair> pair;
  std::string error;
};

int AlignList(const AlignRequest& request) {
  // With --strict nothing is written unless every pair succeeds, standard
  // output included.
  OutputFile out(request.output, request.strict);
  const std::string list_name = request.pairs_path;
  // Relative paths in a list on standard input are from the current folder.
  const std::string base_dir =
      list_name == "-"
          ? std::string()
          : std::filesystem::path(list_name).parent_path().string();
  const std::string where = list_name == "-" ? "<stdin>" : list_name;
  const std::vector<PairEntry> pairs =
      ParsePairList(ReadInput(list_name), where, base_dir);
  const bool progress = isatty(STDERR_FILENO) != 0 && pairs.size() > 1;

  std::unique_ptr<Writer> writer;
  WriteOptions write = request.write;
  const auto open_writer = [&](const std::string& src_tag, const std::string& tgt_tag,
                               const std::vector<RouteDictionary>& dictionaries) {
    write.src_tag = src_tag;
    write.tgt_tag = tgt_tag;
    write.dictionaries = DictionaryNames(dictionaries);
    writer = MakeWriter(request.format, write, out.stream());
    writer->Begin();
  };
  std::set<std::string> announced;  // "--src-lang it": notices printed once
  std::set<std::string> used;  // --dict files that some pair used
  std::size_t failed = 0;
  bool stopped = false;
  const auto report = [&](const PairEntry& entry, const std::string& error) {
    if (progress) std::cerr << "\r\033[K";
    std::cerr << fmt::format("allinea: {}:{}: {}\n", where, entry.line, error);
    ++failed;
    stopped = request.strict;
    return !request.strict;
  };

  RunInOrder<Outcome>(
      pairs.size(), request.jobs, 2 * std::size_t{request.jobs},
      [&](std::size_t i) {
        Outcome outcome;
        outcome.error = ErrorOf([&] {
          AlignedPair pair =
              AlignPair(pairs[i].src, pairs[i].tgt, request.settings);
          RequireTags(request, pair);
          outcome.pair = std::move(pair);
        });
        return outcome;
      },
      [&](std::size_t i, Outcome&& outcome) {
        const PairEntry& entry = pairs[i];
        if (!outcome.pair) return report(entry, outcome.error);
        AlignedPair& pair = *outcome.pair;
        if (!writer) open_writer(pair.src_tag, pair.tgt_tag, pair.dictionaries);
        // A --dict file is reported unmatched only if no pair used it.
        for (const std::string& f : request.dict_files) {
          if (UnmatchedGivenDictionaries({f}, pair.dictionaries).empty()) used.insert(f);
        }
        if (request.format == Format::kTmx &&
            (pair.src_tag != write.src_tag || pair.tgt_tag != write.tgt_tag)) {
          return report(entry, fmt::format(
              "{}: languages {} and {} differ from the memory's {} and {} "
              "(set --src-lang and --tgt-lang)",
              entry.name, pair.src_tag, pair.tgt_tag, write.src_tag,
              write.tgt_tag));
        }
        if (progress) std::cerr << "\r\033[K";
        for (const Notice& notice : pair.notices) PrintNoticeOnce(notice, announced);
        writer->BeginDocument(pair.src, pair.tgt, entry.name);
        for (const Bead& bead : pair.alignment.beads) writer->Write(bead);
        if (progress) {
          std::cerr << fmt::format("allinea: aligned {} of {} pairs", i + 1,
                                   pairs.size())
                    << std::flush;
        }
        return true;
      });
  if (progress) std::cerr << "\r\033[K" << std::flush;
  if (stopped) return kExitUsage;  // nothing written: `out` is not committed
  if (!writer) {
    open_writer(TagWithRegion(request.settings.src_language.tag),
                TagWithRegion(request.settings.tgt_language.tag), {});
  }
  writer->End();
  out.Commit();
  if (failed < pairs.size()) {
    std::vector<std::string> unused;
    for (const std::string& f : request.dict_files) {
      if (used.count(f) == 0 && f != "none") unused.push_back(f);
    }
    WarnUnmatched(unused);
  }
  WarnRemoved(*writer, request.output);
  return failed > 0 ? kExitPartial : kExitOk;
}

}  // namespace

int RunAlign(const std::vector<std::string>& args) {
  AlignRequest request;
  std::string src_lang, tgt_lang, format_name, lang_data, search, nulls;
  DictOptions dict;
  double min_score = 0;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  int jobs = static_cast<int>(cores);
  po::options_description options(kUsage);
  options.add_options()
      ("help,h", "print this help and exit")
      ("src-lang", po::value(&src_lang)->value_name("TAG"),
       "language of SRC, a BCP 47 tag (it, zh, en-GB); default: detected "
       "from the text and named on stderr. In TMX the tag gets a region "
       "when it has none (it -> it-IT, zh -> zh-CN)")
      ("tgt-lang", po::value(&tgt_lang)->value_name("TAG"),
       "language of TGT")
      ("format,f", po::value(&format_name)->value_name("FMT"),
       "output format: tsv (source TAB target TAB score), tmx (TMX 1.4b, "
       "for CAT tools), jsonl (one JSON object per bead) or index ([i, j]:[k] "
       "sentence indices, as bertalign writes); default: from the extension "
       "of -o (.tsv, .tmx, .jsonl, .index), else tsv")
      ("header", "tsv: start with a line naming the columns")
      ("min-score", po::value(&min_score)->value_name("X"),
       "leave out beads scored below X (0 to 1; null beads too): the score "
       "is the bead's probability of being right (docs/formats.md)")
      ("null", po::value(&nulls)->value_name("keep|drop"),
       "null beads (a sentence with no counterpart): keep or drop; default: "
       "drop in TMX, keep in the other formats. keep in TMX writes an empty "
       "<seg/> for review")
      ("pairs", po::value(&request.pairs_path)->value_name("LIST"),
       "align every pair of LIST (- = standard input): one 'SRC<TAB>TGT' a "
       "line, '#' starts a comment; tsv and index get a first column naming "
       "the document (SRC as written in LIST)")
      ("strict", "with --pairs: stop at the first pair that fails, write "
       "nothing, exit 2")
      ("jobs,j", po::value(&jobs)->value_name("N"),
       "with --pairs: align N pairs at a time (default: the number of "
       "cores; at most 4 times that many)")
      ("search", po::value(&search)
           ->default_value(std::string(SearchModeName(SearchMode::kCorridor)))
           ->value_name("HOW"),
       "corridor: follow the path and the anchor points, linear in the "
       "input; full: the whole table, quadratic (a baseline for "
       "benchmarks)")
      ("presegmented",
       "inputs are one sentence per line, a blank line between paragraphs; "
       "indices count the non-blank lines");
  std::string encoding, src_encoding, tgt_encoding;
  AddEncodingOptions(options, &encoding, &src_encoding, &tgt_encoding);
  AddDictOptions(options, &dict);
  AddLangDataOption(options, &request.settings.lang_data);
  AddMaxSentenceOption(options, &request.settings.max_sentence_chars);
  AddOutputOption(options, &request.output);
  po::variables_map vm;
  const std::vector<Positional> files = {{"src", &request.src_path},
                                         {"tgt", &request.tgt_path}};
  if (!ParseCommandLine(args, options, files, vm)) return kExitOk;
  const bool batch = vm.count("pairs") > 0;
  if (batch) {
    if (!request.src_path.empty()) {
      throw UsageError("--pairs takes the documents from LIST, not SRC TGT");
    }
    if (request.pairs_path.empty()) throw UsageError("--pairs needs a LIST");
  } else {
    if (request.src_path.empty() || request.tgt_path.empty()) {
      throw UsageError("align needs two files, SRC and TGT, or --pairs LIST "
                       "(see --help)");
    }
    if (vm.count("strict") || vm.count("jobs")) {
      throw UsageError("--strict and --jobs go with --pairs");
    }
  }
  const std::string list_input = batch ? request.pairs_path : std::string();
  if (std::count(dict.files.begin(), dict.files.end(), "-") +
          (request.src_path == "-") + (request.tgt_path == "-") +
          (list_input == "-") >
      1) {
    throw UsageError("only one input can be standard input (-)");
  }
  if (vm.count("format")) {
    request.format = ParseFormat(format_name);
  } else {
    request.format = FormatOfPath(request.output).value_or(kDefaultFormat);
  }
  if (vm.count("header") && request.format != Format::kTsv) {
    throw UsageError(fmt::format("--header goes with -f tsv, not {}",
                                 FormatName(request.format)));
  }
  if (!(min_score >= 0 && min_score <= 1)) {
    throw UsageError(fmt::format("--min-score: {} is not between 0 and 1",
                                 min_score));
  }
  if (jobs < 1) throw UsageError(fmt::format("--jobs: {} is not 1 or more", jobs));
  request.jobs = std::min(static_cast<unsigned>(jobs), 4 * cores);
  request.strict = vm.count("strict") > 0;
  request.write.header = vm.count("header") > 0;
  request.write.document_column = batch;
  request.write.min_score = min_score;
  if (vm.count("null")) request.write.nulls = ParseNullBeads(nulls);
  if (request.format == Format::kTmx) request.write.creation_date = CreationDate();
  request.settings.src_language = ParseLanguageOption("--src-lang", src_lang);
  request.settings.tgt_language = ParseLanguageOption("--tgt-lang", tgt_lang);
  request.settings.presegmented = vm.count("presegmented") > 0;
  request.settings.src_encoding = src_encoding.empty() ? encoding : src_encoding;
  request.settings.tgt_encoding = tgt_encoding.empty() ? encoding : tgt_encoding;
  // An unknown encoding is a usage error before any input is read.
  for (const std::string& e : {request.settings.src_encoding, request.settings.tgt_encoding}) {
    (void)ConvertToUtf8({}, e, {});
  }
  // TMX names each side's language, so it is detected even in
  // presegmented input.
  request.settings.detect = request.format == Format::kTmx;
  request.settings.search = ParseSearchMode(search);
  request.settings.learn = ParseLearnMode(dict.learn);

  const std::unique_ptr<DictionarySet> dictionaries = LoadDictionaries(dict);
  request.settings.dictionaries = dictionaries.get();
  request.dict_files = dict.files;
  return batch ? AlignList(request) : AlignOne(request);
}

}  // namespace allinea::cli
