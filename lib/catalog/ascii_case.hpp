#pragma once
// ASCII case folding for IAM names (service prefixes, action names, condition
// key names), which AWS compares case-insensitively and which are ASCII.
#include <algorithm>
#include <cstddef>
#include <string_view>

namespace policylint::detail {

constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool equals_ignore_case(char a, char b) noexcept { return ascii_lower(a) == ascii_lower(b); }

/// Three-way comparison of the lower-cased strings (<0, 0, >0).
constexpr int compare_ignore_case(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const char x = ascii_lower(a[i]);
    const char y = ascii_lower(b[i]);
    if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
  }
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

constexpr bool starts_with_ignore_case(std::string_view text, std::string_view prefix) noexcept {
  return text.size() >= prefix.size() && compare_ignore_case(text.substr(0, prefix.size()), prefix) == 0;
}

}  // namespace policylint::detail
