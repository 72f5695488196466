// Shared by the fuzz targets: an invariant that must hold, or the target
// stops at once (libFuzzer keeps the input as a crash; the replay test
// fails with the message).
#ifndef ALLINEA_TESTS_FUZZ_FUZZ_CHECK_H_
#define ALLINEA_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                            \
  do {                                                                   \
    if (!(condition)) {                                                  \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__,    \
                   __LINE__, #condition);                                \
      std::abort();                                                      \
    }                                                                    \
  } while (0)

#endif  // ALLINEA_TESTS_FUZZ_FUZZ_CHECK_H_
