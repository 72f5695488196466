// allinea check SRC TGT: is TGT a complete and faithful translation of SRC?
#include <fmt/format.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "align_job.h"
#include "allinea/check.h"
#include "allinea/error.h"
#include "allinea/io.h"
#include "allinea/report.h"
#include "cli_options.h"
#include "dict_options.h"
#include "commands.h"

namespace allinea::cli {
namespace {

constexpr const char* kUsage =
    "Usage: allinea check SRC TGT [options]\n"
    "\n"
    "Checks that TGT is a complete and faithful translation of SRC: aligns\n"
    "them, then reports omissions, additions, numbers and names on one side\n"
    "only, untranslated text, moved content, or documents that do not\n"
    "correspond at all. Each finding is an error, a warning or a note.\n"
    "\n"
    "Exit status: 0 the check passes; 1 it fails (a finding at or above\n"
    "--fail-on, coverage below --min-coverage, or an empty translation);\n"
    "2 usage or input error.\n"
    "\n"
    "Examples:\n"
    "  allinea check it.txt zh.txt --src-lang it --tgt-lang zh\n"
    "  allinea check it.txt zh.txt --report junit -o check.xml\n"
    "  allinea check it.txt zh.txt --baseline accepted.txt --report github\n"
    "\n"
    "Options";

// "40" is 40 characters, "2s" two sentences.
void ParseMaxOmission(const std::string& value, CheckOptions& options) {
  std::string digits = value;
  const bool sentences = !digits.empty() && digits.back() == 's';
  if (sentences) digits.pop_back();
  if (digits.empty() || digits.size() > 9 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    throw UsageError(fmt::format(
        "--max-omission: '{}' is not a number of characters (40) or of "
        "sentences (2s)",
        value));
  }
  // One unit at a time: "2s" measures in sentences only.
  const std::size_t n = std::stoul(digits);
  options.max_omission_sentences = sentences ? n : SIZE_MAX;
  options.max_omission_chars = sentences ? SIZE_MAX : n;
}

}  // namespace

int RunCheck(const std::vector<std::string>& args) {
  const CheckOptions defaults;
  std::string src_path, tgt_path, src_lang, tgt_lang, report_name = "text",
      output, lang_data, fail_on = std::string(SeverityName(defaults.fail_on)),
      max_omission = std::to_string(defaults.max_omission_chars), baseline_path,
      write_baseline_path;
  std::vector<std::string> ignore;
  DictOptions dict;
  double min_coverage = defaults.min_coverage;
  po::options_description options(kUsage);
  options.add_options()
      ("help,h", "print this help and exit")
      ("src-lang", po::value(&src_lang)->value_name("TAG"),
       "language of SRC, a BCP 47 tag; default: detected")
      ("tgt-lang", po::value(&tgt_lang)->value_name("TAG"),
       "language of TGT; default: detected")
      ("report", po::value(&report_name)->default_value("text")->value_name("FMT"),
       "text (for people), json (for scripts), junit (CI test reports), "
       "github (workflow annotations; with GITHUB_STEP_SUMMARY set, also a "
       "Markdown summary appended to that file) or sarif (code scanning)")
      ("fail-on", po::value(&fail_on)->default_value(fail_on)->value_name("SEVERITY"),
       "the least severity that fails the check: error, warning or note")
      ("min-coverage", po::value(&min_coverage)->default_value(min_coverage, fmt::format("{}", min_coverage))->value_name("X"),
       "fail when less than this share of either side's characters is "
       "aligned (0 to 1)")
      ("max-omission", po::value(&max_omission)->default_value(max_omission)->value_name("N|Ns"),
       "an omission or addition longer than N characters (or, as Ns, N "
       "sentences) is an error; up to that it is a warning")
      ("ignore", po::value(&ignore)->composing()->value_name("KIND"),
       "leave out findings of KIND (omission, addition, number-mismatch, "
       "name-mismatch, untranslated, reordering, not-a-translation); may be "
       "given several times")
      ("baseline", po::value(&baseline_path)->value_name("FILE"),
       "accepted findings (as --write-baseline writes them): they are "
       "reported as such and do not fail the check")
      ("write-baseline", po::value(&write_baseline_path)->value_name("FILE"),
       "write this run's findings to FILE, one a line, to accept them")
      ("presegmented", "inputs are one sentence per line, as for align");
  std::string encoding, src_encoding, tgt_encoding;
  AddEncodingOptions(options, &encoding, &src_encoding, &tgt_encoding);
  AddDictOptions(options, &dict);
  AddLangDataOption(options, &lang_data);
  std::size_t max_sentence = 0;
  AddMaxSentenceOption(options, &max_sentence);
  AddOutputOption(options, &output);
  po::variables_map vm;
  const std::vector<Positional> files = {{"src", &src_path},
                                         {"tgt", &tgt_path}};
  if (!ParseCommandLine(args, options, files, vm)) return kExitOk;
  if (src_path.empty() || tgt_path.empty()) {
    throw UsageError("check needs two files, SRC and TGT (see --help)");
  }
  if (src_path == "-" && tgt_path == "-") {
    throw UsageError("only one of SRC and TGT can be standard input (-)");
  }
  const ReportFormat format = ParseReportFormat(report_name);
  CheckOptions check;
  check.fail_on = ParseSeverity(fail_on);
  if (!(min_coverage >= 0 && min_coverage <= 1)) {
    throw UsageError(fmt::format("--min-coverage: {} is not between 0 and 1",
                                 min_coverage));
  }
  check.min_coverage = min_coverage;
  ParseMaxOmission(max_omission, check);
  for (const std::string& kind : ignore) check.ignore.insert(ParseFindingKind(kind));
  AlignSettings settings;
  settings.src_language = ParseLanguageOption("--src-lang", src_lang);
  settings.tgt_language = ParseLanguageOption("--tgt-lang", tgt_lang);
  settings.presegmented = vm.count("presegmented") > 0;
  settings.src_encoding = src_encoding.empty() ? encoding : src_encoding;
  settings.tgt_encoding = tgt_encoding.empty() ? encoding : tgt_encoding;
  // An unknown encoding is a usage error before any input is read.
  for (const std::string& e : {settings.src_encoding, settings.tgt_encoding}) {
    (void)ConvertToUtf8({}, e, {});
  }
  settings.lang_data = lang_data;
  settings.max_sentence_chars = max_sentence;
  settings.learn = ParseLearnMode(dict.learn);
  settings.detect = true;  // untranslated text is found by language
  settings.keep_features = true;
  // One language on both sides is an untranslated document, unless the
  // user said so (an adaptation between variants of one language).
  check.same_language_is_untranslated = src_lang.empty() || tgt_lang.empty();

  OutputFile out(output);
  std::optional<OutputFile> baseline_out;
  if (!write_baseline_path.empty()) baseline_out.emplace(write_baseline_path);
  if (!baseline_path.empty()) {
    check.baseline = ParseBaseline(ReadInput(baseline_path), baseline_path);
  }
  const std::unique_ptr<DictionarySet> dictionaries = LoadDictionaries(dict);
  settings.dictionaries = dictionaries.get();
  check.anchors.dictionaries = dictionaries.get();
  const AlignedPair pair = AlignPair(src_path, tgt_path, settings);
  PrintNotices(pair.notices);
  for (const std::string& f : UnmatchedGivenDictionaries(dict.files, pair.dictionaries)) {
    std::cerr << fmt::format(
        "allinea: warning: {}: no entry of this dictionary occurs in both texts "
        "(are its languages those of the pair?)\n",
        f == "-" ? "<stdin>" : f);
  }
  const CheckReport report = CheckTranslation(pair.src, pair.tgt, pair.features,
                                              pair.alignment, check);

  ReportOptions report_options;
  report_options.src_path = src_path;
  report_options.tgt_path = tgt_path;
  report_options.fail_on = check.fail_on;
  report_options.color = format == ReportFormat::kText && output == "-" &&
                         isatty(STDOUT_FILENO) != 0 &&
                         std::getenv("NO_COLOR") == nullptr;
  WriteReport(report, format, report_options, out.stream());
  if (baseline_out) {
    baseline_out->stream() << WriteBaseline(report);
    baseline_out->Commit();
  }
  out.Commit();
  if (format == ReportFormat::kGithub) {
    const char* summary = std::getenv("GITHUB_STEP_SUMMARY");
    if (summary != nullptr && *summary != '\0') {
      std::ofstream md(summary, std::ios::app | std::ios::binary);
      WriteGithubSummary(report, report_options, md);
      md.flush();
      if (!md) throw IoError("cannot append the job summary", summary);
    }
  }
  return report.pass ? kExitOk : kExitFail;
}

}  // namespace allinea::cli
