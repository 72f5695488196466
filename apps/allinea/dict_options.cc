#include "dict_options.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "allinea/error.h"

namespace allinea::cli {
namespace {

std::string_view KindName(RouteKind kind) {
  switch (kind) {
    case RouteKind::kDirect: return "direct";
    case RouteKind::kReversed: return "reversed";
    case RouteKind::kPivot: return "pivot";
    case RouteKind::kGiven: return "given";
  }
  return "given";
}

// The file name alone, for installed dictionaries; the path as given for
// the user's.
std::string ShownName(const RouteDictionary& d) {
  if (!d.installed) return d.name;
  const std::size_t slash = d.name.rfind('/');
  std::string name = slash == std::string::npos ? d.name : d.name.substr(slash + 1);
  if (name.ends_with(".adict")) name.resize(name.size() - 6);
  return name;
}

}  // namespace

void AddDictOptions(po::options_description& options, DictOptions* dict) {
  options.add_options()
      ("dict", po::value(&dict->files)->composing()->value_name("FILE"),
       "a bilingual dictionary to use besides the installed ones: TSV "
       "'SOURCE<TAB>TARGET', hunalign's 'TARGET @ SOURCE', a dictd database "
       "(FreeDict's NAME.index), CC-CEDICT, or one 'allinea dict build' made "
       "(docs/formats.md); may be given several times. --dict none: no "
       "dictionary at all, installed ones included")
      ("dict-dir", po::value(&dict->dir)->value_name("DIR"),
       "look for installed dictionaries in DIR/dict/ only (default: "
       "$ALLINEA_DATA_DIR, $XDG_DATA_HOME/allinea, then the install "
       "prefix's share/allinea)")
      ("dict-strict", po::bool_switch(&dict->strict),
       "refuse a --dict file with a malformed line (by default such lines "
       "are skipped, with one warning)")
      ("learn", po::value(&dict->learn)->default_value(dict->learn)->value_name("HOW"),
       "pair: learn word translations from the beads a first pass is sure "
       "of and align again with them, next to the dictionaries; none: the "
       "dictionaries only");
}

std::unique_ptr<DictionarySet> LoadDictionaries(const DictOptions& options) {
  const bool none = std::find(options.files.begin(), options.files.end(), "none") !=
                    options.files.end();
  if (none) {
    if (options.files.size() > 1) {
      throw UsageError("--dict none turns every dictionary off: it cannot go with --dict FILE");
    }
    return nullptr;
  }
  auto set = std::make_unique<DictionarySet>();
  DictionaryReadOptions read;
  read.strict = options.strict;
  for (const std::string& path : options.files) {
    Dictionary d = Dictionary::Load(path, read);
    if (d.skipped_lines() > 0) {
      std::cerr << fmt::format(
          "allinea: warning: {}: skipped {} malformed line{} (the first: {}); "
          "--dict-strict refuses such a file\n",
          path == "-" ? "<stdin>" : path, d.skipped_lines(),
          d.skipped_lines() == 1 ? "" : "s", d.first_skipped());
    }
    set->Add(std::move(d));
  }
  std::error_code ec;
  if (!options.dir.empty() && !std::filesystem::is_directory(options.dir, ec)) {
    throw IoError("--dict-dir: no such folder", options.dir);
  }
  const std::vector<std::string> dirs = FindDataDirectories(options.dir);
  set->AddInstalled(dirs);
  return set;
}

std::vector<std::string> DictionaryNames(const std::vector<RouteDictionary>& used) {
  std::vector<std::string> names;
  for (const RouteDictionary& d : used) {
    names.push_back(fmt::format("{} ({})", ShownName(d), KindName(d.kind)));
  }
  return names;
}

void AddDictionaryNotice(const std::vector<RouteDictionary>& used,
                         const std::string& src_lang, const std::string& tgt_lang,
                         std::vector<Notice>& notices) {
  if (std::none_of(used.begin(), used.end(),
                   [](const RouteDictionary& d) { return d.installed; })) {
    return;
  }
  const std::vector<std::string> names = DictionaryNames(used);
  const std::string pair = src_lang + "->" + tgt_lang;
  notices.push_back({"dictionaries", pair,
                     fmt::format("allinea: {}: dictionaries {} (--dict none: none)", pair,
                                 fmt::join(names, ", "))});
}

std::vector<std::string> UnmatchedGivenDictionaries(const std::vector<std::string>& given,
                                                    const std::vector<RouteDictionary>& used) {
  std::vector<std::string> out;
  for (const std::string& path : given) {
    const bool matched = std::any_of(used.begin(), used.end(), [&](const RouteDictionary& d) {
      return d.name == path && (d.src_terms > 0 || d.tgt_terms > 0);
    });
    if (!matched && path != "none") out.push_back(path);
  }
  return out;
}

}  // namespace allinea::cli
