#pragma once
// Reading one file policylint is given: a policy or other input, the
// configuration, a baseline, a credential report. The workspace, the C API
// and the CLI all read through it. Only regular files and
// standard input are read, and never more than a limit, so that a FIFO, a
// device or a huge file named by a user (or by a hostile repository) cannot
// make a run wait for ever or exhaust memory.
#include <cstddef>
#include <optional>
#include <string>

#include "policylint/export.hpp"

namespace policylint {

struct InputRead {
  std::string bytes;  ///< what was read: at most `limit` + 1 bytes
  /// The input holds more than `limit` bytes; `bytes` stops after limit + 1.
  bool over_limit = false;
  /// The input's size when it is a regular file (a pipe has none).
  std::optional<std::size_t> size;
  /// Why it could not be read ("permission denied", "not a regular file (a
  /// FIFO)"); empty when it was read.
  std::string error;
};

/// The system's reason for the errno value `error`, in lower case to read as
/// part of a sentence ("cannot be read: permission denied").
POLICYLINT_API std::string error_reason(int error);

/// Reads the file at `path`, or standard input when `path` is empty (whatever
/// it is: a pipe, a terminal, a redirected file). A path that is not a regular
/// file is refused without reading it.
POLICYLINT_API InputRead read_input_file(const std::string& path, std::size_t limit);

}  // namespace policylint
