#pragma once
// Running independent tasks on every core, with a progress line for long runs.
#include <cstddef>
#include <functional>

namespace policylint::cli {

/// Calls `task(i)` for every i in [0, count) on up to `threads` threads (0:
/// one per core). Tasks must be independent; each writes only its own slot.
/// When standard error is a terminal and the run takes more than a second, a
/// progress line is shown there and erased at the end.
void run_parallel(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task);

}  // namespace policylint::cli
