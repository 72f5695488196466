// Reading an input file or standard input whole.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "allinea/error.h"
#include "allinea/io.h"

namespace allinea {

std::string ReadInput(const std::string& path) {
  const bool is_stdin = path == "-";
  const int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY);
  if (fd < 0) throw IoError(std::strerror(errno), path);
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    if (!is_stdin) ::close(fd);
    throw IoError("is a directory, not a file", path);
  }
  std::string bytes;
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    bytes.reserve(static_cast<std::size_t>(st.st_size));
  }
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      const int saved = errno;
      if (!is_stdin) ::close(fd);
      throw IoError(std::string("cannot read: ") + std::strerror(saved), path);
    }
    bytes.append(buffer, static_cast<std::size_t>(got));
  }
  if (!is_stdin) ::close(fd);
  return bytes;
}

}  // namespace allinea
