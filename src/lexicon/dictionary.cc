// Dictionary: the tables, their builder, look-ups, loading and saving.
#include "allinea/dictionary.h"

#include <unicode/locid.h>

#include <algorithm>
#include <numeric>

#include "allinea/error.h"
#include "allinea/io.h"
#include "allinea/text.h"
#include "internal/unicode.h"
#include "lexicon/dictionary_impl.h"

namespace allinea {
namespace internal {

void DictionaryBuilder::SetLanguages(std::string_view from, std::string_view to) {
  if (!from.empty()) impl_.from_language = std::string(from);
  if (!to.empty()) impl_.to_language = std::string(to);
}

void DictionaryBuilder::Reserve(std::size_t entries) {
  for (int side = 0; side < 2; ++side) {
    ids_[side].reserve(entries);
    phrases_[side].reserve(entries);
  }
  pairs_.reserve(entries);
}

std::uint32_t DictionaryBuilder::Intern(int side, std::string phrase,
                                        std::size_t words) {
  auto [it, inserted] = ids_[side].try_emplace(
      std::move(phrase), static_cast<std::uint32_t>(phrases_[side].size()));
  if (inserted) {
    phrases_[side].push_back(it->first);
    impl_.sides[side].max_words = std::max(
        impl_.sides[side].max_words, static_cast<std::uint32_t>(words));
  }
  return it->second;
}

bool DictionaryBuilder::Add(std::string_view from, std::string_view to) {
  std::size_t from_words = 0;
  std::size_t to_words = 0;
  std::string f = normaliser_.Normalise(from, from_words);
  std::string t = normaliser_.Normalise(to, to_words);
  if (f.empty() || t.empty()) return false;
  if (from_words > kMaxPhraseWords || to_words > kMaxPhraseWords) return true;
  const std::uint32_t a = Intern(Dictionary::kFrom, std::move(f), from_words);
  const std::uint32_t b = Intern(Dictionary::kTo, std::move(t), to_words);
  pairs_.emplace_back(a, b);
  return true;
}

std::size_t DictionaryBuilder::AddAll(std::string_view from,
                                      const std::vector<std::string>& to) {
  std::size_t added = 0;
  for (const std::string& t : to) added += Add(from, t);
  return added;
}

void DictionaryBuilder::Skip(std::size_t line, std::string_view problem,
                             std::string_view text) {
  if (impl_.skipped++ == 0) {
    constexpr std::size_t kShown = 60;
    std::string shown(text.substr(0, kShown));
    // Never cut a character in two.
    while (!shown.empty() && shown.size() < text.size() &&
           (static_cast<unsigned char>(text[shown.size()]) & 0xC0) == 0x80) {
      shown.pop_back();
    }
    impl_.first_skipped = "line " + std::to_string(line) + ": " +
                          std::string(problem) + ": '" + shown +
                          (shown.size() < text.size() ? "...'" : "'");
  }
}

Dictionary::Impl DictionaryBuilder::Finish() && {
  // Phrases sorted by bytes: new ids are ranks.
  std::vector<std::uint32_t> rank[2];
  for (int side = 0; side < 2; ++side) {
    std::vector<std::string>& phrases = phrases_[side];
    std::vector<std::uint32_t> order(phrases.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return phrases[a] < phrases[b];
    });
    rank[side].resize(phrases.size());
    DictionarySide& out = impl_.sides[side];
    for (std::size_t r = 0; r < order.size(); ++r) {
      rank[side][order[r]] = static_cast<std::uint32_t>(r);
      out.bytes += phrases[order[r]];
      out.offsets.push_back(static_cast<std::uint32_t>(out.bytes.size()));
    }
    ids_[side].clear();
    phrases.clear();
  }
  for (auto& [a, b] : pairs_) a = rank[0][a], b = rank[1][b];
  // Rows of each direction from the pairs sorted that way round.
  const auto rows = [&](int side) {
    std::sort(pairs_.begin(), pairs_.end(), [side](const auto& x, const auto& y) {
      return side == 0 ? x < y : std::pair(x.second, x.first) < std::pair(y.second, y.first);
    });
    pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
    DictionarySide& out = impl_.sides[side];
    out.translations.reserve(pairs_.size());
    std::size_t k = 0;
    for (std::uint32_t id = 0; id < out.size(); ++id) {
      for (; k < pairs_.size() && (side == 0 ? pairs_[k].first : pairs_[k].second) == id; ++k) {
        out.translations.push_back(side == 0 ? pairs_[k].second : pairs_[k].first);
      }
      out.translation_begin.push_back(static_cast<std::uint32_t>(out.translations.size()));
    }
  };
  rows(0);
  rows(1);
  impl_.entries = pairs_.size();
  pairs_ = {};
  return std::move(impl_);
}

std::string LanguageOfCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 3) return {};
  const icu::Locale locale = icu::Locale::createCanonical(std::string(code).c_str());
  if (locale.isBogus()) return {};
  const std::string language = locale.getLanguage();
  // ICU keeps a code it does not know as it was: only codes it maps to a
  // two-letter subtag, or two-letter codes, are taken.
  return language.size() == 2 ? language : std::string();
}

}  // namespace internal

