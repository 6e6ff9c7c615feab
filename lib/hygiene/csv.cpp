#include "hygiene/csv.hpp"

#include "text/text_cursor.hpp"

namespace policylint::hygiene {
namespace {

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text), cursor_(text) {}

  CsvTable read() {
    while (pos_ < text_.size()) {
      if (at_line_end()) {
        skip_line_end();  // blank line
        continue;
      }
      read_record();
    }
    return std::move(table_);
  }

 private:
  bool at_line_end() const noexcept { return text_[pos_] == '\n' || text_[pos_] == '\r'; }

  void skip_line_end() noexcept {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
      ++pos_;
    }
    ++pos_;
  }

  void read_record() {
    CsvRow row;
    const SourcePosition begin = cursor_.at(pos_);
    while (true) {
      row.cells.push_back(read_cell());
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      break;
    }
    row.range = SourceRange{begin, cursor_.at(pos_)};
    if (pos_ < text_.size()) {
      skip_line_end();
    }
    table_.rows.push_back(std::move(row));
  }

  CsvCell read_cell() {
    CsvCell cell;
    const SourcePosition begin = cursor_.at(pos_);
    if (pos_ < text_.size() && text_[pos_] == '"') {
      read_quoted(cell.value);
    }
    // Unquoted text, or text after a closing quote (a problem already noted).
    const std::size_t end = text_.find_first_of(",\r\n", pos_);
    const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
    cell.value.append(text_.substr(pos_, stop - pos_));
    pos_ = stop;
    cell.range = SourceRange{begin, cursor_.at(pos_)};
    return cell;
  }

  // Reads a quoted field starting at its opening quote and leaves pos_ just
  // past the closing quote.
  void read_quoted(std::string& value) {
    const std::size_t open = pos_++;
    for (std::size_t quote = text_.find_first_of("\"\n", pos_); quote != std::string_view::npos && text_[quote] == '"';
         quote = text_.find_first_of("\"\n", pos_)) {
      value.append(text_.substr(pos_, quote - pos_));
      pos_ = quote + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        value.push_back('"');  // "" is an escaped quote
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\r' && text_[pos_] != '\n') {
        table_.problems.push_back({cursor_.range(pos_, pos_ + 1),
                                   "text after the closing quote of a field; quote the whole field and write "
                                   "a quote inside it as \"\""});
      }
      return;
    }
    // Not closed on its line: read the rest of the field as unquoted text.
    table_.problems.push_back(
        {cursor_.range(open, open + 1), "this quote is not closed before the end of the line; close it"});
    value.clear();
    pos_ = open + 1;
  }

  std::string_view text_;
  TextCursor cursor_;
  std::size_t pos_ = 0;
  CsvTable table_;
};

}  // namespace

CsvTable read_csv(std::string_view text) { return CsvReader(text).read(); }

}  // namespace policylint::hygiene
