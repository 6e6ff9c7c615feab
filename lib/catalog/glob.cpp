// IAM wildcard matching without regular expressions.
#include "policylint/glob.hpp"

#include <algorithm>
#include <cstddef>

#include "text/text.hpp"

namespace policylint {

bool glob_match(std::string_view pattern, std::string_view text,
                CaseSensitivity case_sensitivity) noexcept {
  const bool fold = case_sensitivity == CaseSensitivity::insensitive;
  constexpr std::size_t none = std::string_view::npos;
  std::size_t p = 0;
  std::size_t t = 0;
  // Only the most recent `*` needs revisiting: whatever an earlier star could
  // have absorbed, the later one can absorb too, so retrying from the last
  // star is enough and the scan never goes exponential.
  std::size_t star = none;
  std::size_t star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (p < pattern.size() &&
               (pattern[p] == '?' || pattern[p] == text[t] ||
                (fold && ascii_lower(pattern[p]) == ascii_lower(text[t])))) {
      ++p;
      ++t;
    } else if (star != none) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool has_wildcard(std::string_view pattern) noexcept {
  // Two vectorised memchr scans; find_first_of("*?") would call memchr once
  // per character, and this runs on every Action entry many times over.
  return pattern.find('*') != std::string_view::npos || pattern.find('?') != std::string_view::npos;
}

}  // namespace policylint
