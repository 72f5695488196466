// Bilingual dictionaries: parsing both formats, word tries, look-ups.
#include "allinea/dictionary.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <unordered_map>
#include <utility>

#include "allinea/error.h"
#include "allinea/io.h"
#include "allinea/text.h"
#include "anchors/dictionary_matcher.h"
#include "anchors/words.h"
#include "internal/unicode.h"

namespace allinea {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Hashes std::string and std::string_view alike, for look-ups without a copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};

// Phrases as word sequences: node 0 is the root; an edge is a hash entry
// from (node, word id) to the child node.
class Trie {
 public:
  // The node of `words`, created if new.
  std::uint32_t Insert(std::span<const std::uint32_t> words) {
    std::uint32_t node = 0;
    for (std::uint32_t w : words) {
      auto [it, inserted] = edges_.try_emplace(Key(node, w), nodes_);
      if (inserted) ++nodes_;
      node = it->second;
    }
    depth_ = std::max(depth_, words.size());
    return node;
  }
  // The child of `node` along `word`, or kNone.
  [[nodiscard]] std::uint32_t Child(std::uint32_t node,
                                    std::uint32_t word) const {
    const auto it = edges_.find(Key(node, word));
    return it == edges_.end() ? kNone : it->second;
  }
  // The longest phrase, in words.
  [[nodiscard]] std::size_t depth() const { return depth_; }

 private:
  static std::uint64_t Key(std::uint32_t node, std::uint32_t word) {
    return (std::uint64_t{node} << 32) | word;
  }
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;
  std::uint32_t nodes_ = 1;
  std::size_t depth_ = 0;
};

// An entry read from a file, before it joins the dictionary.
struct ParsedEntry {
  std::vector<std::string> source;  // folded words
  std::vector<std::string> target;
};

enum class FileFormat { kUnknown, kHunalign, kTsv };

// `s` without Unicode white space at either end.
std::string_view Trim(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t next = begin;
    if (!internal::IsSpace(internal::NextCodePoint(s, next))) break;
    begin = next;
  }
  std::size_t end = s.size();
  while (end > begin) {
    std::size_t prev = end;
    if (!internal::IsSpace(internal::PreviousCodePoint(s, prev))) break;
    end = prev;
  }
  return s.substr(begin, end - begin);
}

