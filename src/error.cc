#include "allinea/error.h"

#include <fmt/format.h>

namespace allinea {

Error::Error(ErrorCode code, std::string message, std::string file,
             std::optional<std::uint64_t> byte_offset)
    : std::runtime_error(std::move(message)),
      code_(code),
      file_(std::move(file)),
      byte_offset_(byte_offset) {}

std::string Describe(const Error& error) {
  const std::string file = error.file() == "-" ? "<stdin>" : error.file();
  if (file.empty()) return error.what();
  if (error.byte_offset()) {
    return fmt::format("{}: byte {}: {}", file, *error.byte_offset(),
                       error.what());
  }
  return fmt::format("{}: {}", file, error.what());
}

}  // namespace allinea
