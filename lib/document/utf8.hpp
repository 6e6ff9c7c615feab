#pragma once
// UTF-8 helpers for the parser and for column arithmetic.
#include <cstddef>
#include <string>
#include <string_view>

namespace policylint {

/// The length (1-4) of the valid UTF-8 sequence starting at `pos`, or 0 when
/// the bytes there are not valid UTF-8 (overlong forms, surrogates and values
/// above U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) noexcept;

/// Decodes one valid sequence as returned by utf8_sequence_length.
char32_t decode_utf8(std::string_view sequence) noexcept;

void append_utf8(std::string& out, char32_t code_point);

/// Counts code points: the bytes that start a character.
std::size_t count_code_points(std::string_view text) noexcept;

/// IAM accepts TAB, LF, CR and U+0020 to U+00FF in policy documents.
constexpr bool iam_allows_character(char32_t c) noexcept {
  return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0xFF);
}

/// "U+2028" and, for printable characters, the character itself.
std::string describe_code_point(char32_t code_point);

}  // namespace policylint