// Reads the entries of NFC `text`; throws InputError naming `name`.
std::vector<ParsedEntry> ParseEntries(std::string_view text,
                                      const std::string& name) {
  std::vector<ParsedEntry> entries;
  internal::WordTokenizer tokenizer("");
  FileFormat format = FileFormat::kUnknown;
  std::size_t format_line = 0;  // the line that decided the format
  std::size_t line_number = 0;
  const auto fail = [&](const std::string& problem) {
    throw InputError("line " + std::to_string(line_number) + ": " + problem,
                     name);
  };
  const auto words = [&](std::string_view phrase, const char* side) {
    phrase = Trim(phrase);
    if (phrase.empty()) fail(std::string("no ") + side + " phrase");
    const std::span<const std::string> w = tokenizer.Words(phrase);
    if (w.empty()) {
      fail(std::string("the ") + side +
           " phrase has no words (only punctuation or symbols)");
    }
    return std::vector<std::string>(w.begin(), w.end());
  };
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    ++line_number;
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    const std::size_t at = line.find(" @ ");
    if (format == FileFormat::kUnknown) {
      if (tab != std::string_view::npos) {
        format = FileFormat::kTsv;
      } else if (at != std::string_view::npos) {
        format = FileFormat::kHunalign;
      } else {
        fail("expected 'TARGET @ SOURCE' (hunalign) or 'SOURCE<TAB>TARGET'");
      }
      format_line = line_number;
    }
    const auto since = [&] {
      return " (the format of line " + std::to_string(format_line) + ")";
    };
    ParsedEntry entry;
    if (format == FileFormat::kTsv) {
      if (tab == std::string_view::npos) {
        fail("expected 'SOURCE<TAB>TARGET'" + since());
      }
      if (line.find('\t', tab + 1) != std::string_view::npos) {
        fail("more than one TAB (expected 'SOURCE<TAB>TARGET')");
      }
      entry.source = words(line.substr(0, tab), "source");
      entry.target = words(line.substr(tab + 1), "target");
    } else {
      if (at == std::string_view::npos) {
        fail("expected 'TARGET @ SOURCE'" + since());
      }
      if (tab != std::string_view::npos) {
        fail("a TAB in a 'TARGET @ SOURCE' file" + since());
      }
      // From at + 2: " @ @ " holds two separators that share a space.
      if (line.find(" @ ", at + 2) != std::string_view::npos) {
        fail("more than one ' @ ' (expected 'TARGET @ SOURCE')");
      }
      entry.target = words(line.substr(0, at), "target");
      entry.source = words(line.substr(at + 3), "source");
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

struct Dictionary::Impl {
  // Folded word -> id, one vocabulary for both sides.
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>
      word_ids;
  Trie source;
  Trie target;
  // Source trie node -> phrase id.
  std::unordered_map<std::uint32_t, std::uint32_t> phrase_at;
  // Target trie node -> ids of the source phrases it translates.
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> translations;
  // Phrase id -> normalised source phrase.
  std::vector<std::string> phrases;
  std::size_t entries = 0;

  // The word ids of `words`, new ids for new words.
  std::vector<std::uint32_t> Ids(const std::vector<std::string>& words) {
    std::vector<std::uint32_t> ids;
    ids.reserve(words.size());
    for (const std::string& w : words) {
      auto [it, inserted] =
          word_ids.try_emplace(w, static_cast<std::uint32_t>(word_ids.size()));
      ids.push_back(it->second);
    }
    return ids;
  }

  void Add(const ParsedEntry& e) {
    const std::uint32_t source_node = source.Insert(Ids(e.source));
    auto [it, inserted] = phrase_at.try_emplace(
        source_node, static_cast<std::uint32_t>(phrases.size()));
    if (inserted) phrases.push_back(internal::JoinWords(e.source));
    const std::uint32_t phrase = it->second;
    std::vector<std::uint32_t>& list =
        translations[target.Insert(Ids(e.target))];
    if (std::find(list.begin(), list.end(), phrase) == list.end()) {
      list.push_back(phrase);
      ++entries;
    }
  }
};

Dictionary::Dictionary() : impl_(std::make_unique<Impl>()) {}
Dictionary::~Dictionary() = default;
Dictionary::Dictionary(Dictionary&&) noexcept = default;
Dictionary& Dictionary::operator=(Dictionary&&) noexcept = default;

Dictionary Dictionary::Load(const std::string& path) {
  Dictionary d;
  d.AddFile(path);
  return d;
}

Dictionary Dictionary::Parse(std::string_view text, std::string_view name) {
  Dictionary d;
  d.AddText(text, name);
  return d;
}

void Dictionary::AddFile(const std::string& path) {
  AddText(ReadInput(path), path);
}

void Dictionary::AddText(std::string_view text, std::string_view name) {
  // Checked and normalised like any input: UTF-8, BOM, CRLF, NFC.
  const SourceText source = DecodeText(std::string(text), std::string(name));
  // Everything is parsed before anything is added: an error changes nothing.
  const std::vector<ParsedEntry> entries =
      ParseEntries(source.normalized(), source.name());
  for (const ParsedEntry& e : entries) impl_->Add(e);
}

std::size_t Dictionary::size() const { return impl_->entries; }

std::size_t Dictionary::max_phrase_words() const {
  return std::max(impl_->source.depth(), impl_->target.depth());
}

namespace {

// The phrases of `side` found in `text`, sorted.
std::vector<std::string> MatchSide(const Dictionary& dictionary,
                                   internal::DictionaryMatcher::Side side,
                                   std::string_view text,
                                   std::string_view language) {
  internal::DictionaryMatcher matcher(dictionary, side, language);
  std::vector<std::string> phrases;
  for (std::uint32_t id : matcher.Find(text)) {
    phrases.push_back(matcher.Phrase(id));
  }
  std::sort(phrases.begin(), phrases.end());
  return phrases;
}

}  // namespace

std::vector<std::string> Dictionary::MatchSource(
    std::string_view text, std::string_view language) const {
  return MatchSide(*this, internal::DictionaryMatcher::Side::kSource, text, language);
}

std::vector<std::string> Dictionary::MatchTarget(
    std::string_view text, std::string_view language) const {
  return MatchSide(*this, internal::DictionaryMatcher::Side::kTarget, text, language);
}

namespace internal {

DictionaryMatcher::DictionaryMatcher(const Dictionary& dictionary, Side side,
                                     std::string_view language)
    : dict_(*dictionary.impl_), side_(side), words_(language) {}

std::span<const std::uint32_t> DictionaryMatcher::Find(std::string_view text) {
  hits_.clear();
  const Trie& trie = side_ == Side::kSource ? dict_.source : dict_.target;
  if (trie.depth() == 0) return {};
  ids_.clear();
  for (const std::string& w : words_.Words(text)) {
    const auto it = dict_.word_ids.find(std::string_view(w));
    ids_.push_back(it == dict_.word_ids.end() ? kNone : it->second);
  }
  // From every word, follow the trie as far as the text goes along it.
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    std::uint32_t node = 0;
    const std::size_t end = std::min(ids_.size(), i + trie.depth());
    for (std::size_t k = i; k < end && ids_[k] != kNone; ++k) {
      node = trie.Child(node, ids_[k]);
      if (node == kNone) break;
      if (side_ == Side::kSource) {
        const auto it = dict_.phrase_at.find(node);
        if (it != dict_.phrase_at.end()) hits_.push_back(it->second);
      } else {
        const auto it = dict_.translations.find(node);
        if (it != dict_.translations.end()) {
          hits_.insert(hits_.end(), it->second.begin(), it->second.end());
        }
      }
    }
  }
  std::sort(hits_.begin(), hits_.end());
  hits_.erase(std::unique(hits_.begin(), hits_.end()), hits_.end());
  return hits_;
}

const std::string& DictionaryMatcher::Phrase(std::uint32_t id) const {
  return dict_.phrases[id];
}

}  // namespace internal
}  // namespace allinea
