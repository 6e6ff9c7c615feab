// The CLI's operator new and delete (thread_cache_allocator.cpp), which this
// test binary is linked with: blocks must keep their contents while in use,
// whichever thread frees them and however they are freed, and a block a
// thread frees is what it gets back for its next request of that size.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <new>
#include <random>
#include <thread>
#include <vector>

#include "thread_cache_allocator.hpp"

namespace {

/// A block filled with a pattern of its own, checked before it is freed.
struct Block {
  unsigned char* bytes = nullptr;
  std::size_t size = 0;
  unsigned char seed = 0;
};

Block make_block(std::size_t size, unsigned char seed) {
  Block block{static_cast<unsigned char*>(::operator new(size)), size, seed};
  for (std::size_t i = 0; i < size; ++i) {
    block.bytes[i] = static_cast<unsigned char>(seed + i);
  }
  return block;
}

bool intact(const Block& block) {
  for (std::size_t i = 0; i < block.size; ++i) {
    if (block.bytes[i] != static_cast<unsigned char>(block.seed + i)) {
      return false;
    }
  }
  return true;
}

/// Frees a block with its size, as compiled code does where the compiler
/// has sized deallocation (g++ has, clang only when asked).
void free_sized(void* block, [[maybe_unused]] std::size_t size) {
#ifdef __cpp_sized_deallocation
  ::operator delete(block, size);
#else
  ::operator delete(block);
#endif
}

/// Frees half the blocks with their size and half without.
void free_block(const Block& block) {
  if (block.seed % 2 == 0) {
    free_sized(block.bytes, block.size);
  } else {
    ::operator delete(block.bytes);
  }
}

}  // namespace

TEST_CASE("blocks keep their contents through bursts of allocation and freeing", "[cli][allocator]") {
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> size(0, 6000);  // past the largest kept size too
  std::vector<Block> live;
  std::size_t broken = 0;
  for (int round = 0; round < 40; ++round) {
    for (int i = 0; i < 500; ++i) {
      live.push_back(make_block(size(random), static_cast<unsigned char>(random())));
    }
    // Free a random half, as a file's report is freed while others live on.
    std::shuffle(live.begin(), live.end(), random);
    for (std::size_t i = live.size() / 2; i < live.size(); ++i) {
      broken += intact(live[i]) ? 0 : 1;
      free_block(live[i]);
    }
    live.resize(live.size() / 2);
  }
  for (const Block& block : live) {
    broken += intact(block) ? 0 : 1;
    free_block(block);
  }
  CHECK(broken == 0);
}

TEST_CASE("blocks made on one thread may be freed on another", "[cli][allocator]") {
  constexpr int kThreads = 4;
  constexpr int kBlocks = 3000;
  std::vector<std::vector<Block>> made(kThreads);
  std::vector<std::thread> makers;
  makers.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    makers.emplace_back([&made, t] {
      for (int i = 0; i < kBlocks; ++i) {
        made[t].push_back(make_block(static_cast<std::size_t>(i % 700), static_cast<unsigned char>(t * 31 + i)));
      }
    });
  }
  for (std::thread& maker : makers) {
    maker.join();
  }
  // Each thread frees another's blocks, then allocates again from what it freed.
  std::vector<std::size_t> broken(kThreads, 0);
  std::vector<std::thread> freers;
  freers.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    freers.emplace_back([&made, &broken, t] {
      for (const Block& block : made[(t + 1) % kThreads]) {
        broken[t] += intact(block) ? 0 : 1;
        free_block(block);
      }
      std::vector<Block> again;
      again.reserve(kBlocks);
      for (int i = 0; i < kBlocks; ++i) {
        again.push_back(make_block(static_cast<std::size_t>(i % 700), static_cast<unsigned char>(i)));
      }
      for (const Block& block : again) {
        broken[t] += intact(block) ? 0 : 1;
        free_block(block);
      }
    });
  }
  for (std::thread& freer : freers) {
    freer.join();
  }
  for (const std::size_t count : broken) {
    CHECK(count == 0);
  }
}

TEST_CASE("a freed small block is reused for the next request of its size", "[cli][allocator]") {
  if (!POLICYLINT_THREAD_CACHE_ALLOCATOR) {
    SUCCEED("sanitizer build: the system allocator is in use");
    return;
  }
  void* const first = ::operator new(100);
  free_sized(first, 100);
  void* const second = ::operator new(97);  // the same 16-byte class
  CHECK(second == first);
  ::operator delete(second);  // without its size
  void* const third = ::operator new(112);
  CHECK(third == first);
  free_sized(third, 112);
  // Larger blocks go straight back to malloc.
  void* const large = ::operator new(10000);
  CHECK(large != nullptr);
  free_sized(large, 10000);
}
