#pragma once
// Destroying values on the thread that made them.
//
// glibc's malloc gives each thread an arena of its own. Memory freed by
// another thread goes back to its owner's arena under that arena's lock, so
// when one thread frees most of what another allocates, as a workspace's output
// thread did with every file's result, the two contend for the lock on most
// frees. Handing a used value back to be destroyed by its maker keeps each
// arena's frees on its own thread.
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace policylint::engine {

template <typename T>
class ReturnToMaker {
 public:
  /// One bin for each of `threads` threads, numbered from 0.
  explicit ReturnToMaker(unsigned threads) : bins_(std::make_unique<Bin[]>(threads)) {}

  /// Hands `value` back to thread `maker`, to be destroyed at its next
  /// `collect`. May be called from any thread.
  void give_back(unsigned maker, T value) {
    Bin& bin = bins_[maker];
    const std::lock_guard lock(bin.mutex);
    bin.returned.push_back(std::move(value));
  }

  /// Destroys what was handed back to thread `self`. Only that thread calls it.
  void collect(unsigned self) {
    Bin& bin = bins_[self];
    {
      const std::lock_guard lock(bin.mutex);
      bin.returned.swap(bin.collected);
    }
    bin.collected.clear();  // outside the lock; the two lists keep their capacity
  }

 private:
  struct Bin {
    std::mutex mutex;
    std::vector<T> returned;   ///< guarded by `mutex`
    std::vector<T> collected;  ///< the maker's own, emptied by `collect`
  };
  std::unique_ptr<Bin[]> bins_;
};

}  // namespace policylint::engine
