// Private: the concrete writers behind MakeWriter(), and what they share.
#ifndef ALLINEA_SRC_WRITE_WRITERS_H_
#define ALLINEA_SRC_WRITE_WRITERS_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "allinea/write.h"

namespace allinea::internal {

[[nodiscard]] std::unique_ptr<Writer> MakeTsvWriter(const WriteOptions& options,
                                                    NullBeads nulls,
                                                    std::ostream& out);
[[nodiscard]] std::unique_ptr<Writer> MakeIndexWriter(
    const WriteOptions& options, NullBeads nulls, std::ostream& out);
[[nodiscard]] std::unique_ptr<Writer> MakeTmxWriter(const WriteOptions& options,
                                                    NullBeads nulls,
                                                    std::ostream& out);
[[nodiscard]] std::unique_ptr<Writer> MakeJsonlWriter(
    const WriteOptions& options, NullBeads nulls, std::ostream& out);

// Sets `joined` to the sentences [begin, end) of `doc` joined as one text
// (AppendJoined).
void JoinSentences(std::string& joined, const Document& doc, std::size_t begin,
                   std::size_t end);

// The optional first column of the TSV and index formats: the document's
// name (TSV-escaped) and a tab, when WriteOptions::document_column is set.
class DocumentColumn {
 public:
  explicit DocumentColumn(bool enabled) : enabled_(enabled) {}
  [[nodiscard]] bool enabled() const { return enabled_; }
  // For each document, before its beads.
  void SetName(std::string_view name) {
    field_.clear();
    if (!enabled_) return;
    AppendTsvEscaped(field_, name);
    field_.push_back('\t');
  }
  // Starts a line with the column (nothing when it is off).
  void AppendTo(std::string& line) const { line += field_; }

 private:
  bool enabled_;
  std::string field_;  // "name\t", or "" when off
};

// Writes `text` to `out` whole.
inline void Put(std::ostream& out, const std::string& text) {
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_WRITE_WRITERS_H_
