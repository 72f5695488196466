// The TSV writer: "source TAB target TAB score" per bead.
#include <fmt/format.h>

#include <iterator>

#include "write/writers.h"

namespace allinea::internal {
namespace {

class TsvWriter final : public Writer {
 public:
  TsvWriter(const WriteOptions& options, std::ostream& out)
      : options_(options), out_(out) {}

  void Begin(const Document& src, const Document& tgt) override {
    src_ = &src;
    tgt_ = &tgt;
    if (options_.header) out_ << "source\ttarget\tscore\n";
  }

  void Write(const Bead& bead) override {
    line_.clear();
    AppendSide(*src_, bead.src_begin, bead.src_end);
    line_.push_back('\t');
    AppendSide(*tgt_, bead.tgt_begin, bead.tgt_end);
    fmt::format_to(std::back_inserter(line_), "\t{:.4f}\n", bead.score);
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  }

  void End() override { out_.flush(); }

 private:
  void AppendSide(const Document& doc, std::size_t begin, std::size_t end) {
    joined_.clear();
    for (std::size_t k = begin; k < end; ++k) {
      AppendJoined(joined_, doc.sentences[k].text);
    }
    AppendTsvEscaped(line_, joined_);
  }

  WriteOptions options_;
  std::ostream& out_;
  const Document* src_ = nullptr;
  const Document* tgt_ = nullptr;
  std::string line_;
  std::string joined_;
};

}  // namespace

std::unique_ptr<Writer> MakeTsvWriter(const WriteOptions& options,
                                      std::ostream& out) {
  return std::make_unique<TsvWriter>(options, out);
}

}  // namespace allinea::internal
