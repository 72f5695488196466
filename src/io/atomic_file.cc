// Output written whole or not at all: the only place that knows about
// temporary files and rename.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <streambuf>

#include "allinea/error.h"
#include "allinea/io.h"

namespace allinea {
namespace {

// A stream buffer over a file descriptor that remembers the first error.
class FdBuf final : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  [[nodiscard]] int error() const { return error_; }

  // Writes out the buffer; false once any write failed.
  bool Drain() {
    const char* p = pbase();
    while (p < pptr() && error_ == 0) {
      const ssize_t put = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (put < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        break;
      }
      p += put;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return error_ == 0;
  }

 protected:
  int_type overflow(int_type ch) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

}  // namespace

struct OutputFile::Impl {
  std::string path;       // as given
  std::string temp_path;  // non-empty while a temporary file exists
  int fd = -1;
  bool owns_fd = false;
  bool committed = false;
  std::unique_ptr<FdBuf> buf;
  std::unique_ptr<std::ostream> stream;
};

OutputFile::OutputFile(std::string path) : impl_(std::make_unique<Impl>()) {
  Impl& s = *impl_;
  s.path = std::move(path);
  if (s.path == "-") {
    s.fd = STDOUT_FILENO;
  } else {
    struct stat st {};
    const bool exists = ::stat(s.path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
      throw IoError("is a directory, not a file", s.path);
    }
    if (exists && !S_ISREG(st.st_mode)) {
      // A device, FIFO or socket: write to it directly, never replace it.
      s.fd = ::open(s.path.c_str(), O_WRONLY | O_CLOEXEC);
      if (s.fd < 0) throw IoError(std::strerror(errno), s.path);
    } else {
      const std::size_t slash = s.path.rfind('/');
      const std::string dir =
          slash == std::string::npos ? "" : s.path.substr(0, slash + 1);
      const std::string base =
          slash == std::string::npos ? s.path : s.path.substr(slash + 1);
      const mode_t mode = exists ? (st.st_mode & 07777) : 0666;
      for (int attempt = 0; s.fd < 0; ++attempt) {
        s.temp_path = dir + "." + base + ".allinea-" +
                      std::to_string(::getpid()) + "-" +
                      std::to_string(attempt);
        s.fd = ::open(s.temp_path.c_str(),
                      O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (s.fd < 0 && (errno != EEXIST || attempt > 100)) {
          const int saved = errno;
          s.temp_path.clear();
          throw IoError(std::string("cannot create: ") + std::strerror(saved),
                        s.path);
        }
      }
      if (exists) ::fchmod(s.fd, mode);  // umask must not narrow an existing file
    }
    s.owns_fd = true;
  }
  s.buf = std::make_unique<FdBuf>(s.fd);
  s.stream = std::make_unique<std::ostream>(s.buf.get());
}

OutputFile::~OutputFile() {
  if (!impl_) return;
  if (impl_->owns_fd && impl_->fd >= 0) ::close(impl_->fd);
  if (!impl_->committed && !impl_->temp_path.empty()) {
    ::unlink(impl_->temp_path.c_str());
  }
}

std::ostream& OutputFile::stream() { return *impl_->stream; }

void OutputFile::Commit() {
  Impl& s = *impl_;
  s.stream->flush();
  const bool ok = s.buf->Drain();
  const std::string shown = s.path == "-" ? "<stdout>" : s.path;
  if (!ok && s.path == "-" && s.buf->error() == EPIPE) {
    // The reader went away (`allinea ... | head -1`): not our failure.
    s.committed = true;
    return;
  }
  if (!ok) {
    throw IoError(std::string("write error: ") + std::strerror(s.buf->error()),
                  shown);
  }
  if (s.owns_fd) {
    const int fd = s.fd;
    s.fd = -1;
    if (::close(fd) != 0) {
      throw IoError(std::string("write error: ") + std::strerror(errno), shown);
    }
  }
  if (!s.temp_path.empty()) {
    if (::rename(s.temp_path.c_str(), s.path.c_str()) != 0) {
      throw IoError(std::string("cannot replace: ") + std::strerror(errno),
                    s.path);
    }
    s.temp_path.clear();
  }
  s.committed = true;
}

}  // namespace allinea
