// allinea learn --pairs LIST: a lexicon learnt from many document pairs, as
// a TSV dictionary that --dict reads.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <thread>

#include "align_job.h"
#include "allinea/batch.h"
#include "allinea/error.h"
#include "allinea/io.h"
#include "allinea/learn.h"
#include "cli_options.h"
#include "commands.h"
#include "dict_options.h"

namespace allinea::cli {
namespace {

constexpr const char* kUsage =
    "Usage: allinea learn --pairs LIST [-o LEXICON.tsv] [options]\n"
    "\n"
    "Aligns every pair of LIST (one 'SRC<TAB>TGT' a line; relative paths are\n"
    "taken from LIST's folder) as align does, and learns word translations\n"
    "from the beads of all of them that it is sure of (1-1 beads between\n"
    "1-1 beads, scored 0.9 or more): IBM Model 1 in both directions, or the\n"
    "Dice coefficient (docs/algorithm.md). Writes them as a TSV dictionary,\n"
    "'SOURCE<TAB>TARGET' a line (a comment line first), for\n"
    "'allinea align --dict LEXICON.tsv': so that a corpus aligned in shards\n"
    "uses the same lexicon everywhere. A pair that fails is reported on\n"
    "stderr and left out: exit status 3.\n"
    "\n"
    "Examples:\n"
    "  allinea learn --pairs list.tsv --src-lang it --tgt-lang zh -o it-zh.lexicon.tsv\n"
    "  allinea align --pairs shard-1.tsv --dict it-zh.lexicon.tsv -o shard-1.tmx\n"
    "\n"
    "Exit status: 0 success; 2 usage or input error (one line on stderr);\n"
    "3 when some pairs failed and the lexicon was learnt from the others.\n"
    "\n"
    "Options";

// The beads a lexicon is learnt from score at least this.
constexpr double kSureScore = 0.9;

// One pair's words and sure sentence pairs, or why it failed.
struct Outcome {
  std::optional<DocumentWords> src;
  DocumentWords tgt;
  std::vector<std::pair<std::size_t, std::size_t>> sure;
  std::vector<Notice> notices;
  std::string error;
};

}  // namespace

int RunLearn(const std::vector<std::string>& args) {
  std::string pairs_path, output = "-", src_lang, tgt_lang, method = "model1";
  DictOptions dict;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  int jobs = static_cast<int>(cores);
  LearnOptions learn;
  // Parsed signed, so that a negative number is refused, not wrapped.
  long long max_translations = static_cast<long long>(learn.max_translations);
  long long max_sentence_pairs = 1'000'000;
  po::options_description options(kUsage);
  options.add_options()
      ("help,h", "print this help and exit")
      ("pairs", po::value(&pairs_path)->value_name("LIST"),
       "the document pairs (- = standard input): one 'SRC<TAB>TGT' a line, "
       "'#' starts a comment")
      ("src-lang", po::value(&src_lang)->value_name("TAG"),
       "language of the sources, a BCP 47 tag; default: detected")
      ("tgt-lang", po::value(&tgt_lang)->value_name("TAG"), "language of the targets")
      ("presegmented",
       "inputs are one sentence per line, a blank line between paragraphs")
      ("method", po::value(&method)->default_value(method)->value_name("HOW"),
       "model1 (IBM Model 1, both directions) or dice (the Dice coefficient)")
      ("max-translations", po::value(&max_translations)
           ->default_value(max_translations)->value_name("N"),
       "at most N translations a word (and a word at most N sources)")
      ("max-sentence-pairs", po::value(&max_sentence_pairs)
           ->default_value(max_sentence_pairs)->value_name("N"),
       "learn from at most N sure sentence pairs (bounds time and memory): "
       "the first N in list order, each document's evenly spread")
      ("jobs,j", po::value(&jobs)->value_name("N"),
       "align N pairs at a time (default: the number of cores)");
  AddDictOptions(options, &dict);
  AddOutputOption(options, &output);
  po::variables_map vm;
  if (!ParseCommandLine(args, options, {}, vm)) return kExitOk;
  if (pairs_path.empty()) throw UsageError("learn needs --pairs LIST (see --help)");
  if (jobs < 1) throw UsageError(fmt::format("--jobs: {} is not 1 or more", jobs));
  if (max_translations < 1) {
    throw UsageError(fmt::format("--max-translations: {} is not 1 or more", max_translations));
  }
  if (max_sentence_pairs < 1) {
    throw UsageError(fmt::format("--max-sentence-pairs: {} is not 1 or more", max_sentence_pairs));
  }
  learn.max_translations = static_cast<std::size_t>(max_translations);
  learn.max_sentence_pairs = static_cast<std::size_t>(max_sentence_pairs);
  if (std::count(dict.files.begin(), dict.files.end(), "-") + (pairs_path == "-") > 1) {
    throw UsageError("only one input can be standard input (-)");
  }
  learn.method = ParseLearnMethod(method);
  AlignSettings settings;
  settings.src_language = ParseLanguageOption("--src-lang", src_lang);
  settings.tgt_language = ParseLanguageOption("--tgt-lang", tgt_lang);
  settings.presegmented = vm.count("presegmented") > 0;
  settings.learn = ParseLearnMode(dict.learn);
  const std::unique_ptr<DictionarySet> dictionaries = LoadDictionaries(dict);
  settings.dictionaries = dictionaries.get();

  OutputFile out(output, true);  // standard output too: whole or nothing
  const std::string base_dir =
      pairs_path == "-" ? std::string()
                        : std::filesystem::path(pairs_path).parent_path().string();
  const std::string where = pairs_path == "-" ? "<stdin>" : pairs_path;
  const std::vector<PairEntry> pairs = ParsePairList(ReadInput(pairs_path), where, base_dir);
  const bool progress = isatty(STDERR_FILENO) != 0 && pairs.size() > 1;

  LexiconLearner learner(learn);
  std::set<std::string> announced;
  std::size_t failed = 0;
  RunInOrder<Outcome>(
      pairs.size(), std::min(static_cast<unsigned>(jobs), 4 * cores),
      2 * static_cast<std::size_t>(jobs),
      [&](std::size_t i) {
        Outcome outcome;
        outcome.error = ErrorOf([&] {
          const AlignedPair pair = AlignPair(pairs[i].src, pairs[i].tgt, settings);
          outcome.sure = SurePairs(pair.alignment.beads, kSureScore);
          outcome.src = ExtractWords(pair.src);
          outcome.tgt = ExtractWords(pair.tgt);
          outcome.notices = pair.notices;
        });
        return outcome;
      },
      [&](std::size_t i, Outcome&& outcome) {
        if (progress) std::cerr << "\r\033[K";
        if (!outcome.src) {
          std::cerr << fmt::format("allinea: {}:{}: {}\n", where, pairs[i].line, outcome.error);
          ++failed;
          return true;
        }
        for (const Notice& notice : outcome.notices) PrintNoticeOnce(notice, announced);
        learner.Add(*outcome.src, outcome.tgt, outcome.sure);
        if (progress) {
          std::cerr << fmt::format("allinea: aligned {} of {} pairs", i + 1, pairs.size())
                    << std::flush;
        }
        return true;
      });
  if (progress) std::cerr << "\r\033[K" << std::flush;
  if (pairs.empty()) throw InputError("no document pair: nothing to learn from", where);
  if (failed == pairs.size()) throw InputError("every pair failed: nothing to learn from", where);
  const std::vector<LearntPair> lexicon = learner.Learn();
  std::ostream& stream = out.stream();
  stream << fmt::format(
      "# allinea learn ({}): {} pairs from {} sure sentence pairs of {} document pairs\n",
      LearnMethodName(learn.method), lexicon.size(), learner.sentence_pairs(),
      pairs.size() - failed);
  for (const LearntPair& p : lexicon) stream << p.src << '\t' << p.tgt << '\n';
  out.Commit();
  std::cerr << fmt::format("allinea: learnt {} word pairs from {} sure sentence pairs\n",
                           lexicon.size(), learner.sentence_pairs());
  return failed > 0 ? kExitPartial : kExitOk;
}

}  // namespace allinea::cli
