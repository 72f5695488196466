#include "cli_options.h"

#include <fmt/format.h>

#include <iostream>
#include <new>

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

bool ParseCommandLine(const std::vector<std::string>& args,
                      const po::options_description& options,
                      const std::vector<Positional>& positionals,
                      po::variables_map& vm) {
  po::options_description hidden;
  po::positional_options_description positional;
  for (const Positional& p : positionals) {
    hidden.add_options()(p.name, po::value(p.value));
    positional.add(p.name, 1);
  }
  po::options_description all;
  all.add(options).add(hidden);
  ParseArgs(args, all, positional, vm);
  if (vm.count("help")) {
    std::cout << options << '\n';
    return false;
  }
  return true;
}

Language ParseLanguageOption(const std::string& option,
                             const std::string& value) {
  try {
    return ParseLanguage(value);
  } catch (const UsageError& e) {
    throw UsageError(option + ": " + e.what());
  }
}

void AddLangDataOption(po::options_description& options, std::string* dir) {
  options.add_options()(
      "lang-data", po::value(dir)->value_name("DIR"),
      "language data that adds to or replaces the built-in files: "
      "DIR/<lang>/abbreviations.txt, common-words.txt (see docs/lang-data.md)");
}

void AddOutputOption(po::options_description& options, std::string* path) {
  options.add_options()(
      "output,o", po::value(path)->default_value("-")->value_name("FILE"),
      "write to FILE, whole or not at all (- = standard output)");
}

SourceText ReadSource(const std::string& path, const std::string& encoding) {
  return DecodeText(ConvertToUtf8(ReadInput(path), encoding, path), path);
}

void AddEncodingOptions(po::options_description& options, std::string* both,
                        std::string* src, std::string* tgt) {
  options.add_options()(
      "encoding", po::value(both)->default_value("UTF-8")->value_name("NAME"),
      "the inputs' character encoding: UTF-8 (default), or any name ICU "
      "knows (UTF-16LE, UTF-16, latin1, windows-1252, GB18030, Shift_JIS); "
      "byte offsets then count bytes of the text converted to UTF-8");
  if (src != nullptr) {
    options.add_options()(
        "src-encoding", po::value(src)->value_name("NAME"),
        "the encoding of SRC alone (overrides --encoding)")(
        "tgt-encoding", po::value(tgt)->value_name("NAME"),
        "the encoding of TGT alone (overrides --encoding)");
  }
}

void AddMaxSentenceOption(po::options_description& options, std::size_t* chars) {
  options.add_options()(
      "max-sentence",
      po::value<long long>()
          ->default_value(static_cast<long long>(
              SegmentOptions::kDefaultMaxSentenceChars))
          ->value_name("N")
          ->notifier([chars](long long n) {
            if (n < 0) {
              throw UsageError(fmt::format(
                  "--max-sentence: {} is negative (0 = no limit)", n));
            }
            *chars = static_cast<std::size_t>(n);
          }),
      "cut a sentence longer than N characters into pieces of at most N, at "
      "a clause mark or word boundary, with a warning (0 = no limit): a text "
      "without punctuation stays alignable");
}

Document SegmentSource(const SourceText& text, Language lang,
                       SegmentOptions options, const std::string& option,
                       std::vector<Notice>& notices, bool detect_presegmented) {
  const std::string shown = text.name() == "-" ? "<stdin>" : text.name();
  if (lang.language.empty() && (!options.presegmented || detect_presegmented)) {
    lang.language = DetectLanguage(text.normalized(), options.lang_data_dir);
    if (!lang.language.empty()) {
      notices.push_back(Notice{
          option, lang.language,
          fmt::format("allinea: {}: assuming language '{}' (detected; {} sets it)",
                      shown, lang.language, option)});
    }
  } else if (!lang.language.empty()) {
    const std::string seen = ContradictedLanguage(
        text.normalized(), lang.language, options.lang_data_dir);
    if (!seen.empty()) {
      notices.push_back(Notice{
          option, "",
          fmt::format("allinea: warning: {}: {} says '{}', but the text looks "
                      "like '{}'; its sentence rules, anchors and checks follow {}",
                      shown, option, lang.language, seen, option)});
    }
  }
  options.language = lang.language;
  const std::size_t limit = options.max_sentence_chars;
  const Segmenter segmenter(std::move(options));
  Document doc = segmenter.Segment(text);
  if (doc.cut_sentences > 0) {
    notices.push_back(Notice{
        "--max-sentence", "",
        fmt::format("allinea: warning: {}: cut {} sentence{} longer than {} "
                    "character{} into pieces (the first at line {}; "
                    "--max-sentence sets the limit)",
                    shown, doc.cut_sentences, doc.cut_sentences == 1 ? "" : "s",
                    limit, limit == 1 ? "" : "s", doc.first_cut_line)});
  }
  return doc;
}

void PrintNotices(const std::vector<Notice>& notices) {
  for (const Notice& notice : notices) std::cerr << notice.text << '\n';
}

void PrintNoticeOnce(const Notice& notice, std::set<std::string>& announced) {
  const std::string key =
      notice.language.empty() ? notice.text : notice.option + " " + notice.language;
  if (announced.insert(key).second) std::cerr << notice.text << '\n';
}

std::string ErrorOf(const std::function<void()>& work) {
  try {
    work();
  } catch (const Error& e) {
    return Describe(e);
  } catch (const std::bad_alloc&) {
    return "out of memory";
  } catch (const std::exception& e) {
    return std::string("internal error: ") + e.what();
  }
  return {};
}

}  // namespace allinea::cli
