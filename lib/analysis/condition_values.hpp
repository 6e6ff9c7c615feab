#pragma once
// Reading condition values as their operator family does: booleans, numbers,
// dates (ISO 8601 or epoch seconds), IP ranges (CIDR, IPv4 or IPv6) and
// base64 binaries. A value that does not read never matches a request.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace policylint::analysis {

/// "true" or "false" in any case, as IAM reads Bool and Null values.
std::optional<bool> parse_bool(std::string_view text) noexcept;

/// An integer or decimal number ("10", "-2.5", "1e3").
bool is_number(std::string_view text) noexcept;

/// The value of a number as Numeric operators read it (is_number), or nothing.
std::optional<double> parse_number(std::string_view text) noexcept;

/// A date in the W3C profile of ISO 8601 ("2024-01-31", "2024-01-31T12:00:00Z",
/// "2024-01-31T12:00:00.5+02:00") or a count of epoch seconds ("1706702400").
bool is_date(std::string_view text) noexcept;

/// Standard base64 with padding.
bool is_base64(std::string_view text) noexcept;

/// An IP address range: an address and a prefix length (a bare address is
/// the range of that one address).
struct IpRange {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  ///< IPv4 uses the first 4
  unsigned prefix_length = 0;
};

/// "203.0.113.0/24", "10.1.2.3", "2001:db8::/32", "::ffff:10.0.0.1".
std::optional<IpRange> parse_ip_range(std::string_view text) noexcept;

/// True when the address has bits set past the prefix ("10.1.2.3/8"): IAM
/// ignores them, so the range is wider than the address suggests.
bool has_host_bits(const IpRange& range) noexcept;

/// The range with the bits past the prefix cleared, written as CIDR
/// ("10.0.0.0/8", "2001:db8::/32").
std::string canonical_cidr(const IpRange& range);

/// True when every address of the range is private, loopback or link-local
/// (RFC 1918, 127/8, 169.254/16, fc00::/7, fe80::/10, ::1): addresses that
/// never appear as aws:SourceIp, which holds public addresses only.
bool is_private(const IpRange& range) noexcept;

}  // namespace policylint::analysis
