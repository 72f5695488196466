// allinea/batch.h: many document pairs in one run.
//
// ParsePairList() reads a list of document pairs, one "SRC TAB TGT" a line.
// RunInOrder() runs a job per item on several threads and hands the
// results back in item order, so that a batch's output does not depend on
// which thread finished first.
//
// List format (docs/usage.md): UTF-8 text, one pair a line, the two paths
// separated by one tab; blank lines and lines whose first character is '#'
// are skipped; a CR before the LF and a UTF-8 byte-order mark at the start
// are ignored. A relative path is taken from
// `base_dir` (the list file's folder; "" = the current folder, for a list
// on standard input, so that shards of a list still work).
//
// Errors: ParsePairList throws InputError naming the list and the line for
// a line without exactly one tab, an empty path, or "-" as a path.
// Thread safety: ParsePairList is a pure function; RunInOrder calls
// `deliver` on the calling thread only.
//
// Example:
//   const auto pairs = allinea::ParsePairList(text, "list.tsv", "corpus");
//   allinea::RunInOrder<Result>(pairs.size(), 2, 4,
//       [&](std::size_t i) { return Align(pairs[i]); },
//       [&](std::size_t i, Result&& r) { Write(r); return true; });
#ifndef ALLINEA_BATCH_H_
#define ALLINEA_BATCH_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace allinea {

struct PairEntry {
  std::string src;       // the path to open (base_dir applied)
  std::string tgt;
  std::string name;      // SRC as written in the list: the document's name
  std::size_t line = 0;  // 1-based line in the list
};

[[nodiscard]] std::vector<PairEntry> ParsePairList(std::string_view text,
                                                   std::string_view list_name,
                                                   const std::string& base_dir);

// Runs work(i) for every i in [0, count) on `threads` threads (at least 1,
// at most `count`) and calls deliver(i, result) on the calling thread for
// i = 0, 1, 2, ... in that order. At most `window` results (at least
// `threads`) wait for delivery, which bounds memory. When deliver returns
// false no new work starts, work already running finishes, and RunInOrder
// returns. If deliver throws, or a thread cannot be started, the threads
// already running finish their item and the exception reaches the caller.
// REQUIRES: `work` does not throw (catch inside and put the error in the
// result); Result is movable.
template <class Result>
void RunInOrder(std::size_t count, unsigned threads, std::size_t window,
                const std::function<Result(std::size_t)>& work,
                const std::function<bool(std::size_t, Result&&)>& deliver) {
  threads = std::max(1u, threads);
  window = std::max<std::size_t>(window, threads);
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, Result> done;
  std::size_t next_job = 0;        // the next item to start
  std::size_t next_delivery = 0;   // the next item to deliver
  bool stop = false;
  auto worker = [&] {
    std::unique_lock lock(mutex);
    for (;;) {
      changed.wait(lock, [&] {
        return stop || next_job >= count || next_job < next_delivery + window;
      });
      if (stop || next_job >= count) return;
      const std::size_t i = next_job++;
      lock.unlock();
      Result result = work(i);
      lock.lock();
      done.emplace(i, std::move(result));
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  const auto finish = [&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    for (std::thread& t : pool) t.join();
  };
  try {
    const std::size_t n = std::min<std::size_t>(threads, count);
    pool.reserve(n);
    for (std::size_t t = 0; t < n; ++t) pool.emplace_back(worker);
    std::unique_lock lock(mutex);
    while (next_delivery < count && !stop) {
      changed.wait(lock, [&] { return done.count(next_delivery) > 0; });
      auto node = done.extract(next_delivery);
      lock.unlock();
      const bool go_on = deliver(next_delivery, std::move(node.mapped()));
      lock.lock();
      ++next_delivery;
      if (!go_on) stop = true;
      changed.notify_all();
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
}

}  // namespace allinea

#endif  // ALLINEA_BATCH_H_
