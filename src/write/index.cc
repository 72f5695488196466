// The index writer: "[i, j]:[k]" per bead, as bertalign writes it.
#include <fmt/format.h>

#include <iterator>

#include "write/writers.h"

namespace allinea::internal {
namespace {

class IndexWriter final : public Writer {
 public:
  explicit IndexWriter(std::ostream& out) : out_(out) {}
  void Begin(const Document&, const Document&) override {}
  void Write(const Bead& bead) override {
    line_.clear();
    AppendRange(bead.src_begin, bead.src_end);
    line_.push_back(':');
    AppendRange(bead.tgt_begin, bead.tgt_end);
    line_.push_back('\n');
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  }
  void End() override { out_.flush(); }

 private:
  void AppendRange(std::size_t begin, std::size_t end) {
    line_.push_back('[');
    for (std::size_t k = begin; k < end; ++k) {
      if (k > begin) line_ += ", ";
      fmt::format_to(std::back_inserter(line_), "{}", k);
    }
    line_.push_back(']');
  }

  std::ostream& out_;
  std::string line_;
};

}  // namespace

std::unique_ptr<Writer> MakeIndexWriter(std::ostream& out) {
  return std::make_unique<IndexWriter>(out);
}

}  // namespace allinea::internal
