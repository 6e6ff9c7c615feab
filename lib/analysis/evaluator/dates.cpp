// Reading the dates Date operators compare: the W3C profile of ISO 8601
// (YYYY, YYYY-MM, YYYY-MM-DD, then Thh:mm[:ss[.fraction]] with Z or an
// offset) and epoch counts.
#include <cctype>
#include <cstdint>
#include <optional>
#include <string_view>

#include "analysis/evaluator/evaluator_internal.hpp"

namespace policylint::evaluator {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}
  bool done() const noexcept { return at_ == text_.size(); }
  bool take(char c) noexcept {
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }
  std::optional<int> digits(std::size_t count) noexcept {
    if (text_.size() - at_ < count) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = text_[at_ + i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    at_ += count;
    return value;
  }
  /// Fraction digits after a '.', as milliseconds.
  std::optional<int> fraction_ms() noexcept {
    int ms = 0;
    int scale = 100;
    std::size_t count = 0;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
      ms += (text_[at_] - '0') * scale;
      scale /= 10;
      ++at_;
      ++count;
    }
    if (count == 0) return std::nullopt;
    return ms;
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

/// Days from 1970-01-01 to a proleptic Gregorian date.
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

bool leap(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(int year, int month) noexcept {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

std::optional<std::int64_t> epoch_count(std::string_view text) noexcept {
  const bool negative = text.starts_with('-');
  const std::string_view digits = negative ? text.substr(1) : text;
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (digits.size() < 12) value *= 1000;
  return negative ? -value : value;
}

}  // namespace

std::optional<std::int64_t> parse_date_ms(std::string_view text) noexcept {
  if (text.size() != 4 && text.find('-', 1) == std::string_view::npos) return epoch_count(text);
  Reader in(text);
  const std::optional<int> year = in.digits(4);
  if (!year) return std::nullopt;
  int month = 1;
  int day = 1;
  std::int64_t ms = 0;
  if (in.take('-')) {
    const std::optional<int> m = in.digits(2);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    month = *m;
    if (in.take('-')) {
      const std::optional<int> d = in.digits(2);
      if (!d || *d < 1 || static_cast<unsigned>(*d) > days_in_month(*year, month)) return std::nullopt;
      day = *d;
      if (in.take('T')) {
        const std::optional<int> hour = in.digits(2);
        if (!hour || *hour > 23 || !in.take(':')) return std::nullopt;
        const std::optional<int> minute = in.digits(2);
        if (!minute || *minute > 59) return std::nullopt;
        ms = (*hour * 60LL + *minute) * 60000LL;
        if (in.take(':')) {
          const std::optional<int> second = in.digits(2);
          if (!second || *second > 60) return std::nullopt;
          ms += *second * 1000LL;
          if (in.take('.')) {
            const std::optional<int> fraction = in.fraction_ms();
            if (!fraction) return std::nullopt;
            ms += *fraction;
          }
        }
        // A time needs its zone: Z or +hh:mm / -hh:mm.
        if (!in.take('Z')) {
          const bool plus = in.take('+');
          if (!plus && !in.take('-')) return std::nullopt;
          const std::optional<int> zone_hour = in.digits(2);
          if (!zone_hour || !in.take(':')) return std::nullopt;
          const std::optional<int> zone_minute = in.digits(2);
          if (!zone_minute) return std::nullopt;
          const std::int64_t offset = (*zone_hour * 60LL + *zone_minute) * 60000LL;
          ms += plus ? -offset : offset;
        }
      }
    }
  }
  if (!in.done()) return std::nullopt;
  return days_from_civil(*year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400000LL + ms;
}

}  // namespace policylint::evaluator
