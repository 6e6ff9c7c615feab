#include "analysis/value_part.hpp"

namespace policylint::analysis {
namespace {

/// Source bytes taken by the escape starting at `raw` (a backslash), and the
/// decoded bytes it stands for.
struct EscapeSize {
  std::size_t raw;
  std::size_t decoded;
};

unsigned hex_value(std::string_view text) noexcept {
  unsigned value = 0;
  for (const char c : text) {
    value <<= 4;
    if (c >= '0' && c <= '9') {
      value |= static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      value |= static_cast<unsigned>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      value |= static_cast<unsigned>(c - 'A' + 10);
    }
  }
  return value;
}

EscapeSize escape_size(std::string_view source, std::size_t raw) noexcept {
  if (raw + 1 >= source.size() || source[raw + 1] != 'u' || raw + 6 > source.size()) {
    return {2, 1};
  }
  const unsigned unit = hex_value(source.substr(raw + 2, 4));
  const bool high_surrogate = unit >= 0xD800 && unit <= 0xDBFF;
  if (high_surrogate && raw + 12 <= source.size() && source[raw + 6] == '\\' && source[raw + 7] == 'u') {
    return {12, 4};
  }
  return {6, unit < 0x80 ? std::size_t{1} : unit < 0x800 ? std::size_t{2} : std::size_t{3}};
}

bool is_continuation_byte(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

SourceRange part_range(std::string_view source, const Value& value, std::size_t begin, std::size_t end) noexcept {
  const SourceRange whole = value.range;
  if (begin > end || end > value.text.size() || whole.end.offset > source.size() ||
      whole.begin.offset >= whole.end.offset) {
    return whole;
  }
  const bool quoted = source[whole.begin.offset] == '"';
  SourcePosition at = whole.begin;
  if (quoted) {
    ++at.offset;
    ++at.column;
  }
  // Strings hold no raw line breaks, so only the column and offset move.
  SourceRange part{at, at};
  std::size_t decoded = 0;
  while (true) {
    if (decoded == begin) {
      part.begin = at;
    }
    if (decoded >= end || at.offset >= whole.end.offset) {
      break;
    }
    std::size_t raw_size = 1;
    std::size_t decoded_size = 1;
    if (quoted && source[at.offset] == '\\') {
      const EscapeSize escape = escape_size(source, at.offset);
      raw_size = escape.raw;
      decoded_size = escape.decoded;
    }
    for (std::size_t i = 0; i < raw_size; ++i) {
      if (!is_continuation_byte(source[at.offset + i])) {
        ++at.column;
      }
    }
    at.offset += static_cast<std::uint32_t>(raw_size);
    decoded += decoded_size;
  }
  part.end = at;
  return decoded >= end ? part : whole;
}

}  // namespace policylint::analysis
