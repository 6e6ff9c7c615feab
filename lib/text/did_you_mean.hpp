#pragma once
// "Did you mean" suggestions for a misspelled name, for every message that
// refuses a name: configuration keys, option values, rule selectors.
#include <cstddef>
#include <string>
#include <string_view>

#include "text/text.hpp"

namespace policylint {

// The known name closest to a misspelled one, when it is a plausible typo.
template <typename Names, typename NameOf>
inline std::string did_you_mean(std::string_view wrong, const Names& names, NameOf name_of) {
  constexpr std::size_t limit = 3;
  std::string_view best;
  std::size_t best_distance = limit + 1;
  for (const auto& entry : names) {
    const std::string_view name = name_of(entry);
    const std::size_t distance = edit_distance(wrong, name, limit);
    if (distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  return best.empty() ? std::string() : "; did you mean '" + std::string(best) + "'?";
}

}  // namespace policylint
