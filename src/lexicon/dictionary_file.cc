// The compiled dictionary file: what `allinea dict build` writes and the
// aligner loads in one read.
//
// Layout (little-endian, as the machine that wrote it; a byte-order mark
// tells another machine's file apart):
//   "ALLINEA-DICT\n\x1a"   magic, 14 bytes
//   u32 version (1), u32 byte-order mark 0x01020304
//   3 strings (u32 length, bytes): name, from language, to language
//   u64 entries
//   per side (from, then to):
//     u32 phrases P, u32 max_words, u64 bytes B
//     u32 offsets[P + 1], B bytes of phrases,
//     u32 translation_begin[P + 1], u32 translations[translation_begin[P]]
// Every table is checked on reading: offsets and rows non-decreasing and
// within bounds, ids within the other side.
#include <cstring>
#include <ostream>

#include "allinea/error.h"
#include "lexicon/dictionary_impl.h"

namespace allinea::internal {
namespace {

constexpr std::string_view kMagic("ALLINEA-DICT\n\x1a", 14);
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kByteOrder = 0x01020304;

template <typename T>
void Put(std::ostream& out, const T& value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

void PutString(std::ostream& out, std::string_view s) {
  Put(out, static_cast<std::uint32_t>(s.size()));
  out.write(s.data(), static_cast<std::streamsize>(s.size()));
}

template <typename T>
void PutArray(std::ostream& out, const std::vector<T>& v) {
  out.write(reinterpret_cast<const char*>(v.data()),
            static_cast<std::streamsize>(v.size() * sizeof(T)));
}

// Reads the file's fields in order; any shortfall is an InputError.
class Reader {
 public:
  Reader(std::string_view bytes, const std::string& name) : bytes_(bytes), name_(name) {}

  template <typename T>
  T Get() {
    T value;
    std::memcpy(&value, Take(sizeof value).data(), sizeof value);
    return value;
  }
  std::string GetString() { return std::string(Take(Get<std::uint32_t>())); }
  template <typename T>
  void GetArray(std::vector<T>& v, std::uint64_t count) {
    if (count > bytes_.size() / sizeof(T)) Fail("truncated");
    v.resize(count);
    const std::string_view raw = Take(count * sizeof(T));
    std::memcpy(v.data(), raw.data(), raw.size());
  }
  std::string_view Take(std::uint64_t n) {
    if (n > bytes_.size() - pos_) Fail("truncated");
    const std::string_view out = bytes_.substr(pos_, n);
    pos_ += n;
    return out;
  }
  [[noreturn]] void Fail(const std::string& problem) const {
    throw InputError("not a valid compiled dictionary (" + problem +
                         "); build it again with 'allinea dict build'",
                     name_);
  }
  [[nodiscard]] bool AtEnd() const { return pos_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  const std::string& name_;
  std::size_t pos_ = 0;
};

bool NonDecreasing(const std::vector<std::uint32_t>& v, std::uint64_t last) {
  if (v.empty() || v.front() != 0 || v.back() != last) return false;
  for (std::size_t k = 1; k < v.size(); ++k) {
    if (v[k] < v[k - 1]) return false;
  }
  return true;
}

}  // namespace

bool IsCompiled(std::string_view bytes) { return bytes.starts_with(kMagic); }

void WriteCompiled(const Dictionary::Impl& impl, std::ostream& out) {
  out.write(kMagic.data(), static_cast<std::streamsize>(kMagic.size()));
  Put(out, kVersion);
  Put(out, kByteOrder);
  PutString(out, impl.name);
  PutString(out, impl.from_language);
  PutString(out, impl.to_language);
  Put(out, static_cast<std::uint64_t>(impl.entries));
  for (const DictionarySide& side : impl.sides) {
    Put(out, static_cast<std::uint32_t>(side.size()));
    Put(out, side.max_words);
    Put(out, static_cast<std::uint64_t>(side.bytes.size()));
    PutArray(out, side.offsets);
    out.write(side.bytes.data(), static_cast<std::streamsize>(side.bytes.size()));
    PutArray(out, side.translation_begin);
    PutArray(out, side.translations);
  }
}

Dictionary::Impl ReadCompiled(std::string_view bytes, const std::string& name) {
  Reader in(bytes, name);
  if (in.Take(kMagic.size()) != kMagic) in.Fail("no magic");
  if (in.Get<std::uint32_t>() != kVersion) in.Fail("another version");
  if (in.Get<std::uint32_t>() != kByteOrder) in.Fail("another byte order");
  Dictionary::Impl impl;
  impl.name = in.GetString();
  impl.from_language = in.GetString();
  impl.to_language = in.GetString();
  impl.entries = in.Get<std::uint64_t>();
  std::uint32_t counts[2] = {0, 0};
  for (int s = 0; s < 2; ++s) {
    DictionarySide& side = impl.sides[s];
    counts[s] = in.Get<std::uint32_t>();
    side.max_words = in.Get<std::uint32_t>();
    const auto byte_count = in.Get<std::uint64_t>();
    in.GetArray(side.offsets, std::uint64_t{counts[s]} + 1);
    side.bytes = std::string(in.Take(byte_count));
    in.GetArray(side.translation_begin, std::uint64_t{counts[s]} + 1);
    if (!NonDecreasing(side.offsets, byte_count)) in.Fail("bad phrase offsets");
    const std::uint64_t rows = side.translation_begin.empty() ? 0 : side.translation_begin.back();
    in.GetArray(side.translations, rows);
    if (!NonDecreasing(side.translation_begin, rows)) in.Fail("bad translation rows");
  }
  for (int s = 0; s < 2; ++s) {
    for (std::uint32_t id : impl.sides[s].translations) {
      if (id >= counts[1 - s]) in.Fail("a translation id out of range");
    }
  }
  if (!in.AtEnd()) in.Fail("bytes after the tables");
  return impl;
}

}  // namespace allinea::internal
