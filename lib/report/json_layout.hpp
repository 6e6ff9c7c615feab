#pragma once
// Writing a JSON document in pieces with the layout nlohmann's dump(2) gives
// the whole document, so that a streamed report is byte for byte the one a
// single dump would print.
#include <nlohmann/json.hpp>
#include <string>

namespace policylint::report {

/// Appends `value` as dump(2) prints it when it sits `depth` levels deep: its
/// first line where `out` ends, the others indented by 2 × depth more spaces.
/// Invalid UTF-8 is replaced, never thrown on.
void append_nested(std::string& out, const nlohmann::json& value, int depth);

/// A JSON array at `depth` whose elements are appended one at a time. The
/// text before it, `opening` (up to and including its `[`), is written with
/// the first element, or with the closing bracket when there is none.
class StreamedArray {
 public:
  StreamedArray(int depth, std::string opening) : depth_(depth), opening_(std::move(opening)) {}

  void add(std::string& out, const nlohmann::json& element);
  /// Writes the closing bracket (`[]` when nothing was added).
  void close(std::string& out);

 private:
  void open(std::string& out);

  int depth_;
  std::string opening_;
  bool opened_ = false;
  bool empty_ = true;
};

}  // namespace policylint::report