Dictionary::Dictionary() : impl_(std::make_unique<Impl>()) {}
Dictionary::Dictionary(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Dictionary::~Dictionary() = default;
Dictionary::Dictionary(Dictionary&&) noexcept = default;
Dictionary& Dictionary::operator=(Dictionary&&) noexcept = default;

namespace {

// The format of the first entry line that tells; TSV when none does
// (every line is then malformed).
DictionaryFormat DetectTextFormat(std::string_view text) {
  DictionaryFormat format = DictionaryFormat::kAuto;
  internal::ForEachEntryLine(text, [&](std::size_t, std::string_view line) {
    if (format != DictionaryFormat::kAuto) return;
    if (internal::IsCedictLine(line)) {
      format = DictionaryFormat::kCedict;
    } else if (line.find('\t') != std::string_view::npos) {
      format = DictionaryFormat::kTsv;
    } else if (line.find(" @ ") != std::string_view::npos) {
      format = DictionaryFormat::kHunalign;
    }
  });
  return format == DictionaryFormat::kAuto ? DictionaryFormat::kTsv : format;
}

Dictionary::Impl ParseText(std::string_view bytes, const std::string& name,
                           const DictionaryReadOptions& options) {
  // Checked and normalised like any input: UTF-8, BOM, CRLF, NFC.
  const SourceText source = DecodeText(std::string(bytes), name);
  const std::string_view text = source.normalized();
  DictionaryFormat format = options.format;
  if (format == DictionaryFormat::kAuto) format = DetectTextFormat(text);
  internal::DictionaryBuilder builder(source.name());
  builder.SetLanguages(options.from_language, options.to_language);
  builder.Reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  switch (format) {
    case DictionaryFormat::kCedict:
      internal::ReadCedict(text, source.name(), options.strict, builder);
      break;
    case DictionaryFormat::kTsv:
    case DictionaryFormat::kHunalign:
      internal::ReadTsvOrHunalign(text, source.name(), options.strict, format,
                                  builder);
      break;
    default:
      throw UsageError("a " + std::string(DictionaryFormatName(format)) +
                       " dictionary is not text: " + name);
  }
  return std::move(builder).Finish();
}

}  // namespace

Dictionary Dictionary::Load(const std::string& path,
                            const DictionaryReadOptions& options) {
  const bool dictd = options.format == DictionaryFormat::kDictd ||
                     (options.format == DictionaryFormat::kAuto && path != "-" &&
                      internal::IsDictdPath(path));
  if (dictd) {
    internal::DictionaryBuilder builder(path);
    builder.SetLanguages(options.from_language, options.to_language);
    internal::ReadDictd(path, options.strict, builder);
    return Dictionary(std::make_unique<Impl>(std::move(builder).Finish()));
  }
  const std::string bytes = ReadInput(path);
  if (options.format == DictionaryFormat::kCompiled ||
      (options.format == DictionaryFormat::kAuto && internal::IsCompiled(bytes))) {
    auto impl = std::make_unique<Impl>(internal::ReadCompiled(bytes, path));
    if (!options.from_language.empty() && impl->from_language.empty()) {
      impl->from_language = options.from_language;
    }
    if (!options.to_language.empty() && impl->to_language.empty()) {
      impl->to_language = options.to_language;
    }
    return Dictionary(std::move(impl));
  }
  return Dictionary(std::make_unique<Impl>(ParseText(bytes, path, options)));
}

Dictionary Dictionary::Parse(std::string_view text, std::string_view name,
                             const DictionaryReadOptions& options) {
  return Dictionary(
      std::make_unique<Impl>(ParseText(text, std::string(name), options)));
}

void Dictionary::Save(const std::string& path) const {
  OutputFile out(path);
  internal::WriteCompiled(*impl_, out.stream());
  out.Commit();
}

const std::string& Dictionary::name() const { return impl_->name; }
const std::string& Dictionary::from_language() const { return impl_->from_language; }
const std::string& Dictionary::to_language() const { return impl_->to_language; }

void Dictionary::SetLanguages(std::string_view from, std::string_view to) {
  if (!from.empty()) impl_->from_language = std::string(from);
  if (!to.empty()) impl_->to_language = std::string(to);
}

std::size_t Dictionary::size() const { return impl_->entries; }
std::size_t Dictionary::skipped_lines() const { return impl_->skipped; }
const std::string& Dictionary::first_skipped() const { return impl_->first_skipped; }

std::size_t Dictionary::phrases(Side side) const { return impl_->sides[side].size(); }

std::string_view Dictionary::Phrase(Side side, std::uint32_t id) const {
  return impl_->sides[side].Phrase(id);
}

std::optional<std::uint32_t> Dictionary::Find(Side side,
                                              std::string_view phrase) const {
  const DictionarySide& s = impl_->sides[side];
  const std::uint32_t at = internal::PhraseLowerBound(
      static_cast<std::uint32_t>(s.size()),
      [&s](std::uint32_t k) { return s.Phrase(k); }, phrase);
  if (at < s.size() && s.Phrase(at) == phrase) return at;
  return std::nullopt;
}

bool Dictionary::HasLonger(Side side, std::string_view prefix) const {
  const DictionarySide& s = impl_->sides[side];
  return internal::HasLongerPhrase(static_cast<std::uint32_t>(s.size()),
                                   [&s](std::uint32_t k) { return s.Phrase(k); }, prefix);
}

std::span<const std::uint32_t> Dictionary::Translations(Side side,
                                                        std::uint32_t id) const {
  const DictionarySide& s = impl_->sides[side];
  return std::span<const std::uint32_t>(s.translations)
      .subspan(s.translation_begin[id], s.translation_begin[id + 1] - s.translation_begin[id]);
}

std::size_t Dictionary::max_phrase_words(Side side) const {
  return impl_->sides[side].max_words;
}

std::vector<std::string> Dictionary::Match(Side side, std::string_view text,
                                           std::string_view language) const {
  internal::WordTokenizer tokenizer(language);
  const std::span<const std::string> words = tokenizer.Words(text);
  std::vector<std::string> found;
  const std::size_t longest = max_phrase_words(side);
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (std::size_t n = 1; n <= longest && i + n <= words.size(); ++n) {
      const std::string key = internal::JoinWords(words.subspan(i, n));
      if (const auto id = Find(side, key)) {
        if (side == kFrom) {
          found.emplace_back(key);
        } else {
          for (std::uint32_t t : Translations(kTo, *id)) {
            found.emplace_back(Phrase(kFrom, t));
          }
        }
      }
      if (!HasLonger(side, key)) break;
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

DictionaryFormat ParseDictionaryFormat(std::string_view name) {
  for (DictionaryFormat f :
       {DictionaryFormat::kAuto, DictionaryFormat::kTsv, DictionaryFormat::kHunalign,
        DictionaryFormat::kDictd, DictionaryFormat::kCedict, DictionaryFormat::kCompiled}) {
    if (DictionaryFormatName(f) == name) return f;
  }
  throw UsageError("unknown dictionary format '" + std::string(name) +
                   "' (expected auto, tsv, hunalign, dictd, cedict or compiled)");
}

std::string_view DictionaryFormatName(DictionaryFormat format) {
  switch (format) {
    case DictionaryFormat::kAuto: return "auto";
    case DictionaryFormat::kTsv: return "tsv";
    case DictionaryFormat::kHunalign: return "hunalign";
    case DictionaryFormat::kDictd: return "dictd";
    case DictionaryFormat::kCedict: return "cedict";
    case DictionaryFormat::kCompiled: return "compiled";
  }
  return "auto";
}

}  // namespace allinea
