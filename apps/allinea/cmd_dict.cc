// allinea dict build|list: compiling dictionaries into the data folder, and
// listing what is installed.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "allinea/dictionary.h"
#include "allinea/error.h"
#include "allinea/io.h"
#include "allinea/lexicon.h"
#include "cli_options.h"
#include "commands.h"

namespace allinea::cli {
namespace {

constexpr const char* kUsage =
    "Usage: allinea dict build SOURCE... [options]\n"
    "       allinea dict list [--dict-dir DIR]\n"
    "\n"
    "build compiles each SOURCE (a dictd database as FreeDict ships it,\n"
    "NAME.index; CC-CEDICT text; TSV 'SOURCE<TAB>TARGET'; hunalign's\n"
    "'TARGET @ SOURCE') into DIR/dict/<from>-<to>.<name>.adict, which align\n"
    "and check then find by themselves for any pair of those languages\n"
    "(either direction, or through English). Malformed lines are skipped and\n"
    "counted. list names the installed dictionaries, in the order they are\n"
    "searched.\n"
    "\n"
    "Examples:\n"
    "  allinea dict build /usr/share/dictd/freedict-ita-eng.index\n"
    "  allinea dict build cedict_ts.u8 --name cc-cedict -o ~/.local/share/allinea\n"
    "  allinea dict build it-zh.tsv --from it --to zh\n"
    "  allinea dict list\n"
    "\n"
    "Options";

// The name part of an .adict file: the source's file name less its
// extensions ("freedict-ita-eng.index" -> "freedict-ita-eng").
std::string DefaultName(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  const std::size_t dot = name.find('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

int Build(const std::vector<std::string>& sources, const std::string& dir,
          const std::string& from, const std::string& to, const std::string& name,
          bool strict) {
  if (sources.empty()) throw UsageError("dict build needs at least one SOURCE (see --help)");
  if (!name.empty() && sources.size() > 1) {
    throw UsageError("--name names one dictionary: give one SOURCE with it");
  }
  const std::string data_dir = dir.empty() ? DefaultDataDirectory() : dir;
  if (data_dir.empty()) throw UsageError("no data folder: set -o DIR or $ALLINEA_DATA_DIR");
  const std::filesystem::path folder = std::filesystem::path(data_dir) / "dict";
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw IoError(ec.message(), folder.string());
  for (const std::string& source : sources) {
    DictionaryReadOptions read;
    read.strict = strict;
    read.from_language = from;
    read.to_language = to;
    const Dictionary d = Dictionary::Load(source, read);
    if (d.from_language().empty() || d.to_language().empty()) {
      throw UsageError(fmt::format(
          "{}: its languages are not known from its name or format: set --from and --to",
          source));
    }
    const std::string file =
        fmt::format("{}-{}.{}.adict", d.from_language(), d.to_language(),
                    name.empty() ? DefaultName(source) : name);
    const std::string path = (folder / file).string();
    d.Save(path);
    std::cerr << fmt::format("allinea: built {} ({} entries", path, d.size());
    if (d.skipped_lines() > 0) {
      std::cerr << fmt::format("; skipped {} malformed line{}, the first: {}",
                               d.skipped_lines(), d.skipped_lines() == 1 ? "" : "s",
                               d.first_skipped());
    }
    std::cerr << ")\n";
  }
  return kExitOk;
}

int List(const std::string& dir) {
  const std::vector<std::string> dirs = FindDataDirectories(dir);
  OutputFile out("-");
  std::size_t count = 0;
  for (const std::string& d : dirs) {
    const std::filesystem::path folder = std::filesystem::path(d) / "dict";
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(folder, ec)) {
      if (item.path().extension() == ".adict") files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const Dictionary dict = Dictionary::Load(f.string());
      out.stream() << fmt::format("{}\t{}\t{}\t{}\n", f.string(), dict.from_language(),
                                  dict.to_language(), dict.size());
      ++count;
    }
  }
  out.Commit();
  if (count == 0) {
    std::cerr << "allinea: no installed dictionary (./setup.sh --dictionaries installs "
                 "them; 'allinea dict build' compiles your own)\n";
  }
  return kExitOk;
}

}  // namespace

int RunDict(const std::vector<std::string>& args) {
  std::string action, dir, from, to, name, list_dir;
  std::vector<std::string> sources;
  bool strict = false;
  po::options_description options(kUsage);
  options.add_options()
      ("help,h", "print this help and exit")
      ("output,o", po::value(&dir)->value_name("DIR"),
       "build: the data folder to write to (DIR/dict/); default: "
       "$ALLINEA_DATA_DIR, else the install prefix's share/allinea as root, "
       "else $XDG_DATA_HOME/allinea")
      ("from", po::value(&from)->value_name("LANG"),
       "build: the language of the entries' first phrase, when the file does "
       "not say (TSV, hunalign)")
      ("to", po::value(&to)->value_name("LANG"), "build: the other language")
      ("name", po::value(&name)->value_name("NAME"),
       "build: the name in the file name (default: the SOURCE's)")
      ("dict-strict", po::bool_switch(&strict),
       "build: refuse a SOURCE with a malformed line")
      ("dict-dir", po::value(&list_dir)->value_name("DIR"),
       "list: this data folder only");
  po::options_description hidden;
  hidden.add_options()("action", po::value(&action))(
      "source", po::value(&sources)->composing());
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("action", 1).add("source", -1);
  po::variables_map vm;
  ParseArgs(args, all, positional, vm);
  if (vm.count("help")) {
    std::cout << options << '\n';
    return kExitOk;
  }
  if (action == "build") return Build(sources, dir, from, to, name, strict);
  if (action == "list") {
    if (!sources.empty()) throw UsageError("dict list takes no file");
    return List(list_dir);
  }
  throw UsageError(action.empty() ? "dict needs an action: build or list (see --help)"
                                  : "unknown dict action '" + action +
                                        "' (expected build or list)");
}

}  // namespace allinea::cli
