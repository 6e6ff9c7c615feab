#include "text/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace policylint {

bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) {
    return false;
  }
  const auto same_letter = [](char x, char y) { return ascii_lower(x) == ascii_lower(y); };
  // Eight bytes at a time: names compared this way are mostly spelled alike,
  // and only a word that differs is compared character by character.
  std::size_t i = 0;
  for (; i + 8 <= a.size(); i += 8) {
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y && !std::equal(a.begin() + i, a.begin() + i + 8, b.begin() + i, same_letter)) {
      return false;
    }
  }
  return std::equal(a.begin() + i, a.end(), b.begin() + i, same_letter);
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) noexcept {
  return text.size() >= prefix.size() && equal_ignoring_case(text.substr(0, prefix.size()), prefix);
}

bool contains_ignoring_case(std::string_view text, std::string_view needle) noexcept {
  if (needle.empty()) {
    return true;
  }
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    if (ascii_lower(text[i]) == ascii_lower(needle[0]) && equal_ignoring_case(text.substr(i, needle.size()), needle)) {
      return true;
    }
  }
  return false;
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t longer = std::max(a.size(), b.size());
  const std::size_t shorter = std::min(a.size(), b.size());
  const std::size_t too_far = limit + 1;
  if (longer - shorter > limit) {
    return too_far;
  }
  // Only cells within `limit` of the diagonal can lie on a path of at most
  // `limit` edits, so each row computes that band and the cells beside it
  // read as too far. Rows are kept per thread: a suggestion compares one name
  // with hundreds.
  thread_local std::vector<std::size_t> previous;
  thread_local std::vector<std::size_t> current;
  previous.resize(b.size() + 2);
  current.resize(b.size() + 2);
  const std::size_t first_row_end = std::min(b.size(), limit);
  for (std::size_t j = 0; j <= first_row_end; ++j) {
    previous[j] = j;
  }
  previous[first_row_end + 1] = too_far;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t low = i > limit ? i - limit : 1;
    const std::size_t high = std::min(b.size(), i + std::min(limit, b.size()));
    current[low - 1] = low == 1 ? std::min(i, too_far) : too_far;
    std::size_t row_min = current[low - 1];
    for (std::size_t j = low; j <= high; ++j) {
      const std::size_t substitution = previous[j - 1] + (ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution, too_far});
      row_min = std::min(row_min, current[j]);
    }
    current[high + 1] = too_far;
    if (row_min > limit) {
      return too_far;
    }
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], too_far);
}

}  // namespace policylint
