// The index writer: "[i, j]:[k]" per bead, as bertalign writes it.
#include <fmt/format.h>

#include <iterator>

#include "write/writers.h"

namespace allinea::internal {
namespace {

class IndexWriter final : public Writer {
 public:
  IndexWriter(const WriteOptions& options, NullBeads nulls, std::ostream& out)
      : Writer(options, nulls),
        document_(options.document_column),
        out_(out) {}

  void Begin() override {}

  void BeginDocument(const Document&, const Document&,
                     std::string_view name) override {
    document_.SetName(name);
  }

  void End() override { out_.flush(); }

 protected:
  void WriteBead(const Bead& bead) override {
    line_.clear();
    document_.AppendTo(line_);
    AppendRange(bead.src_begin, bead.src_end);
    line_.push_back(':');
    AppendRange(bead.tgt_begin, bead.tgt_end);
    line_.push_back('\n');
    Put(out_, line_);
  }

 private:
  void AppendRange(std::size_t begin, std::size_t end) {
    line_.push_back('[');
    for (std::size_t k = begin; k < end; ++k) {
      if (k > begin) line_ += ", ";
      fmt::format_to(std::back_inserter(line_), "{}", k);
    }
    line_.push_back(']');
  }

  DocumentColumn document_;
  std::ostream& out_;
  std::string line_;
};

}  // namespace

std::unique_ptr<Writer> MakeIndexWriter(const WriteOptions& options,
                                        NullBeads nulls, std::ostream& out) {
  return std::make_unique<IndexWriter>(options, nulls, out);
}

}  // namespace allinea::internal
