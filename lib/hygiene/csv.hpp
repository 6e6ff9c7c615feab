#pragma once
// A CSV reader (RFC 4180: commas, double-quoted fields with "" escapes, CRLF
// or LF line ends) that keeps the exact source range of every cell, so that a
// finding can point at the offending cell.
//
// One departure from RFC 4180: a quoted field ends at the end of its line.
// Credential reports never hold line breaks in a field, and this way a quote
// left open costs one row, not the rest of the file.
#include <string>
#include <string_view>
#include <vector>

#include "policylint/source.hpp"

namespace policylint::hygiene {

struct CsvCell {
  std::string value;  ///< unquoted and unescaped
  SourceRange range;  ///< the cell as written, quotes included
};

struct CsvRow {
  std::vector<CsvCell> cells;
  SourceRange range;  ///< the whole record, without its line break
};

/// A problem that stops a record from being read as written.
struct CsvProblem {
  SourceRange range;
  std::string message;
};

struct CsvTable {
  std::vector<CsvRow> rows;  ///< every record, the header first; blank lines are skipped
  std::vector<CsvProblem> problems;
};

/// Reads `text`. Never throws on bad input: a quote that is never closed, or
/// text after a closing quote, becomes a problem and the rest of the record is
/// read as well as it can be.
CsvTable read_csv(std::string_view text);

}  // namespace policylint::hygiene
