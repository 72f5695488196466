// Shared pieces of the allinea commands: option parsing with
// Boost.Program_options, exit codes, loading a document.
#ifndef ALLINEA_APPS_CLI_OPTIONS_H_
#define ALLINEA_APPS_CLI_OPTIONS_H_

#include <boost/program_options.hpp>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "allinea/language.h"
#include "allinea/segment.h"
#include "allinea/text.h"

namespace allinea::cli {

namespace po = boost::program_options;

// Exit statuses scripts can rely on.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFail = 1;   // the job ran and said "no" (check)
inline constexpr int kExitUsage = 2;  // usage or input error
inline constexpr int kExitPartial = 3;  // align --pairs: some pairs failed

// Parses `args` (without the program and command names) into `vm`; turns
// Boost's exceptions into UsageError with a one-line message.
void ParseArgs(const std::vector<std::string>& args,
               const po::options_description& options,
               const po::positional_options_description& positional,
               po::variables_map& vm);

// A command's whole command line: `options` (which must hold --help) and
// the positional arguments, in order, each stored into its string. Prints
// `options` to stdout and returns false when --help was given (the command
// then ends with kExitOk); throws UsageError as ParseArgs does.
struct Positional {
  const char* name;
  std::string* value;
};
[[nodiscard]] bool ParseCommandLine(const std::vector<std::string>& args,
                                    const po::options_description& options,
                                    const std::vector<Positional>& positionals,
                                    po::variables_map& vm);

// ParseLanguage() with the option's name in the error message.
[[nodiscard]] Language ParseLanguageOption(const std::string& option,
                                           const std::string& value);

// Options every command shares, described once: --lang-data DIR and
// -o/--output FILE (default "-").
void AddLangDataOption(po::options_description& options, std::string* dir);
void AddOutputOption(po::options_description& options, std::string* path);

// Reads and decodes one input ("-" for stdin), converted from `encoding`
// first unless it is UTF-8 (ConvertToUtf8).
[[nodiscard]] SourceText ReadSource(const std::string& path,
                                    const std::string& encoding = "UTF-8");

// --encoding NAME, described once (`sides`: also --src-encoding and
// --tgt-encoding, for commands with two inputs).
void AddEncodingOptions(po::options_description& options, std::string* both,
                        std::string* src = nullptr, std::string* tgt = nullptr);

// --max-sentence N, described once.
void AddMaxSentenceOption(po::options_description& options, std::size_t* chars);

// A line for stderr about one input: which language was assumed for it, or
// a warning (sentences cut to the length limit).
struct Notice {
  std::string option;    // the option that sets it ("--src-lang")
  std::string language;  // the detected language subtag; "" for a warning
  std::string text;      // the whole line, "allinea: FILE: assuming ..."
};

// Segments `text` with `options` (their language is set from `language`).
// When `language` is unknown (and the input is not presegmented, or
// `detect_presegmented`) the language is detected, and a notice saying
// which was assumed, naming `option` to override it, is added to `notices`;
// so is a warning when sentences were cut to options.max_sentence_chars.
// Commands print notices with PrintNotices() once every input is
// segmented, so that an error is always the only line on stderr.
[[nodiscard]] Document SegmentSource(const SourceText& text, Language language,
                                     SegmentOptions options,
                                     const std::string& option,
                                     std::vector<Notice>& notices,
                                     bool detect_presegmented = false);
void PrintNotices(const std::vector<Notice>& notices);

// In a --pairs batch: prints `notice` unless printed before (`announced`
// holds what was): a language once for all pairs, a warning once for each
// text it names.
void PrintNoticeOnce(const Notice& notice, std::set<std::string>& announced);

// Runs one pair's `work`: "" when it succeeds, else the one line saying
// why it failed (Describe() of an Error, "out of memory", or "internal
// error: ..."), for a batch that goes on with the other pairs.
[[nodiscard]] std::string ErrorOf(const std::function<void()>& work);

}  // namespace allinea::cli

#endif  // ALLINEA_APPS_CLI_OPTIONS_H_
