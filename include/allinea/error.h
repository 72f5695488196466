// allinea/error.h: the typed errors every stage throws.
//
// The library never prints and never exits. When it cannot go on it throws an
// allinea::Error (or a subclass) that carries a machine-readable code, the
// name of the file involved (may be empty) and, where one applies, the byte
// offset in that file's original bytes. The CLI catches once, prints
// Describe(e) as one line on stderr and exits with status 2.
//
// Example:
//   try { ... } catch (const allinea::Error& e) {
//     std::cerr << "allinea: " << allinea::Describe(e) << '\n';
//   }
#ifndef ALLINEA_ERROR_H_
#define ALLINEA_ERROR_H_

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace allinea {

enum class ErrorCode {
  kUsage,        // a bad option value, an unknown format or language code
  kInput,        // input that cannot be used (invalid UTF-8, ...)
  kIo,           // a file that cannot be opened, read or written
};

class Error : public std::runtime_error {
 public:
  // `message` is the problem alone ("invalid UTF-8"); `file` names the input
  // or output involved ("" when none); `byte_offset` is 0-based in the
  // original bytes of `file`, when one applies.
  Error(ErrorCode code, std::string message, std::string file = {},
        std::optional<std::uint64_t> byte_offset = std::nullopt);

  [[nodiscard]] ErrorCode code() const { return code_; }
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::optional<std::uint64_t> byte_offset() const {
    return byte_offset_;
  }

 private:
  ErrorCode code_;
  std::string file_;
  std::optional<std::uint64_t> byte_offset_;
};

// A bad option, format name or language code.
class UsageError : public Error {
 public:
  explicit UsageError(std::string message)
      : Error(ErrorCode::kUsage, std::move(message)) {}
};

// Input bytes that cannot be processed.
class InputError : public Error {
 public:
  InputError(std::string message, std::string file,
             std::optional<std::uint64_t> byte_offset = std::nullopt)
      : Error(ErrorCode::kInput, std::move(message), std::move(file),
              byte_offset) {}
};

// A file that cannot be opened, read or written.
class IoError : public Error {
 public:
  IoError(std::string message, std::string file)
      : Error(ErrorCode::kIo, std::move(message), std::move(file)) {}
};

// One line for a human: "FILE: byte N: MESSAGE", "FILE: MESSAGE" or
// "MESSAGE", depending on what the error carries. Stdin is shown as
// "<stdin>".
[[nodiscard]] std::string Describe(const Error& error);

}  // namespace allinea

#endif  // ALLINEA_ERROR_H_
