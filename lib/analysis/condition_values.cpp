#include "analysis/condition_values.hpp"

#include <algorithm>
#include <charconv>

#include "text/text.hpp"

namespace policylint::analysis {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view text) noexcept {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

/// Reads exactly `width` digits at the front of `text` and removes them.
std::optional<unsigned> take_digits(std::string_view& text, std::size_t width) noexcept {
  if (text.size() < width || !all_digits(text.substr(0, width))) {
    return std::nullopt;
  }
  unsigned value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
  }
  text.remove_prefix(width);
  return value;
}

bool take(std::string_view& text, char c) noexcept {
  if (text.empty() || text.front() != c) {
    return false;
  }
  text.remove_prefix(1);
  return true;
}

unsigned days_in_month(unsigned year, unsigned month) noexcept {
  constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

/// "Z", "+hh:mm", "-hh:mm", or nothing (read as UTC, as AWS does).
bool is_time_zone(std::string_view text) noexcept {
  if (text.empty() || text == "Z") {
    return true;
  }
  if (!take(text, '+') && !take(text, '-')) {
    return false;
  }
  const auto hours = take_digits(text, 2);
  const bool colon = take(text, ':');
  const auto minutes = take_digits(text, 2);
  return hours && colon && minutes && *hours <= 23 && *minutes <= 59 && text.empty();
}

/// "hh:mm", "hh:mm:ss" or "hh:mm:ss.fraction", then a time zone.
bool is_time(std::string_view text) noexcept {
  const auto hours = take_digits(text, 2);
  if (!hours || *hours > 23 || !take(text, ':')) {
    return false;
  }
  const auto minutes = take_digits(text, 2);
  if (!minutes || *minutes > 59) {
    return false;
  }
  if (take(text, ':')) {
    const auto seconds = take_digits(text, 2);
    if (!seconds || *seconds > 60) {
      return false;
    }
    if (take(text, '.')) {
      const std::size_t digits = static_cast<std::size_t>(
          std::find_if(text.begin(), text.end(), [](char c) { return !is_digit(c); }) - text.begin());
      if (digits == 0) {
        return false;
      }
      text.remove_prefix(digits);
    }
  }
  return is_time_zone(text);
}

bool is_iso_date(std::string_view text) noexcept {
  const auto year = take_digits(text, 4);
  if (!year) {
    return false;
  }
  if (text.empty()) {
    return true;
  }
  const auto month = take(text, '-') ? take_digits(text, 2) : std::nullopt;
  if (!month || *month < 1 || *month > 12) {
    return false;
  }
  if (text.empty()) {
    return true;
  }
  const auto day = take(text, '-') ? take_digits(text, 2) : std::nullopt;
  if (!day || *day < 1 || *day > days_in_month(*year, *month)) {
    return false;
  }
  if (text.empty()) {
    return true;
  }
  return take(text, 'T') && is_time(text);
}

std::optional<unsigned> parse_small_number(std::string_view text, unsigned max) noexcept {
  if (!all_digits(text) || text.size() > 3 || (text.size() > 1 && text.front() == '0')) {
    return std::nullopt;
  }
  unsigned value = 0;
  for (const char c : text) {
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value <= max ? std::optional<unsigned>(value) : std::nullopt;
}

/// Dotted-quad IPv4 into out[0..4).
bool parse_ipv4(std::string_view text, std::uint8_t* out) noexcept {
  for (int part = 0; part < 4; ++part) {
    const std::size_t dot = part < 3 ? text.find('.') : text.size();
    if (dot == std::string_view::npos) {
      return false;
    }
    const auto value = parse_small_number(text.substr(0, dot), 255);
    if (!value) {
      return false;
    }
    out[part] = static_cast<std::uint8_t>(*value);
    text.remove_prefix(part < 3 ? dot + 1 : dot);
  }
  return true;
}

std::optional<unsigned> parse_hex_group(std::string_view text) noexcept {
  if (text.empty() || text.size() > 4) {
    return std::nullopt;
  }
  unsigned value = 0;
  for (const char c : text) {
    const char lower = ascii_lower(c);
    const bool hex = is_digit(c) || (lower >= 'a' && lower <= 'f');
    if (!hex) {
      return std::nullopt;
    }
    value = value * 16 + static_cast<unsigned>(is_digit(c) ? c - '0' : lower - 'a' + 10);
  }
  return value;
}

/// Reads ':'-separated hex groups (the last may be an IPv4 address when
/// `allow_ipv4`) into `out`, returning how many bytes were written.
std::optional<std::size_t> parse_groups(std::string_view text, std::uint8_t* out, std::size_t room,
                                        bool allow_ipv4) noexcept {
  std::size_t written = 0;
  while (!text.empty()) {
    const std::size_t colon = text.find(':');
    const std::string_view group = text.substr(0, colon);
    const bool last = colon == std::string_view::npos;
    if (last && allow_ipv4 && group.find('.') != std::string_view::npos) {
      if (written + 4 > room || !parse_ipv4(group, out + written)) {
        return std::nullopt;
      }
      return written + 4;
    }
    const auto value = parse_hex_group(group);
    if (!value || written + 2 > room) {
      return std::nullopt;
    }
    out[written] = static_cast<std::uint8_t>(*value >> 8);
    out[written + 1] = static_cast<std::uint8_t>(*value & 0xFF);
    written += 2;
    if (last) {
      break;
    }
    text.remove_prefix(colon + 1);
    if (text.empty()) {
      return std::nullopt;  // a trailing single ':'
    }
  }
  return written;
}

bool parse_ipv6(std::string_view text, std::uint8_t* out) noexcept {
  const std::size_t gap = text.find("::");
  if (gap == std::string_view::npos) {
    const auto written = parse_groups(text, out, 16, true);
    return written && *written == 16;
  }
  if (text.find("::", gap + 1) != std::string_view::npos) {
    return false;
  }
  std::array<std::uint8_t, 16> tail{};
  const auto head_size = parse_groups(text.substr(0, gap), out, 16, false);
  const auto tail_size = parse_groups(text.substr(gap + 2), tail.data(), 16, true);
  if (!head_size || !tail_size || *head_size + *tail_size > 14) {
    return false;
  }
  std::fill(out + *head_size, out + 16, std::uint8_t{0});
  std::copy(tail.begin(), tail.begin() + static_cast<std::ptrdiff_t>(*tail_size), out + 16 - *tail_size);
  return true;
}

/// True when the first `bits` bits of a and b agree.
bool same_prefix(const std::uint8_t* a, const std::uint8_t* b, unsigned bits) noexcept {
  for (unsigned i = 0; i < bits; ++i) {
    const unsigned shift = 7 - i % 8;
    if (((a[i / 8] >> shift) & 1U) != ((b[i / 8] >> shift) & 1U)) {
      return false;
    }
  }
  return true;
}

struct Block {
  std::array<std::uint8_t, 16> bytes;
  unsigned prefix_length;
};

constexpr std::array<Block, 5> kPrivateV4 = {{
    {{10}, 8}, {{172, 16}, 12}, {{192, 168}, 16}, {{127}, 8}, {{169, 254}, 16}}};
constexpr std::array<Block, 3> kPrivateV6 = {{
    {{0xfc}, 7}, {{0xfe, 0x80}, 10}, {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 128}}};

}  // namespace

std::optional<bool> parse_bool(std::string_view text) noexcept {
  if (equal_ignoring_case(text, "true")) {
    return true;
  }
  if (equal_ignoring_case(text, "false")) {
    return false;
  }
  return std::nullopt;
}

bool is_number(std::string_view text) noexcept {
  take(text, '-');
  const auto integer_digits = static_cast<std::size_t>(
      std::find_if(text.begin(), text.end(), [](char c) { return !is_digit(c); }) - text.begin());
  if (integer_digits == 0) {
    return false;
  }
  text.remove_prefix(integer_digits);
  if (take(text, '.')) {
    const auto fraction = static_cast<std::size_t>(
        std::find_if(text.begin(), text.end(), [](char c) { return !is_digit(c); }) - text.begin());
    if (fraction == 0) {
      return false;
    }
    text.remove_prefix(fraction);
  }
  if (take(text, 'e') || take(text, 'E')) {
    if (!take(text, '+')) {
      take(text, '-');
    }
    return all_digits(text);
  }
  return text.empty();
}

std::optional<double> parse_number(std::string_view text) noexcept {
  double value = 0;
  if (!is_number(text) ||
      std::from_chars(text.data(), text.data() + text.size(), value).ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

bool is_date(std::string_view text) noexcept { return all_digits(text) || is_iso_date(text); }

bool is_base64(std::string_view text) noexcept {
  if (text.empty() || text.size() % 4 != 0) {
    return false;
  }
  const std::size_t padding = text.size() - text.find_last_not_of('=') - 1;
  if (padding > 2) {
    return false;
  }
  return std::all_of(text.begin(), text.end() - static_cast<std::ptrdiff_t>(padding), [](char c) {
    return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '+' || c == '/';
  });
}

std::optional<IpRange> parse_ip_range(std::string_view text) noexcept {
  IpRange range;
  const std::size_t slash = text.find('/');
  const std::string_view address = text.substr(0, slash);
  range.v6 = address.find(':') != std::string_view::npos;
  const bool parsed = range.v6 ? parse_ipv6(address, range.bytes.data()) : parse_ipv4(address, range.bytes.data());
  if (!parsed) {
    return std::nullopt;
  }
  const unsigned max_length = range.v6 ? 128 : 32;
  range.prefix_length = max_length;
  if (slash != std::string_view::npos) {
    const auto length = parse_small_number(text.substr(slash + 1), max_length);
    if (!length) {
      return std::nullopt;
    }
    range.prefix_length = *length;
  }
  return range;
}

bool has_host_bits(const IpRange& range) noexcept {
  const unsigned bits = range.v6 ? 128 : 32;
  for (unsigned bit = range.prefix_length; bit < bits; ++bit) {
    if ((range.bytes[bit / 8] >> (7 - bit % 8)) & 1U) {
      return true;
    }
  }
  return false;
}

std::string canonical_cidr(const IpRange& range) {
  IpRange cleared = range;
  const unsigned bits = range.v6 ? 128 : 32;
  for (unsigned bit = range.prefix_length; bit < bits; ++bit) {
    cleared.bytes[bit / 8] = static_cast<std::uint8_t>(cleared.bytes[bit / 8] & ~(1U << (7 - bit % 8)));
  }
  const std::array<std::uint8_t, 16>& b = cleared.bytes;
  std::string text;
  if (!range.v6) {
    text = std::to_string(b[0]) + "." + std::to_string(b[1]) + "." + std::to_string(b[2]) + "." + std::to_string(b[3]);
  } else {
    // RFC 5952: lower-case hex groups, the longest run of two or more zero
    // groups (the first of equal runs) written as "::".
    std::array<unsigned, 8> groups{};
    for (std::size_t i = 0; i < 8; ++i) {
      groups[i] = static_cast<unsigned>(b[2 * i] << 8U | b[2 * i + 1]);
    }
    std::size_t run_start = 8;
    std::size_t run_length = 1;
    for (std::size_t i = 0; i < 8;) {
      std::size_t j = i;
      while (j < 8 && groups[j] == 0) {
        ++j;
      }
      if (j - i > run_length) {
        run_start = i;
        run_length = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    constexpr std::string_view kHex = "0123456789abcdef";
    for (std::size_t i = 0; i < 8; ++i) {
      if (i == run_start) {
        text += "::";
        i += run_length - 1;
        continue;
      }
      if (!text.empty() && !text.ends_with(':')) {
        text += ':';
      }
      std::string group;
      for (unsigned value = groups[i]; value != 0 || group.empty(); value >>= 4U) {
        group.insert(group.begin(), kHex[value & 0xFU]);
      }
      text += group;
    }
  }
  return text + "/" + std::to_string(range.prefix_length);
}

bool is_private(const IpRange& range) noexcept {
  const auto inside = [&](const Block& block) {
    return range.prefix_length >= block.prefix_length &&
           same_prefix(range.bytes.data(), block.bytes.data(), block.prefix_length);
  };
  return range.v6 ? std::any_of(kPrivateV6.begin(), kPrivateV6.end(), inside)
                  : std::any_of(kPrivateV4.begin(), kPrivateV4.end(), inside);
}

}  // namespace policylint::analysis
