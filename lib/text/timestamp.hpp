#pragma once
// ISO 8601 timestamps as AWS writes them in credential reports
// (2019-01-28T01:18:01+00:00), reduced to the UTC day they fall on.
#include <chrono>
#include <optional>
#include <string_view>

namespace policylint {

/// `YYYY-MM-DD`, optionally followed by `THH:MM:SS`, optional fractional
/// seconds, and `Z` or a `+HH:MM`/`-HH:MM` offset. The day is the UTC day.
/// nullopt for anything else, including AWS's sentinels such as `N/A`.
std::optional<std::chrono::sys_days> parse_timestamp_day(std::string_view text) noexcept;

}  // namespace policylint
