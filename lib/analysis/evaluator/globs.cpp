// Wildcard matching where some wildcard characters are literal: they came
// from a policy variable or an escape.
#include <cstddef>

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

}  // namespace policylint::evaluator
