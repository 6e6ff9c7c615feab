#pragma once
// A set of catalog actions as one bit per action index, keeping only the
// 64-bit words that hold an action. A statement names a few actions of the
// catalog's thousands, and a policy of 100,000 statements keeps a set per
// Allow: dense sets cost 2 KiB each there, sparse ones a few bytes. Union,
// difference and "does it hold all of these" walk the words both sets hold,
// and nothing is allocated per action.
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
  ActionSet() = default;
  /// Every action in the catalog.
  static ActionSet all();
  /// Every action one of the patterns matches (an Action list).
  static ActionSet matching(std::span<const std::string_view> patterns);

  void insert(catalog::ActionView action);
  void insert(std::span<const catalog::ActionView> actions);
  bool contains(catalog::ActionView action) const noexcept;

  bool empty() const noexcept;
  std::size_t size() const noexcept;
  /// True when every action of `other` is in this set.
  bool contains_all(const ActionSet& other) const noexcept;
  /// Costs the smaller set's size times the log of the larger's, so a small
  /// set is tested against many large ones at the cost of its own size.
  bool intersects(const ActionSet& other) const noexcept;
  /// The indices of the words holding at least one action, ascending.
  std::span<const std::uint32_t> used_words() const noexcept { return indices_; }
  /// The bits of one word (its actions' indices are 64 * word + bit).
  std::uint64_t word(std::uint32_t index) const noexcept;

  ActionSet& operator|=(const ActionSet& other);
  ActionSet& operator&=(const ActionSet& other) noexcept;
  /// Removes every action of `other`.
  ActionSet& operator-=(const ActionSet& other) noexcept;
  /// Turns the set into its complement over the catalog (what a NotAction leaves).
  void complement();

  friend ActionSet operator&(ActionSet a, const ActionSet& b) noexcept { return a &= b; }
  friend ActionSet operator-(ActionSet a, const ActionSet& b) noexcept { return a -= b; }
  friend bool operator==(const ActionSet&, const ActionSet&) = default;

  /// Calls visit(ActionView) for each action, in the catalog's stable order.
  template <class Visit>
  void for_each(Visit visit) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      for (std::uint64_t bits = words_[i]; bits != 0; bits &= bits - 1) {
        const auto bit = static_cast<std::uint32_t>(std::countr_zero(bits));
        visit(catalog::ActionView(indices_[i] * 64 + bit));
      }
    }
  }

  /// Every action, in the catalog's stable order: for walking a small set's
  /// actions against many sets without reading all their words each time.
  std::vector<catalog::ActionView> list() const;

 private:
  /// Where word `index` is kept, or where it would go.
  std::size_t position_of(std::uint32_t index) const noexcept;
  /// Drops the words that hold no action, so that equal sets compare equal.
  void drop_empty_words() noexcept;

  // Parallel: indices_[i] is the index of words_[i]; indices ascend and no
  // word kept is zero.
  std::vector<std::uint32_t> indices_;
  std::vector<std::uint64_t> words_;
};

}  // namespace policylint::analysis
