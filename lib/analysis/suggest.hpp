#pragma once
// "Did you mean": the known name closest to an unknown one, offered only when
// it is close enough to be a plausible typo.
#include <cstddef>
#include <string_view>

namespace policylint::analysis {

/// Feed it candidates; it keeps the closest (edit distance, ignoring case).
class ClosestName {
 public:
  /// Up to 1 edit for names of 4 characters or fewer, 2 up to 10, 3 beyond:
  /// more would suggest unrelated names.
  explicit ClosestName(std::string_view text) noexcept;

  void consider(std::string_view candidate);

  /// The closest candidate within the limit, or empty.
  std::string_view best() const noexcept { return best_; }

 private:
  std::string_view text_;
  std::string_view best_;
  std::size_t best_distance_;
};

}  // namespace policylint::analysis
