// Wildcard questions the evaluator asks beyond "does this text match": a
// match where some wildcard characters are literal (they came from a policy
// variable), and, for request resources that are themselves patterns,
// whether two patterns share a text and whether one covers the other.
#include <cstddef>
#include <vector>

#include "analysis/evaluator/evaluator_internal.hpp"
#include "core/text.hpp"

namespace policylint::evaluator {
namespace {

bool same_char(char a, char b, bool fold_case) noexcept {
  return a == b || (fold_case && ascii_lower(a) == ascii_lower(b));
}

}  // namespace

bool pattern_match(PatternView pattern, std::string_view text, bool fold_case) noexcept {
  const std::string_view p_text = pattern.text;
  const auto wildcard = [&](std::size_t i, char which) {
    return p_text[i] == which && (pattern.literal == nullptr || pattern.literal[i] == 0);
  };
  constexpr std::size_t none = std::string_view::npos;
  std::size_t p = 0;
  std::size_t t = 0;
  // As glob_match: only the latest `*` is ever retried, so the scan is linear
  // for the usual patterns and never exponential.
  std::size_t star = none;
  std::size_t star_text = 0;
  while (t < text.size()) {
    if (p < p_text.size() && wildcard(p, '*')) {
      star = p++;
      star_text = t;
    } else if (p < p_text.size() && (wildcard(p, '?') || same_char(p_text[p], text[t], fold_case))) {
      ++p;
      ++t;
    } else if (star != none) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < p_text.size() && wildcard(p, '*')) ++p;
  return p == p_text.size();
}

// Both questions walk the pairs (position in a, position in b) reachable from
// the start; each pair is visited once, so they cost O(|a| * |b|).
namespace {

class PairWalk {
 public:
  PairWalk(std::size_t a_size, std::size_t b_size) : width_(b_size + 1), seen_((a_size + 1) * (b_size + 1), false) {}
  void push(std::size_t i, std::size_t j) {
    const std::size_t slot = i * width_ + j;
    if (!seen_[slot]) {
      seen_[slot] = true;
      stack_.push_back(slot);
    }
  }
  bool pop(std::size_t& i, std::size_t& j) {
    if (stack_.empty()) return false;
    const std::size_t slot = stack_.back();
    stack_.pop_back();
    i = slot / width_;
    j = slot % width_;
    return true;
  }

 private:
  std::size_t width_;
  std::vector<bool> seen_;
  std::vector<std::size_t> stack_;
};

}  // namespace

bool globs_overlap(std::string_view a, std::string_view b) noexcept {
  PairWalk walk(a.size(), b.size());
  walk.push(0, 0);
  std::size_t i = 0;
  std::size_t j = 0;
  while (walk.pop(i, j)) {
    if (i == a.size() && j == b.size()) return true;
    const bool a_star = i < a.size() && a[i] == '*';
    const bool b_star = j < b.size() && b[j] == '*';
    if (a_star) walk.push(i + 1, j);  // the star takes nothing
    if (b_star) walk.push(i, j + 1);
    const bool a_char = i < a.size() && !a_star;
    const bool b_char = j < b.size() && !b_star;
    if (a_star && b_char) walk.push(i, j + 1);  // a's star takes b's next character
    if (b_star && a_char) walk.push(i + 1, j);
    if (a_char && b_char && (a[i] == '?' || b[j] == '?' || a[i] == b[j])) walk.push(i + 1, j + 1);
  }
  return false;
}

bool glob_covers(std::string_view outer, std::string_view inner) noexcept {
  // Inner's wildcards are symbols outer must absorb: outer's `*` takes any
  // run of them, its `?` one character or `?`, its literals only themselves.
  PairWalk walk(outer.size(), inner.size());
  walk.push(0, 0);
  std::size_t i = 0;
  std::size_t j = 0;
  while (walk.pop(i, j)) {
    if (i == outer.size() && j == inner.size()) return true;
    if (i == outer.size()) continue;
    if (outer[i] == '*') {
      walk.push(i + 1, j);
      if (j < inner.size()) walk.push(i, j + 1);
      continue;
    }
    if (j == inner.size()) continue;
    if (outer[i] == '?' ? inner[j] != '*' : inner[j] == outer[i] && inner[j] != '?' && inner[j] != '*') {
      walk.push(i + 1, j + 1);
    }
  }
  return false;
}

}  // namespace policylint::evaluator
