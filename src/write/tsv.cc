// The TSV writer: "[document TAB] source TAB target TAB score" per bead.
#include <fmt/format.h>

#include <iterator>

#include "write/writers.h"

namespace allinea::internal {
namespace {

class TsvWriter final : public Writer {
 public:
  TsvWriter(const WriteOptions& options, NullBeads nulls, std::ostream& out)
      : Writer(options, nulls),
        header_(options.header),
        document_(options.document_column),
        out_(out) {}

  void Begin() override {
    if (!header_) return;
    if (document_.enabled()) out_ << "document\t";
    out_ << "source\ttarget\tscore\n";
  }

  void BeginDocument(const Document& src, const Document& tgt,
                     std::string_view name) override {
    src_ = &src;
    tgt_ = &tgt;
    document_.SetName(name);
  }

  void End() override { out_.flush(); }

 protected:
  void WriteBead(const Bead& bead) override {
    line_.clear();
    document_.AppendTo(line_);
    JoinSentences(joined_, *src_, bead.src_begin, bead.src_end);
    AppendTsvEscaped(line_, joined_);
    line_.push_back('\t');
    JoinSentences(joined_, *tgt_, bead.tgt_begin, bead.tgt_end);
    AppendTsvEscaped(line_, joined_);
    fmt::format_to(std::back_inserter(line_), "\t{:.4f}\n", bead.score);
    Put(out_, line_);
  }

 private:
  bool header_;
  DocumentColumn document_;
  std::ostream& out_;
  const Document* src_ = nullptr;
  const Document* tgt_ = nullptr;
  std::string line_;
  std::string joined_;
};

}  // namespace

std::unique_ptr<Writer> MakeTsvWriter(const WriteOptions& options,
                                      NullBeads nulls, std::ostream& out) {
  return std::make_unique<TsvWriter>(options, nulls, out);
}

}  // namespace allinea::internal
