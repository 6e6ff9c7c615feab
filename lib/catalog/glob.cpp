// IAM wildcard matching without regular expressions.
#include "policylint/glob.hpp"

#include <algorithm>
#include <cstddef>

#include "catalog/glob_scan.hpp"

namespace policylint {

bool glob_match(std::string_view pattern, std::string_view text,
                CaseSensitivity case_sensitivity) noexcept {
  return glob_scan(pattern, text, case_sensitivity == CaseSensitivity::insensitive,
                   [](std::size_t) { return false; });
}

bool has_wildcard(std::string_view pattern) noexcept {
  // Two vectorised memchr scans; find_first_of("*?") would call memchr once
  // per character, and this runs on every Action entry many times over.
  return pattern.find('*') != std::string_view::npos || pattern.find('?') != std::string_view::npos;
}

}  // namespace policylint
