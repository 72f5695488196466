// allinea: the command-line front end. Parses the command name, runs it, and
// turns every error into one line on stderr and exit status 2.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "allinea/error.h"
#include "allinea/version.h"
#include "cli_options.h"
#include "commands.h"

namespace {

constexpr const char* kHelp =
    "allinea: sentence alignment of a document and its translation\n"
    "\n"
    "Usage:\n"
    "  allinea align SRC TGT [--src-lang L] [--tgt-lang L] [-f tsv|index] [-o OUT]\n"
    "  allinea segment FILE [--lang L] [-o OUT]\n"
    "  allinea COMMAND --help      options of a command\n"
    "  allinea --version\n"
    "\n"
    "Exit status: 0 success, 2 usage or input error (one line on stderr).\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace allinea::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty()) {
      std::cerr << kHelp;
      return kExitUsage;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kHelp;
      return kExitOk;
    }
    if (command == "--version") {
      std::cout << "allinea " << allinea::kVersion << '\n';
      return kExitOk;
    }
    if (command == "align") return RunAlign(args);
    if (command == "segment") return RunSegment(args);
    throw allinea::UsageError("unknown command '" + command +
                              "' (expected align or segment; see --help)");
  } catch (const allinea::Error& e) {
    std::cout.flush();
    std::cerr << "allinea: " << allinea::Describe(e) << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "allinea: internal error: " << e.what() << '\n';
    return kExitUsage;
  }
}
