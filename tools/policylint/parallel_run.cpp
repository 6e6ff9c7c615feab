#include "parallel_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace policylint::cli {
namespace {

constexpr auto kQuietPeriod = std::chrono::seconds(1);
constexpr auto kRefresh = std::chrono::milliseconds(100);

}  // namespace

void run_parallel(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task) {
  if (threads == 0) {
    threads = std::max(1U, std::thread::hardware_concurrency());
  }
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, count));
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) {  // no thread start-up cost for the common one-file run
      task(i);
    }
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::mutex mutex;
  std::condition_variable finished;
  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (std::size_t i = next++; i < count; i = next++) {
        task(i);
        if (++done == count) {
          const std::lock_guard lock(mutex);
          finished.notify_one();
        }
      }
    });
  }
  const bool show_progress = isatty(STDERR_FILENO) != 0;
  const auto start = std::chrono::steady_clock::now();
  bool progress_shown = false;
  {
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, kRefresh, [&] { return done.load() == count; })) {
      if (show_progress && std::chrono::steady_clock::now() - start > kQuietPeriod) {
        std::fprintf(stderr, "\rpolicylint: %zu/%zu files", done.load(), count);
        std::fflush(stderr);
        progress_shown = true;
      }
    }
  }
  for (std::thread& worker : workers) {
    worker.join();
  }
  if (progress_shown) {
    std::fputs("\r\x1b[K", stderr);  // erase the progress line
  }
}

}  // namespace policylint::cli
