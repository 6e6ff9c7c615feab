#include "document/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace policylint {

std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) noexcept {
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const auto continuation = [&](std::size_t i) { return pos + i < text.size() && (at(i) & 0xC0) == 0x80; };
  const unsigned char lead = at(0);
  if (lead < 0x80) {
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    return continuation(1) ? 2 : 0;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (!continuation(1) || !continuation(2)) {
      return 0;
    }
    if (lead == 0xE0 && at(1) < 0xA0) {
      return 0;  // overlong
    }
    if (lead == 0xED && at(1) >= 0xA0) {
      return 0;  // UTF-16 surrogate
    }
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) {
      return 0;
    }
    if (lead == 0xF0 && at(1) < 0x90) {
      return 0;  // overlong
    }
    if (lead == 0xF4 && at(1) >= 0x90) {
      return 0;  // above U+10FFFF
    }
    return 4;
  }
  return 0;
}

char32_t decode_utf8(std::string_view sequence) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(sequence[i])); };
  switch (sequence.size()) {
    case 1:
      return byte(0);
    case 2:
      return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3:
      return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    case 4:
      return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
    default:
      return 0xFFFD;
  }
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::size_t count_code_points(std::string_view text) noexcept {
  // Every byte but a continuation byte starts a code point.
  const auto starts = [](std::string_view bytes) {
    return static_cast<std::size_t>(std::count_if(bytes.begin(), bytes.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
  };
  std::size_t count = 0;
  std::size_t at = 0;
  // Eight ASCII bytes are eight code points: only words holding another
  // byte are counted byte by byte.
  for (; at + 8 <= text.size(); at += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + at, 8);
    count += (word & 0x8080808080808080ULL) == 0 ? 8 : starts(text.substr(at, 8));
  }
  return count + starts(text.substr(at));
}

std::string describe_code_point(char32_t code_point) {
  std::string out = fmt::format("U+{:04X}", static_cast<std::uint32_t>(code_point));
  if (code_point > 0x20 && code_point != 0x7F && !(code_point >= 0x80 && code_point < 0xA0) &&
      !(code_point >= 0x2000 && code_point <= 0x206F) && code_point != 0xFEFF) {
    out += " (";
    append_utf8(out, code_point);
    out += ")";
  }
  return out;
}

}  // namespace policylint
