#pragma once
// Facts worked out about model nodes, found by the node's address. Rules ask
// PolicyFacts for the same facts again and again (a dozen look-ups per Action
// entry), so a look-up is a multiplication and a probe or two in an
// open-addressing table, not a division and a walk along a bucket's list of
// nodes. The facts stay where they were made, in the caller's arena, for
// callers that keep references to them while asking for more.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory_resource>
#include <utility>
#include <vector>

namespace policylint::analysis {

template <class Key, class Facts>
class FactTable {
 public:
  explicit FactTable(std::pmr::memory_resource* memory) : memory_(memory) {}
  FactTable(const FactTable&) = delete;
  FactTable& operator=(const FactTable&) = delete;
  ~FactTable() {
    for (const Slot& slot : slots_) {
      if (slot.key != nullptr) {
        memory_.delete_object(slot.facts);
      }
    }
  }

  struct Found {
    Facts& facts;
    bool inserted;  ///< made by this call, from `args`
  };

  /// The facts of `key`, made from `args` when it has none yet.
  template <class... Args>
  Found try_emplace(const Key* key, Args&&... args) {
    if ((count_ + 1) * 2 > slots_.size()) {
      grow();  // at most half full, so that a probe meets an empty slot soon
    }
    Slot& slot = find_slot(key);
    if (slot.key == key) {
      return {*slot.facts, false};
    }
    // Each made in the arena, where it stays: an empty table allocates
    // nothing, and a small policy's tables stay small.
    Facts* const made = memory_.new_object<Facts>(std::forward<Args>(args)...);
    slot = Slot{key, made};
    ++count_;
    return {*made, true};
  }

 private:
  struct Slot {
    const Key* key = nullptr;
    Facts* facts = nullptr;
  };

  /// The slot holding `key`, or the empty slot where it belongs.
  Slot& find_slot(const Key* key) noexcept {
    // Fibonacci hashing: the product's top bits depend on all of the address's.
    constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
    const std::size_t mask = slots_.size() - 1;
    auto at = static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(key) * kMultiplier) >> shift_);
    while (slots_[at].key != nullptr && slots_[at].key != key) {
      at = (at + 1) & mask;
    }
    return slots_[at];
  }

  void grow() {
    constexpr std::size_t kFirstSize = 16;
    std::vector<Slot> old(slots_.empty() ? kFirstSize : slots_.size() * 2);
    old.swap(slots_);
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots_.size()));
    for (const Slot& slot : old) {
      if (slot.key != nullptr) {
        find_slot(slot.key) = slot;
      }
    }
  }

  // Not from the facts' arena, which frees nothing before the end: a table
  // outgrown in a large document would stay there.
  std::vector<Slot> slots_;
  std::size_t count_ = 0;  ///< keys held
  unsigned shift_ = 64;    ///< 64 - log2(slots_.size())
  std::pmr::polymorphic_allocator<> memory_;
};

}  // namespace policylint::analysis
