#include "analysis/action_set.hpp"

#include <algorithm>

namespace policylint::analysis {
namespace {

std::size_t action_count() noexcept { return catalog::counts().actions; }

std::uint32_t word_count() noexcept { return static_cast<std::uint32_t>((action_count() + 63) / 64); }

std::uint64_t bit_of(catalog::ActionView action) noexcept { return std::uint64_t{1} << (action.index() % 64); }

}  // namespace

ActionSet ActionSet::all() {
  ActionSet set;
  set.complement();
  return set;
}

ActionSet ActionSet::matching(std::span<const std::string_view> patterns) {
  ActionSet set;
  for (const std::string_view pattern : patterns) {
    set.insert(catalog::expand(pattern));
  }
  return set;
}

std::size_t ActionSet::position_of(std::uint32_t index) const noexcept {
  return static_cast<std::size_t>(std::lower_bound(indices_.begin(), indices_.end(), index) - indices_.begin());
}

void ActionSet::insert(catalog::ActionView action) {
  const std::uint32_t index = action.index() / 64;
  // Expansions come in catalog order: most inserts land in the last word or after it.
  if (indices_.empty() || indices_.back() < index) {
    indices_.push_back(index);
    words_.push_back(bit_of(action));
    return;
  }
  const std::size_t at = position_of(index);
  if (indices_[at] != index) {
    indices_.insert(indices_.begin() + static_cast<std::ptrdiff_t>(at), index);
    words_.insert(words_.begin() + static_cast<std::ptrdiff_t>(at), 0);
  }
  words_[at] |= bit_of(action);
}

void ActionSet::insert(std::span<const catalog::ActionView> actions) {
  for (const catalog::ActionView action : actions) {
    insert(action);
  }
}

std::uint64_t ActionSet::word(std::uint32_t index) const noexcept {
  const std::size_t at = position_of(index);
  return at < indices_.size() && indices_[at] == index ? words_[at] : 0;
}

bool ActionSet::contains(catalog::ActionView action) const noexcept {
  return (word(action.index() / 64) & bit_of(action)) != 0;
}

std::vector<catalog::ActionView> ActionSet::list() const {
  std::vector<catalog::ActionView> actions;
  for_each([&](catalog::ActionView action) { actions.push_back(action); });
  return actions;
}

bool ActionSet::empty() const noexcept { return words_.empty(); }

std::size_t ActionSet::size() const noexcept {
  std::size_t count = 0;
  for (const std::uint64_t word : words_) {
    count += static_cast<std::size_t>(std::popcount(word));
  }
  return count;
}

bool ActionSet::contains_all(const ActionSet& other) const noexcept {
  std::size_t at = 0;
  for (std::size_t j = 0; j < other.indices_.size(); ++j) {
    while (at < indices_.size() && indices_[at] < other.indices_[j]) {
      ++at;
    }
    if (at == indices_.size() || indices_[at] != other.indices_[j] || (other.words_[j] & ~words_[at]) != 0) {
      return false;  // other's words are never zero
    }
  }
  return true;
}

bool ActionSet::intersects(const ActionSet& other) const noexcept {
  const ActionSet& small = indices_.size() <= other.indices_.size() ? *this : other;
  const ActionSet& large = &small == this ? other : *this;
  auto from = large.indices_.begin();
  for (std::size_t i = 0; i < small.indices_.size() && from != large.indices_.end(); ++i) {
    from = std::lower_bound(from, large.indices_.end(), small.indices_[i]);
    if (from != large.indices_.end() && *from == small.indices_[i] &&
        (large.words_[static_cast<std::size_t>(from - large.indices_.begin())] & small.words_[i]) != 0) {
      return true;
    }
  }
  return false;
}

ActionSet& ActionSet::operator|=(const ActionSet& other) {
  if (other.empty()) {
    return *this;
  }
  ActionSet merged;
  merged.indices_.reserve(indices_.size() + other.indices_.size());
  merged.words_.reserve(indices_.size() + other.indices_.size());
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < indices_.size() || j < other.indices_.size()) {
    if (j == other.indices_.size() || (i < indices_.size() && indices_[i] < other.indices_[j])) {
      merged.indices_.push_back(indices_[i]);
      merged.words_.push_back(words_[i++]);
    } else if (i == indices_.size() || other.indices_[j] < indices_[i]) {
      merged.indices_.push_back(other.indices_[j]);
      merged.words_.push_back(other.words_[j++]);
    } else {
      merged.indices_.push_back(indices_[i]);
      merged.words_.push_back(words_[i++] | other.words_[j++]);
    }
  }
  *this = std::move(merged);
  return *this;
}

ActionSet& ActionSet::operator&=(const ActionSet& other) noexcept {
  std::size_t j = 0;
  for (std::size_t i = 0; i < indices_.size(); ++i) {
    while (j < other.indices_.size() && other.indices_[j] < indices_[i]) {
      ++j;
    }
    words_[i] &= j < other.indices_.size() && other.indices_[j] == indices_[i] ? other.words_[j] : 0;
  }
  drop_empty_words();
  return *this;
}

ActionSet& ActionSet::operator-=(const ActionSet& other) noexcept {
  std::size_t j = 0;
  for (std::size_t i = 0; i < indices_.size(); ++i) {
    while (j < other.indices_.size() && other.indices_[j] < indices_[i]) {
      ++j;
    }
    if (j < other.indices_.size() && other.indices_[j] == indices_[i]) {
      words_[i] &= ~other.words_[j];
    }
  }
  drop_empty_words();
  return *this;
}

void ActionSet::complement() {
  const std::uint32_t words = word_count();
  // Bits past the last action stay clear, so size() and == stay exact.
  const std::size_t used = action_count() % 64;
  const std::uint64_t last_mask = used == 0 ? ~std::uint64_t{0} : (std::uint64_t{1} << used) - 1;
  ActionSet flipped;
  flipped.indices_.reserve(words);
  flipped.words_.reserve(words);
  std::size_t at = 0;
  for (std::uint32_t index = 0; index < words; ++index) {
    std::uint64_t bits = ~std::uint64_t{0};
    if (at < indices_.size() && indices_[at] == index) {
      bits = ~words_[at++];
    }
    if (index + 1 == words) {
      bits &= last_mask;
    }
    if (bits != 0) {
      flipped.indices_.push_back(index);
      flipped.words_.push_back(bits);
    }
  }
  *this = std::move(flipped);
}

void ActionSet::drop_empty_words() noexcept {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < words_.size(); ++i) {
    if (words_[i] != 0) {
      indices_[kept] = indices_[i];
      words_[kept++] = words_[i];
    }
  }
  indices_.resize(kept);
  words_.resize(kept);
}

}  // namespace policylint::analysis
