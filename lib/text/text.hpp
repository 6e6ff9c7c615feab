#pragma once
// Small ASCII text helpers shared by every layer. IAM names (actions, keys,
// element names) are ASCII, so ASCII case folding is the right tool.
#include <cstddef>
#include <string>
#include <string_view>

namespace policylint {

constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept;
/// Three-way comparison of the lower-cased strings (<0, 0, >0): the order of
/// the catalog's sorted name tables. Inline: catalog searches call it often.
constexpr int compare_ignoring_case(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(ascii_lower(a[i]));
    const auto y = static_cast<unsigned char>(ascii_lower(b[i]));
    if (x != y) {
      return x < y ? -1 : 1;
    }
  }
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) noexcept;
/// True when `needle` occurs in `text`, ignoring case; an empty needle occurs everywhere.
bool contains_ignoring_case(std::string_view text, std::string_view needle) noexcept;
std::string to_lower(std::string_view text);

/// Levenshtein distance, compared case-insensitively; gives up and returns
/// `limit + 1` once the distance must exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace policylint
