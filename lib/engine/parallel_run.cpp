#include "engine/parallel_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace policylint::engine {
namespace {

constexpr auto kQuietPeriod = std::chrono::seconds(1);
constexpr auto kRefresh = std::chrono::milliseconds(100);

// Writes the progress line's control sequences to the descriptor itself: a
// program may filter the stderr stream (the CLI shows control characters in
// its messages as escapes), and this text holds no input, only counts.
void write_progress(const char* text, int length) {
  if (length > 0) {
    [[maybe_unused]] const ::ssize_t written = ::write(STDERR_FILENO, text, static_cast<std::size_t>(length));
  }
}

// The progress line: silent for the first second and when stderr is not a
// terminal, erased when the run ends.
class Progress {
 public:
  explicit Progress(std::size_t count)
      : count_(count), enabled_(isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()) {}
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress() {
    if (shown_) {
      write_progress("\r\x1b[K", 4);
    }
  }

  void show(std::size_t done) {
    if (!enabled_) {
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ > kQuietPeriod && now - last_ >= kRefresh) {
      char line[80];
      write_progress(line, std::snprintf(line, sizeof line, "\rpolicylint: %zu/%zu files", done, count_));
      shown_ = true;
      last_ = now;
    }
  }

 private:
  std::size_t count_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

unsigned threads_for(unsigned requested, std::size_t count, std::size_t window) {
  if (requested == 0) {
    requested = std::max(1U, std::thread::hardware_concurrency());
  }
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>({requested, count, window})));
}

void run_in_order(std::size_t count, unsigned threads, std::size_t window,
                  const std::function<void(std::size_t index, unsigned thread)>& task,
                  const std::function<void(std::size_t index)>& use) {
  Progress progress(count);
  if (threads <= 1) {  // no thread start-up cost for the common one-file run
    for (std::size_t i = 0; i < count; ++i) {
      task(i, 0);
      use(i);
      progress.show(i + 1);
    }
    return;
  }
  // The calling thread is one of the `threads`: it uses the next result when
  // it is done and otherwise runs a task itself, so the cores are never
  // shared with a thread that only waits. A worker wakes the caller only when
  // it finishes the result the caller needs next, and the caller wakes the
  // workers only when it frees a slot they wait for.
  std::mutex mutex;
  std::condition_variable head_done;  // done[used % window] became true
  std::condition_variable slot_free;  // next < used + window became true
  std::size_t next = 0;  // the next task to start
  std::size_t used = 0;  // tasks [0, used) have been used; their slots are free
  std::vector<bool> done(window, false);
  const auto may_start = [&] { return next < count && next < used + window; };
  // Runs task `i` on `thread` without the lock and marks it done; called with
  // the lock held.
  const auto run = [&](std::unique_lock<std::mutex>& lock, std::size_t i, unsigned thread) {
    lock.unlock();
    task(i, thread);
    lock.lock();
    done[i % window] = true;
    if (i == used) {
      head_done.notify_one();
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) {
    workers.emplace_back([&, t] {
      std::unique_lock lock(mutex);
      while (true) {
        slot_free.wait(lock, [&] { return next == count || may_start(); });
        if (next == count) {
          return;
        }
        run(lock, next++, t);
      }
    });
  }
  for (std::unique_lock lock(mutex); used < count;) {
    if (done[used % window]) {
      done[used % window] = false;
      lock.unlock();
      use(used);
      progress.show(used + 1);
      lock.lock();
      const bool window_was_full = next == used + window;
      ++used;
      if (window_was_full) {
        slot_free.notify_all();
      }
    } else if (may_start()) {
      run(lock, next++, 0);
    } else if (!head_done.wait_for(lock, kRefresh, [&] { return done[used % window]; })) {
      progress.show(used);
    }
  }
  for (std::thread& worker : workers) {
    worker.join();
  }
}

}  // namespace policylint::engine
