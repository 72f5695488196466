// The TMX 1.4b writer: one <tu> per bead, streamed.
//
// Layout (docs/formats.md): the declaration, the DOCTYPE, <tmx>, <header/>
// and <body> each on a line of their own; then each <tu> on lines of its
// own (text never holds a raw line break: tab, LF and CR are character
// references); then </body> and </tmx>. Shards of a memory can therefore
// be merged line by line (scripts/tmx-merge).
#include <fmt/format.h>

#include <iterator>

#include "allinea/version.h"
#include "write/writers.h"

namespace allinea::internal {
namespace {

// The language of the header's own text (its notes and properties).
constexpr std::string_view kAdminLang = "en-US";

class TmxWriter final : public Writer {
 public:
  TmxWriter(const WriteOptions& options, NullBeads nulls, std::ostream& out)
      : Writer(options, nulls),
        src_tag_(Attribute(options.src_tag)),
        tgt_tag_(Attribute(options.tgt_tag)),
        creation_date_(options.creation_date),
        dictionaries_(options.dictionaries),
        out_(out) {}

  void Begin() override {
    text_.clear();
    text_ +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
        "<tmx version=\"1.4\">\n";
    fmt::format_to(std::back_inserter(text_),
                   "  <header creationtool=\"allinea\" "
                   "creationtoolversion=\"{}\" segtype=\"sentence\" "
                   "o-tmf=\"allinea\" adminlang=\"{}\" srclang=\"{}\" "
                   "datatype=\"plaintext\"",
                   kVersion, kAdminLang, src_tag_);
    if (!creation_date_.empty()) {
      text_ += " creationdate=\"";
      removed_ += AppendXmlEscaped(text_, creation_date_, true);
      text_ += '"';
    }
    if (dictionaries_.empty()) {
      text_ += "/>\n";
    } else {
      // The header's content model: (note|ude|prop)*.
      text_ += ">\n    <prop type=\"x-allinea-dictionaries\">";
      for (std::size_t k = 0; k < dictionaries_.size(); ++k) {
        if (k > 0) text_ += "; ";
        removed_ += AppendXmlEscaped(text_, dictionaries_[k]);
      }
      text_ += "</prop>\n  </header>\n";
    }
    text_ += "  <body>\n";
    Put(out_, text_);
  }

  void BeginDocument(const Document& src, const Document& tgt,
                     std::string_view name) override {
    src_ = &src;
    tgt_ = &tgt;
    doc_.clear();
    removed_ += AppendXmlEscaped(doc_, name);
  }

  void End() override {
    out_ << "  </body>\n</tmx>\n";
    out_.flush();
  }

  [[nodiscard]] std::size_t removed_characters() const override {
    return removed_;
  }

 protected:
  void WriteBead(const Bead& bead) override {
    text_.clear();
    text_ += "    <tu>\n      <prop type=\"x-allinea-doc\">";
    text_ += doc_;
    fmt::format_to(std::back_inserter(text_),
                   "</prop>\n"
                   "      <prop type=\"x-allinea-bead\">{}</prop>\n"
                   "      <prop type=\"x-allinea-score\">{:.4f}</prop>\n",
                   BeadType(bead), bead.score);
    AppendTuv(src_tag_, *src_, bead.src_begin, bead.src_end);
    AppendTuv(tgt_tag_, *tgt_, bead.tgt_begin, bead.tgt_end);
    text_ += "    </tu>\n";
    Put(out_, text_);
  }

 private:
  static std::string Attribute(const std::string& tag) {
    std::string out;
    AppendXmlEscaped(out, tag.empty() ? "und" : tag, true);
    return out;
  }

  void AppendTuv(const std::string& tag, const Document& doc,
                 std::size_t begin, std::size_t end) {
    fmt::format_to(std::back_inserter(text_), "      <tuv xml:lang=\"{}\">",
                   tag);
    if (begin == end) {
      text_ += "<seg/></tuv>\n";
      return;
    }
    JoinSentences(joined_, doc, begin, end);
    text_ += "<seg>";
    removed_ += AppendXmlEscaped(text_, joined_);
    text_ += "</seg></tuv>\n";
  }

  std::string src_tag_;
  std::string tgt_tag_;
  std::string creation_date_;
  std::vector<std::string> dictionaries_;
  std::ostream& out_;
  const Document* src_ = nullptr;
  const Document* tgt_ = nullptr;
  std::string doc_;
  std::string text_;
  std::string joined_;
  std::size_t removed_ = 0;
};

}  // namespace

std::unique_ptr<Writer> MakeTmxWriter(const WriteOptions& options,
                                      NullBeads nulls, std::ostream& out) {
  return std::make_unique<TmxWriter>(options, nulls, out);
}

}  // namespace allinea::internal
