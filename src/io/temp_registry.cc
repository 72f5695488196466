// Temporary files removed on SIGINT, SIGTERM and SIGHUP (temp_registry.h,
// RemoveTemporariesOnSignals in io.h).
#include "io/temp_registry.h"

#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstring>

#include "allinea/io.h"

namespace allinea {
namespace internal {
namespace {

// More than any run opens at once: an output, a baseline, one per thread.
constexpr int kSlots = 64;

enum : int { kFree = 0, kBusy = 1, kReady = 2 };
static_assert(std::atomic<int>::is_always_lock_free,
              "the signal handler needs lock-free atomics");

struct Slot {
  std::atomic<int> state{kFree};
  char path[PATH_MAX];
};

// Process-wide by necessity: a signal handler can reach nothing else.
// Constant-initialised, so that it exists before any signal can arrive.
constinit std::array<Slot, kSlots> slots{};

}  // namespace

int RememberTemporary(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (slots[static_cast<std::size_t>(i)].state.compare_exchange_strong(expected, kBusy)) {
      std::memcpy(slots[static_cast<std::size_t>(i)].path, path.c_str(), path.size() + 1);
      slots[static_cast<std::size_t>(i)].state.store(kReady, std::memory_order_release);
      return i;
    }
  }
  return -1;
}

void ForgetTemporary(int slot) {
  if (slot < 0 || slot >= kSlots) return;
  // Unless the handler holds it (then the process is dying of a signal).
  int expected = kReady;
  slots[static_cast<std::size_t>(slot)].state.compare_exchange_strong(
      expected, kFree);
}

void RemoveRememberedTemporaries() {
  for (Slot& slot : slots) {
    // Held while unlinking, so that no thread reuses the slot for another
    // name meanwhile.
    int expected = kReady;
    if (slot.state.compare_exchange_strong(expected, kBusy)) {
      ::unlink(slot.path);
    }
  }
}

}  // namespace internal

namespace {

// Removes the temporary files, then lets the signal do what it would have
// done (SA_RESETHAND restored the default action; the raised signal is
// delivered when the handler returns): the process dies of it, and its
// parent sees that.
void OnSignal(int signal) {
  internal::RemoveRememberedTemporaries();
  ::raise(signal);
}

}  // namespace

void RemoveTemporariesOnSignals() {
  for (const int signal : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction current {};
    if (::sigaction(signal, nullptr, &current) != 0) continue;
    // A signal the parent ignores (nohup, a background job) stays ignored.
    if (current.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = OnSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    ::sigaction(signal, &action, nullptr);
  }
}

}  // namespace allinea
