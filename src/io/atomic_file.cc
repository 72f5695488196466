// Output written whole or not at all: the only place that knows about
// temporary files and rename.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <streambuf>
#include <string_view>

#include "allinea/error.h"
#include "allinea/io.h"
#include "io/temp_registry.h"

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

// The file descriptor a name stands for when it names one of this process's
// own descriptors (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N), or
// -1. Such outputs are written directly: replacing them by rename() would
// replace the link, not write to the stream.
int OwnDescriptor(const std::string& path) {
  if (path == "/dev/stdout") return STDOUT_FILENO;
  if (path == "/dev/stderr") return STDERR_FILENO;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0) {
      const std::string digits = path.substr(prefix.size());
      if (digits.find_first_not_of("0123456789") != std::string::npos ||
          digits.size() > 6) {
        return -1;
      }
      return std::stoi(digits);
    }
  }
  return -1;
}

std::string Folder(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

struct OutputFile::Impl {
  std::string path;         // as given
  std::string target;       // the regular file to replace, links resolved
  std::string temp_path;    // a named temporary file, while it exists
  int signal_slot = -1;     // temp_path's slot in the signal registry
  bool anonymous = false;   // the temporary file is an O_TMPFILE
  int fd = -1;
  bool owns_fd = false;
  bool committed = false;
  // With `hold`, output bound for a stream (standard output, a device, a
  // FIFO) goes to this unlinked temporary file first and is copied on
  // Commit(); -1 otherwise.
  int spool = -1;
  std::unique_ptr<FdBuf> buf;
  std::unique_ptr<std::ostream> stream;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  // Closes what is open and removes the temporary file unless Commit()
  // succeeded; here rather than in ~OutputFile, so that a constructor that
  // throws half-way cleans up too.
  ~Impl() {
    if (spool >= 0) ::close(spool);
    if (owns_fd && fd >= 0) ::close(fd);
    if (!committed && !temp_path.empty()) ::unlink(temp_path.c_str());
    internal::ForgetTemporary(signal_slot);
  }

  // Opens a temporary file in the target's folder: anonymous (O_TMPFILE, so
  // that nothing is left behind even if the process is killed) where the
  // file system allows, else named.
  void OpenTemporary(mode_t mode) {
    const std::string dir = Folder(target);
    if (::access("/proc/self/fd", X_OK) == 0) {
      fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
      if (fd >= 0) {
        anonymous = true;
        return;
      }
      if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
        throw IoError("cannot create a temporary file in " + dir + ": " +
                          std::strerror(errno),
                      path);
      }
    }
    for (int attempt = 0; fd < 0; ++attempt) {
      temp_path = dir + "/.allinea-" + std::to_string(::getpid()) + "-" +
                  std::to_string(attempt) + ".tmp";
      // Remembered first: a signal between open() and the registry would
      // leave the file behind. (A signal between this and an open() that
      // fails with EEXIST would remove a file of that name that another
      // process made: only one with our PID, in another PID namespace
      // sharing the folder.)
      signal_slot = internal::RememberTemporary(temp_path);
      fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                  mode);
      if (fd < 0) {
        internal::ForgetTemporary(signal_slot);
        signal_slot = -1;
      }
      if (fd < 0 && (errno != EEXIST || attempt > 100)) {
        const int saved = errno;
        temp_path.clear();
        throw IoError("cannot create a temporary file in " + dir + ": " +
                          std::strerror(saved),
                      path);
      }
    }
  }
};

namespace {

// An unlinked temporary file in $TMPDIR (or /tmp), open for reading and
// writing.
int OpenSpool(const std::string& shown) {
  const char* dir = std::getenv("TMPDIR");
  std::string folder = dir != nullptr && *dir != '\0' ? dir : "/tmp";
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string name = folder + "/allinea-spool-XXXXXX";
  fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) {
    throw IoError("cannot create a temporary file in " + folder + ": " +
                      std::strerror(errno),
                  shown);
  }
  ::unlink(name.c_str());
  return fd;
}

// Copies the whole of `from` (rewound) to `to`; 0 or the first errno.
int CopySpool(int from, int to) {
  if (::lseek(from, 0, SEEK_SET) != 0) return errno;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(from, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return errno;
    if (got == 0) return 0;
    const char* p = buffer;
    const char* end = buffer + got;
    while (p < end) {
      const ssize_t put = ::write(to, p, static_cast<std::size_t>(end - p));
      if (put < 0 && errno == EINTR) continue;
      if (put < 0) return errno;
      p += put;
    }
  }
}

}  // namespace

