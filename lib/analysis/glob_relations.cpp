// Relations between two wildcard patterns (glob_relations.hpp).
#include "analysis/glob_relations.hpp"

#include <cstddef>
#include <vector>

#include "policylint/glob.hpp"

namespace policylint::analysis {

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
  // Matching inner's text against outer is necessary, and enough unless a
  // `?` of outer meets a wildcard of inner (a glob match would let it stand
  // for a `*`).
  if (!glob_match(outer, inner, CaseSensitivity::sensitive)) return false;
  if (outer.find('?') == std::string_view::npos || !has_wildcard(inner)) return true;
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

}  // namespace policylint::analysis
