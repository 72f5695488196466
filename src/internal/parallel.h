// Private: two pieces of work at once.
//
// RunBoth(a, b) runs a() on a new thread and b() on the calling one, and
// returns when both are done. An exception from either reaches the caller
// (b's first, since a's thread is joined before it is rethrown); the other
// piece still runs to its end. The callables may share data only as
// thread-safe code may.
#ifndef ALLINEA_SRC_INTERNAL_PARALLEL_H_
#define ALLINEA_SRC_INTERNAL_PARALLEL_H_

#include <exception>
#include <thread>

namespace allinea::internal {

template <typename A, typename B>
void RunBoth(A&& a, B&& b) {
  std::exception_ptr error;
  std::thread thread([&] {
    try {
      a();
    } catch (...) {
      error = std::current_exception();
    }
  });
  try {
    b();
  } catch (...) {
    thread.join();
    throw;
  }
  thread.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace allinea::internal

#endif  // ALLINEA_SRC_INTERNAL_PARALLEL_H_
