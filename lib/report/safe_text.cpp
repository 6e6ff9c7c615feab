#include "report/safe_text.hpp"

#include <algorithm>

#include "document/utf8.hpp"
#include "hygiene/secret_scan.hpp"
#include "policylint/safe_text.hpp"

namespace policylint::report {
namespace {

constexpr std::string_view kHex = "0123456789abcdef";

bool plain_ascii(char c) noexcept { return c >= 0x20 && c < 0x7F; }

// Characters that change how a terminal or a viewer lays text out rather
// than show: C1 controls, the bidirectional marks, embeddings, overrides and
// isolates ("Trojan Source"), and the Unicode line and paragraph separators.
bool invisible_control(char32_t c) noexcept {
  return (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

void append_byte_escape(std::string& out, unsigned char byte) {
  out += "\\x";
  out.push_back(kHex[byte >> 4]);
  out.push_back(kHex[byte & 0x0F]);
}

// One unit of a line: a valid UTF-8 sequence, or one byte that is not.
struct Unit {
  std::size_t length;
  bool valid;
};

Unit unit_at(std::string_view text, std::size_t at) noexcept {
  if (plain_ascii(text[at])) {
    return {1, true};
  }
  const std::size_t length = utf8_sequence_length(text, at);
  return length == 0 ? Unit{1, false} : Unit{length, true};
}

// Appends the unit text[at, at + unit.length) as shown; returns how many
// columns it takes there.
std::size_t append_unit(std::string& out, std::string_view text, std::size_t at, Unit unit, bool keep_tabs) {
  const auto byte = static_cast<unsigned char>(text[at]);
  if (!unit.valid) {
    append_byte_escape(out, byte);
    return 4;
  }
  if (unit.length == 1) {
    if (plain_ascii(text[at]) || (keep_tabs && byte == '\t')) {
      out.push_back(text[at]);
      return 1;
    }
    switch (byte) {
      case '\n': out += "\\n"; return 2;
      case '\r': out += "\\r"; return 2;
      case '\t': out += "\\t"; return 2;
      default: append_byte_escape(out, byte); return 4;
    }
  }
  const char32_t c = decode_utf8(text.substr(at, unit.length));
  if (invisible_control(c)) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.push_back(kHex[(c >> shift) & 0x0F]);
    }
    return 6;
  }
  out.append(text.substr(at, unit.length));
  return 1;
}

bool needs_escape(std::string_view text, bool keep_tabs) noexcept {
  return std::any_of(text.begin(), text.end(), [&](char c) { return !plain_ascii(c) && !(keep_tabs && c == '\t'); });
}

}  // namespace

void append_escaped(std::string& out, std::string_view text, bool keep_tabs) {
  for (std::size_t at = 0; at < text.size();) {
    const Unit unit = unit_at(text, at);
    append_unit(out, text, at, unit, keep_tabs);
    at += unit.length;
  }
}

std::string_view escaped(std::string_view text, std::string& storage, bool keep_tabs) {
  if (!needs_escape(text, keep_tabs)) {
    return text;
  }
  storage.clear();
  append_escaped(storage, text, keep_tabs);
  return storage;
}

ShownLine show_line(std::string_view line, std::uint32_t column, std::uint32_t width) {
  ShownLine shown;
  shown.text.reserve(line.size());
  std::uint32_t at_column = 1;
  for (std::size_t at = 0; at < line.size(); ++at_column) {
    const Unit unit = unit_at(line, at);
    const std::size_t columns = append_unit(shown.text, line, at, unit, true);
    if (at_column < column) {
      shown.padding.append(columns, line[at] == '\t' ? '\t' : ' ');
    } else if (at_column < column + width) {
      shown.carets += columns;
    }
    at += unit.length;
  }
  // A range may run past the line's end (onto its line break): one caret per
  // column beyond, as for the columns within.
  const std::uint32_t end_column = column + width;
  if (end_column > at_column) {
    shown.carets += end_column - std::max(at_column, column);
  }
  return shown;
}

}  // namespace policylint::report

namespace policylint {

std::string mask_credentials(std::string_view text) {
  std::string out(text);
  hygiene::mask_credentials(out);
  return out;
}

std::string printable(std::string_view text) {
  std::string out;
  report::append_escaped(out, text);
  hygiene::mask_credentials(out);
  return out;
}

}  // namespace policylint
