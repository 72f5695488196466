// The dictionary file formats: TSV, hunalign, CC-CEDICT, dictd (FreeDict).
#include <zlib.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <string>

#include "allinea/error.h"
#include "allinea/io.h"
#include "allinea/text.h"
#include "lexicon/dictionary_impl.h"

namespace allinea::internal {
namespace {

// Skips (or, strict, throws for) a malformed line.
void Malformed(DictionaryBuilder& builder, bool strict, const std::string& name,
               std::size_t line, const std::string& problem, std::string_view text) {
  if (strict) throw InputError("line " + std::to_string(line) + ": " + problem, name);
  builder.Skip(line, problem, text);
}

}  // namespace

void ReadTsvOrHunalign(std::string_view text, const std::string& name, bool strict,
                       DictionaryFormat format, DictionaryBuilder& builder) {
  const bool tsv = format == DictionaryFormat::kTsv;
  ForEachEntryLine(text, [&](std::size_t number, std::string_view line) {
    const auto bad = [&](const std::string& problem) {
      Malformed(builder, strict, name, number, problem, line);
    };
    std::string_view from;
    std::string_view to;
    if (tsv) {
      const std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) return bad("expected 'SOURCE<TAB>TARGET'");
      if (line.find('\t', tab + 1) != std::string_view::npos) {
        return bad("more than one TAB (expected 'SOURCE<TAB>TARGET')");
      }
      from = line.substr(0, tab);
      to = line.substr(tab + 1);
    } else {
      const std::size_t at = line.find(" @ ");
      if (at == std::string_view::npos) return bad("expected 'TARGET @ SOURCE'");
      if (line.find('\t') != std::string_view::npos) {
        return bad("a TAB in a 'TARGET @ SOURCE' file");
      }
      // From at + 2: " @ @ " holds two separators that share a space.
      if (line.find(" @ ", at + 2) != std::string_view::npos) {
        return bad("more than one ' @ ' (expected 'TARGET @ SOURCE')");
      }
      to = line.substr(0, at);
      from = line.substr(at + 3);
    }
    if (!builder.Add(from, to)) bad("a phrase with no words (empty, or only punctuation)");
  });
}

bool IsCedictLine(std::string_view line) {
  // 繁體 简体 [pin1 yin1] /sense/
  const std::size_t space1 = line.find(' ');
  if (space1 == 0 || space1 == std::string_view::npos) return false;
  const std::size_t space2 = line.find(' ', space1 + 1);
  if (space2 == std::string_view::npos || space2 == space1 + 1) return false;
  if (space2 + 1 >= line.size() || line[space2 + 1] != '[') return false;
  const std::size_t close = line.find("] /", space2);
  return close != std::string_view::npos && line.find('/', close + 3) != std::string_view::npos;
}

void ReadCedict(std::string_view text, const std::string& name, bool strict,
                DictionaryBuilder& builder) {
  builder.SetLanguages("zh", "en");
  std::vector<std::string> senses;
  ForEachEntryLine(text, [&](std::size_t number, std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.remove_suffix(1);
    }
    if (!IsCedictLine(line) || line.back() != '/') {
      return Malformed(builder, strict, name, number,
                       "expected '繁體 简体 [pin1 yin1] /sense/sense/'", line);
    }
    const std::size_t space1 = line.find(' ');
    const std::size_t space2 = line.find(' ', space1 + 1);
    const std::string_view traditional = line.substr(0, space1);
    const std::string_view simplified = line.substr(space1 + 1, space2 - space1 - 1);
    const std::size_t slash = line.find("] /", space2) + 2;
    const std::string_view body = line.substr(slash + 1, line.size() - slash - 2);
    senses.clear();
    std::size_t begin = 0;
    while (begin <= body.size()) {
      std::size_t end = body.find('/', begin);
      if (end == std::string_view::npos) end = body.size();
      for (std::string_view part : SplitOutsideBrackets(body.substr(begin, end - begin), ";")) {
        std::string cleaned = CleanSense(part, "en");
        if (!cleaned.empty()) senses.push_back(std::move(cleaned));
      }
      begin = end + 1;
    }
    // A headword whose senses are all notes ("variant of", "CL:") has no
    // entry: that is no malformed line.
    builder.AddAll(simplified, senses);
    if (traditional != simplified) builder.AddAll(traditional, senses);
  });
}

namespace {

// dictd's base64 numbers (offsets and lengths in the index).
std::optional<std::uint64_t> DecodeBase64Number(std::string_view s) {
  constexpr std::string_view kDigits =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (s.empty() || s.size() > 10) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : s) {
    const std::size_t digit = kDigits.find(c);
    if (digit == std::string_view::npos) return std::nullopt;
    value = value * 64 + digit;
  }
  return value;
}

// The name of a dictd database: `path` without .index, .dict.dz or .dict.
std::string DictdBase(const std::string& path) {
  for (std::string_view suffix : {".index", ".dict.dz", ".dict"}) {
    if (path.size() > suffix.size() && std::string_view(path).ends_with(suffix)) {
      return path.substr(0, path.size() - suffix.size());
    }
  }
  return path;
}

