#pragma once
// A set of catalog actions as one bit per action index. A statement's grant is
// a few thousand bits, so union, difference and "does it hold all of these"
// are a few hundred word operations, and nothing is allocated per action.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "policylint/catalog.hpp"

namespace policylint::analysis {

class ActionSet {
 public:
  /// The empty set.
  ActionSet();
  /// Every action in the catalog.
  static ActionSet all();
  /// Every action one of the patterns matches (an Action list).
  static ActionSet matching(std::span<const std::string_view> patterns);

  void insert(catalog::ActionView action) noexcept;
  void insert(std::span<const catalog::ActionView> actions) noexcept;
  bool contains(catalog::ActionView action) const noexcept;

  bool empty() const noexcept;
  std::size_t size() const noexcept;
  /// True when every action of `other` is in this set.
  bool contains_all(const ActionSet& other) const noexcept;
  bool intersects(const ActionSet& other) const noexcept;
  /// The same, reading only the given words: those where `other` has
  /// actions (other.used_words()), so that a small set is tested against
  /// many at the cost of its own size.
  bool intersects(const ActionSet& other, std::span<const std::uint32_t> other_words) const noexcept;
  /// The indices of the words holding at least one action.
  std::vector<std::uint32_t> used_words() const;
  /// The bits of one word (its actions' indices are 64 * word + bit).
  std::uint64_t word(std::uint32_t index) const noexcept { return words_[index]; }

  ActionSet& operator|=(const ActionSet& other) noexcept;
  ActionSet& operator&=(const ActionSet& other) noexcept;
  /// Removes every action of `other`.
  ActionSet& operator-=(const ActionSet& other) noexcept;
  /// Turns the set into its complement over the catalog (what a NotAction leaves).
  void complement() noexcept;

  friend ActionSet operator&(ActionSet a, const ActionSet& b) noexcept { return a &= b; }
  friend ActionSet operator-(ActionSet a, const ActionSet& b) noexcept { return a -= b; }
  friend bool operator==(const ActionSet&, const ActionSet&) = default;

  /// Calls visit(ActionView) for each action, in the catalog's stable order.
  template <class Visit>
  void for_each(Visit visit) const {
    for (std::size_t word = 0; word < words_.size(); ++word) {
      for (std::uint64_t bits = words_[word]; bits != 0; bits &= bits - 1) {
        const auto bit = static_cast<std::size_t>(std::countr_zero(bits));
        visit(catalog::ActionView(static_cast<std::uint32_t>(word * 64 + bit)));
      }
    }
  }

  /// Every action, in the catalog's stable order: for walking a small set's
  /// actions against many sets without reading all their words each time.
  std::vector<catalog::ActionView> list() const;

 private:
  std::vector<std::uint64_t> words_;
};

}  // namespace policylint::analysis
