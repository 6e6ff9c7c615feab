#include "text/timestamp.hpp"

#include "policylint/options.hpp"

namespace policylint {
namespace {

// Reads exactly `digits` decimal digits at `pos`.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t digits) noexcept {
  if (pos + digits > text.size()) {
    return std::nullopt;
  }
  int value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  pos += digits;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) noexcept {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

std::optional<std::chrono::sys_days> read_date(std::string_view text, std::size_t& pos) noexcept {
  const auto year = read_number(text, pos, 4);
  if (!year || !expect(text, pos, '-')) {
    return std::nullopt;
  }
  const auto month = read_number(text, pos, 2);
  if (!month || !expect(text, pos, '-')) {
    return std::nullopt;
  }
  const auto day = read_number(text, pos, 2);
  if (!day) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return std::chrono::sys_days{date};
}

// Reads `THH:MM:SS[.fff]` and the zone; returns the time of day in UTC
// minutes relative to the local midnight (may fall outside one day).
std::optional<int> read_time_utc_minutes(std::string_view text, std::size_t& pos) noexcept {
  if (!expect(text, pos, 'T')) {
    return std::nullopt;
  }
  const auto hour = read_number(text, pos, 2);
  const bool colon1 = expect(text, pos, ':');
  const auto minute = read_number(text, pos, 2);
  const bool colon2 = expect(text, pos, ':');
  const auto second = read_number(text, pos, 2);
  if (!hour || !colon1 || !minute || !colon2 || !second || *hour > 23 || *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  if (expect(text, pos, '.')) {
    const std::size_t digits_begin = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      ++pos;
    }
    if (pos == digits_begin) {
      return std::nullopt;
    }
  }
  const int minutes = *hour * 60 + *minute;
  if (expect(text, pos, 'Z')) {
    return minutes;
  }
  const bool ahead = pos < text.size() && text[pos] == '+';
  if (!expect(text, pos, '+') && !expect(text, pos, '-')) {
    return std::nullopt;
  }
  const auto offset_hours = read_number(text, pos, 2);
  const bool colon = expect(text, pos, ':');
  const auto offset_minutes = read_number(text, pos, 2);
  if (!offset_hours || !colon || !offset_minutes || *offset_hours > 23 || *offset_minutes > 59) {
    return std::nullopt;
  }
  const int offset = *offset_hours * 60 + *offset_minutes;
  return ahead ? minutes - offset : minutes + offset;
}

}  // namespace

std::optional<std::chrono::sys_days> parse_timestamp_day(std::string_view text) noexcept {
  std::size_t pos = 0;
  const auto date = read_date(text, pos);
  if (!date) {
    return std::nullopt;
  }
  if (pos == text.size()) {
    return date;
  }
  const auto minutes = read_time_utc_minutes(text, pos);
  if (!minutes || pos != text.size()) {
    return std::nullopt;
  }
  return std::chrono::floor<std::chrono::days>(*date + std::chrono::minutes{*minutes});
}

std::optional<std::chrono::sys_days> parse_date(std::string_view text) noexcept {
  std::size_t pos = 0;
  const auto date = read_date(text, pos);
  return pos == text.size() ? date : std::nullopt;
}

}  // namespace policylint
