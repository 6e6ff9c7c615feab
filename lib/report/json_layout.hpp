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

/// A JSON array whose `[` has been written at `depth` and whose elements are
/// appended one at a time.
class StreamedArray {
 public:
  explicit StreamedArray(int depth) : depth_(depth) {}

  void add(std::string& out, const nlohmann::json& element);
  /// Writes the closing bracket (`[]` when nothing was added).
  void close(std::string& out);

 private:
  int depth_;
  bool empty_ = true;
};

}  // namespace policylint::report
