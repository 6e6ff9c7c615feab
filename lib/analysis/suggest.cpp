#include "analysis/suggest.hpp"

#include "text/text.hpp"

namespace policylint::analysis {
namespace {

std::size_t typo_limit(std::size_t length) noexcept { return length <= 4 ? 1 : length <= 10 ? 2 : 3; }

}  // namespace

ClosestName::ClosestName(std::string_view text) noexcept : text_(text), best_distance_(typo_limit(text.size()) + 1) {}

void ClosestName::consider(std::string_view candidate) {
  if (best_distance_ == 0) {
    return;
  }
  // Only a strictly closer candidate can win, so search within one less.
  const std::size_t distance = edit_distance(text_, candidate, best_distance_ - 1);
  if (distance < best_distance_) {
    best_ = candidate;
    best_distance_ = distance;
  }
}

}  // namespace policylint::analysis
