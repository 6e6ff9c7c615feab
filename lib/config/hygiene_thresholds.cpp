// Credential report thresholds from a configuration or the command line.
#include "policylint/config.hpp"

namespace policylint {
namespace {

void take(std::optional<unsigned>& to, const std::optional<unsigned>& from) noexcept {
  if (from) {
    to = from;
  }
}

}  // namespace

void HygieneThresholds::apply_to(HygieneOptions& options) const noexcept {
  options.root_recent_use_days = root_recent_use_days.value_or(options.root_recent_use_days);
  options.max_access_key_age_days = max_access_key_age_days.value_or(options.max_access_key_age_days);
  options.max_unused_days = max_unused_days.value_or(options.max_unused_days);
}

void HygieneThresholds::override_with(const HygieneThresholds& other) noexcept {
  take(root_recent_use_days, other.root_recent_use_days);
  take(max_access_key_age_days, other.max_access_key_age_days);
  take(max_unused_days, other.max_unused_days);
}

}  // namespace policylint
