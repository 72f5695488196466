// The allinea commands; each returns the process's exit status.
#ifndef ALLINEA_APPS_COMMANDS_H_
#define ALLINEA_APPS_COMMANDS_H_

#include <string>
#include <vector>

namespace allinea::cli {

int RunAlign(const std::vector<std::string>& args);
int RunSegment(const std::vector<std::string>& args);
int RunCheck(const std::vector<std::string>& args);
int RunDict(const std::vector<std::string>& args);
int RunLearn(const std::vector<std::string>& args);

}  // namespace allinea::cli

#endif  // ALLINEA_APPS_COMMANDS_H_
