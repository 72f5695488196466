// The lexical options that align and check share (--dict, --dict-dir,
// --dict-strict, --learn), the DictionarySet they make, and the lines that
// say which dictionaries a pair used.
#ifndef ALLINEA_APPS_DICT_OPTIONS_H_
#define ALLINEA_APPS_DICT_OPTIONS_H_

#include <memory>
#include <string>
#include <vector>

#include "allinea/learn.h"
#include "allinea/lexicon.h"
#include "cli_options.h"

namespace allinea::cli {

struct DictOptions {
  std::vector<std::string> files;  // --dict; "none" turns all off
  std::string dir;                 // --dict-dir
  bool strict = false;             // --dict-strict
  std::string learn = "pair";      // --learn
};

void AddDictOptions(po::options_description& options, DictOptions* dict);

// The dictionaries of the options: the files given (read now: a file with
// skipped lines gets a warning on stderr, or with --dict-strict an error)
// and the installed ones; nullptr for --dict none. Throws UsageError for
// --dict none with other files, IoError and InputError for a bad file.
[[nodiscard]] std::unique_ptr<DictionarySet> LoadDictionaries(const DictOptions& options);

// The names of the dictionaries a pair used, for a TMX header:
// "it-en.freedict-ita-eng (pivot)".
[[nodiscard]] std::vector<std::string> DictionaryNames(
    const std::vector<RouteDictionary>& used);

// A notice saying which dictionaries served the pair `src_lang` ->
// `tgt_lang` (printed once per language pair), when installed ones did:
// the user named the others.
void AddDictionaryNotice(const std::vector<RouteDictionary>& used,
                         const std::string& src_lang, const std::string& tgt_lang,
                         std::vector<Notice>& notices);

// The files of `given` (--dict) that gave no evidence for the pair (none
// of their entries occurs in both texts, or their languages are not the
// pair's), for a warning.
[[nodiscard]] std::vector<std::string> UnmatchedGivenDictionaries(
    const std::vector<std::string>& given, const std::vector<RouteDictionary>& used);

}  // namespace allinea::cli

#endif  // ALLINEA_APPS_DICT_OPTIONS_H_
