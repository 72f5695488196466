#include "run_cli.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>

extern char** environ;

namespace allinea::cli_test {

namespace fs = std::filesystem;

namespace {

// A file descriptor closed on destruction.
class Fd {
 public:
  Fd() = default;
  ~Fd() { Close(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const { return fd_; }
  void Reset(int fd) {
    Close();
    fd_ = fd;
  }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

// Makes a pipe whose ends are closed on exec (the child gets its ends through
// dup2, which clears the flag on the copy).
bool MakePipe(Fd& read_end, Fd& write_end) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  read_end.Reset(fds[0]);
  write_end.Reset(fds[1]);
  return true;
}

// Reads what is available on `fd` into `sink`; closes `fd` at end of file.
void Drain(Fd& fd, std::string& sink) {
  char buf[65536];
  const ssize_t n = ::read(fd.get(), buf, sizeof buf);
  if (n > 0) {
    sink.append(buf, static_cast<std::size_t>(n));
  } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
    fd.Close();
  }
}

// Sets RLIMIT_FSIZE and ignores SIGXFSZ for the lifetime of the object; a
// child spawned meanwhile inherits both. Restores them on destruction.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(std::optional<std::uint64_t> max_bytes) {
    if (!max_bytes) return;
    active_ = ::getrlimit(RLIMIT_FSIZE, &saved_limit_) == 0;
    if (!active_) return;
    rlimit limit = saved_limit_;
    limit.rlim_cur = static_cast<rlim_t>(*max_bytes);
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) {
      ADD_FAILURE() << "setrlimit: " << std::strerror(errno);
    }
    saved_handler_ = ::signal(SIGXFSZ, SIG_IGN);
  }
  ~FileSizeLimit() {
    if (!active_) return;
    ::setrlimit(RLIMIT_FSIZE, &saved_limit_);
    ::signal(SIGXFSZ, saved_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  bool active_ = false;
  rlimit saved_limit_{};
  sighandler_t saved_handler_ = SIG_DFL;
};

// align and check use the dictionaries installed on the machine unless told
// otherwise: tests pin theirs, to an empty data folder, unless they name a
// --dict-dir or --dict none.
std::vector<std::string> PinDictionaries(std::vector<std::string> args) {
  if (args.empty() || (args[0] != "align" && args[0] != "check" && args[0] != "learn")) {
    return args;
  }
  for (std::size_t k = 0; k < args.size(); ++k) {
    if (args[k] == "--dict-dir" || args[k].starts_with("--dict-dir=")) return args;
    if (args[k] == "--dict" && k + 1 < args.size() && args[k + 1] == "none") return args;
  }
  const fs::path empty = fs::temp_directory_path() / "allinea-cli-test-no-dictionaries";
  std::error_code ignored;
  fs::create_directories(empty, ignored);
  args.push_back("--dict-dir");
  args.push_back(empty.string());
  return args;
}

CliResult Run(const std::vector<std::string>& args,
              const std::optional<std::string>& stdin_bytes,
              int timeout_seconds, std::optional<std::uint64_t> max_file_size,
              bool pin = true) {
  CliResult result;
  // Writing to a child that exited must give EPIPE, not kill the test.
  ::signal(SIGPIPE, SIG_IGN);

  Fd in_r, in_w, out_r, out_w, err_r, err_w;
  if (!MakePipe(in_r, in_w) || !MakePipe(out_r, out_w) ||
      !MakePipe(err_r, err_w)) {
    ADD_FAILURE() << "pipe2: " << std::strerror(errno);
    return result;
  }

  std::vector<char*> argv;
  std::string cli = ALLINEA_CLI;
  std::vector<std::string> owned = pin ? PinDictionaries(args) : args;
  argv.push_back(cli.data());
  for (std::string& a : owned) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_r.get(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_w.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_w.get(), STDERR_FILENO);
  // The child gets the default SIGPIPE action back.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);

  pid_t pid = -1;
  int spawn_error = 0;
  {
    const FileSizeLimit limit(max_file_size);
    spawn_error =
        ::posix_spawn(&pid, cli.c_str(), &actions, &attr, argv.data(), environ);
  }
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  in_r.Close();
  out_w.Close();
  err_w.Close();
  if (spawn_error != 0) {
    ADD_FAILURE() << "posix_spawn " << cli << ": "
                  << std::strerror(spawn_error);
    return result;
  }

  const std::string input = stdin_bytes.value_or("");
  std::size_t written = 0;
  if (input.empty()) {
    in_w.Close();
  } else {
    ::fcntl(in_w.get(), F_SETFL, O_NONBLOCK);
  }
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  while (out_r.get() >= 0 || err_r.get() >= 0) {
    pollfd fds[3] = {{out_r.get(), POLLIN, 0},
                     {err_r.get(), POLLIN, 0},
                     {in_w.get(), POLLOUT, 0}};  // negative fds are ignored
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      ::kill(pid, SIGKILL);
      result.timed_out = true;
      break;
    }
    if (::poll(fds, 3, static_cast<int>(left.count())) < 0) {
      if (errno == EINTR) continue;
      ADD_FAILURE() << "poll: " << std::strerror(errno);
      ::kill(pid, SIGKILL);
      break;
    }
    if (fds[0].revents != 0) Drain(out_r, result.out);
    if (fds[1].revents != 0) Drain(err_r, result.err);
    if (fds[2].revents != 0) {
      const ssize_t n =
          ::write(in_w.get(), input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      // EPIPE: the child stopped reading; what it got is its business.
      if ((n < 0 && errno != EAGAIN && errno != EINTR) ||
          written == input.size()) {
        in_w.Close();
      }
    }
  }
  in_w.Close();

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.term_signal = WTERMSIG(status);
  }
  return result;
}

}  // namespace

