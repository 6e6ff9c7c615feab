#pragma once
// Byte offsets in a template's text turned into the 1-based line and
// code-point column every finding carries, and the ends of YAML scalars,
// which the YAML parser marks only at their start.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "policylint/source.hpp"

namespace policylint::templates {

class TextPositions {
 public:
  explicit TextPositions(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        line_starts_.push_back(i + 1);
      }
    }
  }

  std::size_t clamp(long long offset) const noexcept {
    return offset < 0 ? 0 : std::min(static_cast<std::size_t>(offset), text_.size());
  }

  SourcePosition at(std::size_t offset) const noexcept {
    offset = std::min(offset, text_.size());
    const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
    std::uint32_t column = 1;
    for (std::size_t i = *line; i < offset; ++i) {
      // A UTF-8 continuation byte does not start a code point.
      column += (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80 ? 0 : 1;
    }
    return SourcePosition{static_cast<std::uint32_t>(line - line_starts_.begin() + 1), column,
                          static_cast<std::uint32_t>(offset)};
  }

  SourceRange range(std::size_t begin, std::size_t end) const noexcept {
    return SourceRange{at(begin), at(std::max(begin, end))};
  }

  /// Where the tag `tag` of a node marked at `mark` is written: at the mark,
  /// or just before it.
  std::size_t find_tag(std::size_t mark, const std::string& tag) const noexcept {
    if (text_.compare(mark, tag.size(), tag) == 0) {
      return mark;
    }
    const std::size_t before = text_.rfind(tag, mark);
    return before == std::string_view::npos ? mark : before;
  }

  /// The first character after a tag and the blanks that follow it.
  std::size_t skip_tag(std::size_t tag_start, const std::string& tag) const noexcept {
    std::size_t at = std::min(tag_start + tag.size(), text_.size());
    while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t')) {
      ++at;
    }
    return at;
  }

  /// The end of the scalar that starts at `start` and reads as `value`.
  std::size_t scalar_end(std::size_t start, const std::string& value) const noexcept {
    if (start >= text_.size()) {
      return start;
    }
    if (text_.compare(start, value.size(), value) == 0 && !value.empty()) {
      return start + value.size();  // plain, written as it reads
    }
    const char quote = text_[start];
    if (quote == '"' || quote == '\'') {
      for (std::size_t i = start + 1; i < text_.size(); ++i) {
        if (quote == '"' && text_[i] == '\\') {
          ++i;
        } else if (text_[i] == quote) {
          if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
            ++i;
          } else {
            return i + 1;
          }
        }
      }
      return text_.size();
    }
    // A block or folded scalar, or a plain one over several lines: its first line.
    const std::size_t line_end = std::min(text_.find('\n', start), text_.size());
    std::size_t end = line_end;
    const std::size_t comment = text_.find(" #", start);
    if (comment < end) {
      end = comment;
    }
    while (end > start && (text_[end - 1] == ' ' || text_[end - 1] == '\t' || text_[end - 1] == '\r')) {
      --end;
    }
    return end;
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace policylint::templates
