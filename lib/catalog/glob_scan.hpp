#pragma once
// The one wildcard scan behind glob_match() and the evaluator's match of
// patterns whose substituted characters are literal: `literal(i)` says
// whether the pattern's character i matches only itself even when it is `*`
// or `?`. Inline so that glob_match, whose `literal` is always false, pays
// nothing for it.
#include <cstddef>
#include <string_view>

#include "text/text.hpp"

namespace policylint {

template <class Literal>
inline bool glob_scan(std::string_view pattern, std::string_view text, bool fold, Literal literal) noexcept {
  const auto wildcard = [&](std::size_t i, char which) { return pattern[i] == which && !literal(i); };
  constexpr std::size_t none = std::string_view::npos;
  std::size_t p = 0;
  std::size_t t = 0;
  // Only the most recent `*` needs revisiting: whatever an earlier star could
  // have absorbed, the later one can absorb too, so retrying from the last
  // star is enough and the scan never goes exponential.
  std::size_t star = none;
  std::size_t star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && wildcard(p, '*')) {
      star = p++;
      star_text = t;
    } else if (p < pattern.size() &&
               (wildcard(p, '?') || pattern[p] == text[t] || (fold && ascii_lower(pattern[p]) == ascii_lower(text[t])))) {
      ++p;
      ++t;
    } else if (star != none) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && wildcard(p, '*')) ++p;
  return p == pattern.size();
}

}  // namespace policylint