CliResult RunCli(const std::vector<std::string>& args,
                 const std::optional<std::string>& stdin_bytes,
                 int timeout_seconds) {
  return Run(args, stdin_bytes, timeout_seconds, std::nullopt);
}

CliResult RunCliWithFileSizeLimit(const std::vector<std::string>& args,
                                  std::uint64_t max_bytes) {
  return Run(args, std::nullopt, 120, max_bytes);
}

CliResult RunCliWithInstalledDictionaries(const std::vector<std::string>& args) {
  return Run(args, std::nullopt, 120, std::nullopt, false);
}

namespace {

std::string Describe(const CliResult& r) {
  std::string d = "exit " + std::to_string(r.exit_code);
  if (r.term_signal != 0) d += ", signal " + std::to_string(r.term_signal);
  if (r.timed_out) d += ", timed out";
  d += "; stderr: \"" + r.err + "\"; stdout: " + std::to_string(r.out.size()) +
       " bytes";
  return d;
}

}  // namespace

testing::AssertionResult Succeeded(const CliResult& r) {
  if (r.exit_code == 0 && r.err.empty()) {
    return testing::AssertionSuccess();
  }
  return testing::AssertionFailure() << "expected success, got " << Describe(r);
}

testing::AssertionResult FailedWithOneLine(const CliResult& r) {
  const bool one_line =
      r.err.starts_with("allinea: ") && r.err.find('\n') == r.err.size() - 1;
  if (r.exit_code == 2 && r.out.empty() && one_line) {
    return testing::AssertionSuccess();
  }
  return testing::AssertionFailure()
         << "expected exit 2, no stdout and one line \"allinea: ...\" on "
            "stderr, got "
         << Describe(r);
}

std::string DataPath(std::string_view name) {
  return (fs::path(ALLINEA_DATA_DIR) / name).string();
}

std::string TestDataPath(std::string_view name) {
  return (fs::path(ALLINEA_TEST_DATA_DIR) / name).string();
}

std::string ItText() { return DataPath("mensch-interview.it.txt"); }
std::string ZhText() { return DataPath("mensch-interview.zh.txt"); }

std::vector<std::string> AlignInterview(std::vector<std::string> extra) {
  std::vector<std::string> args = {
      "align", ItText(), ZhText(), "--src-lang", "it", "--tgt-lang", "zh"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

fs::path GoldenDir() { return fs::path(ALLINEA_GOLDEN_DIR); }

TempDir::TempDir() {
  std::string pattern =
      (fs::temp_directory_path() / "allinea-cli-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp: " << std::strerror(errno);
    return;
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string TempDir::File(std::string_view name) const {
  return (path_ / name).string();
}

std::string TempDir::Write(std::string_view name,
                           std::string_view bytes) const {
  const std::string path = File(name);
  WriteFile(path, bytes);
  return path;
}

std::vector<std::string> TempDir::Entries() const {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(path_)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteFile(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) ADD_FAILURE() << "cannot write " << path;
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

std::vector<std::string> NonBlankLines(std::string_view text) {
  std::vector<std::string> lines;
  for (std::string& line : Lines(text)) {
    if (line.find_first_not_of(" \t\r\f\v") != std::string::npos) {
      lines.push_back(std::move(line));
    }
  }
  return lines;
}

std::vector<std::string> Split(std::string_view line, char sep) {
  std::vector<std::string> fields;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = line.find(sep, begin);
    fields.emplace_back(line.substr(begin, end - begin));
    if (end == std::string_view::npos) break;
    begin = end + 1;
  }
  return fields;
}

std::string TsvUnescape(std::string_view field) {
  std::string out;
  for (std::size_t k = 0; k < field.size(); ++k) {
    if (field[k] != '\\' || k + 1 == field.size()) {
      out += field[k];
      continue;
    }
    switch (field[++k]) {
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      default:
        out += field[k];
        break;
    }
  }
  return out;
}

}  // namespace allinea::cli_test
