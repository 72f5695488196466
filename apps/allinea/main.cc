// allinea: the command-line front end. Parses the command name, runs it, and
// turns every error into one line on stderr and exit status 2.
#include <csignal>
#include <exception>
#include <new>
#include <iostream>
#include <string>
#include <vector>

#include "allinea/error.h"
#include "allinea/io.h"
#include "allinea/version.h"
#include "cli_options.h"
#include "commands.h"

namespace {

constexpr const char* kHelp =
    "allinea: sentence alignment of a document and its translation\n"
    "\n"
    "Usage:\n"
    "  allinea align SRC TGT [--src-lang L] [--tgt-lang L] [-f tsv|tmx|jsonl|index] [-o OUT]\n"
    "  allinea align --pairs LIST [options]   many document pairs, one output\n"
    "  allinea segment FILE [--lang L] [-f lines|jsonl] [-o OUT]\n"
    "  allinea check SRC TGT [--report text|json|junit|github|sarif] [-o REPORT]\n"
    "  allinea dict build SOURCE...   compile a dictionary (FreeDict, CC-CEDICT, TSV)\n"
    "  allinea dict list              the installed dictionaries\n"
    "  allinea learn --pairs LIST [-o LEXICON.tsv]   word translations learnt from many pairs\n"
    "  allinea COMMAND --help      options of a command\n"
    "  allinea --version\n"
    "\n"
    "Exit status: 0 success, 2 usage or input error (one line on stderr),\n"
    "3 some pairs of a --pairs list failed (the others were written);\n"
    "check: 0 pass, 1 fail.\n";

// Help and version text: printed, then checked (`--help > /dev/full`).
int PrintToStdout(const std::string& text) {
  std::cout << text << std::flush;
  if (!std::cout) {
    std::cerr << "allinea: <stdout>: write error\n";
    return allinea::cli::kExitUsage;
  }
  return allinea::cli::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace allinea::cli;
  // A write beyond the file-size limit fails with EFBIG, reported like any
  // write error, instead of killing the process mid-file.
  std::signal(SIGXFSZ, SIG_IGN);
  // Ctrl-C or a CI job's timeout leaves no temporary file behind.
  allinea::RemoveTemporariesOnSignals();
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty()) {
      std::cerr << kHelp;
      return kExitUsage;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    if (command == "--help" || command == "-h" || command == "help") {
      return PrintToStdout(kHelp);
    }
    if (command == "--version") {
      return PrintToStdout(std::string("allinea ") + allinea::kVersion + "\n");
    }
    int status = kExitUsage;
    if (command == "align") {
      status = RunAlign(args);
    } else if (command == "segment") {
      status = RunSegment(args);
    } else if (command == "check") {
      status = RunCheck(args);
    } else if (command == "dict") {
      status = RunDict(args);
    } else if (command == "learn") {
      status = RunLearn(args);
    } else {
      throw allinea::UsageError("unknown command '" + command +
                                "' (expected align, segment, check or dict; see --help)");
    }
    // Commands write their results through OutputFile, which checks them;
    // this catches a failed --help.
    std::cout.flush();
    if (!std::cout) throw allinea::IoError("write error", "<stdout>");
    return status;
  } catch (const allinea::Error& e) {
    std::cout.flush();
    std::cerr << "allinea: " << allinea::Describe(e) << '\n';
    return kExitUsage;
  } catch (const std::bad_alloc&) {
    std::cerr << "allinea: out of memory\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "allinea: internal error: " << e.what() << '\n';
    return kExitUsage;
  }
}