OutputFile::OutputFile(std::string path, bool hold)
    : impl_(std::make_unique<Impl>()) {
  Impl& s = *impl_;
  s.path = std::move(path);
  if (s.path.empty()) throw IoError("empty output file name", "");
  if (s.path == "-") {
    s.fd = STDOUT_FILENO;
  } else if (const int own = OwnDescriptor(s.path); own >= 0) {
    s.fd = own;
  } else {
    s.target = s.path;
    struct stat st {};
    if (::lstat(s.path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      // Replace the file the link points to, and keep the link.
      char* resolved = ::realpath(s.path.c_str(), nullptr);
      if (resolved == nullptr) {
        throw IoError(std::string("cannot follow the symbolic link: ") +
                          std::strerror(errno),
                      s.path);
      }
      s.target = resolved;
      std::free(resolved);
    }
    const bool exists = ::stat(s.target.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
      throw IoError("is a directory, not a file", s.path);
    }
    if (exists && !S_ISREG(st.st_mode)) {
      // A device, FIFO or socket: write to it directly, never replace it.
      s.fd = ::open(s.target.c_str(), O_WRONLY | O_CLOEXEC);
      if (s.fd < 0) throw IoError(std::strerror(errno), s.path);
    } else {
      if (!exists && errno != ENOENT) {
        throw IoError(std::string("cannot create: ") + std::strerror(errno),
                      s.path);
      }
      struct stat dir_st {};
      if (::stat(Folder(s.target).c_str(), &dir_st) != 0) {
        throw IoError(std::string("cannot create: ") + std::strerror(errno),
                      s.path);
      }
      const mode_t mode = exists ? (st.st_mode & 07777) : 0666;
      s.OpenTemporary(mode);
      if (exists) ::fchmod(s.fd, mode);  // umask must not narrow an existing file
    }
    s.owns_fd = true;
  }
  if (hold && s.temp_path.empty() && !s.anonymous) {
    s.spool = OpenSpool(s.path == "-" ? "<stdout>" : s.path);
  }
  s.buf = std::make_unique<FdBuf>(s.spool >= 0 ? s.spool : s.fd);
  s.stream = std::make_unique<std::ostream>(s.buf.get());
}

OutputFile::~OutputFile() = default;

std::ostream& OutputFile::stream() { return *impl_->stream; }

void OutputFile::Commit() {
  Impl& s = *impl_;
  s.stream->flush();
  bool ok = s.buf->Drain();
  int error = s.buf->error();
  const std::string shown = s.path == "-" ? "<stdout>" : s.path;
  if (ok && s.spool >= 0) {
    error = CopySpool(s.spool, s.fd);
    ok = error == 0;
    ::close(s.spool);
    s.spool = -1;
  }
  if (!ok && s.fd == STDOUT_FILENO && error == EPIPE) {
    // The reader went away (`allinea ... | head -1`): not our failure.
    s.committed = true;
    return;
  }
  if (!ok) {
    throw IoError(std::string("write error: ") + std::strerror(error), shown);
  }
  if (s.anonymous) {
    // Give the anonymous file a name beside the target, then move it over.
    const std::string proc = "/proc/self/fd/" + std::to_string(s.fd);
    for (int attempt = 0; s.temp_path.empty(); ++attempt) {
      std::string name = Folder(s.target) + "/.allinea-" +
                         std::to_string(::getpid()) + "-" +
                         std::to_string(attempt) + ".tmp";
      s.signal_slot = internal::RememberTemporary(name);
      if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(),
                   AT_SYMLINK_FOLLOW) == 0) {
        s.temp_path = std::move(name);
        break;
      }
      const int saved = errno;
      internal::ForgetTemporary(s.signal_slot);
      s.signal_slot = -1;
      if (saved != EEXIST || attempt > 100) {
        throw IoError(std::string("cannot write: ") + std::strerror(saved),
                      s.path);
      }
    }
  }
  if (s.owns_fd) {
    const int fd = s.fd;
    s.fd = -1;
    if (::close(fd) != 0) {
      throw IoError(std::string("write error: ") + std::strerror(errno), shown);
    }
  }
  if (!s.temp_path.empty()) {
    if (::rename(s.temp_path.c_str(), s.target.c_str()) != 0) {
      throw IoError(std::string("cannot replace: ") + std::strerror(errno),
                    s.path);
    }
    s.temp_path.clear();
    internal::ForgetTemporary(s.signal_slot);
    s.signal_slot = -1;
  }
  s.committed = true;
}

}  // namespace allinea
