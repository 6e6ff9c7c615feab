// Wildcard matching where some wildcard characters are literal: they came
// from a policy variable or an escape.
#include <cstddef>

#include "analysis/evaluator/evaluator_internal.hpp"
#include "catalog/glob_scan.hpp"

namespace policylint::evaluator {

bool pattern_match(PatternView pattern, std::string_view text, bool fold_case) noexcept {
  if (pattern.literal == nullptr) return glob_scan(pattern.text, text, fold_case, [](std::size_t) { return false; });
  return glob_scan(pattern.text, text, fold_case, [&](std::size_t i) { return pattern.literal[i] != 0; });
}

}  // namespace policylint::evaluator
