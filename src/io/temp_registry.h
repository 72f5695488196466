// Private: the names of the temporary files that a signal must remove.
//
// The process's one piece of shared mutable state, and the reason it is
// shared: a signal handler can reach nothing else. It holds only names, in
// fixed slots, so that the handler needs no allocation and no lock
// (async-signal-safe), as LLVM's RemoveFileOnSignal does.
#ifndef ALLINEA_SRC_IO_TEMP_REGISTRY_H_
#define ALLINEA_SRC_IO_TEMP_REGISTRY_H_

#include <string>

namespace allinea::internal {

// Remembers `path` until ForgetTemporary(); returns its slot, or -1 when
// every slot is taken (the file is then left to the destructor alone).
// Thread-safe.
[[nodiscard]] int RememberTemporary(const std::string& path);
// Forgets the slot RememberTemporary() gave (-1: nothing). Thread-safe.
void ForgetTemporary(int slot);
// Unlinks every remembered file. Async-signal-safe.
void RemoveRememberedTemporaries();

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_IO_TEMP_REGISTRY_H_
