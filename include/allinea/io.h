// allinea/io.h: reading inputs and writing outputs whole or not at all.
//
// ReadInput() reads a named file, or standard input for "-". OutputFile
// writes:
//  - to standard output for "-", and to the process's own descriptor for
//    /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N;
//  - to an existing file that is not a regular file (a device such as
//    /dev/full, a FIFO) directly, without ever replacing it;
//  - to a regular file (new or existing; through a symbolic link, the file
//    it points to, keeping the link) through a temporary file in the same
//    folder that Commit() renames over it, so that a failed run never leaves
//    a half-written file. The temporary file is anonymous (O_TMPFILE) where
//    the file system allows, so that nothing is left behind even when the
//    process is killed; elsewhere it is named ".allinea-PID-N.tmp" and
//    removed on failure, and on SIGINT, SIGTERM and SIGHUP once
//    RemoveTemporariesOnSignals() is called (not on SIGKILL).
//
// Errors: both throw IoError naming the file and the system's reason.
// Thread safety: an OutputFile is used by one thread at a time.
//
// Example:
//   allinea::OutputFile out(path);
//   out.stream() << "text\n";
//   out.Commit();  // throws IoError if any write failed
#ifndef ALLINEA_IO_H_
#define ALLINEA_IO_H_

#include <memory>
#include <ostream>
#include <string>

namespace allinea {

// Returns the bytes of `path` ("-": standard input).
// Throws IoError if the file is missing, unreadable or a directory.
[[nodiscard]] std::string ReadInput(const std::string& path);

// Makes SIGINT, SIGTERM and SIGHUP first remove the named temporary files
// of the OutputFiles not yet committed, then end the process as the signal
// would have (its parent sees it killed by that signal). A signal the
// process ignores stays ignored. For programs, called once by main() before
// any OutputFile is opened; the library never installs handlers itself.
// The names live in a fixed process-wide table, the one shared state of
// the library, because a signal handler can reach nothing else.
void RemoveTemporariesOnSignals();

class OutputFile {
 public:
  // Opens `path` for writing ("-": standard output). With `hold`, output
  // bound for a stream (standard output, a device, a FIFO) is also held
  // back, in an unlinked temporary file in $TMPDIR (default /tmp), and
  // written only by Commit(), so that a run that fails writes nothing there
  // either (a regular file is always held back).
  // Throws IoError if the target or its temporary file cannot be created.
  explicit OutputFile(std::string path, bool hold = false);
  // Removes the temporary file unless Commit() succeeded.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  [[nodiscard]] std::ostream& stream();
  // Flushes, checks that every write succeeded and, for a regular file,
  // renames the temporary file over the target. Throws IoError otherwise,
  // except for standard output whose reader closed the pipe (EPIPE), which
  // ends quietly.
  void Commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace allinea

#endif  // ALLINEA_IO_H_
