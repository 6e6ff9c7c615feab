#pragma once
// Small ASCII text helpers shared by every layer. IAM names (actions, keys,
// element names) are ASCII, so ASCII case folding is the right tool.
#include <string>
#include <string_view>

namespace policylint {

constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept;
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) noexcept;
std::string to_lower(std::string_view text);

/// Levenshtein distance, compared case-insensitively; gives up and returns
/// `limit + 1` once the distance must exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace policylint