// Inflates gzip (and so dictzip) data; throws InputError naming `name`.
std::string Gunzip(const std::string& data, const std::string& name) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
    throw InputError("zlib could not start", name);
  }
  std::string out;
  std::array<char, 1 << 16> buffer;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buffer.data());
    z.avail_out = buffer.size();
    status = inflate(&z, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) {
      inflateEnd(&z);
      throw InputError(std::string("not valid dictzip/gzip data (") +
                           (z.msg != nullptr ? z.msg : "zlib error") + ")",
                       name);
    }
    out.append(buffer.data(), buffer.size() - z.avail_out);
    if (status == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
      inflateEnd(&z);
      throw InputError("truncated dictzip/gzip data", name);
    }
  }
  inflateEnd(&z);
  return out;
}

// The translations of one dictd entry (its text after the headword line):
// the first line of each sense, split at commas and semicolons, cleaned.
void EntryTranslations(std::string_view entry, std::string_view to_language,
                       std::vector<std::string>& out) {
  out.clear();
  bool sense_has_translation = false;
  bool first_line = true;
  std::size_t begin = 0;
  while (begin < entry.size()) {
    std::size_t end = entry.find('\n', begin);
    if (end == std::string_view::npos) end = entry.size();
    std::string_view line = entry.substr(begin, end - begin);
    begin = end + 1;
    if (first_line) {  // the headword, its pronunciation and part of speech
      first_line = false;
      continue;
    }
    if (line.empty() || line[0] == ' ' || line[0] == '\t') continue;
    // "1. a, b": a new sense.
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0 && digits + 1 < line.size() && line[digits] == '.' &&
        line[digits + 1] == ' ') {
      line.remove_prefix(digits + 2);
      sense_has_translation = false;
    }
    if (sense_has_translation) continue;  // a gloss in the headword's language
    sense_has_translation = true;
    // A number that starts the next sense on the same line ("... 2.").
    while (!line.empty() && (line.back() == '.' || (line.back() >= '0' && line.back() <= '9') ||
                             line.back() == ' ')) {
      const std::size_t last_space = line.rfind(' ');
      const std::string_view tail =
          last_space == std::string_view::npos ? line : line.substr(last_space + 1);
      if (tail.size() >= 2 && tail.back() == '.' &&
          std::all_of(tail.begin(), tail.end() - 1, [](char c) { return c >= '0' && c <= '9'; })) {
        line = line.substr(0, last_space == std::string_view::npos ? 0 : last_space);
      } else {
        break;
      }
    }
    for (std::string_view part : SplitOutsideBrackets(line, ",;")) {
      std::string cleaned = CleanSense(part, to_language);
      if (!cleaned.empty()) out.push_back(std::move(cleaned));
    }
  }
}

}  // namespace

bool IsDictdPath(const std::string& path) {
  std::error_code ec;
  const std::string base = DictdBase(path);
  if (base != path) return std::filesystem::exists(base + ".index", ec);
  return std::filesystem::exists(path + ".index", ec) &&
         !std::filesystem::is_directory(path, ec);
}

void ReadDictd(const std::string& path, bool strict, DictionaryBuilder& builder) {
  const std::string base = DictdBase(path);
  const std::string index_path = base + ".index";
  // Languages from the name: freedict-ita-eng -> it, en.
  const std::string stem = std::filesystem::path(base).filename().string();
  const std::size_t dash2 = stem.rfind('-');
  const std::size_t dash1 =
      dash2 == std::string::npos || dash2 == 0 ? std::string::npos : stem.rfind('-', dash2 - 1);
  if (dash1 != std::string::npos) {
    builder.SetLanguages(LanguageOfCode(stem.substr(dash1 + 1, dash2 - dash1 - 1)),
                         LanguageOfCode(stem.substr(dash2 + 1)));
  }
  std::error_code ec;
  std::string data;
  std::string data_path = base + ".dict.dz";
  if (std::filesystem::exists(data_path, ec)) {
    data = Gunzip(ReadInput(data_path), data_path);
  } else {
    data_path = base + ".dict";
    data = ReadInput(data_path);
  }
  const SourceText index = DecodeText(ReadInput(index_path), index_path);
  std::vector<std::string> translations;
  ForEachEntryLine(index.normalized(), [&](std::size_t number, std::string_view line) {
    const auto bad = [&](const std::string& problem) {
      Malformed(builder, strict, index_path, number, problem, line);
    };
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) return bad("expected 'HEADWORD<TAB>OFFSET<TAB>LENGTH'");
    const std::string_view headword = line.substr(0, tab1);
    if (headword.starts_with("00database") || headword.starts_with("00-database")) return;
    const auto offset = DecodeBase64Number(line.substr(tab1 + 1, tab2 - tab1 - 1));
    std::string_view length_field = line.substr(tab2 + 1);
    if (const std::size_t tab3 = length_field.find('\t'); tab3 != std::string_view::npos) {
      length_field = length_field.substr(0, tab3);  // dictd's optional 4th field
    }
    while (!length_field.empty() && length_field.back() == '\r') length_field.remove_suffix(1);
    const auto length = DecodeBase64Number(length_field);
    if (!offset || !length || *offset + *length > data.size()) {
      return bad("an offset or length outside " + data_path);
    }
    std::string entry_text;
    try {
      entry_text = DecodeText(data.substr(*offset, *length), data_path).normalized();
    } catch (const InputError&) {
      return bad("its entry in " + data_path + " is not UTF-8");
    }
    EntryTranslations(entry_text, builder.to_language(), translations);
    builder.AddAll(headword, translations);
  });
}

}  // namespace allinea::internal
