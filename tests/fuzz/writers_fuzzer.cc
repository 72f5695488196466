// Fuzz target: the TSV, TMX, JSON Lines and index writers. The input's
// lines become sentences (a blank line between paragraphs), its first
// bytes choose the bead shapes; each format's output is read back and
// must give the sentences' text (as the format documents it) and the beads.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "allinea/error.h"
#include "allinea/segment.h"
#include "allinea/text.h"
#include "allinea/write.h"
#include "fuzz_check.h"

namespace {

using allinea::Bead;
using allinea::Document;

Document Lines(const std::string& text) {
  Document d;
  std::size_t paragraph = 0;
  std::size_t start = 0;
  bool used = false;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (line.empty()) {
      if (used) ++paragraph;
      used = false;
    } else {
      allinea::Sentence s;
      s.text = s.normalized = line;
      s.paragraph = paragraph;
      s.span = {start, end};
      d.sentences.push_back(s);
      used = true;
    }
    start = end + 1;
  }
  return d;
}

std::string Joined(const Document& d, std::size_t b, std::size_t e) {
  std::string out;
  for (std::size_t k = b; k < e; ++k) allinea::AppendJoined(out, d.sentences[k].text);
  return out;
}

std::string TsvUnescape(const std::string& f) {
  std::string out;
  for (std::size_t k = 0; k < f.size(); ++k) {
    if (f[k] != '\\' || k + 1 == f.size()) {
      out.push_back(f[k]);
      continue;
    }
    const char c = f[++k];
    out.push_back(c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
  }
  return out;
}

// The JSON string that starts at `pos` (at its quote); advances pos.
std::string JsonString(const std::string& s, std::size_t& pos) {
  FUZZ_CHECK(s[pos] == '"');
  std::string out;
  for (++pos; pos < s.size() && s[pos] != '"'; ++pos) {
    if (s[pos] != '\\') {
      FUZZ_CHECK(static_cast<unsigned char>(s[pos]) >= 0x20);
      out.push_back(s[pos]);
      continue;
    }
    const char c = s[++pos];
    if (c == 'u') {
      out.push_back(static_cast<char>(std::stoi(s.substr(pos + 1, 4), nullptr, 16)));
      pos += 4;
    } else {
      out.push_back(c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
    }
  }
  FUZZ_CHECK(pos < s.size());
  ++pos;
  return out;
}

std::string XmlUnescape(const std::string& s) {
  std::string out;
  for (std::size_t k = 0; k < s.size(); ++k) {
    if (s[k] != '&') {
      FUZZ_CHECK(s[k] != '<' && s[k] != '>');
      out.push_back(s[k]);
      continue;
    }
    const std::size_t semi = s.find(';', k);
    FUZZ_CHECK(semi != std::string::npos);
    const std::string entity = s.substr(k + 1, semi - k - 1);
    if (entity == "amp") out += '&';
    else if (entity == "lt") out += '<';
    else if (entity == "gt") out += '>';
    else if (entity == "quot") out += '"';
    else if (entity == "#9") out += '\t';
    else if (entity == "#10") out += '\n';
    else if (entity == "#13") out += '\r';
    else FUZZ_CHECK(false);
    k = semi;
  }
  return out;
}

// What XML keeps of `text`: no C0 control but tab, LF, CR; no U+FFFE/F.
std::string XmlKept(const std::string& text) {
  std::string out;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const auto c = static_cast<unsigned char>(text[k]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (c == 0xEF && k + 2 < text.size() &&
        static_cast<unsigned char>(text[k + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[k + 2]) & 0xFE) == 0xBE) {
      k += 2;
      continue;
    }
    out.push_back(text[k]);
  }
  return out;
}

std::string Write(allinea::Format f, const Document& src, const Document& tgt,
                  const std::vector<Bead>& beads) {
  std::ostringstream out;
  allinea::WriteOptions o;
  o.src_tag = "it-IT";
  o.tgt_tag = "zh-CN";
  o.nulls = allinea::NullBeads::kKeep;
  auto w = allinea::MakeWriter(f, o, out);
  w->Begin();
  w->BeginDocument(src, tgt, "doc\t<&>");
  for (const Bead& b : beads) w->Write(b);
  w->End();
  return out.str();
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (const char c : s) {
    if (c == sep) {
      out.emplace_back();
    } else {
      out.back().push_back(c);
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t shapes = std::min<std::size_t>(data[0], size - 1);
  std::string text(reinterpret_cast<const char*>(data) + 1 + shapes,
                   size - 1 - shapes);
  try {
    text = allinea::DecodeText(text, "fuzz").normalized();
  } catch (const allinea::InputError&) {
    return 0;
  }
  // Source and target: the two halves of the lines.
  const Document all = Lines(text);
  Document src, tgt;
  for (std::size_t k = 0; k < all.sentences.size(); ++k) {
    (k % 2 == 0 ? src : tgt).sentences.push_back(all.sentences[k]);
  }
  // Beads cover both sides in order; shapes from the chosen bytes.
  std::vector<Bead> beads;
  std::size_t i = 0, j = 0, pick = 1;
  while (i < src.sentences.size() || j < tgt.sentences.size()) {
    const std::uint8_t b = pick <= shapes ? data[pick++] : 0x11;
    std::size_t di = std::min<std::size_t>(b & 3, src.sentences.size() - i);
    std::size_t dj = std::min<std::size_t>((b >> 2) & 3, tgt.sentences.size() - j);
    if (di == 0 && dj == 0) {
      if (i < src.sentences.size()) di = 1; else dj = 1;
    }
    beads.push_back({i, i + di, j, j + dj, 0, (b >> 4) / 15.0});
    i += di;
    j += dj;
  }

  // TSV: one line per bead, three fields, the texts unescaped back.
  const auto tsv = Split(Write(allinea::Format::kTsv, src, tgt, beads), '\n');
  FUZZ_CHECK(tsv.size() == beads.size() + 1 && tsv.back().empty());
  for (std::size_t k = 0; k < beads.size(); ++k) {
    const auto fields = Split(tsv[k], '\t');
    FUZZ_CHECK(fields.size() == 3);
    FUZZ_CHECK(TsvUnescape(fields[0]) == Joined(src, beads[k].src_begin, beads[k].src_end));
    FUZZ_CHECK(TsvUnescape(fields[1]) == Joined(tgt, beads[k].tgt_begin, beads[k].tgt_end));
  }
  // Index: one line per bead.
  FUZZ_CHECK(Split(Write(allinea::Format::kIndex, src, tgt, beads), '\n').size() ==
             beads.size() + 1);
  // JSON Lines: one object per bead, its texts decoded back.
  const auto jsonl = Split(Write(allinea::Format::kJsonl, src, tgt, beads), '\n');
  FUZZ_CHECK(jsonl.size() == beads.size() + 1);
  for (std::size_t k = 0; k < beads.size(); ++k) {
    const std::string& line = jsonl[k];
    FUZZ_CHECK(line.starts_with("{\"v\":1,\"doc\":\"doc\\t<&>\",") && line.ends_with("}"));
    std::size_t pos = line.find(",\"src_text\":") + 12;
    FUZZ_CHECK(JsonString(line, pos) == Joined(src, beads[k].src_begin, beads[k].src_end));
    pos = line.find(",\"tgt_text\":", pos) + 12;
    FUZZ_CHECK(JsonString(line, pos) == Joined(tgt, beads[k].tgt_begin, beads[k].tgt_end));
    FUZZ_CHECK(pos == line.size() - 1);
  }
  // TMX: every <seg> gives back the text XML can hold, one unit per bead.
  const std::string tmx = Write(allinea::Format::kTmx, src, tgt, beads);
  FUZZ_CHECK(tmx.ends_with("  </body>\n</tmx>\n"));
  std::size_t pos = 0;
  for (const Bead& b : beads) {
    for (const bool source : {true, false}) {
      const std::size_t tuv = tmx.find("<tuv xml:lang=", pos);
      FUZZ_CHECK(tuv != std::string::npos);
      const std::size_t seg = tmx.find("<seg", tuv);
      const std::size_t close = tmx.find("</tuv>", seg);
      const std::string inner = tmx.substr(seg, close - seg);
      const std::string expected =
          source ? Joined(src, b.src_begin, b.src_end) : Joined(tgt, b.tgt_begin, b.tgt_end);
      if (inner == "<seg/>") {
        FUZZ_CHECK(expected.empty());
      } else {
        FUZZ_CHECK(inner.starts_with("<seg>") && inner.ends_with("</seg>"));
        const std::string body = inner.substr(5, inner.size() - 11);
        FUZZ_CHECK(body.find('\n') == std::string::npos);
        FUZZ_CHECK(XmlUnescape(body) == XmlKept(expected));
      }
      pos = close;
    }
  }
  FUZZ_CHECK(tmx.find("<tuv xml:lang=", pos) == std::string::npos);
  return 0;
}
