#pragma once
// Running independent tasks on every core while their results are used in
// order, with a progress line for long runs.
#include <cstddef>
#include <functional>

namespace policylint::engine {

/// How many threads run_in_order uses for `count` tasks when asked for
/// `requested` (0: one per core): never more than there are tasks or slots.
unsigned threads_for(unsigned requested, std::size_t count, std::size_t window);

/// Calls `task(i, thread)` for every i in [0, count) on `threads` threads (see
/// threads_for), and `use(i)` on the calling thread in order of i, each as
/// soon as its task is done. `thread` numbers the thread that runs the task,
/// from 0 (the calling thread) to threads - 1. At most `window` tasks run or
/// wait ahead of the next `use`, so the caller can keep results in `window`
/// slots (slot i % window): a run holds that many results however many tasks
/// there are.
/// When standard error is a terminal and the run takes more than a second, a
/// progress line is shown there and erased at the end.
void run_in_order(std::size_t count, unsigned threads, std::size_t window,
                  const std::function<void(std::size_t index, unsigned thread)>& task,
                  const std::function<void(std::size_t index)>& use);

}  // namespace policylint::engine
