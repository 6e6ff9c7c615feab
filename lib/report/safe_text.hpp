#pragma once
// The report layer's one step for text that people read: control
// characters and bytes that are not UTF-8 shown as visible escapes. Every
// human-readable writer (text, GitHub annotations, statistics) quotes input
// through it; masking_writer.hpp masks credentials in every format.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace policylint::report {

/// Appends `text` with each control character, each Unicode bidirectional or
/// line-separator control and each byte that is not UTF-8 as an escape (see
/// policylint::printable). With `keep_tabs`, tabs stay (a source line's
/// indentation).
void append_escaped(std::string& out, std::string_view text, bool keep_tabs = false);

/// `text` itself when it needs no escape, else its escaped copy in `storage`.
std::string_view escaped(std::string_view text, std::string& storage, bool keep_tabs = false);

/// A source line as the text report shows it, escaped, with the caret line
/// under the columns [column, column + width) of the line as written
/// (columns count code points; a byte that is not UTF-8 counts as one).
struct ShownLine {
  std::string text;
  std::string padding;     ///< spaces (and the line's tabs) before the carets
  std::size_t carets = 0;  ///< how many '^'
};
ShownLine show_line(std::string_view line, std::uint32_t column, std::uint32_t width);

}  // namespace policylint::report
