// DictionarySet: the dictionaries a user gave and those installed, and the
// routes by which they serve a language pair.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include "allinea/error.h"
#include "allinea/lexicon.h"
#include "lexicon/dictionary_set.h"

#ifndef ALLINEA_INSTALL_DATADIR
#define ALLINEA_INSTALL_DATADIR "/usr/local/share/allinea"
#endif

namespace allinea {
namespace {

// "it-en.freedict-ita-eng.adict" -> {"it", "en"}; false if not of that form.
bool LanguagesOfFileName(const std::string& file, std::string& from, std::string& to) {
  if (!std::string_view(file).ends_with(".adict")) return false;
  const std::size_t dot = file.find('.');
  const std::string pair = file.substr(0, dot);
  const std::size_t dash = pair.find('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 == pair.size()) return false;
  from = pair.substr(0, dash);
  to = pair.substr(dash + 1);
  return true;
}

std::string Getenv(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::string();
}

std::string XdgDataDirectory() {
  std::string base = Getenv("XDG_DATA_HOME");
  if (base.empty()) {
    const std::string home = Getenv("HOME");
    if (home.empty()) return {};
    base = home + "/.local/share";
  }
  return base + "/allinea";
}

}  // namespace

namespace internal {

std::string PrimaryLanguage(std::string_view tag) {
  std::string out(tag.substr(0, tag.find_first_of("-_")));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace internal

std::vector<std::string> FindDataDirectories(const std::string& dict_dir) {
  if (!dict_dir.empty()) return {dict_dir};
  std::vector<std::string> dirs;
  std::error_code ec;
  for (std::string dir : {Getenv("ALLINEA_DATA_DIR"), XdgDataDirectory(),
                          std::string(ALLINEA_INSTALL_DATADIR)}) {
    if (!dir.empty() && std::filesystem::is_directory(dir, ec) &&
        std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) {
      dirs.push_back(std::move(dir));
    }
  }
  return dirs;
}

std::string DefaultDataDirectory() {
  if (const std::string env = Getenv("ALLINEA_DATA_DIR"); !env.empty()) return env;
  if (::geteuid() == 0) return ALLINEA_INSTALL_DATADIR;
  return XdgDataDirectory();
}

DictionarySet::DictionarySet() = default;
DictionarySet::~DictionarySet() = default;

void DictionarySet::Add(Dictionary dictionary) {
  auto entry = std::make_unique<Entry>();
  entry->path = dictionary.name();
  entry->from = internal::PrimaryLanguage(dictionary.from_language());
  entry->to = internal::PrimaryLanguage(dictionary.to_language());
  entry->given = true;
  entry->dictionary = std::make_unique<Dictionary>(std::move(dictionary));
  const std::lock_guard lock(mutex_);
  entries_.push_back(std::move(entry));
}

void DictionarySet::AddInstalled(std::span<const std::string> directories) {
  std::vector<std::unique_ptr<Entry>> found;
  std::vector<std::string> seen;
  for (const std::string& dir : directories) {
    std::error_code ec;
    const std::filesystem::path folder = std::filesystem::path(dir) / "dict";
    if (!std::filesystem::is_directory(folder, ec)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(folder, ec)) {
      files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      const std::string name = file.filename().string();
      auto entry = std::make_unique<Entry>();
      if (!LanguagesOfFileName(name, entry->from, entry->to)) continue;
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
      seen.push_back(name);
      entry->path = file.string();
      found.push_back(std::move(entry));
    }
  }
  const std::lock_guard lock(mutex_);
  for (auto& e : found) entries_.push_back(std::move(e));
}

bool DictionarySet::empty() const {
  const std::lock_guard lock(mutex_);
  return entries_.empty();
}

std::vector<internal::Route> DictionarySet::Routes(std::string_view src_language,
                                                   std::string_view tgt_language) const {
  const std::string src = internal::PrimaryLanguage(src_language);
  const std::string tgt = internal::PrimaryLanguage(tgt_language);
  std::vector<internal::Route> routes;
  const std::lock_guard lock(mutex_);
  const auto load = [](Entry& e) -> const Dictionary* {
    if (!e.dictionary) {
      e.dictionary = std::make_unique<Dictionary>(Dictionary::Load(e.path));
    }
    return e.dictionary.get();
  };
  for (const auto& e : entries_) {
    RouteKind kind;
    if (e->given && e->from.empty() && e->to.empty()) {
      kind = RouteKind::kGiven;
    } else if (!src.empty() && e->from == src && e->to == tgt) {
      kind = RouteKind::kDirect;
    } else if (!src.empty() && e->from == tgt && e->to == src) {
      kind = RouteKind::kReversed;
    } else {
      continue;
    }
    routes.push_back({load(*e), kind, e->path, nullptr, !e->given});
  }
  const bool direct = std::any_of(routes.begin(), routes.end(), [](const auto& r) {
    return r.kind != RouteKind::kGiven;
  });
  if (direct || src.empty() || tgt.empty() || src == "en" || tgt == "en" || src == tgt) {
    return routes;
  }
  // Through English: a dictionary between each side and English.
  std::vector<internal::Route> pivot;
  bool src_side = false;
  bool tgt_side = false;
  for (const auto& e : entries_) {
    const bool with_en = e->from == "en" || e->to == "en";
    const std::string other = e->from == "en" ? e->to : e->from;
    if (!with_en || (other != src && other != tgt)) continue;
    (other == src ? src_side : tgt_side) = true;
    pivot.push_back({nullptr, RouteKind::kPivot, e->path, e.get(), !e->given});
  }
  if (!src_side || !tgt_side) return routes;
  for (auto& r : pivot) {
    r.dictionary = load(*r.entry);
    routes.push_back(r);
  }
  return routes;
}

std::vector<RouteDictionary> DictionarySet::Plan(std::string_view src_language,
                                                 std::string_view tgt_language) const {
  std::vector<RouteDictionary> plan;
  for (const internal::Route& r : Routes(src_language, tgt_language)) {
    plan.push_back({r.path, r.dictionary->from_language(), r.dictionary->to_language(),
                    r.kind, r.dictionary->size(), r.installed});
  }
  return plan;
}

}  // namespace allinea
