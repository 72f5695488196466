// The JSON Lines writer: one object per bead (schema in docs/formats.md).
#include <fmt/format.h>

#include <iterator>

#include "write/writers.h"

namespace allinea::internal {
namespace {

class JsonlWriter final : public Writer {
 public:
  JsonlWriter(const WriteOptions& options, NullBeads nulls, std::ostream& out)
      : Writer(options, nulls), out_(out) {}

  void Begin() override {}

  void BeginDocument(const Document& src, const Document& tgt,
                     std::string_view name) override {
    src_ = &src;
    tgt_ = &tgt;
    doc_.clear();
    AppendJsonEscaped(doc_, name);
  }

  void End() override { out_.flush(); }

 protected:
  void WriteBead(const Bead& bead) override {
    line_.clear();
    fmt::format_to(std::back_inserter(line_), "{{\"v\":{},\"doc\":", kJsonlVersion);
    line_ += doc_;
    fmt::format_to(std::back_inserter(line_),
                   ",\"type\":\"{}\",\"score\":{:.4f}", BeadType(bead),
                   bead.score);
    AppendSide("src", *src_, bead.src_begin, bead.src_end);
    AppendSide("tgt", *tgt_, bead.tgt_begin, bead.tgt_end);
    line_ += "}\n";
    Put(out_, line_);
  }

 private:
  // "src":[3,4],"src_paragraphs":[1],"src_start":120,"src_end":260,
  // "src_text":"..." (start and end null for an empty side).
  void AppendSide(std::string_view side, const Document& doc,
                  std::size_t begin, std::size_t end) {
    fmt::format_to(std::back_inserter(line_), ",\"{}\":[", side);
    for (std::size_t k = begin; k < end; ++k) {
      fmt::format_to(std::back_inserter(line_), "{}{}", k > begin ? "," : "",
                     k);
    }
    fmt::format_to(std::back_inserter(line_), "],\"{}_paragraphs\":[", side);
    for (std::size_t k = begin; k < end; ++k) {
      const std::size_t p = doc.sentences[k].paragraph;
      if (k > begin && p == doc.sentences[k - 1].paragraph) continue;
      fmt::format_to(std::back_inserter(line_), "{}{}", k > begin ? "," : "",
                     p);
    }
    line_ += ']';
    if (begin == end) {
      fmt::format_to(std::back_inserter(line_),
                     ",\"{0}_start\":null,\"{0}_end\":null", side);
    } else {
      fmt::format_to(std::back_inserter(line_),
                     ",\"{0}_start\":{1},\"{0}_end\":{2}", side,
                     doc.sentences[begin].span.begin,
                     doc.sentences[end - 1].span.end);
    }
    fmt::format_to(std::back_inserter(line_), ",\"{}_text\":", side);
    JoinSentences(joined_, doc, begin, end);
    AppendJsonEscaped(line_, joined_);
  }

  std::ostream& out_;
  const Document* src_ = nullptr;
  const Document* tgt_ = nullptr;
  std::string doc_;
  std::string line_;
  std::string joined_;
};

}  // namespace

std::unique_ptr<Writer> MakeJsonlWriter(const WriteOptions& options,
                                        NullBeads nulls, std::ostream& out) {
  return std::make_unique<JsonlWriter>(options, nulls, out);
}

}  // namespace allinea::internal
