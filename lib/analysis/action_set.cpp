#include "analysis/action_set.hpp"

#include <algorithm>

namespace policylint::analysis {
namespace {

std::size_t action_count() noexcept { return catalog::counts().actions; }

std::size_t word_count() noexcept { return (action_count() + 63) / 64; }

}  // namespace

ActionSet::ActionSet() : words_(word_count(), 0) {}

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

void ActionSet::insert(catalog::ActionView action) noexcept {
  words_[action.index() / 64] |= std::uint64_t{1} << (action.index() % 64);
}

void ActionSet::insert(std::span<const catalog::ActionView> actions) noexcept {
  for (const catalog::ActionView action : actions) {
    insert(action);
  }
}

bool ActionSet::contains(catalog::ActionView action) const noexcept {
  return (words_[action.index() / 64] >> (action.index() % 64) & 1U) != 0;
}

std::vector<catalog::ActionView> ActionSet::list() const {
  std::vector<catalog::ActionView> actions;
  for_each([&](catalog::ActionView action) { actions.push_back(action); });
  return actions;
}

bool ActionSet::empty() const noexcept {
  return std::all_of(words_.begin(), words_.end(), [](std::uint64_t word) { return word == 0; });
}

std::size_t ActionSet::size() const noexcept {
  std::size_t count = 0;
  for (const std::uint64_t word : words_) {
    if (word != 0) {  // most words of most sets are empty, and a portable popcount is a call
      count += static_cast<std::size_t>(std::popcount(word));
    }
  }
  return count;
}

bool ActionSet::contains_all(const ActionSet& other) const noexcept {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    if ((other.words_[i] & ~words_[i]) != 0) {
      return false;
    }
  }
  return true;
}

bool ActionSet::intersects(const ActionSet& other) const noexcept {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    if ((other.words_[i] & words_[i]) != 0) {
      return true;
    }
  }
  return false;
}

bool ActionSet::intersects(const ActionSet& other, std::span<const std::uint32_t> other_words) const noexcept {
  return std::any_of(other_words.begin(), other_words.end(),
                     [&](std::uint32_t word) { return (words_[word] & other.words_[word]) != 0; });
}

std::vector<std::uint32_t> ActionSet::used_words() const {
  std::vector<std::uint32_t> used;
  for (std::size_t i = 0; i < words_.size(); ++i) {
    if (words_[i] != 0) {
      used.push_back(static_cast<std::uint32_t>(i));
    }
  }
  return used;
}

ActionSet& ActionSet::operator|=(const ActionSet& other) noexcept {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    words_[i] |= other.words_[i];
  }
  return *this;
}

ActionSet& ActionSet::operator&=(const ActionSet& other) noexcept {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    words_[i] &= other.words_[i];
  }
  return *this;
}

ActionSet& ActionSet::operator-=(const ActionSet& other) noexcept {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    words_[i] &= ~other.words_[i];
  }
  return *this;
}

void ActionSet::complement() noexcept {
  for (std::uint64_t& word : words_) {
    word = ~word;
  }
  // Bits past the last action stay clear, so size() and == stay exact.
  const std::size_t used = action_count() % 64;
  if (used != 0 && !words_.empty()) {
    words_.back() &= (std::uint64_t{1} << used) - 1;
  }
}

}  // namespace policylint::analysis
