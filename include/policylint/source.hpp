#pragma once
#include <cstdint>

namespace policylint {

/// A place in a source text. Lines and columns are 1-based; the column counts
/// Unicode code points from the start of the line; offset counts bytes from the
/// start of the text (0-based).
struct SourcePosition {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::uint32_t offset = 0;

  friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

/// A half-open span of source text: `end` is the position just past the last
/// character (as SARIF's endColumn).
struct SourceRange {
  SourcePosition begin;
  SourcePosition end;

  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

}  // namespace policylint
