#pragma once
// Answers of a pure function of a string (and of a number, such as the
// catalog row the question is about), remembered by the string's text.
// Policies repeat the same strings across files: the 1,594 AWS managed
// policies list 11,706 Resource strings, 2,523 of them distinct, and how an
// ARN fits the catalog does not depend on the file it is in.
//
// A memo belongs to one thread: nothing is locked. Its memory is bounded by
// a budget; when a new answer would exceed it, every answer is forgotten and
// the memo starts again. A hit must cost far less than the work it saves,
// so the table is flat: the texts in one pool, and open-addressing slots
// holding each key's hash, which settles most probes without reading a text.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace policylint {

template <class Answer>
class TextMemo {
  static_assert(std::is_trivially_copyable_v<Answer>, "answers are kept as plain values");

 public:
  /// `budget`: bytes of text and table kept before starting again.
  explicit TextMemo(std::size_t budget) : budget_(budget) {}

  /// The answer for (`text`, `number`): remembered, or `make()`.
  template <class Make>
  Answer get(std::string_view text, std::uint32_t number, Make make) {
    const std::size_t hash = std::hash<std::string_view>{}(text) ^ (number * kNumberMix);
    if (const Entry* entry = find(text, number, hash)) {
      return entry->answer;
    }
    const Answer answer = make();
    const std::size_t weight = sizeof(Entry) + 2 * sizeof(Slot) + text.size();
    if (used_ + weight > budget_) {
      forget();
    }
    used_ += weight;
    insert(text, number, hash, answer);
    return answer;
  }

 private:
  static constexpr std::size_t kNumberMix = 0x9E3779B97F4A7C15ULL;

  struct Entry {
    std::size_t offset;  ///< of the text in pool_
    std::size_t size;
    std::uint32_t number;
    Answer answer;
  };
  struct Slot {
    std::size_t hash = 0;
    std::size_t entry = 0;  ///< index in entries_ + 1; 0 for an empty slot
  };

  const Entry* find(std::string_view text, std::uint32_t number, std::size_t hash) const noexcept {
    if (slots_.empty()) {
      return nullptr;
    }
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask; slots_[at].entry != 0; at = (at + 1) & mask) {
      if (slots_[at].hash != hash) {
        continue;
      }
      const Entry& entry = entries_[slots_[at].entry - 1];
      if (entry.number == number && std::string_view(pool_).substr(entry.offset, entry.size) == text) {
        return &entry;
      }
    }
    return nullptr;
  }

  void insert(std::string_view text, std::uint32_t number, std::size_t hash, Answer answer) {
    if ((entries_.size() + 1) * 2 > slots_.size()) {
      grow();  // at most half full, so that a probe meets an empty slot soon
    }
    entries_.push_back(Entry{pool_.size(), text.size(), number, answer});
    pool_.append(text);
    place(Slot{hash, entries_.size()});
  }

  void place(Slot slot) noexcept {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = slot.hash & mask;
    while (slots_[at].entry != 0) {
      at = (at + 1) & mask;
    }
    slots_[at] = slot;
  }

  void grow() {
    constexpr std::size_t kFirstSlots = 256;
    std::vector<Slot> old(slots_.empty() ? kFirstSlots : slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.entry != 0) {
        place(slot);
      }
    }
  }

  void forget() {
    slots_.clear();
    entries_.clear();
    pool_.clear();
    used_ = 0;
  }

  std::size_t budget_;
  std::size_t used_ = 0;
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  std::string pool_;
};

}  // namespace policylint
