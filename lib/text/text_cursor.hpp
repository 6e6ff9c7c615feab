#pragma once
// Turns byte offsets into line/column positions for inputs read front to
// back: each call moves forward from the last one, so a whole file costs one
// pass however many positions are asked for.
#include <cstdint>
#include <string_view>

#include "policylint/source.hpp"

namespace policylint {

class TextCursor {
 public:
  explicit TextCursor(std::string_view text) noexcept : text_(text) {}

  /// The position of byte `offset`; offsets must not decrease between calls.
  SourcePosition at(std::size_t offset) noexcept {
    for (; position_.offset < offset && position_.offset < text_.size(); ++position_.offset) {
      const auto byte = static_cast<unsigned char>(text_[position_.offset]);
      if (byte == '\n') {
        ++position_.line;
        position_.column = 1;
      } else if ((byte & 0xC0) != 0x80) {
        ++position_.column;  // columns count code points, not continuation bytes
      }
    }
    return position_;
  }

  SourceRange range(std::size_t begin, std::size_t end) noexcept {
    const SourcePosition first = at(begin);
    return SourceRange{first, at(end)};
  }

 private:
  std::string_view text_;
  SourcePosition position_;
};

}  // namespace policylint
